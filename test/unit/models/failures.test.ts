// Issue 15, "failures as cost": Young's and Daly's checkpoint intervals and the goodput on a worked
// example, spot work lost, decentralised hosts, owned repairs and replacements, nominal beside
// goodput-adjusted cost per useful GPU-hour, bad input on its field, sourced defaults. Every
// expected figure is computed by hand (the arithmetic in a comment).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/catalog/index.ts';
import { loadSources } from '../../../src/catalog/sources.ts';
import { startValues } from '../../../src/scenario/fields.ts';
import { failureDefaults, newFailures } from '../../../src/scenario/failure-defaults.ts';
import { loadScenarioText, loadScenarioValue } from '../../../src/scenario/load.ts';
import type { OptionFailures, Scenario, SupplyOption, Workload } from '../../../src/scenario/schema.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import {
  dalyGoodput,
  dalyIntervalHours,
  hostUsefulFraction,
  jobCheckpointing,
  jobMtbfHours,
  repairDownFraction,
  replacementCcyPerYear,
  spotUsefulFraction,
  youngIntervalHours,
} from '../../../workers/models/failures.ts';
import { buy, cloud, market, scenario } from '../helpers.ts';

const fails = (over: Partial<OptionFailures> = {}): OptionFailures => ({ ...startValues('failures'), ...over });
// 7 B parameters × 20 B tokens, MFU 40 %, 12 months: demand is spread evenly (the amount does not matter here).
const training: Workload = { kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 7, tokensBillion: 20, mfuPct: 40, deadlineMonths: 12 };
// M = 50 h exactly: 0.1752 interruptions per GPU-year × 1,000 GPUs = 175.2 a year; 8,760 ÷ 175.2 = 50 h. δ = 6 min = 0.1 h.
const job50 = { interruptionsPerGpuYear: 0.1752, jobGpuCount: 1000, checkpointMinutes: 6, restartMinutes: 0 };

describe('a training job: Young, Daly, goodput (worked example M = 50 h, δ = 0.1 h)', () => {
  it('Young: √(2 · 0.1 · 50) = √10 = 3.1623 h', () => {
    expect(youngIntervalHours(0.1, 50)).toBeCloseTo(3.16228, 5);
  });
  it('Daly: √10 · [1 + ⅓√0.001 + ⅑·0.001] − 0.1 = 3.16228 · 1.010652 − 0.1 = 3.0960 h', () => {
    // δ/2M = 0.1/100 = 0.001; √0.001 = 0.0316228; ⅓ of it 0.0105409; ⅑·0.001 = 0.000111.
    expect(dalyIntervalHours(0.1, 50)).toBeCloseTo(3.09596, 4);
  });
  it('goodput at Daly’s interval, R = 0: 3.0960 ÷ (50 · (e^(3.196/50) − 1)) = 3.0960 ÷ 3.30036 = 0.93808', () => {
    // (τ + δ)/M = 3.19596/50 = 0.0639192; e^0.0639192 − 1 = 0.0660063; × 50 = 3.300315.
    expect(dalyGoodput(3.09596, 0.1, 0, 50)).toBeCloseTo(0.93808, 4);
  });
  it('a restart of 30 min costs e^(0.5/50): goodput 0.93808 ÷ 1.01005 = 0.92875', () => {
    expect(dalyGoodput(dalyIntervalHours(0.1, 50), 0.1, 0.5, 50)).toBeCloseTo(0.92875, 4);
  });
  it('the job’s rate is the per-GPU rate × its GPUs: 0.1752 × 1,000 → M = 50 h; Llama 3’s 0.1729 × 16,384 → 3.09 h', () => {
    expect(jobMtbfHours(0.1752, 1000)).toBeCloseTo(50, 9);
    // 8,760 ÷ (0.1729 · 16,384) = 8,760 ÷ 2,832.79 = 3.0924 h (Meta reports one interruption about every 3 h).
    expect(jobMtbfHours(0.1729, 16384)).toBeCloseTo(3.0924, 3);
  });
  it('jobCheckpointing puts them together; no interruptions: goodput 1', () => {
    const c = jobCheckpointing(0.1752, 1000, 6, 0)!;
    expect(c.mtbfHours).toBeCloseTo(50, 9);
    expect(c.youngHours).toBeCloseTo(3.16228, 5);
    expect(c.dalyHours).toBeCloseTo(3.09596, 4);
    expect(c.goodput).toBeCloseTo(0.93808, 4);
    expect(jobCheckpointing(0, 1000, 6, 0)!.goodput).toBe(1);
    expect(jobCheckpointing(Number.NaN, 1000, 6, 0)).toBeNull();
  });
  it('a checkpoint taking more than 2M: Daly’s interval is M (δ = 120 h, M = 50 h)', () => {
    expect(dalyIntervalHours(120, 50)).toBe(50);
  });
});

describe('spot, decentralised hosts, owned repairs', () => {
  it('spot: 2 interruptions a day × 30 min lost = 1 h of 24: 1 − 1/24 = 0.958333 kept', () => {
    expect(spotUsefulFraction(2, 30)).toBeCloseTo(0.958333, 6);
    expect(spotUsefulFraction(Number.NaN, 30)).toBe(1);
  });
  it('hosts: floor 90 %, 10 % re-run: 0.9 ÷ 1.1 = 0.818182 useful', () => {
    expect(hostUsefulFraction(90, 10)).toBeCloseTo(0.818182, 6);
    expect(hostUsefulFraction(Number.NaN, Number.NaN)).toBe(1);
  });
  it('repairs: 4 %/yr × 219 h ÷ 8,760 h = 0.001 of the time down; replacements 8 × 0.04 × 10,000 = 3,200 a year', () => {
    expect(repairDownFraction(4, 219)).toBeCloseTo(0.001, 12);
    expect(replacementCcyPerYear(8, 4, 10_000)).toBeCloseTo(3200, 9);
  });
});

describe('failures in the results: nominal beside goodput-adjusted cost per useful GPU-hour', () => {
  it('cloud on demand, training job M = 50 h: 2 $ ÷ 0.93808 = 2.13202 $ per useful GPU-hour, nominal 2 $', () => {
    const s = scenario([cloud({ failures: fails(job50) })], { workload: training });
    const o = evaluateScenario(s).options[0]!;
    expect(o.failures!.goodputFraction).toBeCloseTo(0.93808, 4);
    expect(o.failures!.job!.youngHours).toBeCloseTo(3.16228, 5);
    expect(o.failures!.costPerUsefulGpuHourCcy).toBeCloseTo(2.13202, 4);
    expect(o.failures!.nominalCostPerUsefulGpuHourCcy).toBeCloseTo(2, 9);
    expect(o.alone.totals.costPerUsefulGpuHourCcy).toBeCloseTo(2.13202, 4);
    // The same job without failures pays 2 $ an hour: the cost rises by 1 ÷ goodput.
    const plain = evaluateScenario(scenario([cloud()], { workload: training })).options[0]!;
    expect(o.alone.totals.costCcy / plain.alone.totals.costCcy).toBeCloseTo(1 / 0.93808, 4);
  });
  it('spot at 2 $: 2 ÷ 0.958333 = 2.08696 $ per useful GPU-hour', () => {
    const s = scenario([cloud({ pricingModel: 'spot', failures: fails({ spotInterruptionsPerDay: 2, spotLostMinutesPerInterruption: 30 }) })]);
    const f = evaluateScenario(s).options[0]!.failures!;
    expect(f.costPerUsefulGpuHourCcy).toBeCloseTo(2.08696, 4);
    expect(f.nominalCostPerUsefulGpuHourCcy).toBeCloseTo(2, 9);
  });
  it('decentralised at 1.5 $, floor 90 %, re-run 10 %, other overhead 5 %: 1.5 × 1.05 ÷ 0.818182 = 1.925 $', () => {
    const s = scenario([market({ reliabilityOverheadPct: 5, failures: fails({ hostReliabilityFloorPct: 90, rerunPct: 10 }) })]);
    const f = evaluateScenario(s).options[0]!.failures!;
    expect(f.costPerUsefulGpuHourCcy).toBeCloseTo(1.925, 6);
    // Nominal keeps the other overhead: 1.5 × 1.05 = 1.575 $.
    expect(f.nominalCostPerUsefulGpuHourCcy).toBeCloseTo(1.575, 6);
  });
  it('owned: 0.1 % of the time in repair lowers schedulable capacity (8 × 730 × 0.999 = 5,834.16 a month); replacements add 3,200 a year', () => {
    const demand: Workload = { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 6000, growthPctPerMonth: 0 };
    const s = scenario([buy({ failures: fails({ gpuFailuresPctPerYear: 4, repairHours: 219, replacementCcyPerFailure: 10_000 }) })], { workload: demand });
    const plain = scenario([buy()], { workload: demand });
    const o = evaluateScenario(s).options[0]!;
    const p = evaluateScenario(plain).options[0]!;
    // 12 months × 5,834.16 = 70,009.92 reference GPU-hours served (without failures 12 × 5,840 = 70,080).
    expect(o.alone.totals.servedRefGpuHours).toBeCloseTo(70_009.92, 6);
    expect(p.alone.totals.servedRefGpuHours).toBeCloseTo(70_080, 6);
    // 3,200 a year over 12 months, in the maintenance category.
    expect(o.alone.totals.byCategory.maintenance - p.alone.totals.byCategory.maintenance).toBeCloseTo(3200, 6);
    expect(o.failures!.schedulableFraction).toBeCloseTo(0.999, 12);
    expect(o.failures!.replacementCcyPerYear).toBeCloseTo(3200, 9);
    expect(o.failures!.goodputFraction).toBe(1);
  });
  it('owned training: the job runs on the purchase’s GPUs unless given (1,000 bought, M = 50 h)', () => {
    const { jobGpuCount: _, ...job } = job50;
    const s = scenario([buy({ gpuCount: 1000, failures: fails(job) })], { workload: training });
    expect(evaluateScenario(s).options[0]!.failures!.goodputFraction).toBeCloseTo(0.93808, 4);
  });
});

describe('absent or empty failures: results exactly as before', () => {
  const strip = (s: Scenario) => JSON.parse(JSON.stringify(evaluateScenario(s).options.map(({ failures: _, ...o }) => o)));
  for (const file of readdirSync('public/examples').filter((f) => f.endsWith('.json'))) {
    it(`example ${file}: an empty failures sub-object on every option changes no figure`, () => {
      const r = loadScenarioText(readFileSync(`public/examples/${file}`, 'utf8'));
      if (!r.ok) throw new Error(file);
      const s = r.scenario;
      const withEmpty = { ...s, options: s.options.map((o) => ({ ...o, failures: fails() }) as SupplyOption) };
      expect(strip(withEmpty)).toEqual(strip(s));
      expect(evaluateScenario(s).options.every((o) => o.failures === undefined)).toBe(true);
    });
  }
});

describe('bad input: a message on the field, the scenario refused', () => {
  const issuesOf = (s: Scenario) => {
    const r = loadScenarioValue(s);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.error.kind === 'invalid' ? r.error.issues : [];
  };
  const base = scenario([buy()]);
  const withOption = (o: SupplyOption, w: Workload = base.workload) => ({ ...base, workload: w, options: [o] });
  it('failures leaving no schedulable capacity: 100 %/yr × 8,760 h = all the time in repair', () => {
    const issues = issuesOf(withOption(buy({ failures: fails({ gpuFailuresPctPerYear: 100, repairHours: 8760, replacementCcyPerFailure: 0 }) })));
    const i = issues.find((x) => x.params.key === 'failureNoCapacity')!;
    expect(i.path).toEqual(['options', 0, 'failures', 'gpuFailuresPctPerYear']);
    expect(i.params.downPct).toBe(100);
  });
  it('a checkpoint longer than its interval: M = 8,760 ÷ (8.76 × 1,000) = 1 h, δ = 1 h → Daly τ = √2 · 1.29126 − 1 = 0.826 h', () => {
    const issues = issuesOf(withOption(cloud({ failures: fails({ interruptionsPerGpuYear: 8.76, jobGpuCount: 1000, checkpointMinutes: 60, restartMinutes: 0 }) }), training));
    const i = issues.find((x) => x.params.key === 'checkpointOverInterval')!;
    expect(i.path).toEqual(['options', 0, 'failures', 'checkpointMinutes']);
    // 0.82612 h × 60 = 49.6 min.
    expect(i.params.intervalMinutes).toBeCloseTo(49.6, 1);
  });
  it('figures that go together: a rate without its repair time, a rented job without its GPUs', () => {
    const a = issuesOf(withOption(buy({ failures: fails({ gpuFailuresPctPerYear: 4 }) })));
    expect(a.filter((x) => x.params.key === 'failureRequired').map((x) => x.path.at(-1)).sort()).toEqual(['repairHours', 'replacementCcyPerFailure']);
    const { jobGpuCount: _, ...job } = job50;
    const b = issuesOf(withOption(cloud({ failures: fails(job) }), training));
    expect(b.map((x) => [x.params.key, x.path.at(-1)])).toEqual([['failureRequired', 'jobGpuCount']]);
  });
  it('figures for another kind: spot figures on demand, checkpoints without a training workload, a replacement cost rented', () => {
    const a = issuesOf(withOption(cloud({ failures: fails({ spotInterruptionsPerDay: 1, spotLostMinutesPerInterruption: 10 }) })));
    expect(a.every((x) => x.params.key === 'failureSpotOnly')).toBe(true);
    const b = issuesOf(withOption(cloud({ failures: fails(job50) })));
    expect(b.map((x) => x.params.key)).toEqual(Array(4).fill('failureTrainingOnly'));
    const c = issuesOf(withOption(cloud({ failures: fails({ replacementCcyPerFailure: 5 }) })));
    expect(c.map((x) => x.params.key)).toContain('failureOwnedOnly');
  });
  it('spot losing all its work: 48 a day × 30 min = 24 h', () => {
    const a = issuesOf(withOption(cloud({ pricingModel: 'spot', failures: fails({ spotInterruptionsPerDay: 48, spotLostMinutesPerInterruption: 30 }) })));
    expect(a.map((x) => x.params.key)).toEqual(['spotNoWorkKept']);
  });
});

describe('sourced defaults (hardware-prices-2026.json through the catalog)', () => {
  it('the GPU failure rate is 4 %/yr, single source rv_afr with its range; the interruptions 0.1729 derived from Llama 3', async () => {
    await loadSources();
    const d = Object.fromEntries(failureDefaults(catalog).map((x) => [x.field, x]));
    expect(d.gpuFailuresPctPerYear!.value).toBe(4);
    expect(d.gpuFailuresPctPerYear!.row.confidence).toBe('single');
    expect(d.gpuFailuresPctPerYear!.row.sources).toEqual(['rv_afr']);
    expect(d.gpuFailuresPctPerYear!.row.note).toContain('0.025-0.06');
    expect(d.interruptionsPerGpuYear!.value).toBe(0.1729);
    expect(d.interruptionsPerGpuYear!.row.derived).toBe(true);
    expect(d.interruptionsPerGpuYear!.row.note).toContain('419 / 16384 / 54 x 365');
    expect(catalog.sources[d.interruptionsPerGpuYear!.row.sources[0]!]!.url).toContain('datacenterdynamics');
  });
  it('a new failures sub-object: the sourced rates where they apply, everything else empty', () => {
    const f = newFailures(startValues('failures'), catalog, { training: false, ownedOrReserved: true });
    expect(f.gpuFailuresPctPerYear).toBe(4);
    expect(f.interruptionsPerGpuYear).toBeNull();
    expect(f.repairHours).toBeNull();
    const rented = newFailures(startValues('failures'), catalog, { training: true, ownedOrReserved: false });
    expect(rented.interruptionsPerGpuYear).toBe(0.1729);
    // Pay as you go, repairs take nothing from the person: no GPU failure rate (the schema would refuse it).
    expect(rented.gpuFailuresPctPerYear).toBeNull();
  });
  it('a catalog without the rows gives no default (never a made-up one)', () => {
    expect(failureDefaults({ hardwareFigures: [] })).toEqual([]);
  });
});

describe('job interruptions in a pool (issue 15): the demand is all training, or they are refused', () => {
  const gpuHours: Workload = { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 1000, growthPctPerMonth: 0 };
  const pooledWith = (own: Workload, member: Workload): Scenario => ({
    ...scenario([cloud()], { months: 12, workload: own }),
    options: [cloud({ failures: fails(job50) })],
    pool: { firstMemberName: 'A', firstMemberCommittedSharePct: null, splitRule: 'gpuHours', members: [{ name: 'B', workload: member, memberStartMonth: 0, memberActiveMonths: null, committedSharePct: null }] },
  });
  const keys = (s: Scenario) => {
    const r = loadScenarioValue(s);
    return r.ok ? [] : r.error.kind === 'invalid' ? r.error.issues.map((x) => [x.params.key, x.path.at(-1)]) : [];
  };
  it('a member training beside a scenario that is not: each job field is refused, on its field', () => {
    expect(keys(pooledWith(gpuHours, training))).toEqual(JOB_FIELDS.map((f) => ['failureMixedDemand', f]));
  });
  it('a training scenario with a member that is not: refused too (goodput would divide the other member’s hours)', () => {
    expect(keys(pooledWith(training, gpuHours))).toEqual(JOB_FIELDS.map((f) => ['failureMixedDemand', f]));
  });
  it('every demand training: accepted, and the goodput applies to the pool', () => {
    const s = pooledWith(training, training);
    expect(keys(s)).toEqual([]);
    const loaded = loadScenarioValue(s);
    if (!loaded.ok) throw new Error('does not load');
    const r = evaluateScenario(loaded.scenario);
    // M = 8,760 ÷ (0.1752 × 1,000) = 50 h; Daly's interval ≈ √(2 × 0.1 h × 50 h) − 0.1 = 3.06 h; goodput < 1.
    expect(r.options[0]!.failures!.goodputFraction).toBeLessThan(1);
    expect(r.options[0]!.failures!.goodputFraction).toBeGreaterThan(0.9);
  });
});
const JOB_FIELDS = ['interruptionsPerGpuYear', 'jobGpuCount', 'checkpointMinutes', 'restartMinutes'];
