// The Monte Carlo (issue #6): collapsed ranges give the deterministic results, the closed forms
// equal the month loops, percentiles are exact, a seed reproduces a run, the reference model's
// means match the issue's, and every input a range may be put on moves a result.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario/load.ts';
import { RANGEABLE_FIELDS, type Range, type Scenario } from '../../../src/scenario/schema.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { breaksEvenClosed, buyTotals, newBuyTerms, newCache, rentedTotals, shapeOf, type Shape } from '../../../workers/models/uncertainty/closed-form.ts';
import { fillSamples } from '../../../workers/models/uncertainty/distributions.ts';
import { breaksEven, buyAlone, demand, discountFactors, OUT, rentedAlone } from '../../../workers/models/uncertainty/kernel.ts';
import { FAN_PERCENTILES, FAN_SAMPLES, fanMonths, runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';
import { compilePlan, KIND_BUY, KIND_RENTED } from '../../../workers/models/uncertainty/plan.ts';
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

describe('the closed forms equal the month-by-month kernels', () => {
  it('for random samples of random ranges on any scenario', () => {
    fc.assert(
      fc.property(arbRangedScenario(false), (s) => {
        const plan = compilePlan(s);
        const months = plan.months;
        const rng = new Random(s.uncertainty.seed);
        const draws = 8;
        const columns = plan.inputs.map((input) => {
          const c = new Float64Array(draws);
          fillSamples(input.dist, rng, c, draws);
          return c;
        });
        const d = new Float64Array(months);
        const df = new Float64Array(months);
        const cum = new Float64Array(months);
        const loop = new Float64Array(OUT.SIZE);
        const closed = new Float64Array(OUT.SIZE);
        const shape: Shape = { months, A: 0, lg: 0, L: 0, lDisc: 0 };
        const rentals = plan.options.filter((o) => o.kind === KIND_RENTED).map((o) => o.p);
        const terms = plan.options.map(() => newBuyTerms());
        const caches = plan.options.map(() => newCache());
        const pairs = plan.options.map(() => rentals.map(() => newCache()));
        for (let k = 0; k < draws; k++) {
          plan.inputs.forEach((input, j) => (input.block[input.slot] = columns[j]![k]!));
          demand(plan.workloadKind, plan.workload, months, d);
          discountFactors(plan.settings[0]!, months, df);
          shapeOf(plan.workloadKind, plan.workload, plan.settings[0]!, months, shape);
          plan.options.forEach((o, i) => {
            if (o.kind === KIND_BUY) {
              buyAlone(o.p, d, df, months, loop, cum);
              buyTotals(o.p, shape, closed, terms[i]!, caches[i]!);
            } else {
              rentedAlone(o.p, d, df, months, loop, cum);
              rentedTotals(o.p, shape, closed, caches[i]!);
            }
            for (let x = 0; x < OUT.SIZE; x++) expect(close(closed[x]!, loop[x]!), `output ${x}: ${closed[x]} vs ${loop[x]}`).toBe(true);
            if (o.kind === KIND_BUY && rentals.length > 0) {
              const scanned = breaksEven(o.p, rentals, d, months, cum);
              const decided = breaksEvenClosed(o.p, terms[i]!, rentals, pairs[i]!, shape, closed[OUT.cost]!);
              if (decided !== null) expect(decided).toBe(scanned);
            }
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('break-even decided in closed form agrees with the month-by-month scan near the boundary', () => {
  it('constant demand, a falling or flat pay-as-you-go price, renting within ±30 % of owning', () => {
    fc.assert(
      fc.property(
        fc.record({
          months: fc.integer({ min: 3, max: 72 }),
          demand: fc.double({ min: 100, max: 20_000, noNaN: true }),
          gpus: fc.integer({ min: 1, max: 32 }),
          lead: fc.integer({ min: 0, max: 2 }),
          trend: fc.oneof(fc.constant(0), fc.double({ min: -4, max: 0, noNaN: true })),
          factor: fc.double({ min: 0.7, max: 1.3, noNaN: true }),
          loan: fc.boolean(),
          facility: fc.double({ min: 0, max: 20_000, noNaN: true }),
        }),
        ({ months, demand, gpus, lead, trend, factor, loan, facility }) => {
          const owned = buy({
            id: 'b',
            gpuCount: gpus,
            leadTimeMonths: Math.min(lead, months - 1),
            hosting: { kind: 'onPrem', facilityCcyPerMonth: facility },
            financing: loan ? { kind: 'loan', annualRatePct: 6, termMonths: months + 12 } : { kind: 'cash' },
          });
          const workload = { kind: 'gpuHours' as const, referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: demand, growthPctPerMonth: 0 };
          const probe = scenario([owned, cloud({ id: 'c', priceCcyPerGpuHour: 1, priceTrendPctPerMonth: trend })], { months, workload });
          const det = evaluateScenario(probe);
          const own = det.options[0]!.alone.totals;
          // The rental price at which renting what the purchase serves costs `factor` × owning.
          const rentPerUnitPrice = det.options[1]!.alone.totals.costCcy / Math.max(1e-9, det.options[1]!.alone.totals.servedRefGpuHours) * own.servedRefGpuHours;
          if (!(own.servedRefGpuHours > 0) || !(rentPerUnitPrice > 0)) return;
          const price = Math.min(10_000, (factor * own.costCcy) / rentPerUnitPrice);
          const s = scenario([owned, cloud({ id: 'c', priceCcyPerGpuHour: price, priceTrendPctPerMonth: trend })], { months, workload });
          const plan = compilePlan(s);
          const d = new Float64Array(months);
          const df = new Float64Array(months);
          const cum = new Float64Array(months);
          const out = new Float64Array(OUT.SIZE);
          const shape: Shape = { months, A: 0, lg: 0, L: 0, lDisc: 0 };
          demand_(plan, d, df, shape);
          const [b, c] = plan.options as [(typeof plan.options)[0], (typeof plan.options)[0]];
          buyAlone(b.p, d, df, months, out, cum);
          const scanned = breaksEven(b.p, [c.p], d, months, cum);
          const terms = newBuyTerms();
          buyTotals(b.p, shape, out, terms, newCache());
          const decided = breaksEvenClosed(b.p, terms, [c.p], [newCache()], shape, out[OUT.cost]!);
          expect(decided === null ? scanned : decided).toBe(scanned);
          // And the deterministic model's break-even month says the same.
          expect(evaluateScenario(s).options[0]!.breakEven?.month != null).toBe(scanned);
        },
      ),
      { numRuns: 400 },
    );
  });
});

function demand_(plan: ReturnType<typeof compilePlan>, d: Float64Array, df: Float64Array, shape: Shape): void {
  demand(plan.workloadKind, plan.workload, plan.months, d);
  discountFactors(plan.settings[0]!, plan.months, df);
  shapeOf(plan.workloadKind, plan.workload, plan.settings[0]!, plan.months, shape);
}

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
      buy({ id: 'onprem', ...footprint, gpuCount: 8, hosting: { kind: 'onPrem', facilityCcyPerMonth: 3000 } }),
      cloud({ id: 'reserved', ...footprint, pricingModel: 'reserved1y', committedGpus: 2, priceCcyPerGpuHour: 2.5, demandSharePct: 0, egressCcyPerMonth: 100, storageCcyPerMonth: 100, priceTrendPctPerMonth: -1 }),
      cloud({ id: 'spot', ...footprint, pricingModel: 'spot', spotInterruptionOverheadPct: 10, priceCcyPerGpuHour: 2, demandSharePct: 50, egressCcyPerMonth: 100, storageCcyPerMonth: 100 }),
      market({ id: 'market', ...footprint, platformFeePct: 5, reliabilityOverheadPct: 10, priceCcyPerGpuHour: 1.6, demandSharePct: 50, egressCcyPerMonth: 100, storageCcyPerMonth: 100 }),
    ],
    { months: 36, discountPct: 8, workload },
  );
}

describe('every input a range may be put on moves a Monte Carlo result', () => {
  const bases = [
    everythingSet(),
    everythingSet({ kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 7, tokensBillion: 2000, mfuPct: 40, deadlineMonths: 6 }),
    everythingSet({ kind: 'inference', referenceAcceleratorId: 'nvidia-h100-sxm', tokensPerSecond: 20_000, tokensPerSecondPerGpu: 3000, growthPctPerMonth: 1 }),
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
      const varies = mc.options.some((o) => [o.cost, o.npv, o.co2eKg].some((x) => x.sd > 1e-9 * Math.max(1, Math.abs(x.mean))));
      const bar = tornado(s).bars[0]!;
      const swings = (['cost', 'npv', 'co2eKg'] as const).some((k) => bar.atLow[k].some((v, i) => !close(v, bar.atHigh[k][i]!, 1e-9)));
      // The Monte Carlo and the tornado agree on whether the input matters.
      expect(varies, `${key} in ${c.optionId ?? c.target}: Monte Carlo ${varies}, tornado ${swings}`).toBe(swings);
      return varies;
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
