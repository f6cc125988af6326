// Pooling (issue 15): hand-computed cases. Two members with complementary demands (one early, one
// late in the horizon) share a 1-year reservation of one GPU, with on-demand for what it cannot serve.
import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { evaluatePlanning, memberDemand } from '../../../workers/models/pool.ts';
import { runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';
import { tornado } from '../../../workers/models/uncertainty/tornado.ts';
import { loadScenarioValue } from '../../../src/scenario/load.ts';
import type { Pool, Scenario } from '../../../src/scenario/schema.ts';
import { cloud, scenario, valid } from '../helpers.ts';

const H100 = 'nvidia-h100-sxm';
// Early: a training run of 6·N·D = 6 × 0.989e9 × 1314e9 = 7.797276e21 FLOPs at 989 TFLOPS × 50 % MFU
// = 4.945e14 FLOP/s → 1.5768e7 s = 4,380 GPU-hours, spread over a 6-month deadline: 730 h a month in months 0–5.
const early = { kind: 'training' as const, referenceAcceleratorId: H100, parametersBillion: 0.989, tokensBillion: 1314, mfuPct: 50, deadlineMonths: 6 };
// Late: 365 GPU-hours a month from month 6 to the end (months 6–11): 2,190 GPU-hours.
const late = { kind: 'gpuHours' as const, referenceAcceleratorId: H100, gpuHoursPerMonth: 365, growthPctPerMonth: 0 };

// Options: one GPU reserved for a year at 2 /h (730 h × 2 = 1,460 a month, 17,520 over 12 months, used or not),
// and on demand at 5 /h for what the reservation cannot serve.
const options = [
  cloud({ id: 'reserved', name: 'Reserved', pricingModel: 'reserved1y', committedGpus: 1, priceCcyPerGpuHour: 2, demandSharePct: 0 }),
  cloud({ id: 'onDemand', name: 'On demand', priceCcyPerGpuHour: 5, demandSharePct: 100 }),
];

function pooled(pool: Partial<Pool> = {}, lateStart = 6, lateSharePct: number | null = null): Scenario {
  return valid(unchecked(pool, lateStart, lateSharePct));
}

function unchecked(pool: Partial<Pool> = {}, lateStart = 6, lateSharePct: number | null = null): Scenario {
  const base = scenario(options, { months: 12, workload: early });
  return {
    ...base,
    pool: {
      firstMemberName: 'Early lab',
      firstMemberCommittedSharePct: null,
      splitRule: 'gpuHours',
      members: [{ name: 'Late lab', workload: late, memberStartMonth: lateStart, memberActiveMonths: null, committedSharePct: lateSharePct }],
      ...pool,
    },
  };
}

describe('pool: two members with complementary demands', () => {
  it('a member’s demand starts at its start month', () => {
    const d = memberDemand(late, 6, null, 12);
    expect(Array.from(d)).toEqual([0, 0, 0, 0, 0, 0, 365, 365, 365, 365, 365, 365]);
    // Active 2 months from month 3: months 3 and 4 only.
    expect(Array.from(memberDemand(late, 3, 2, 6))).toEqual([0, 0, 0, 365, 365, 0]);
  });

  it('pooling raises the reservation’s utilisation from 37.5 % to 75 % and saves 10,950', () => {
    const r = evaluatePlanning(pooled());
    const p = r.pool!;
    // Pool demand: 730 h in months 0–5, 365 h in months 6–11 — under the reservation's 730 h every month:
    // it serves 4,380 + 2,190 = 6,570 h of its 12 × 730 = 8,760 h, nothing on demand. Pool cost 17,520.
    expect(p.sharedCapacityRefGpuHours).toBeCloseTo(8760, 6);
    expect(p.utilisationPooled).toBeCloseTo(6570 / 8760, 9); // 75 %
    expect(p.poolCcy).toBeCloseTo(17_520, 6);
    expect(r.mix.totals.costCcy).toBeCloseTo(17_520, 6);
    // Alone with the same options: each member's mix uses its own reservation — early 4,380 h, late 2,190 h —
    // (4,380 + 2,190) ÷ (2 × 8,760) = 37.5 %.
    expect(p.utilisationAlone).toBeCloseTo(0.375, 9);
    // Early alone: the reservation (17,520) beats on demand (4,380 × 5 = 21,900). Late alone: on demand,
    // 2,190 × 5 = 10,950, beats reserving (17,520). Alone in all: 28,470; the pool saves 28,470 − 17,520 = 10,950.
    const [a, b] = p.members;
    expect(a!.aloneCcy).toBeCloseTo(17_520, 6);
    expect(a!.aloneBest).toBe('mix');
    expect(b!.aloneCcy).toBeCloseTo(10_950, 6);
    expect(b!.aloneBest).toBe('onDemand');
    expect(p.aloneCcy).toBeCloseTo(28_470, 6);
    expect(p.savingCcy).toBeCloseTo(10_950, 6);
    expect(a!.demandRefGpuHours).toBeCloseTo(4380, 6);
    expect(b!.demandRefGpuHours).toBeCloseTo(2190, 6);
  });

  it('split by GPU-hours used: 4,380 ÷ 6,570 and 2,190 ÷ 6,570 of 17,520', () => {
    const [a, b] = evaluatePlanning(pooled({ splitRule: 'gpuHours' })).pool!.members;
    // Early: 17,520 × 2/3 = 11,680, saving 17,520 − 11,680 = 5,840. Late: 17,520 × 1/3 = 5,840, saving 10,950 − 5,840 = 5,110.
    expect(a!.inPoolCcy).toBeCloseTo(11_680, 6);
    expect(a!.savingCcy).toBeCloseTo(5_840, 6);
    expect(b!.inPoolCcy).toBeCloseTo(5_840, 6);
    expect(b!.savingCcy).toBeCloseTo(5_110, 6);
  });

  it('split equally: 8,760 each', () => {
    const [a, b] = evaluatePlanning(pooled({ splitRule: 'equal' })).pool!.members;
    // 17,520 ÷ 2 = 8,760. Savings: early 17,520 − 8,760 = 8,760; late 10,950 − 8,760 = 2,190.
    expect(a!.inPoolCcy).toBeCloseTo(8_760, 6);
    expect(b!.inPoolCcy).toBeCloseTo(8_760, 6);
    expect(a!.savingCcy).toBeCloseTo(8_760, 6);
    expect(b!.savingCcy).toBeCloseTo(2_190, 6);
  });

  it('split by committed share: 60 % and 40 %', () => {
    const [a, b] = evaluatePlanning(pooled({ splitRule: 'committedShare', firstMemberCommittedSharePct: 60 }, 6, 40)).pool!.members;
    // 17,520 × 0.6 = 10,512 (saving 7,008); 17,520 × 0.4 = 7,008 (saving 10,950 − 7,008 = 3,942).
    expect(a!.inPoolCcy).toBeCloseTo(10_512, 6);
    expect(b!.inPoolCcy).toBeCloseTo(7_008, 6);
    expect(a!.savingCcy).toBeCloseTo(7_008, 6);
    expect(b!.savingCcy).toBeCloseTo(3_942, 6);
  });

  it('pay-as-you-go is paid as used: the overlap goes on demand, each member pays its part of each month', () => {
    // Late starts in month 3: months 3–5 demand 730 + 365 = 1,095 h; the reservation serves 730, on demand
    // 365 h × 5 = 1,825 a month, 5,475 over the three months. Early's part of those months is 730 ÷ 1,095 = 2/3:
    // 3,650; late's 1/3: 1,825. Shared hours: early 6 × 730 − 3 × 243.33 = 3,650 … split by GPU-hours below.
    const r = evaluatePlanning(pooled({ splitRule: 'equal' }, 3));
    const [a, b] = r.pool!.members;
    expect(a!.payAsYouGoCcy).toBeCloseTo(3_650, 6);
    expect(b!.payAsYouGoCcy).toBeCloseTo(1_825, 6);
    // Equal split of the reservation: 8,760 each; in the pool 12,410 and 10,585, together the pool's 17,520 + 5,475 = 22,995.
    expect(a!.inPoolCcy).toBeCloseTo(12_410, 6);
    expect(b!.inPoolCcy).toBeCloseTo(10_585, 6);
    expect(a!.inPoolCcy + b!.inPoolCcy).toBeCloseTo(r.mix.totals.costCcy, 6);
    expect(r.mix.totals.costCcy).toBeCloseTo(22_995, 6);
  });

  it('a pool of one member is exactly today’s scenario', () => {
    const base = scenario(options, { months: 12, workload: early });
    const one = valid({ ...base, pool: { firstMemberName: 'Only', firstMemberCommittedSharePct: null, splitRule: 'equal', members: [] } });
    const { pool, ...withPool } = evaluatePlanning(one);
    expect(withPool).toEqual(evaluateScenario(base));
    expect(pool!.members[0]!.inPoolCcy).toBeCloseTo(17_520, 6);
    expect(pool!.savingCcy).toBeCloseTo(0, 6);
    expect(evaluatePlanning(base)).toEqual(evaluateScenario(base));
  });
});

describe('pool: the Monte Carlo and the tornado serve every member', () => {
  it('with no range, each option alone costs in every sample what the pooled evaluation gives', () => {
    const s = pooled();
    const e = evaluatePlanning(s);
    const mc = runMonteCarlo(s, { samples: 1000, seed: 1 });
    // On demand alone serves the pool's 6,570 h at 5 /h = 32,850 (not the early member's 4,380 h × 5 = 21,900).
    expect(e.options[1]!.alone.totals.costCcy).toBeCloseTo(32_850, 6);
    expect(mc.options[1]!.cost.p50).toBeCloseTo(32_850, 6);
    expect(mc.options[1]!.cost.p95).toBeCloseTo(32_850, 6);
    expect(mc.options[0]!.cost.p50).toBeCloseTo(e.options[0]!.alone.totals.costCcy, 6);
  });
  it('a range on the first member’s demand moves the pool’s cost, the others’ demand added', () => {
    const s = pooled();
    s.uncertainty.ranges = [{ target: 'workload', optionId: null, field: 'mfuPct', low: 40, high: 60, shape: 'uniform' }];
    const t = tornado(valid(s));
    // At the median MFU (50 %) on demand alone costs the pool's 32,850.
    expect(t.baseline.cost[1]).toBeCloseTo(32_850, 6);
  });
});

describe('pool: bad input', () => {
  it('committed shares over 100 % are an error on each share field', () => {
    const s = unchecked({ splitRule: 'committedShare', firstMemberCommittedSharePct: 70 }, 6, 40);
    const r = loadScenarioValue(s);
    expect(r.ok).toBe(false);
    if (r.ok || r.error.kind !== 'invalid') throw new Error('expected an invalid scenario');
    const over = r.error.issues.filter((i) => i.params.key === 'committedSharesOver');
    expect(over.map((i) => i.path.join('.'))).toEqual(['pool.firstMemberCommittedSharePct', 'pool.members.0.committedSharePct']);
    expect(over[0]!.params.sumPct).toBe(110);
  });

  it('a missing committed share is an error on its field, not a zero', () => {
    const s = unchecked({ splitRule: 'committedShare', firstMemberCommittedSharePct: 100 });
    const r = loadScenarioValue(s);
    expect(r.ok).toBe(false);
    if (r.ok || r.error.kind !== 'invalid') throw new Error('expected an invalid scenario');
    expect(r.error.issues.map((i) => [i.path.join('.'), i.params.key])).toContainEqual(['pool.members.0.committedSharePct', 'committedShareRequired']);
  });

  it('a member in another reference accelerator is refused', () => {
    const s = unchecked();
    s.pool!.members[0]!.workload = { ...late, referenceAcceleratorId: 'nvidia-h200' };
    const r = loadScenarioValue(s);
    expect(r.ok).toBe(false);
    if (r.ok || r.error.kind !== 'invalid') throw new Error('expected an invalid scenario');
    expect(r.error.issues.map((i) => [i.path.join('.'), i.params.key])).toContainEqual(['pool.members.0.workload.referenceAcceleratorId', 'memberReference']);
  });
});
