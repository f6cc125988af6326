// Monte Carlo over the uncertain inputs of a scenario: N samples from one seeded generator, one
// shared draw per input per sample (so every option faces the same world), each option alone
// over the whole monthly horizon. Pure and deterministic for a given seed; the clock is passed in.
// Methods: docs/methodology.md §12.
import type { Scenario } from '../../../src/scenario/schema.ts';
import { breaksEvenClosed, buyTotals, newBuyTerms, newCache, rentedTotals, shapeOf, type BuyTerms, type Cache, type Shape } from './closed-form.ts';
import { fillSamples } from './distributions.ts';
import { fanBands } from './fan.ts';
import * as kernel from './kernel.ts';
import { breaksEven, buyAlone, demand, discountFactors, rentedAlone } from './kernel.ts';
import * as plans from './plan.ts';
import { compilePlan, type Input, type Plan } from './plan.ts';
import { percentiles } from './quantiles.ts';
import { Random } from './random.ts';

// Imported bindings are re-bound to module constants: V8 folds B.price into a number when B is
// a constant of this module, but reloads and checks an imported binding at every use (10 % here).
const { OUT } = kernel;
const { KIND_BUY, KIND_RENTED } = plans;

/** Percentiles of the fan chart of cumulative cost. */
export const FAN_PERCENTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
/** The fan chart is drawn from the first samples (independent draws): enough for its percentiles. */
export const FAN_SAMPLES = 500;
/** The fan chart has at most this many points per curve (every k-th month, and the last). */
export const FAN_POINTS = 20;

/** Months (0-based) at which the fan chart is drawn: every k-th month and the last one. */
export function fanMonths(months: number): number[] {
  const step = Math.ceil(months / FAN_POINTS);
  const out: number[] = [];
  for (let m = step - 1; m < months - 1; m += step) out.push(m);
  out.push(months - 1);
  return out;
}
/** Samples drawn at a time: each input's draws for a chunk are made in one monomorphic loop. */
export const CHUNK = 1024;
/** Samples between two progress reports (a multiple of CHUNK). */
export const PROGRESS_EVERY = 5 * CHUNK;

export interface Stats {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
  /** Standard deviation across samples (the standard error of the mean is sd ÷ √N). */
  sd: number;
}

export interface OptionOutcome {
  id: string;
  name: string;
  kind: 'buy' | 'cloud' | 'decentralised';
  cost: Stats;
  npv: Stats;
  co2eKg: Stats;
  /** Share of samples in which this option, alone, has the lowest cost per useful GPU-hour. */
  pCheapest: number;
  /** Owned options: share of samples in which owning breaks even before the horizon ends (null without a rental). */
  pBreakEven: number | null;
  /** Percentiles of cumulative cost at `fanMonths`: FAN_PERCENTILES.length rows of fanMonths.length values. */
  fan: Float64Array;
}

export interface MonteCarloResult {
  scenarioId: string;
  samples: number;
  seed: number;
  months: number;
  startMonth: string;
  currency: string;
  uncertainInputs: number;
  fanSamples: number;
  /** Months (0-based) of the fan chart's points. */
  fanMonths: number[];
  /** Worker time of the run, in milliseconds. */
  elapsedMs: number;
  options: OptionOutcome[];
}

export interface RunOptions {
  samples?: number;
  seed?: number;
  clock?: () => number;
  onProgress?: (done: number, total: number) => void;
}

/** One generator for the life of the module, reseeded per run. */
const rng = new Random(1);

function noClock(): number {
  return 0;
}

/** Everything one run reads and writes, allocated once per run: the sample loops allocate nothing. */
class Run {
  readonly months: number;
  readonly count: number;
  readonly kinds: Int8Array;
  readonly blocks: Float64Array[];
  readonly rentals: Float64Array[];
  /** Owned options compared with rentals for break-even (empty without a rental). */
  readonly owned: number[];
  readonly shape: Shape;
  readonly d: Float64Array;
  readonly df: Float64Array;
  /** Whether d holds this sample's demand by month, and df its discount factors. */
  demandCurrent = true;
  discountCurrent = true;
  readonly out = new Float64Array(OUT.SIZE);
  readonly cum: Float64Array[];
  readonly costs: Float64Array[];
  readonly npvs: Float64Array[];
  readonly co2s: Float64Array[];
  readonly cheapest: Float64Array;
  readonly breakEvens: Float64Array;
  readonly terms: BuyTerms[];
  readonly caches: Cache[];
  readonly pairCaches: Cache[][];
  /** Fan traces, column-major: option i's cumulative cost at points[j] in sample k is fans[i][j × fanSamples + k]. */
  readonly fans: Float64Array[];

  constructor(
    readonly plan: Plan,
    readonly n: number,
    readonly fanSamples: number,
    readonly points: readonly number[],
  ) {
    const months = plan.months;
    this.months = months;
    this.count = plan.options.length;
    this.kinds = Int8Array.from(plan.options, (o) => o.kind);
    this.blocks = plan.options.map((o) => o.p);
    this.rentals = plan.options.filter((o) => o.kind === KIND_RENTED).map((o) => o.p);
    this.owned = this.rentals.length === 0 ? [] : plan.options.flatMap((o, i) => (o.kind === KIND_BUY ? [i] : []));
    this.shape = { months, A: 0, lg: 0, L: 0, lDisc: 0 };
    this.d = new Float64Array(months);
    this.df = new Float64Array(months);
    const each = (size: number) => plan.options.map(() => new Float64Array(size));
    this.cum = each(months);
    this.costs = each(n);
    this.npvs = each(n);
    this.co2s = each(n);
    this.fans = each(fanSamples * points.length);
    this.cheapest = new Float64Array(this.count);
    this.breakEvens = new Float64Array(this.count);
    this.terms = plan.options.map(() => newBuyTerms());
    this.caches = plan.options.map(() => newCache());
    this.pairCaches = plan.options.map(() => this.rentals.map(() => newCache()));
    shapeOf(plan.workloadKind, plan.workload, plan.settings[0]!, months, this.shape);
    this.fillDemand();
    this.fillDiscount();
  }

  /** Demand month by month, for the month loops and the break-even scan. */
  fillDemand(): void {
    demand(this.plan.workloadKind, this.plan.workload, this.months, this.d);
    this.demandCurrent = true;
  }

  /** Discount factors month by month, for the month loops. */
  fillDiscount(): void {
    discountFactors(this.plan.settings[0]!, this.months, this.df);
    this.discountCurrent = true;
  }
}

/** After the inputs of sample k are in place: the demand shape, if an uncertain input changes it. */
function newSample(r: Run): void {
  if (r.plan.demandVaries || r.plan.discountVaries) {
    shapeOf(r.plan.workloadKind, r.plan.workload, r.plan.settings[0]!, r.months, r.shape);
    if (r.plan.demandVaries) r.demandCurrent = false;
    if (r.plan.discountVaries) r.discountCurrent = false;
  }
}

/** Stores an option's outputs for sample k; returns its cost per useful GPU-hour (∞ if it serves nothing). */
function record(r: Run, i: number, k: number): number {
  const out = r.out;
  const cost = out[OUT.cost]!;
  r.costs[i]![k] = cost;
  r.npvs[i]![k] = out[OUT.npv]!;
  r.co2s[i]![k] = out[OUT.co2eKg]!;
  const served = out[OUT.served]!;
  return served > 1e-6 ? cost / served : Infinity;
}

/** A sample traced month by month (the fan chart's samples): kernels, break-even scan, fan columns. */
function tracedSample(r: Run, k: number): void {
  if (!r.demandCurrent) r.fillDemand();
  if (!r.discountCurrent) r.fillDiscount();
  let best = -1;
  let bestRate = Infinity;
  for (let i = 0; i < r.count; i++) {
    if (r.kinds[i] === KIND_BUY) buyAlone(r.blocks[i]!, r.d, r.df, r.months, r.out, r.cum[i]!);
    else rentedAlone(r.blocks[i]!, r.d, r.df, r.months, r.out, r.cum[i]!);
    // Cheapest per useful GPU-hour (the cheapest total when all serve the same demand).
    const rate = record(r, i, k);
    if (rate < bestRate) {
      bestRate = rate;
      best = i;
    }
  }
  if (best >= 0) r.cheapest[best]! += 1;
  for (const i of r.owned) if (breaksEven(r.blocks[i]!, r.rentals, r.d, r.months, r.cum[i]!)) r.breakEvens[i]! += 1;
  const width = r.points.length;
  for (let i = 0; i < r.count; i++) {
    const cum = r.cum[i]!;
    const fan = r.fans[i]!;
    for (let j = 0; j < width; j++) fan[j * r.fanSamples + k] = cum[r.points[j]!]!;
  }
}

/** Any other sample: every option in closed form; break-even in closed form when it can be decided so. */
function closedSample(r: Run, k: number): void {
  let best = -1;
  let bestRate = Infinity;
  for (let i = 0; i < r.count; i++) {
    if (r.kinds[i] === KIND_BUY) buyTotals(r.blocks[i]!, r.shape, r.out, r.terms[i]!, r.caches[i]!);
    else rentedTotals(r.blocks[i]!, r.shape, r.out, r.caches[i]!);
    const rate = record(r, i, k);
    if (rate < bestRate) {
      bestRate = rate;
      best = i;
    }
  }
  if (best >= 0) r.cheapest[best]! += 1;
  for (const i of r.owned) {
    const p = r.blocks[i]!;
    // Growing or shrinking demand needs the months one by one: have them ready.
    if (!r.demandCurrent && r.shape.lg !== 0) r.fillDemand();
    let crossed = breaksEvenClosed(p, r.terms[i]!, r.rentals, r.pairCaches[i]!, r.shape, r.costs[i]![k]!, r.demandCurrent ? r.d : null);
    if (crossed === null) {
      // Not decidable in closed form: the same again, with this sample's demand month by month.
      r.fillDemand();
      crossed = breaksEvenClosed(p, r.terms[i]!, r.rentals, r.pairCaches[i]!, r.shape, r.costs[i]![k]!, r.d);
    }
    if (crossed) r.breakEvens[i]! += 1;
  }
}

/**
 * Every sample of a run, chunk by chunk. A function of its own with arguments of fixed types: the
 * caller's options come in many shapes, and a loop inside the caller would be re-optimised for each.
 */
function sampleAll(r: Run, inputs: readonly Input[], onProgress: ((done: number, total: number) => void) | null): void {
  const n = r.n;
  const columns = inputs.map(() => new Float64Array(CHUNK));
  const targets = inputs.map((input) => input.block);
  const slots = Int32Array.from(inputs, (input) => input.slot);
  for (let k0 = 0; k0 < n; k0 += CHUNK) {
    const size = Math.min(CHUNK, n - k0);
    // Input j's draws for this chunk; sample k reads the k-th of each, so all options share them.
    for (let j = 0; j < inputs.length; j++) fillSamples(inputs[j]!.dist, rng, columns[j]!, size);
    for (let c = 0; c < size; c++) {
      for (let j = 0; j < slots.length; j++) targets[j]![slots[j]!] = columns[j]![c]!;
      newSample(r);
      // The first samples feed the fan chart: they run month by month; the others in closed form.
      const k = k0 + c;
      if (k < r.fanSamples) tracedSample(r, k);
      else closedSample(r, k);
    }
    const done = k0 + size;
    if (onProgress !== null && done % PROGRESS_EVERY === 0 && done < n) onProgress(done, n);
  }
}

export function runMonteCarlo(s: Scenario, options: RunOptions = {}): MonteCarloResult {
  const clock = options.clock ?? noClock;
  const started = clock();
  const n = options.samples ?? s.uncertainty.samples;
  const seed = options.seed ?? s.uncertainty.seed;
  rng.seed(seed);

  const plan = compilePlan(s);
  const fanSamples = Math.min(n, FAN_SAMPLES);
  const points = fanMonths(plan.months);
  const r = new Run(plan, n, fanSamples, points);
  sampleAll(r, plan.inputs, options.onProgress ?? null);

  const width = points.length;
  const outcomes: OptionOutcome[] = plan.options.map((o, i) => {
    const fan = new Float64Array(FAN_PERCENTILES.length * width);
    fanBands(r.fans[i]!, fanSamples, width, FAN_PERCENTILES, fan);
    return {
      id: o.id,
      name: o.name,
      kind: s.options[i]!.kind,
      cost: stats(r.costs[i]!, n),
      npv: stats(r.npvs[i]!, n),
      co2eKg: stats(r.co2s[i]!, n),
      pCheapest: r.cheapest[i]! / n,
      pBreakEven: r.owned.includes(i) ? r.breakEvens[i]! / n : null,
      fan,
    };
  });
  options.onProgress?.(n, n);
  return {
    scenarioId: s.id,
    samples: n,
    seed,
    months: plan.months,
    startMonth: s.settings.startMonth,
    currency: s.settings.currency,
    uncertainInputs: plan.inputs.length,
    fanSamples,
    fanMonths: points,
    elapsedMs: clock() - started,
    options: outcomes,
  };
}

/** Percentiles, mean and standard deviation (two passes: the mean, then squared deviations). */
function stats(values: Float64Array, n: number): Stats {
  let sum = 0;
  for (let k = 0; k < n; k++) sum += values[k]!;
  const mean = sum / n;
  let squares = 0;
  for (let k = 0; k < n; k++) {
    const e = values[k]! - mean;
    squares += e * e;
  }
  const [p5, p50, p95] = percentiles(values, n, [0.05, 0.5, 0.95]) as [number, number, number];
  return { p5, p50, p95, mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0 };
}

/** The typed arrays of a result, to transfer rather than copy across the worker boundary. */
export function transferables(r: MonteCarloResult): ArrayBuffer[] {
  return r.options.map((o) => o.fan.buffer as ArrayBuffer);
}
