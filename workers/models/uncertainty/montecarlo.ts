// Monte Carlo over the uncertain inputs of a scenario: N samples from one seeded generator, one
// shared draw per input per sample (so every option faces the same world), each option alone
// over the whole monthly horizon. Pure and deterministic for a given seed; the clock is passed in.
// Methods: docs/methodology.md §12.
import type { Scenario } from '../../../src/scenario/schema.ts';
import { Kernel, LANES, type FanCapture } from '../kernel.ts';
import { MIN_SERVED_GPU_HOURS } from '../run.ts';
import { fillSamples } from './distributions.ts';
import { fanBands } from './fan.ts';
import { B, compilePlan, R, WORKLOAD_SLOTS, type Plan } from './plan.ts';
import { hasMemberRanges, otherMembersDemand, otherMembersDemandSamples } from '../pool.ts';
import { percentiles } from './quantiles.ts';
import { Random } from './random.ts';
import { costPerMillionTokens, perThousandTokens, tokenKindWeight, tokensPerRefGpuHour } from '../tokens.ts';
import { allocateMix, type Allocation } from '../serving.ts';
import { demandSeries } from '../workload.ts';

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
  /** tokens (issue 15): the price of a token alone, from each sample's totals (null without a load profile, or when a sample serves no token). */
  tokens: TokenOutcome | null;
}

/** tokens (issue 15): cost per million tokens across samples; input and output null when their throughputs and share are not all given. */
export interface TokenOutcome {
  costPerMillionCcy: Stats;
  inputCostPerMillionCcy: Stats | null;
  outputCostPerMillionCcy: Stats | null;
}

/** tokens (issue 15): the mix's price of a token across samples (each sample's mix: the serving rule on its own demand and capacities). */
export interface MixTokenOutcome extends TokenOutcome {
  facilityKWhPerThousand: Stats;
  kgCO2ePerThousand: Stats;
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
  /** tokens (issue 15): the mix's price of a token (absent without a load profile, or when a sample's mix serves no token). */
  mixTokens?: MixTokenOutcome;
}

export interface RunOptions {
  samples?: number;
  seed?: number;
  clock?: () => number;
  onProgress?: (done: number, total: number) => void;
}

/** The per-sample outputs of a run (see monteCarloSteps), reused from run to run. */
let store = new Float64Array(0);
/** Whether a run (suspended between its steps) holds `store`: a run beside it takes a buffer of its own. */
let storeHeld = false;

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
  /** tokens (issue 15): per option, cost per million tokens (blended, input, output) per sample; empty without a load profile. */
  perMillion: Float64Array[];
  perMillionIn: Float64Array[];
  perMillionOut: Float64Array[];
}

/** tokens (issue 15): whether the Monte Carlo prices a token — an inference workload with a load profile, alone (the evaluation's rule, tokens.ts). */
export function pricesTokens(plan: Plan): boolean {
  const peak = WORKLOAD_SLOTS.inference.peakTokensPerSecond! * plan.stride;
  return plan.workloadKind === 2 && plan.busyFromProfile && !Number.isNaN(plan.workload[peak]!);
}

/** Whether the input and output throughputs and the input share are all given (sample 0: a range needs a figure, so all samples agree). */
function splitsTokens(plan: Plan): boolean {
  const i2 = WORKLOAD_SLOTS.inference;
  const S = plan.stride;
  return [i2.inputTokensPerSecondPerGpu!, i2.outputTokensPerSecondPerGpu!, i2.inputTokenSharePct!].every((slot) => !Number.isNaN(plan.workload[slot * S]!));
}

/**
 * tokens (issue 15): each option's cost per million tokens in samples k0 … k0 + size, from the
 * sample's totals with the evaluation's functions (tokens.ts); NaN when a sample serves no token.
 */
function collectTokens(kernel: Kernel, t: Tally, k0: number, size: number, split: boolean): void {
  const w = kernel.plan.workload;
  const S = kernel.plan.stride;
  const i2 = WORKLOAD_SLOTS.inference;
  const perGpu = i2.tokensPerSecondPerGpu! * S;
  const tIn = i2.inputTokensPerSecondPerGpu! * S;
  const tOut = i2.outputTokensPerSecondPerGpu! * S;
  const share = i2.inputTokenSharePct! * S;
  for (let k = 0; k < size; k++) {
    // The busy share is the kernel's, from the sample's average and peak (busyFraction, tokens.ts).
    const perHour = tokensPerRefGpuHour(w[perGpu + k]!, kernel.busy[k]!);
    const wIn = split ? tokenKindWeight(w[tIn + k]!, w[tIn + k]!, w[tOut + k]!, w[share + k]!) : Number.NaN;
    const wOut = split ? tokenKindWeight(w[tOut + k]!, w[tIn + k]!, w[tOut + k]!, w[share + k]!) : Number.NaN;
    for (let i = 0; i < kernel.options.length; i++) {
      const c = kernel.options[i]!;
      const cost = costPerMillionTokens(c.cost[k]!, c.served[k]! * perHour) ?? Number.NaN;
      t.perMillion[i]![k0 + k] = cost;
      t.perMillionIn[i]![k0 + k] = cost * wIn;
      t.perMillionOut[i]![k0 + k] = cost * wOut;
    }
  }
}

/** tokens (issue 15): what the mix's price of a token needs per chunk: the allocation's buffers, and per sample its five figures. */
interface MixTally {
  served: Float64Array[];
  demand: Float64Array;
  allocation: Allocation;
  /** Per sample: cost per million tokens (blended, input, output), facility kWh and kg CO2e per thousand tokens. */
  figures: Float64Array[];
}

/**
 * tokens (issue 15): the mix in samples k0 … k0 + size, after the options alone were collected: each
 * sample's own demand and capacities allocated by the serving rule (serving.ts, as the evaluation and
 * the optimiser's risk do), the kernel run with that allocation, the options' totals summed (as
 * evaluate.ts sums the mix), then the same per-token formulas (tokens.ts).
 */
function collectMixTokens(kernel: Kernel, x: MixTally, k0: number, size: number, split: boolean): void {
  const plan = kernel.plan;
  const months = plan.months;
  const S = plan.stride;
  for (let k = 0; k < size; k++) {
    demandSeries(kernel.demand, k, months, x.demand);
    const a = allocateMix(plan.resolved, kernel.options, x.demand, k, x.allocation);
    for (let i = 0; i < x.served.length; i++) {
      const col = x.served[i]!;
      const by = a.served[i]!;
      for (let m = 0; m < months; m++) col[m * S + k] = by[m]!;
    }
  }
  kernel.run(size, { served: x.served });
  const w = plan.workload;
  const i2 = WORKLOAD_SLOTS.inference;
  const [perMillion, perMillionIn, perMillionOut, kWh, kg] = x.figures as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  for (let k = 0; k < size; k++) {
    let cost = 0;
    let served = 0;
    let facility = 0;
    let co2 = 0;
    for (let i = 0; i < kernel.options.length; i++) {
      const c = kernel.options[i]!;
      const p = plan.options[i]!.p;
      cost += c.cost[k]!;
      served += c.served[k]!;
      // Facility energy = IT × PUE (energy.ts).
      facility += c.itKWh[k]! * p[(plan.options[i]!.kind === 0 ? B.pue : R.pue) * S + k]!;
      co2 += c.co2eKg[k]!;
    }
    const tokens = served * tokensPerRefGpuHour(w[i2.tokensPerSecondPerGpu! * S + k]!, kernel.busy[k]!);
    const c = costPerMillionTokens(cost, tokens) ?? Number.NaN;
    const tIn = w[i2.inputTokensPerSecondPerGpu! * S + k]!;
    const tOut = w[i2.outputTokensPerSecondPerGpu! * S + k]!;
    const share = w[i2.inputTokenSharePct! * S + k]!;
    perMillion[k0 + k] = c;
    perMillionIn[k0 + k] = split ? c * tokenKindWeight(tIn, tIn, tOut, share) : Number.NaN;
    perMillionOut[k0 + k] = split ? c * tokenKindWeight(tOut, tIn, tOut, share) : Number.NaN;
    kWh[k0 + k] = perThousandTokens(facility, tokens) ?? Number.NaN;
    kg[k0 + k] = perThousandTokens(co2, tokens) ?? Number.NaN;
  }
}

/** tokens (issue 15): the mix's token figures across the samples (undefined when a sample's mix serves no token). */
function mixTokenOutcome(x: MixTally, n: number, split: boolean): { mixTokens?: MixTokenOutcome } {
  const [perMillion, perMillionIn, perMillionOut, kWh, kg] = x.figures as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  const blended = statsOrNull(perMillion, n);
  const energy = statsOrNull(kWh, n);
  const co2 = statsOrNull(kg, n);
  if (blended === null || energy === null || co2 === null) return {};
  return {
    mixTokens: {
      costPerMillionCcy: blended,
      inputCostPerMillionCcy: split ? statsOrNull(perMillionIn, n) : null,
      outputCostPerMillionCcy: split ? statsOrNull(perMillionOut, n) : null,
      facilityKWhPerThousand: energy,
      kgCO2ePerThousand: co2,
    },
  };
}

/** Stats of a per-sample figure, or null when a sample has none (NaN). */
function statsOrNull(values: Float64Array, n: number): Stats | null {
  for (let k = 0; k < n; k++) if (Number.isNaN(values[k]!)) return null;
  return stats(values, n);
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

/**
 * A sample count as a small integer. A count read from an object whose field also holds fractions
 * elsewhere (the field table's `min`) arrives as a boxed double: the loops that take it (stats,
 * percentiles) were compiled for small integers and would be thrown back to the interpreter on the
 * first run the page shows (issue 11, "first visible run"). Same value; only its representation changes.
 */
export function smallInteger(n: number): number {
  return Number.isInteger(n) && n >= 0 && n <= 0x3fffffff ? n | 0 : n;
}

/** The Monte Carlo of `s`, in one synchronous call (the command line, the tests, the bench): the steps below, run to the end. */
export function runMonteCarlo(s: Scenario, options: RunOptions = {}): MonteCarloResult {
  const steps = monteCarloSteps(s, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The Monte Carlo of `s` chunk by chunk (CHUNK samples each): it yields the samples done after
 * every chunk but the last, and returns the result. The simulator worker pauses between steps so
 * that a cancel reaches it (issue 11); a caller that stops (`return()`) leaves no work behind.
 * Each run has its own generator and, while another holds it, its own output buffer, so runs
 * suspended side by side do not disturb one another.
 */
export function* monteCarloSteps(s: Scenario, options: RunOptions = {}): Generator<number, MonteCarloResult, void> {
  const clock = options.clock ?? noClock;
  const started = clock();
  const n = smallInteger(options.samples ?? s.uncertainty.samples);
  const seed = options.seed ?? s.uncertainty.seed;
  const onProgress = options.onProgress ?? null;
  const rng = new Random(seed);

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
  // the collector otherwise pays for each run), unless a suspended run holds it.
  // tokens (issue 15): three more outputs per option when a token is priced.
  const tokens = pricesTokens(plan);
  const split = tokens && splitsTokens(plan);
  const outputs = tokens ? 6 : 3;
  const shared = !storeHeld;
  let buffer: Float64Array;
  if (shared) {
    if (store.length < outputs * count * n) store = new Float64Array(outputs * count * n);
    buffer = store;
    storeHeld = true;
  } else buffer = new Float64Array(outputs * count * n);
  try {
    return yield* chunks();
  } finally {
    if (shared) storeHeld = false;
  }

  function* chunks(): Generator<number, MonteCarloResult, void> {
    const view = (j: number) => plan.options.map((_, i) => buffer.subarray((j * count + i) * n, (j * count + i + 1) * n));
    const none: Float64Array[] = [];
    const tally: Tally = {
      costs: view(0),
      npvs: view(1),
      co2s: view(2),
      cheapest: new Float64Array(count),
      breakEvens: new Float64Array(count),
      perMillion: tokens ? view(3) : none,
      perMillionIn: tokens ? view(4) : none,
      perMillionOut: tokens ? view(5) : none,
    };
    // tokens (issue 15): the mix's buffers (only when a token is priced: other runs are unchanged).
    const mixTally: MixTally | null = tokens
      ? {
          served: plan.options.map(() => new Float64Array(plan.months * stride)),
          demand: new Float64Array(plan.months),
          allocation: { served: plan.options.map(() => new Float64Array(plan.months)), unmet: new Array<number>(plan.months).fill(0) },
          figures: [0, 1, 2, 3, 4].map(() => new Float64Array(n)),
        }
      : null;
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
      if (tokens) collectTokens(kernel, tally, k0, size, split);
      if (mixTally !== null) collectMixTokens(kernel, mixTally, k0, size, split);
      const done = k0 + size;
      if (onProgress !== null && done % PROGRESS_EVERY === 0 && done < n) onProgress(done, n);
      if (done < n) yield done;
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
        tokens: tokenOutcome(tally, i, n, tokens, split),
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
      ...(mixTally !== null ? mixTokenOutcome(mixTally, n, split) : {}),
    };
  }
}

/** tokens (issue 15): option i's token figures across the samples (null when no token is priced, or a sample serves none). */
function tokenOutcome(t: Tally, i: number, n: number, tokens: boolean, split: boolean): TokenOutcome | null {
  if (!tokens) return null;
  const blended = statsOrNull(t.perMillion[i]!, n);
  if (blended === null) return null;
  return {
    costPerMillionCcy: blended,
    inputCostPerMillionCcy: split ? statsOrNull(t.perMillionIn[i]!, n) : null,
    outputCostPerMillionCcy: split ? statsOrNull(t.perMillionOut[i]!, n) : null,
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
