// The Monte Carlo (issue #6): collapsed ranges give the deterministic results, the kernel at a
// point is the evaluation and each sample of a columnar run is that run alone, percentiles are exact, a seed reproduces a run, the reference model's
// means match the issue's, and every input a range may be put on moves a result.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario/load.ts';
import { startValues } from '../../../src/scenario/fields.ts';
import { RANGEABLE_FIELDS, type Range, type Scenario } from '../../../src/scenario/schema.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { Kernel } from '../../../workers/models/kernel.ts';
import { fillSamples } from '../../../workers/models/uncertainty/distributions.ts';
import { FAN_PERCENTILES, FAN_SAMPLES, fanMonths, runMonteCarlo, type Stats } from '../../../workers/models/uncertainty/montecarlo.ts';
import { compilePlan } from '../../../workers/models/uncertainty/plan.ts';
import { Random } from '../../../workers/models/uncertainty/random.ts';
import { tornado } from '../../../workers/models/uncertainty/tornado.ts';
import { arbRangedScenario, buy, cloud, market, rangeAround, rangeCandidates, scenario, valid } from '../helpers.ts';

const close = (a: number, b: number, rel = 1e-6) => Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

function reference(): Scenario {
  const r = loadScenarioText(readFileSync('test/bench/reference-model.json', 'utf8'));
  if (!r.ok) throw new Error('the reference model does not load');
  return r.scenario;
}

describe('with every range collapsed to a point, the Monte Carlo is the deterministic model', () => {
  it('cost, NPV and CO2e of every option, break-even and the cheapest option, on any scenario', () => {
    fc.assert(
      fc.property(arbRangedScenario(true), (s) => {
        const det = evaluateScenario(s);
        // 1,000 samples: the first FAN_SAMPLES traced month by month, the rest in closed form.
        const mc = runMonteCarlo(s, { samples: 1000 });
        expect(mc.fanSamples).toBe(FAN_SAMPLES);
        mc.options.forEach((o, i) => {
          const t = det.options[i]!.alone.totals;
          const co2 = t.operationalKgCO2e + t.embodiedKgCO2e;
          for (const [stats, want] of [
            [o.cost, t.costCcy],
            [o.npv, t.npvCcy],
            [o.co2eKg, co2],
          ] as const) {
            expect(close(stats.p5, want), `p5 ${stats.p5} vs ${want}`).toBe(true);
            expect(close(stats.p95, want), `p95 ${stats.p95} vs ${want}`).toBe(true);
            expect(close(stats.mean, want)).toBe(true);
            expect(stats.sd).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));
          }
          // The last point of the fan is the total cost.
          const width = mc.fanMonths.length;
          for (let r = 0; r < FAN_PERCENTILES.length; r++) expect(close(o.fan[r * width + width - 1]!, t.costCcy)).toBe(true);
          const be = det.options[i]!.breakEven;
          if (o.pBreakEven === null) expect(be === null || det.options.every((x) => x.kind === 'buy')).toBe(true);
          else expect(o.pBreakEven).toBe(be?.month != null ? 1 : 0);
        });
        // The cheapest per useful GPU-hour, unless two options are within rounding of each other.
        const rates = det.options.map((o) => o.alone.totals.costPerUsefulGpuHourCcy ?? Infinity);
        const best = Math.min(...rates);
        if (Number.isFinite(best) && rates.filter((r) => close(r, best, 1e-9)).length === 1) {
          expect(mc.options[rates.indexOf(best)]!.pCheapest).toBe(1);
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('the kernel at a point is the evaluation, at any sample of a columnar run', () => {
  it('sample k of a run of many samples equals a run of that one sample, on any scenario', () => {
    fc.assert(
      fc.property(arbRangedScenario(false), (s) => {
        const draws = 7;
        const many = compilePlan(s, draws);
        const rng = new Random(s.uncertainty.seed);
        for (const input of many.inputs) fillSamples(input.dist, rng, input.block.subarray(input.slot * draws, input.slot * draws + draws), draws);
        const kernel = new Kernel(many);
        kernel.prepare(draws);
        kernel.run(draws);
        for (let k = 0; k < draws; k++) {
          // The same inputs, one sample at a time.
          const one = compilePlan(s, 1);
          one.inputs.forEach((input, j) => (input.block[input.slot] = many.inputs[j]!.block[many.inputs[j]!.slot * draws + k]!));
          const single = new Kernel(one);
          single.prepare(1);
          single.run(1);
          kernel.options.forEach((c, i) => {
            const d = single.options[i]!;
            for (const key of ['cost', 'npv', 'co2eKg', 'served', 'breakEvenMonth'] as const) expect(c[key][k], `${key} of option ${i}, sample ${k}`).toBe(d[key][0]);
            expect(Object.is(c.utilisation[k], d.utilisation[0]) || c.utilisation[k] === d.utilisation[0]).toBe(true);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('the evaluation’s totals are the kernel’s at one sample', () => {
    fc.assert(
      fc.property(arbRangedScenario(false), (s) => {
        const det = evaluateScenario(s);
        const plan = compilePlan(s, 1);
        const kernel = new Kernel(plan);
        kernel.prepare(1);
        kernel.run(1);
        det.options.forEach((o, i) => {
          const c = kernel.options[i]!;
          expect(o.alone.totals.costCcy).toBe(c.cost[0]);
          expect(o.alone.totals.npvCcy).toBe(c.npv[0]);
          expect(close(o.alone.totals.operationalKgCO2e + o.alone.totals.embodiedKgCO2e, c.co2eKg[0]!, 1e-12)).toBe(true);
          expect(o.breakEven?.month ?? -1).toBe(o.kind === 'buy' && kernel.rentals.length > 0 ? c.breakEvenMonth[0] : -1);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('break-even month: the first month renting what owning served costs as much as owning so far', () => {
  it('equals a scan of the evaluation’s own monthly figures, near the boundary', () => {
    fc.assert(
      fc.property(
        fc.record({
          months: fc.integer({ min: 3, max: 72 }),
          demand: fc.double({ min: 100, max: 20_000, noNaN: true }),
          gpus: fc.integer({ min: 1, max: 32 }),
          lead: fc.integer({ min: 0, max: 2 }),
          trend: fc.oneof(fc.constant(0), fc.double({ min: -4, max: 2, noNaN: true })),
          factor: fc.double({ min: 0.7, max: 1.3, noNaN: true }),
          loan: fc.boolean(),
          reserved: fc.boolean(),
          facility: fc.double({ min: 0, max: 20_000, noNaN: true }),
        }),
        ({ months, demand, gpus, lead, trend, factor, loan, reserved, facility }) => {
          const owned = buy({
            id: 'b',
            gpuCount: gpus,
            leadTimeMonths: Math.min(lead, months - 1),
            hosting: { kind: 'onPrem', facilityCcyPerMonth: facility },
            financing: loan ? { kind: 'loan', annualRatePct: 6, termMonths: months + 12 } : { kind: 'cash' },
          });
          const pricing = reserved ? { pricingModel: 'reserved1y' as const, committedGpus: 1, demandSharePct: 0 } : {};
          const workload = { kind: 'gpuHours' as const, referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: demand, growthPctPerMonth: 0 };
          const probe = scenario([owned, cloud({ id: 'c', priceCcyPerGpuHour: 1, priceTrendPctPerMonth: trend, ...pricing })], { months, workload });
          const own = evaluateScenario(probe).options[0]!.alone;
          // The price at which renting what the purchase serves at month-0 prices costs `factor` × owning.
          if (!(own.totals.servedRefGpuHours > 0)) return;
          const price = Math.min(10_000, (factor * own.totals.costCcy) / own.totals.servedRefGpuHours);
          const s = scenario([owned, cloud({ id: 'c', priceCcyPerGpuHour: price, priceTrendPctPerMonth: trend, ...pricing })], { months, workload });
          const det = evaluateScenario(s);
          const alone = det.options[0]!.alone;
          // Renting at the price of the month (of the term, for a reservation), throughput 1.
          let month: number | null = null;
          let rent = 0;
          for (let m = 0; m < months && month === null; m++) {
            const start = reserved ? Math.floor(m / 12) * 12 : m;
            rent += price * (1 + trend / 100) ** start * alone.servedRefGpuHours[m]!;
            const cum = alone.cumulativeCostCcy[m]!;
            if (rent > 0 && rent >= cum - 1e-9 * Math.abs(cum)) month = m;
          }
          const got = det.options[0]!.breakEven!.month;
          // Within rounding of a tie, either answer is right.
          if (got !== month) {
            const m = got ?? month!;
            expect(Math.abs(alone.cumulativeCostCcy[m]! - rent), `month ${got} vs ${month}`).toBeLessThan(1e-6 * Math.abs(alone.cumulativeCostCcy[m]!) + 1e-6);
          }
          // And the Monte Carlo, ranges collapsed, says the same.
          const mc = runMonteCarlo(valid({ ...s, uncertainty: { samples: 1000, seed: 1, ranges: [] } }), { samples: 1000 });
          expect(mc.options[0]!.pBreakEven).toBe(got === null ? 0 : 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('sampling and percentiles', () => {
  it('each shape puts 5 % of its samples below low and 5 % above high', () => {
    const cases: Range[] = [
      { target: 'option', optionId: 'c', field: 'priceCcyPerGpuHour', low: 2, high: 3, shape: 'normal' },
      { target: 'option', optionId: 'c', field: 'priceCcyPerGpuHour', low: 2, high: 3, shape: 'lognormal' },
      { target: 'option', optionId: 'c', field: 'priceCcyPerGpuHour', low: 2, high: 3, shape: 'uniform' },
      { target: 'option', optionId: 'c', field: 'priceCcyPerGpuHour', low: 2, high: 3, shape: 'triangular' },
    ];
    for (const r of cases) {
      const s = valid({ ...scenario([cloud({ id: 'c', priceCcyPerGpuHour: 2.2 })]), uncertainty: { samples: 100_000, seed: 7, ranges: [r] } });
      const plan = compilePlan(s);
      const n = 100_000;
      const x = new Float64Array(n);
      fillSamples(plan.inputs[0]!.dist, new Random(7), x, n);
      const below = x.filter((v) => v < 2).length / n;
      const above = x.filter((v) => v > 3).length / n;
      // Binomial standard error at n = 100,000: √(0.05 × 0.95 / n) ≈ 0.0007; allow 5 of them.
      expect(Math.abs(below - 0.05), `${r.shape} below low`).toBeLessThan(0.0035);
      expect(Math.abs(above - 0.05), `${r.shape} above high`).toBeLessThan(0.0035);
      const median = x.slice().sort()[n / 2]!;
      const want = { normal: 2.5, lognormal: Math.sqrt(6), uniform: 2.5, triangular: null }[r.shape];
      if (want !== null) expect(Math.abs(median - want)).toBeLessThan(0.01);
      else expect(median > 2 && median < 3).toBe(true);
    }
  });

  it('the cost percentiles of a cost proportional to one normal price are those of the price', () => {
    // One cloud option, 1,000 GPU-hours a month for 12 months: cost = 12,000 × price.
    const s = valid({
      ...scenario([cloud({ id: 'c', priceCcyPerGpuHour: 2.5 })]),
      uncertainty: { samples: 100_000, seed: 3, ranges: [{ target: 'option', optionId: 'c', field: 'priceCcyPerGpuHour', low: 2, high: 3, shape: 'normal' }] },
    });
    const mc = runMonteCarlo(s);
    const c = mc.options[0]!.cost;
    const sigma = 0.5 / 1.6448536269514722;
    expect(Math.abs(c.p50 / 12_000 - 2.5)).toBeLessThan(0.01);
    // P5 and P95 within ±0.003 in probability: ±0.003 / φ(1.645) × σ in price.
    const tolerance = (0.003 / 0.1031) * sigma;
    expect(Math.abs(c.p5 / 12_000 - 2)).toBeLessThan(tolerance);
    expect(Math.abs(c.p95 / 12_000 - 3)).toBeLessThan(tolerance);
    expect(Math.abs(c.mean / 12_000 - 2.5)).toBeLessThan(4 * (sigma / Math.sqrt(100_000)));
    expect(Math.abs(c.sd / 12_000 - sigma)).toBeLessThan(0.01 * sigma);
  });
});

describe('a seed reproduces a run', () => {
  it('the same seed gives identical output; another seed gives other numbers', () => {
    const s = reference();
    const a = runMonteCarlo(s, { samples: 5000 });
    const b = runMonteCarlo(s, { samples: 5000 });
    expect(b).toEqual(a);
    const c = runMonteCarlo(s, { samples: 5000, seed: s.uncertainty.seed + 1 });
    expect(c.options[0]!.cost.mean).not.toBe(a.options[0]!.cost.mean);
    // A run in between (another scenario) changes nothing: the generator is reseeded per run.
    runMonteCarlo(valid({ ...s, uncertainty: { ...s.uncertainty, seed: 99 } }), { samples: 2000 });
    expect(runMonteCarlo(s, { samples: 5000 })).toEqual(a);
  });
});

describe('the reference model of issue #6', () => {
  it('means within 3 standard errors of the issue’s figures, and the odds of buying being cheapest', () => {
    const s = reference();
    const n = 100_000;
    const mc = runMonteCarlo(s, { samples: n });
    const want = { buy: 398_500, cloud: 429_750, decentralised: 428_200 };
    for (const o of mc.options) {
      const se = o.cost.sd / Math.sqrt(n);
      expect(Math.abs(o.cost.mean - want[o.kind]), `${o.kind}: ${o.cost.mean} ± ${se}`).toBeLessThan(3 * se);
    }
    const p = 0.389;
    expect(Math.abs(mc.options[0]!.pCheapest - p)).toBeLessThan(3 * Math.sqrt((p * (1 - p)) / n));
    // Break-even before the end of 60 months happens exactly when owning is cheaper than the best rental.
    expect(mc.options[0]!.pBreakEven).toBeGreaterThan(0.3);
    expect(mc.fanMonths.at(-1)).toBe(59);
    expect(mc.fanMonths).toEqual(fanMonths(60));
  });
});

/** A scenario where every input a range may be put on has a number of its own and matters. */
function everythingSet(workload: Scenario['workload'] = { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 2000, growthPctPerMonth: 1 }): Scenario {
  const footprint = { throughputVsReference: 1, powerWPerGpu: 700, gridGCO2ePerKWh: 60, embodiedKgCO2ePerGpu: 150, embodiedKgCO2ePerServer: 2500, hostPowerWPerServer: 1500, busyPowerFraction: 0.8 };
  return scenario(
    [
      buy({ id: 'colo', ...footprint, gpuCount: 4, importDutyPct: 5, vatPct: 20, vatRecoverable: false, idlePowerWPerGpu: 60, maxUtilisationPct: 90, leadTimeMonths: 1, orderMonth: 1, priceTrendPctPerMonth: -1, hosting: { kind: 'colocation', colocationCcyPerKWMonth: 200 }, maintenanceCcyPerYear: 10_000, staffCcyPerYear: 20_000, financing: { kind: 'loan', annualRatePct: 6, termMonths: 24 }, resalePctOfGpuPrice: 20 }),
      buy({ id: 'onprem', ...footprint, gpuCount: 8, hosting: { kind: 'onPrem', facilityCcyPerMonth: 3000 }, footprint: { ...startValues('footprint'), measuredEnergyKWh: 200_000, overheadEnergyKWh: 5_000, energyPeriod: 'total', energyScope: 'it', energySource: '' } }),
      cloud({ id: 'reserved', ...footprint, pricingModel: 'reserved1y', committedGpus: 2, priceCcyPerGpuHour: 2.5, demandSharePct: 0, egressCcyPerMonth: 100, storageCcyPerMonth: 100, priceTrendPctPerMonth: -1 }),
      cloud({ id: 'spot', ...footprint, pricingModel: 'spot', spotInterruptionOverheadPct: 10, priceCcyPerGpuHour: 2, demandSharePct: 50, egressCcyPerMonth: 100, storageCcyPerMonth: 100, footprint: { ...startValues('footprint'), measuredEnergyKWh: 3_000, overheadEnergyKWh: 100, energyPeriod: 'perMonth', energyScope: 'facility', energySource: '' } }),
      market({ id: 'market', ...footprint, platformFeePct: 5, reliabilityOverheadPct: 10, priceCcyPerGpuHour: 1.6, demandSharePct: 50, egressCcyPerMonth: 100, storageCcyPerMonth: 100 }),
    ],
    { months: 36, discountPct: 8, workload },
  );
}

/** failures (issue 15): each option of `s` with the failures its kind can have. */
function withFailures(s: Scenario): Scenario {
  const job = { interruptionsPerGpuYear: 10, jobGpuCount: 2, checkpointMinutes: 30, restartMinutes: 20 };
  const hw = { gpuFailuresPctPerYear: 20, repairHours: 200 };
  const of = (o: Scenario['options'][number]) =>
    o.kind === 'buy'
      ? { ...hw, ...job, replacementCcyPerFailure: 5000 }
      : o.kind === 'decentralised'
        ? { ...job, hostReliabilityFloorPct: 80, rerunPct: 10 }
        : o.pricingModel === 'spot'
          ? { ...job, spotInterruptionsPerDay: 2, spotLostMinutesPerInterruption: 30 }
          : { ...hw, ...job };
  return valid({ ...s, options: s.options.map((o) => ({ ...o, failures: { ...startValues('failures'), ...of(o) } })) });
}

describe('every input a range may be put on moves a Monte Carlo result', () => {
  const bases = [
    everythingSet(),
    everythingSet({ kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 7, tokensBillion: 2000, mfuPct: 40, deadlineMonths: 6 }),
    everythingSet({ kind: 'inference', referenceAcceleratorId: 'nvidia-h100-sxm', tokensPerSecond: 20_000, tokensPerSecondPerGpu: 3000, growthPctPerMonth: 1 }),
    // tokens (issue 15): an inference load with a daily profile (its peak sizes the capacity).
    everythingSet({ kind: 'inference', referenceAcceleratorId: 'nvidia-h100-sxm', tokensPerSecond: 20_000, tokensPerSecondPerGpu: 3000, growthPctPerMonth: 1, tokens: { peakTokensPerSecond: 50_000, hoursAtPeakPerDay: 4, inputTokensPerSecondPerGpu: 12_000, outputTokensPerSecondPerGpu: 1_500, inputTokenSharePct: 60 } }),
    // footprint (issue 12): a market whose energy is known (its power inputs then move nothing, so it has a base of its own).
    ((s) => valid({ ...s, options: s.options.map((o) => (o.kind === 'decentralised' ? { ...o, footprint: { ...startValues('footprint'), measuredEnergyKWh: 3_000, overheadEnergyKWh: 100, energyPeriod: 'perMonth', energyScope: 'facility', energySource: '' } } : o)) }))(everythingSet()),
    // failures (issue 15): every failures figure on a training run (M = 8,760 ÷ (10 × GPUs) h, checkpoints well inside it).
    // A small run (6 · 0.1e9 · 100e9 FLOPs ≈ 42 GPU-hours), so the purchases are not at capacity and lost work costs energy.
    withFailures(everythingSet({ kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 0.1, tokensBillion: 100, mfuPct: 40, deadlineMonths: 6 })),
    // A large run, at capacity, so repairs lower what owned and reserved GPUs serve (and the energy they draw).
    withFailures(everythingSet({ kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 7, tokensBillion: 2000, mfuPct: 40, deadlineMonths: 6 })),
  ];
  const listed = new Set(Object.entries(RANGEABLE_FIELDS).flatMap(([holder, fields]) => fields.map((f) => `${holder}.${f}`)));
  // Inputs by holder and field, with every scenario and option that has them: an input passes when a
  // range on it moves a result in at least one of them (a spot overhead only matters on spot, say).
  const cases = new Map<string, { base: Scenario; c: ReturnType<typeof rangeCandidates>[number] }[]>();
  for (const base of bases) {
    for (const c of rangeCandidates(base)) {
      const holder = c.target === 'settings' ? 'settings' : c.target === 'workload' ? base.workload.kind : base.options.find((o) => o.id === c.optionId)!.kind;
      const key = `${holder}.${c.field}`;
      cases.set(key, [...(cases.get(key) ?? []), { base, c }]);
    }
  }
  it.each([...cases.keys()])('%s', (key) => {
    const moves = cases.get(key)!.map(({ base, c }) => {
      const s = valid({ ...base, uncertainty: { samples: 1000, seed: 5, ranges: [rangeAround(c, 0.5, 0.5, 'uniform')] } });
      const mc = runMonteCarlo(s);
      const moved = (x: Stats | null | undefined) => !!x && x.sd > 1e-9 * Math.max(1, Math.abs(x.mean));
      const varies = mc.options.some((o) => [o.cost, o.npv, o.co2eKg].some(moved));
      // tokens (issue 15): the price of a token (blended, input, output) is a Monte Carlo result too; the tornado ranks the totals only.
      const tokenVaries = mc.options.some((o) => [o.tokens?.costPerMillionCcy, o.tokens?.inputCostPerMillionCcy, o.tokens?.outputCostPerMillionCcy].some(moved));
      const bar = tornado(s).bars[0]!;
      const swings = (['cost', 'npv', 'co2eKg'] as const).some((k) => bar.atLow[k].some((v, i) => !close(v, bar.atHigh[k][i]!, 1e-9)));
      // The Monte Carlo and the tornado agree on whether the input moves a total.
      expect(varies, `${key} in ${c.optionId ?? c.target}: Monte Carlo ${varies}, tornado ${swings}`).toBe(swings);
      return varies || tokenVaries;
    });
    expect(moves.some(Boolean), 'no scenario where it moves a result').toBe(true);
  });
  it('the cases above cover every listed input', () => {
    expect([...listed].filter((k) => !cases.has(k))).toEqual([]);
  });
});

describe('the tornado', () => {
  it('swings each input from its 5th to its 95th percentile with the others at their medians', () => {
    const s = valid({
      ...scenario([buy({ id: 'b', electricityCcyPerKWh: 0.15 }), cloud({ id: 'c', priceCcyPerGpuHour: 2.5 })], { months: 24 }),
      uncertainty: {
        samples: 1000,
        seed: 1,
        ranges: [
          { target: 'option', optionId: 'c', field: 'priceCcyPerGpuHour', low: 2, high: 3, shape: 'normal' },
          { target: 'option', optionId: 'b', field: 'electricityCcyPerKWh', low: 0.1, high: 0.2, shape: 'uniform' },
        ],
      },
    });
    const t = tornado(s);
    const [price, tariff] = t.bars as [(typeof t.bars)[0], (typeof t.bars)[0]];
    expect(price.lowValue).toBeCloseTo(2, 6);
    expect(price.highValue).toBeCloseTo(3, 6);
    // The cloud's cost follows its price; the purchase does not move.
    expect(price.atLow.cost[1]!).toBeLessThan(t.baseline.cost[1]!);
    expect(price.atHigh.cost[1]!).toBeGreaterThan(t.baseline.cost[1]!);
    expect(price.atLow.cost[0]).toBe(t.baseline.cost[0]);
    expect(tariff.atHigh.cost[0]!).toBeGreaterThan(tariff.atLow.cost[0]!);
    expect(tariff.atLow.cost[1]).toBe(t.baseline.cost[1]);
    // The baseline is the deterministic model with each input at its median (2.5 and 0.15).
    const det = evaluateScenario(s);
    expect(t.baseline.cost[1]).toBeCloseTo(det.options[1]!.alone.totals.costCcy, 6);
    expect(t.baseline.cost[0]).toBeCloseTo(det.options[0]!.alone.totals.costCcy, 6);
    expect(t.baseline.breakEvenUtilisation[0]).toBe(det.options[0]!.breakEven?.utilisation ?? null);
  });
});
