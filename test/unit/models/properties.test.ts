// Invariants that hold for any valid scenario (fast-check generates them).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../src/scenario/schema.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { COST_CATEGORIES, type EvaluationResult } from '../../../workers/models/types.ts';
import { arbScenario, valid } from '../helpers.ts';

const RUNS = { numRuns: 150 };

function allNumbers(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (Array.isArray(x)) for (const v of x) allNumbers(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) allNumbers(v, out);
  return out;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

function withPrice(s: Scenario, i: number, factor: number): Scenario {
  const c = structuredClone(s);
  const o = c.options[i]!;
  if (o.kind === 'buy') {
    o.unitPriceCcyPerGpu *= factor;
    o.electricityCcyPerKWh *= factor;
  } else {
    o.priceCcyPerGpuHour *= factor;
  }
  return valid(c);
}

describe('for any valid scenario', () => {
  it('no NaN or Infinity anywhere in the result (null where undefined)', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const nums = allNumbers(evaluateScenario(s));
        expect(nums.every(Number.isFinite)).toBe(true);
      }),
      RUNS,
    );
  });

  it('the per-category costs add up to the total, per month and over the horizon, alone and in the mix', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const e: EvaluationResult = evaluateScenario(s);
        const runs = [...e.options.flatMap((o) => [o.alone, o.inMix])];
        for (const run of runs) {
          const sum = COST_CATEGORIES.reduce((a, c) => a + run.totals.byCategory[c], 0);
          expect(close(sum, run.totals.costCcy)).toBe(true);
          for (let m = 0; m < e.months; m++) {
            const monthSum = COST_CATEGORIES.reduce((a, c) => a + run.costByCategory[c][m]!, 0);
            expect(close(monthSum, run.costCcy[m]!)).toBe(true);
          }
        }
        const mixSum = e.options.reduce((a, o) => a + o.inMix.totals.costCcy, 0);
        expect(close(mixSum, e.mix.totals.costCcy)).toBe(true);
        expect(close(e.mix.cumulativeCostCcy.at(-1)!, e.mix.totals.costCcy)).toBe(true);
      }),
      RUNS,
    );
  });

  it('served plus unmet equals demand in every month of the mix', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const e = evaluateScenario(s);
        for (let m = 0; m < e.months; m++) {
          const served = e.options.reduce((a, o) => a + o.inMix.servedRefGpuHours[m]!, 0);
          expect(close(served + e.mix.unmetRefGpuHours[m]!, e.demandRefGpuHours[m]!)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('cost never falls when a price rises (the option alone and the mix)', () => {
    fc.assert(
      fc.property(arbScenario, fc.nat(), fc.double({ min: 1, max: 3, noNaN: true }), (s, pick, factor) => {
        const i = pick % s.options.length;
        const before = evaluateScenario(s);
        const after = evaluateScenario(withPrice(s, i, factor));
        expect(after.options[i]!.alone.totals.costCcy).toBeGreaterThanOrEqual(before.options[i]!.alone.totals.costCcy - 1e-6);
        expect(after.mix.totals.costCcy).toBeGreaterThanOrEqual(before.mix.totals.costCcy - 1e-6);
      }),
      RUNS,
    );
  });

  it('an owned option’s cost and energy never fall when GPUs are added', () => {
    fc.assert(
      fc.property(arbScenario, fc.integer({ min: 1, max: 64 }), (s, extra) => {
        const i = s.options.findIndex((o) => o.kind === 'buy');
        if (i < 0) return;
        const more = structuredClone(s);
        const o = more.options[i]!;
        if (o.kind !== 'buy') return;
        o.gpuCount += extra;
        const before = evaluateScenario(s).options[i]!.alone.totals;
        const after = evaluateScenario(valid(more)).options[i]!.alone.totals;
        expect(after.costCcy).toBeGreaterThanOrEqual(before.costCcy - 1e-6);
        expect(after.itEnergyKWh).toBeGreaterThanOrEqual(before.itEnergyKWh - 1e-9);
        expect(after.facilityEnergyKWh).toBeGreaterThanOrEqual(before.facilityEnergyKWh - 1e-9);
      }),
      RUNS,
    );
  });

  it('a reservation’s cost never falls when committed GPUs are added', () => {
    fc.assert(
      fc.property(arbScenario, fc.integer({ min: 1, max: 16 }), (s, extra) => {
        const i = s.options.findIndex((o) => o.kind === 'cloud' && o.committedGpus > 0);
        if (i < 0) return;
        const more = structuredClone(s);
        const o = more.options[i]!;
        if (o.kind !== 'cloud') return;
        o.committedGpus += extra;
        const before = evaluateScenario(s).options[i]!.alone.totals.costCcy;
        const after = evaluateScenario(valid(more)).options[i]!.alone.totals.costCcy;
        expect(after).toBeGreaterThanOrEqual(before - 1e-6);
      }),
      RUNS,
    );
  });

  it('HHI stays within 0–10,000 for every tier, per option and in the portfolio', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const d = evaluateScenario(s).dependency;
        const tiers = [...d.portfolio, ...d.perOption.flatMap((p) => p.tiers)];
        for (const t of tiers) {
          expect(t.hhi).toBeGreaterThanOrEqual(0);
          expect(t.hhi).toBeLessThanOrEqual(10_000 + 1e-6);
          expect(close(t.shares.reduce((a, x) => a + x.pct, 0), 100)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic: the same scenario gives the same result', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        expect(JSON.stringify(evaluateScenario(s))).toBe(JSON.stringify(evaluateScenario(structuredClone(s))));
      }),
      { numRuns: 30 },
    );
  });
});
