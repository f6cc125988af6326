// Distributions of uncertain inputs, stated as a 90 % interval (5th and 95th percentiles) and a
// shape. Pure. Methods: docs/methodology.md §12.
import type { DistributionShape } from '../../../src/scenario/constants.ts';
import type { Random } from './random.ts';

/** 95th percentile of the standard normal: the 90 % interval is μ ± 1.6449 σ. */
export const Z95 = 1.6448536269514722;

export const Kind = { Constant: 0, Normal: 1, Lognormal: 2, Uniform: 3, Triangular: 4 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** A compiled distribution: its parameters, and the bounds its samples are clipped to. */
export interface Distribution {
  kind: Kind;
  /** Normal: μ, σ; lognormal: μ and σ of ln x; uniform: lower, upper; triangular: lower, mode, upper. */
  p1: number;
  p2: number;
  p3: number;
  min: number;
  max: number;
  integer: boolean;
}

/**
 * Builds the distribution whose 5th and 95th percentiles are `low` and `high`. The triangular's
 * mode is the input's own value. Samples are clipped to [min, max] (the bounds the input accepts)
 * and rounded for whole-number inputs.
 */
export function compileDistribution(
  shape: DistributionShape,
  low: number,
  high: number,
  mode: number,
  bounds: { min: number; max: number; integer: boolean },
): Distribution {
  const base = { min: bounds.min, max: bounds.max, integer: bounds.integer };
  if (!(high > low)) return { kind: Kind.Constant, p1: low, p2: 0, p3: 0, ...base };
  switch (shape) {
    case 'normal':
      // Normal with P5 = low and P95 = high: μ = (low + high)/2, σ = (high − low)/(2 × 1.6449).
      return { kind: Kind.Normal, p1: (low + high) / 2, p2: (high - low) / (2 * Z95), p3: 0, ...base };
    case 'lognormal': {
      // ln x normal with P5 = ln low and P95 = ln high.
      const a = Math.log(low);
      const b = Math.log(high);
      return { kind: Kind.Lognormal, p1: (a + b) / 2, p2: (b - a) / (2 * Z95), p3: 0, ...base };
    }
    case 'uniform': {
      // Uniform whose 90 % central interval is [low, high]: the support is 1/0.9 as wide.
      const span = (high - low) / 0.9;
      return { kind: Kind.Uniform, p1: low - 0.05 * span, p2: low - 0.05 * span + span, p3: 0, ...base };
    }
    case 'triangular': {
      const [a, b] = triangularSupport(low, high, Math.min(high, Math.max(low, mode)));
      return { kind: Kind.Triangular, p1: a, p2: Math.min(high, Math.max(low, mode)), p3: b, ...base };
    }
  }
}

/** Inverse CDF of the triangular distribution on [a, b] with mode c. */
export function triangularQuantile(p: number, a: number, c: number, b: number): number {
  const fc = (c - a) / (b - a);
  return p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
}

/** The support [a, b] of a triangular distribution with mode c whose P5 and P95 are low and high. */
export function triangularSupport(low: number, high: number, c: number): [number, number] {
  // Nested bisection: for each b, the a that puts P5 at low; then the b that puts P95 at high.
  const span = high - low;
  const aFor = (b: number): number => {
    let lo = low - 20 * span;
    let hi = Math.min(low, c);
    for (let i = 0; i < 100; i++) {
      const a = (lo + hi) / 2;
      // P5 falls as a falls: if the quantile is above low, a must go down.
      if (triangularQuantile(0.05, a, c, b) > low) hi = a;
      else lo = a;
    }
    return (lo + hi) / 2;
  };
  let lo = Math.max(high, c);
  let hi = high + 20 * span;
  for (let i = 0; i < 100; i++) {
    const b = (lo + hi) / 2;
    if (triangularQuantile(0.95, aFor(b), c, b) < high) lo = b;
    else hi = b;
  }
  const b = (lo + hi) / 2;
  return [aFor(b), b];
}

/**
 * `count` samples of one input into `out`, clipped to the input's bounds and rounded when it takes
 * whole numbers. One uniform per sample (inverse transform), so every input consumes its own
 * stretch of the stream. One loop per shape keeps each loop monomorphic and branch-light.
 */
export function fillSamples(d: Distribution, rng: Random, out: Float64Array, count: number): void {
  const { p1, p2, p3 } = d;
  switch (d.kind) {
    case Kind.Constant:
      out.fill(p1, 0, count);
      break;
    case Kind.Normal:
      for (let i = 0; i < count; i++) out[i] = p1 + p2 * normalQuantileInline(rng.uniform());
      break;
    case Kind.Lognormal:
      for (let i = 0; i < count; i++) out[i] = Math.exp(p1 + p2 * normalQuantileInline(rng.uniform()));
      break;
    case Kind.Uniform:
      for (let i = 0; i < count; i++) out[i] = p1 + (p2 - p1) * rng.uniform();
      break;
    case Kind.Triangular:
      for (let i = 0; i < count; i++) out[i] = triangularQuantile(rng.uniform(), p1, p2, p3);
      break;
  }
  const { min, max } = d;
  if (d.integer) for (let i = 0; i < count; i++) out[i] = Math.round(out[i]!);
  for (let i = 0; i < count; i++) {
    const x = out[i]!;
    out[i] = x < min ? min : x > max ? max : x;
  }
}

/** The p-quantile (before clipping and rounding): P5 and P95 give back low and high. */
export function quantile(d: Distribution, p: number): number {
  switch (d.kind) {
    case Kind.Constant:
      return d.p1;
    case Kind.Normal:
      return d.p1 + d.p2 * normalQuantile(p);
    case Kind.Lognormal:
      return Math.exp(d.p1 + d.p2 * normalQuantile(p));
    case Kind.Uniform:
      return d.p1 + (d.p2 - d.p1) * p;
    case Kind.Triangular:
      return triangularQuantile(p, d.p1, d.p2, d.p3);
  }
}

/** The value an input takes in the tornado: a quantile, clipped and rounded like a sample. */
export function clippedQuantile(d: Distribution, p: number): number {
  let x = quantile(d, p);
  if (d.integer) x = Math.round(x);
  return x < d.min ? d.min : x > d.max ? d.max : x;
}

// Acklam's coefficients are written inline: module-level constants would cost a context load and
// a hole check each, in the hottest function of the Monte Carlo.

/**
 * Standard normal quantile (Acklam's rational approximation, relative error < 1.2e-9). The
 * central 95 % is a small function V8 inlines into the sampling loops; the tails, rarely reached,
 * are a separate call (a call that returns a double boxes it: inlining avoids that cost).
 */
export function normalQuantile(p: number): number {
  return normalQuantileInline(p);
}

function normalQuantileInline(p: number): number {
  const q = p - 0.5;
  if (q < -0.47575 || q > 0.47575) return normalTail(p);
  const r = q * q;
  return (((((((-39.69683028665376) * r + 220.9460984245205) * r + (-275.9285104469687)) * r + 138.357751867269) * r + (-30.66479806614716)) * r + 2.506628277459239) * q) / ((((((-54.47609879822406) * r + 161.5858368580409) * r + (-155.6989798598866)) * r + 66.80131188771972) * r + (-13.28068155288572)) * r + 1);
}

/** Acklam's tails: p below 0.02425 or above 0.97575. */
function normalTail(p: number): number {
  const lower = p < 0.5;
  const q = Math.sqrt(-2 * Math.log(lower ? p : 1 - p));
  const z = ((((((-0.007784894002430293) * q + (-0.3223964580411365)) * q + (-2.400758277161838)) * q + (-2.549732539343734)) * q + 4.374664141464968) * q + 2.938163982698783) / ((((0.007784695709041462 * q + 0.3224671290700398) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  return lower ? z : -z;
}
