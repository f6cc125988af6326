// Pooling (issue 15): a range on a member's committed share. The hand-computed pool of pool-ranges.test.ts —
// an early training run (730 GPU-hours a month for 6 months) and a late lab at 365 a month from month 6,
// one reserved GPU (2 /h: 17,520 a year, serving every hour of both) and on demand at 5 /h (serving none) —
// split by committed share, 60 % and 40 %. The pool's cost is the reservation, 17,520, whatever the shares.
import { describe, expect, it } from 'vitest';
import { evaluatePlanning, sampledShares, splitReuse } from '../../../workers/models/pool.ts';
import { fillSamples } from '../../../workers/models/uncertainty/distributions.ts';
import { runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';
import { distributionOf } from '../../../workers/models/uncertainty/plan.ts';
import { POOL_SAMPLES, runPoolMonteCarlo } from '../../../workers/models/uncertainty/pool-montecarlo.ts';
import { Random } from '../../../workers/models/uncertainty/random.ts';
import { tornado } from '../../../workers/models/uncertainty/tornado.ts';
import { loadScenarioValue } from '../../../src/scenario/load.ts';
import { addRange, keyOfPath, pruneRanges } from '../../../src/scenario/ranges.ts';
import type { Range, Scenario } from '../../../src/scenario/schema.ts';
import { cloud, scenario, valid } from '../helpers.ts';

const H100 = 'nvidia-h100-sxm';
const early = { kind: 'training' as const, referenceAcceleratorId: H100, parametersBillion: 0.989, tokensBillion: 1314, mfuPct: 50, deadlineMonths: 6 };
const late = { kind: 'gpuHours' as const, referenceAcceleratorId: H100, gpuHoursPerMonth: 365, growthPctPerMonth: 0 };
const options = [
  cloud({ id: 'reserved', name: 'Reserved', pricingModel: 'reserved1y', committedGpus: 1, priceCcyPerGpuHour: 2, demandSharePct: 0 }),
  cloud({ id: 'onDemand', name: 'On demand', priceCcyPerGpuHour: 5, demandSharePct: 100 }),
];
const RESERVED_CCY = 8760 * 2;

function pooled(ranges: Range[] = [], shares: [number, ...number[]] = [60, 40]): Scenario {
  const base = scenario(options, { months: 12, workload: early });
  return {
    ...base,
    uncertainty: { ...base.uncertainty, ranges },
    pool: {
      firstMemberName: 'Early lab',
      firstMemberCommittedSharePct: shares[0],
      splitRule: 'committedShare',
      members: shares.slice(1).map((c, i) => ({ name: `Lab ${i + 2}`, workload: late, memberStartMonth: 6, memberActiveMonths: null, committedSharePct: c })),
    },
  };
}
const memberShare = (memberIndex: number, low: number, high: number): Range => ({ target: 'member', optionId: null, memberIndex, field: 'committedSharePct', low, high, shape: 'uniform' });
const firstShare = (low: number, high: number): Range => ({ target: 'pool', optionId: null, field: 'firstMemberCommittedSharePct', low, high, shape: 'uniform' });
const paths = (s: Scenario) => {
  const r = loadScenarioValue(s);
  return r.ok ? [] : r.error.kind === 'invalid' ? r.error.issues.map((i) => `${i.path.join('.')}:${String(i.params.key ?? i.code)}`) : [r.error.kind];
};

describe('share ranges: the rule of a sample', () => {
  it('a member with a range has its draw; the others take the rest in proportion to their stated shares', () => {
    // Stated 50, 30, 20; the second draws 40: the rest, 60, goes 50 : 20 → 42.857… and 17.142….
    const s = sampledShares([50, 30, 20], [null, 40, null]);
    expect(s[0]).toBeCloseTo((60 * 50) / 70, 12);
    expect(s[1]).toBe(40);
    expect(s[2]).toBeCloseTo((60 * 20) / 70, 12);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 12);
    // The others stated 0: they take the rest evenly.
    expect(sampledShares([0, 100, 0], [null, 90, null])).toEqual([5, 90, 5]);
    // Draws over 100 % (a tail): scaled to 100 %, the others take none.
    const over = sampledShares([50, 30, 20], [null, 70, 50]);
    expect(over[0]).toBe(0);
    expect(over[1]).toBeCloseTo(70 / 1.2, 12);
    expect(over[2]).toBeCloseTo(50 / 1.2, 12);
  });
});

describe('share ranges: the field table, the editor and validation', () => {
  it('the editor puts a range on a member’s share and on the first member’s, ±20 %, and the scenario is valid', () => {
    const s = valid(pooled());
    const key = keyOfPath(s, 'pool.members.0.committedSharePct');
    expect(key).toEqual({ target: 'member', optionId: null, memberIndex: 0, field: 'committedSharePct' });
    expect(keyOfPath(s, 'pool.members.0.memberStartMonth')).toBeNull();
    expect(addRange(s, key!)).toBe(0);
    expect(s.uncertainty.ranges[0]).toMatchObject({ low: 32, high: 48 });
    expect(paths(s)).toEqual([]);
    const first = keyOfPath(s, 'pool.firstMemberCommittedSharePct');
    expect(first).toEqual({ target: 'pool', optionId: null, field: 'firstMemberCommittedSharePct' });
    // Two members, both shares with a range: no one takes the rest.
    expect(addRange(s, first!)).toBe(1);
    expect(s.uncertainty.ranges[1]).toMatchObject({ low: 48, high: 72 });
    expect(paths(s)).toEqual(['uncertainty.ranges.0.field:rangeSharesAll', 'uncertainty.ranges.1.field:rangeSharesAll']);
  });
  it('the ranged shares at their high ends over 100 %: a message on each range’s high, with the sum', () => {
    // Three members 50/30/20; ranges on the second (to 60) and the third (to 45): 105 % at their high ends.
    const s = pooled([memberShare(0, 20, 60), memberShare(1, 10, 45)], [50, 30, 20]);
    expect(paths(s)).toEqual(['uncertainty.ranges.0.high:rangeSharesOver', 'uncertainty.ranges.1.high:rangeSharesOver']);
    const r = loadScenarioValue(s);
    if (!r.ok && r.error.kind === 'invalid') expect(r.error.issues[0]!.params).toMatchObject({ sumPct: 105 });
    // At exactly 100 % it is valid (the others then take none at the high ends).
    expect(paths(pooled([memberShare(0, 20, 55), memberShare(1, 10, 45)], [50, 30, 20]))).toEqual([]);
    // One range: its high end within the input's own bounds, as every range (0 to 100 %): that message alone.
    expect(paths(pooled([memberShare(0, 20, 101)]))).toEqual(['uncertainty.ranges.0.high:rangeBound']);
  });
  it('under another split rule a range on a share is an error, and the editor drops it', () => {
    const s = pooled([memberShare(0, 30, 50)]);
    s.pool!.splitRule = 'equal';
    expect(paths(s)).toEqual(['uncertainty.ranges.0.field:rangeShareRule']);
    expect(pruneRanges(s)).toBe(1);
  });
});

describe('share ranges: the Monte Carlo and the tornado', () => {
  it('the options’ Monte Carlo and tornado do not move (a share moves only the split)', () => {
    const s = valid(pooled([memberShare(0, 30, 50)]));
    const t = tornado(s);
    expect(t.bars).toHaveLength(1);
    expect(t.bars[0]!.atLow.cost).toEqual(t.baseline.cost);
    expect(t.bars[0]!.atHigh.cost).toEqual(t.baseline.cost);
    expect(runMonteCarlo(s, { samples: 200, seed: 3 }).options[0]!.cost.sd).toBe(0);
  });
  it('the pool’s Monte Carlo: the late lab pays 17,520 × its share, the early lab the rest; the pool 17,520', () => {
    const mc = runPoolMonteCarlo(valid(pooled([memberShare(0, 30, 50)])), { samples: 1000, seed: 5 })!;
    // Uniform with P5 30 % and P95 50 %: the late lab's P5 and P95 are near 17,520 × 0.30 = 5,256 and × 0.50 = 8,760.
    expect(mc.members[1]!.inPoolCcy.p5 / 5256).toBeCloseTo(1, 1);
    expect(mc.members[1]!.inPoolCcy.p95 / 8760).toBeCloseTo(1, 1);
    // The early lab takes the rest: its P5 is 17,520 less the late lab's P95.
    expect((mc.members[0]!.inPoolCcy.p5 + mc.members[1]!.inPoolCcy.p95) / RESERVED_CCY).toBeCloseTo(1, 3);
    expect(mc.poolCcy.p5).toBeCloseTo(RESERVED_CCY, 6);
    expect(mc.poolCcy.p95).toBeCloseTo(RESERVED_CCY, 6);
    // Alone does not depend on the split.
    expect(mc.members[1]!.aloneCcy.sd).toBe(0);
  });
  it('a sample is exactly the page’s evaluation of its inputs (a share and a member’s demand drawn)', () => {
    const demand: Range = { target: 'member', optionId: null, memberIndex: 1, field: 'gpuHoursPerMonth', low: 300, high: 430, shape: 'uniform' };
    const s = valid(pooled([memberShare(0, 20, 40), demand], [50, 30, 20]));
    const mc = runPoolMonteCarlo(s, { samples: 1, seed: 11 })!;
    // The draws of sample 0, in the Monte Carlo's order (one column per range).
    const rng = new Random(11);
    const [share, hours] = s.uncertainty.ranges.map((r) => {
      const c = new Float64Array(1);
      fillSamples(distributionOf(s, r).dist, rng, c, 1);
      return c[0]!;
    });
    const copy = structuredClone(s);
    copy.uncertainty.ranges = [];
    copy.pool!.members[1]!.workload = { ...late, gpuHoursPerMonth: hours! };
    const rest = 100 - share!;
    copy.pool!.firstMemberCommittedSharePct = (rest * 50) / 70;
    copy.pool!.members[0]!.committedSharePct = share!;
    copy.pool!.members[1]!.committedSharePct = (rest * 20) / 70;
    const e = evaluatePlanning(copy).pool!;
    mc.members.forEach((m, j) => {
      expect(m.inPoolCcy.p50).toBe(e.members[j]!.inPoolCcy);
      expect(m.aloneCcy.p50).toBe(e.members[j]!.aloneCcy);
    });
    // The late lab's part of the reservation is 17,520 × its drawn share (the other labs' demand overflows to on demand).
    expect(e.members[1]!.sharedCcy).toBeCloseTo((RESERVED_CCY * share!) / 100, 6);
  });
});

describe('the pool’s Monte Carlo: how many samples', () => {
  it('the scenario’s count up to POOL_SAMPLES (1,000)', () => {
    expect(POOL_SAMPLES).toBe(1000);
    const s = valid(pooled([memberShare(0, 30, 50)]));
    s.uncertainty.samples = 10_000;
    expect(runPoolMonteCarlo(s)!.samples).toBe(1000);
    s.uncertainty.samples = 300;
    expect(runPoolMonteCarlo(s)!.samples).toBe(300);
  });
});

describe('the pool’s Monte Carlo: the evaluations it keeps from sample to sample', () => {
  it('those no range touches: a member’s workload range re-evaluates that member alone; a share none; an option all', () => {
    const demand: Range = { target: 'member', optionId: null, memberIndex: 1, field: 'gpuHoursPerMonth', low: 300, high: 430, shape: 'uniform' };
    const three = (ranges: Range[]) => splitReuse(valid(pooled(ranges, [50, 30, 20])));
    expect(three([demand])).toMatchObject({ keepAlone: [true, true, false], keepCapacity: true });
    expect(three([memberShare(0, 20, 40)])).toMatchObject({ keepAlone: [true, true, true], keepCapacity: true });
    const price: Range = { target: 'option', optionId: 'onDemand', field: 'priceCcyPerGpuHour', low: 4, high: 6, shape: 'uniform' };
    expect(three([demand, price])).toMatchObject({ keepAlone: [false, false, false], keepCapacity: false });
    const mfu: Range = { target: 'workload', optionId: null, field: 'mfuPct', low: 40, high: 60, shape: 'uniform' };
    expect(three([mfu])).toMatchObject({ keepAlone: [false, false, false], keepCapacity: false });
  });
  it('with an option’s price drawn too, a sample is still the page’s evaluation of its inputs', () => {
    const price: Range = { target: 'option', optionId: 'onDemand', field: 'priceCcyPerGpuHour', low: 4, high: 6, shape: 'uniform' };
    const s = valid(pooled([price, memberShare(0, 30, 50)]));
    const mc = runPoolMonteCarlo(s, { samples: 1, seed: 2 })!;
    const rng = new Random(2);
    const [p, share] = s.uncertainty.ranges.map((r) => {
      const c = new Float64Array(1);
      fillSamples(distributionOf(s, r).dist, rng, c, 1);
      return c[0]!;
    });
    const copy = structuredClone(s);
    copy.uncertainty.ranges = [];
    (copy.options[1] as { priceCcyPerGpuHour: number }).priceCcyPerGpuHour = p!;
    copy.pool!.firstMemberCommittedSharePct = 100 - share!;
    copy.pool!.members[0]!.committedSharePct = share!;
    const e = evaluatePlanning(copy).pool!;
    mc.members.forEach((m, j) => expect(m.aloneCcy.p50).toBe(e.members[j]!.aloneCcy));
    mc.members.forEach((m, j) => expect(m.inPoolCcy.p50).toBe(e.members[j]!.inPoolCcy));
    // Not kept from the first sample: the late lab alone pays on demand, so its cost alone varies with the price.
    expect(runPoolMonteCarlo(s, { samples: 20, seed: 2 })!.members[1]!.aloneCcy.sd).toBeGreaterThan(0);
  });
});
