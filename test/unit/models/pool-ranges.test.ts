// Pooling (issue 15): ranges on the other members' inputs. The hand-computed pool of pool.test.ts —
// an early training run and a late lab at 365 GPU-hours a month from month 6, one reserved GPU
// (17,520 a year) and on demand at 5 /h — with the late lab's demand uncertain.
import { describe, expect, it } from 'vitest';
import { evaluatePlanning } from '../../../workers/models/pool.ts';
import { runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';
import { runPoolMonteCarlo } from '../../../workers/models/uncertainty/pool-montecarlo.ts';
import { tornado } from '../../../workers/models/uncertainty/tornado.ts';
import { validateScenario, validateScenario as loadScenarioValue } from '../../../src/scenario/load.ts';
import { addRange, keyOfPath, pruneRanges, removeMember } from '../../../src/scenario/ranges.ts';
import type { Range, Scenario } from '../../../src/scenario/schema.ts';
import { cloud, scenario, valid } from '../helpers.ts';

const H100 = 'nvidia-h100-sxm';
const early = { kind: 'training' as const, referenceAcceleratorId: H100, parametersBillion: 0.989, tokensBillion: 1314, mfuPct: 50, deadlineMonths: 6 };
const late = { kind: 'gpuHours' as const, referenceAcceleratorId: H100, gpuHoursPerMonth: 365, growthPctPerMonth: 0 };
const options = [
  cloud({ id: 'reserved', name: 'Reserved', pricingModel: 'reserved1y', committedGpus: 1, priceCcyPerGpuHour: 2, demandSharePct: 0 }),
  cloud({ id: 'onDemand', name: 'On demand', priceCcyPerGpuHour: 5, demandSharePct: 100 }),
];

function unchecked(ranges: Range[] = []): Scenario {
  const base = scenario(options, { months: 12, workload: early });
  return {
    ...base,
    uncertainty: { ...base.uncertainty, ranges },
    pool: {
      firstMemberName: 'Early lab',
      firstMemberCommittedSharePct: null,
      splitRule: 'gpuHours',
      members: [{ name: 'Late lab', workload: late, memberStartMonth: 6, memberActiveMonths: null, committedSharePct: null }],
    },
  };
}
const lateDemand = (low: number, high: number): Range => ({ target: 'member', optionId: null, memberIndex: 0, field: 'gpuHoursPerMonth', low, high, shape: 'uniform' });

describe('pool ranges: the schema', () => {
  it('a range on a member’s workload is valid; on a member that does not exist, or without its index, it is an error on the field', () => {
    expect(loadScenarioValue(unchecked([lateDemand(300, 430)])).ok).toBe(true);
    const missing = loadScenarioValue(unchecked([{ ...lateDemand(300, 430), memberIndex: 3 }]));
    expect(missing.ok).toBe(false);
    if (!missing.ok) expect(missing.issues.some((i) => i.path.join('.') === 'uncertainty.ranges.0.field')).toBe(true);
    const noIndex = loadScenarioValue(unchecked([{ target: 'member', optionId: null, field: 'gpuHoursPerMonth', low: 300, high: 430, shape: 'uniform' }]));
    expect(noIndex.ok).toBe(false);
    if (!noIndex.ok) expect(noIndex.issues.some((i) => i.path.join('.') === 'uncertainty.ranges.0.memberIndex')).toBe(true);
    const onWorkload = loadScenarioValue(unchecked([{ target: 'workload', optionId: null, memberIndex: 0, field: 'mfuPct', low: 40, high: 60, shape: 'uniform' }]));
    expect(onWorkload.ok).toBe(false);
  });
  it('a range must contain the member’s own value, within the bounds the input accepts', () => {
    const r = loadScenarioValue(unchecked([lateDemand(400, 430)]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.some((i) => i.path.join('.') === 'uncertainty.ranges.0.low')).toBe(true);
  });
  it('the editor puts a range on a member’s field from its path, and drops it when the member is gone', () => {
    const s = valid(unchecked());
    const key = keyOfPath(s, 'pool.members.0.workload.gpuHoursPerMonth');
    expect(key).toEqual({ target: 'member', optionId: null, memberIndex: 0, field: 'gpuHoursPerMonth' });
    expect(keyOfPath(s, 'pool.members.0.workload.referenceAcceleratorId')).toBeNull();
    expect(addRange(s, key!)).toBe(0);
    expect(s.uncertainty.ranges[0]).toMatchObject({ target: 'member', memberIndex: 0, low: 292, high: 438 });
    expect(loadScenarioValue(s).ok).toBe(true);
    s.pool!.members = [];
    expect(pruneRanges(s)).toBe(1);
  });
  it('removing a member removes its ranges and renumbers those of the members after it', () => {
    const s = valid(unchecked());
    s.pool!.members.push({ ...s.pool!.members[0]!, name: 'Third lab' }, { ...s.pool!.members[0]!, name: 'Fourth lab' });
    for (const i of [0, 1, 2]) addRange(s, { target: 'member', optionId: null, memberIndex: i, field: 'gpuHoursPerMonth' });
    removeMember(s, 1);
    expect(s.pool!.members.map((m) => m.name)).toEqual(['Late lab', 'Fourth lab']);
    expect(s.uncertainty.ranges.map((r) => r.memberIndex)).toEqual([0, 1]);
    expect(validateScenario(s).ok).toBe(true);
    removeMember(s, 0);
    removeMember(s, 0);
    expect(s.pool).toBeUndefined();
    expect(s.uncertainty.ranges).toEqual([]);
  });
  it('a scenario without member ranges has no memberIndex anywhere (documents unchanged)', () => {
    const s = valid(unchecked());
    addRange(s, { target: 'workload', optionId: null, field: 'mfuPct' });
    expect(Object.hasOwn(s.uncertainty.ranges[0]!, 'memberIndex')).toBe(false);
  });
});

describe('pool ranges: the Monte Carlo and the tornado see a member’s range', () => {
  it('the tornado swings on demand alone by 6 months × the late lab’s demand × 5 /h', () => {
    const t = tornado(valid(unchecked([lateDemand(300, 430)])));
    const bar = t.bars[0]!;
    // On demand alone serves the pool: (4,380 + 6 × x) × 5.
    expect(bar.lowValue).toBeLessThan(bar.highValue);
    expect(bar.atLow.cost[1]).toBeCloseTo((4380 + 6 * bar.lowValue) * 5, 6);
    expect(bar.atHigh.cost[1]).toBeCloseTo((4380 + 6 * bar.highValue) * 5, 6);
    expect(t.baseline.cost[1]).toBeCloseTo((4380 + 6 * 365) * 5, 6);
  });
  it('the options’ Monte Carlo varies with the member’s demand; a collapsed range gives the fixed result', () => {
    const mc = runMonteCarlo(valid(unchecked([lateDemand(300, 430)])), { samples: 2000, seed: 3 });
    const od = mc.options[1]!.cost;
    expect(od.sd).toBeGreaterThan(0);
    // Uniform with P5 300 and P95 430: its mean is 365; on demand's mean cost (4,380 + 6 × 365) × 5 = 32,850 (± sampling).
    expect(od.mean).toBeCloseTo(32_850, -2);
    const fixed = runMonteCarlo(valid(unchecked([lateDemand(365, 365)])), { samples: 200, seed: 3 });
    expect(fixed.options[1]!.cost.p5).toBeCloseTo(32_850, 6);
    expect(fixed.options[1]!.cost.p95).toBeCloseTo(32_850, 6);
  });
});

describe('pool ranges: the pool’s Monte Carlo, per member', () => {
  it('with no range, every sample is the pool evaluation', () => {
    const s = valid(unchecked());
    const e = evaluatePlanning(s).pool!;
    const mc = runPoolMonteCarlo(s, { samples: 20 })!;
    expect(mc.members.map((m) => m.name)).toEqual(['Early lab', 'Late lab']);
    mc.members.forEach((m, j) => {
      expect(m.inPoolCcy.p5).toBeCloseTo(e.members[j]!.inPoolCcy, 6);
      expect(m.inPoolCcy.p95).toBeCloseTo(e.members[j]!.inPoolCcy, 6);
      expect(m.aloneCcy.p50).toBeCloseTo(e.members[j]!.aloneCcy, 6);
      expect(m.savingCcy.sd).toBe(0);
    });
  });
  it('the late lab’s demand uncertain: alone it pays 30 × x on demand, pooled 17,520 × 6x ÷ (4,380 + 6x); it always saves', () => {
    const mc = runPoolMonteCarlo(valid(unchecked([lateDemand(300, 430)])), { samples: 150, seed: 7 })!;
    const lateLab = mc.members[1]!;
    // Alone: on demand, 6 months × x × 5 /h = 30x (below the reservation's 17,520 for every x ≤ 584).
    // The percentiles of 30x are 30 × those of x, near 30 × 300 = 9,000 and 30 × 430 = 12,900.
    expect(lateLab.aloneCcy.p5 / 9000).toBeCloseTo(1, 1);
    expect(lateLab.aloneCcy.p95 / 12_900).toBeCloseTo(1, 1);
    // Pooled (split by GPU-hours used of the reservation that serves everything): its share is increasing in x, so its
    // median is the share at the median x (≈ 365): 17,520 × 2,190 ÷ 6,570 = 5,840.
    expect(lateLab.inPoolCcy.p50 / 5840).toBeCloseTo(1, 1);
    // The pool's cost is the reservation whatever x (≤ 730): 17,520 in every sample.
    expect(mc.poolCcy.p5).toBeCloseTo(17_520, 6);
    expect(mc.poolCcy.p95).toBeCloseTo(17_520, 6);
    expect(lateLab.pSaves).toBe(1);
    // Each sample's split adds up to the pool's cost: the members' medians straddle it.
    expect(mc.members[0]!.inPoolCcy.p50 + lateLab.inPoolCcy.p50).toBeCloseTo(17_520, -2);
  });
  it('is null without a pool', () => {
    const s = valid(unchecked());
    delete s.pool;
    expect(runPoolMonteCarlo(s)).toBeNull();
  });
});
