// Monte Carlo over the uncertain inputs of a scenario: N samples from one seeded generator, one
// shared draw per input per sample (so every option faces the same world), each option alone
// over the whole monthly horizon. Pure and deterministic for a given seed; the clock is passed in.
// Methods: docs/methodology.md §12.
import type { Scenario } from '../../../src/scenario/schema.ts';
import { Kernel, LANES, type FanCapture } from '../kernel.ts';
import { MIN_SERVED_GPU_HOURS } from '../run.ts';
import { fillSamples } from './distributions.ts';
import { fanBands } from './fan.ts';
import { compilePlan } from './plan.ts';
import { hasMemberRanges, otherMembersDemand, otherMembersDemandSamples } from '../pool.ts';
import { percentiles } from './quantiles.ts';
import { Random } from './random.ts';

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
/** Samples drawn and run at a time: each input's draws for a chunk are made in one monomorphic loop, then the kernel runs the chunk. */
export const CHUNK = LANES;
/** Samples between two progress reports (a multiple of CHUNK). */
export const PROGRESS_EVERY = 20 * CHUNK;

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

/** The per-sample outputs of a run (see runMonteCarlo). */
let store = new Float64Array(0);

/** One generator for the life of the module, reseeded per run. */
const rng = new Random(1);

function noClock(): number {
  return 0;
}

/** What a run accumulates across chunks: each option's outputs per sample, and the shares. */
interface Tally {
  costs: Float64Array[];
  npvs: Float64Array[];
  co2s: Float64Array[];
  cheapest: Float64Array;
  breakEvens: Float64Array;
}

/** Copies a chunk's outputs (samples k0 … k0 + size) from the kernel, and counts the cheapest option and break-evens. */
function collect(kernel: Kernel, t: Tally, k0: number, size: number): void {
  const count = kernel.options.length;
  for (let i = 0; i < count; i++) {
    const c = kernel.options[i]!;
    t.costs[i]!.set(c.cost.subarray(0, size), k0);
    t.npvs[i]!.set(c.npv.subarray(0, size), k0);
    t.co2s[i]!.set(c.co2eKg.subarray(0, size), k0);
  }
  for (let k = 0; k < size; k++) {
    // Cheapest per useful GPU-hour (the cheapest total when all serve the same demand); ∞ when nothing is served.
    let best = -1;
    let bestRate = Infinity;
    for (let i = 0; i < count; i++) {
      const c = kernel.options[i]!;
      const served = c.served[k]!;
      const rate = served > MIN_SERVED_GPU_HOURS ? c.cost[k]! / served : Infinity;
      if (rate < bestRate) {
        bestRate = rate;
        best = i;
      }
    }
    if (best >= 0) t.cheapest[best]! += 1;
  }
  for (let j = 0; j < kernel.owned.length; j++) {
    const i = kernel.owned[j]!;
    const months = kernel.options[i]!.breakEvenMonth;
    let n = 0;
    for (let k = 0; k < size; k++) if (months[k]! >= 0) n++;
    t.breakEvens[i]! += n;
  }
}

export function runMonteCarlo(s: Scenario, options: RunOptions = {}): MonteCarloResult {
  const clock = options.clock ?? noClock;
  const started = clock();
  const n = options.samples ?? s.uncertainty.samples;
  const seed = options.seed ?? s.uncertainty.seed;
  const onProgress = options.onProgress ?? null;
  rng.seed(seed);

  const stride = Math.min(CHUNK, n);
  const plan = compilePlan(s, stride);
  const kernel = new Kernel(plan);
  // pool (issue 15): the options serve every member's demand — each sample's own when a member's input has a range.
  const sampledMembers = hasMemberRanges(s) ? new Float64Array(stride * plan.months) : null;
  const fixedDemand = sampledMembers ? null : otherMembersDemand(s);
  const fanSamples = Math.min(n, FAN_SAMPLES);
  const points = fanMonths(plan.months);
  const width = points.length;
  const count = plan.options.length;
  const each = (size: number) => plan.options.map(() => new Float64Array(size));
  // The per-sample outputs reuse one buffer from run to run (megabytes at 100,000 samples, which
  // the collector otherwise pays for each run): a run is synchronous and reads them before it returns.
  if (store.length < 3 * count * n) store = new Float64Array(3 * count * n);
  const view = (j: number) => plan.options.map((_, i) => store.subarray((j * count + i) * n, (j * count + i + 1) * n));
  const tally: Tally = { costs: view(0), npvs: view(1), co2s: view(2), cheapest: new Float64Array(count), breakEvens: new Float64Array(count) };
  const fan: FanCapture = { points: Int32Array.from(points), samples: fanSamples, fans: each(fanSamples * width), offset: 0 };
  const columns = plan.inputs.map((input) => input.block.subarray(input.slot * stride, input.slot * stride + stride));
  for (let k0 = 0; k0 < n; k0 += stride) {
    const size = Math.min(stride, n - k0);
    // Input j's draws for this chunk go straight into its column: sample k reads the k-th of each, so all options share them.
    for (let j = 0; j < columns.length; j++) fillSamples(plan.inputs[j]!.dist, rng, columns[j]!, size);
    kernel.prepare(size);
    fan.offset = k0;
    const extraDemand = sampledMembers ? otherMembersDemandSamples(plan, size, sampledMembers) : fixedDemand;
    kernel.run(size, { fan: k0 < fanSamples ? fan : null, extraDemand });
    collect(kernel, tally, k0, size);
    const done = k0 + size;
    if (onProgress !== null && done % PROGRESS_EVERY === 0 && done < n) onProgress(done, n);
  }

  const outcomes: OptionOutcome[] = plan.options.map((o, i) => {
    const bands = new Float64Array(FAN_PERCENTILES.length * width);
    fanBands(fan.fans[i]!, fanSamples, width, FAN_PERCENTILES, bands);
    return {
      id: o.id,
      name: o.name,
      kind: s.options[i]!.kind,
      cost: stats(tally.costs[i]!, n),
      npv: stats(tally.npvs[i]!, n),
      co2eKg: stats(tally.co2s[i]!, n),
      pCheapest: tally.cheapest[i]! / n,
      pBreakEven: o.kind === 0 && kernel.rentals.length > 0 ? tally.breakEvens[i]! / n : null,
      fan: bands,
    };
  });
  onProgress?.(n, n);
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
export function stats(values: Float64Array, n: number): Stats {
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
