// Demand per month, in GPU-hours of the workload's reference accelerator, columnar over samples:
// the kernel (kernel.ts) calls demandTerms once and demandMonth once a month. Pure.
import type { Workload } from '../../src/scenario/schema.ts';
import type { AcceleratorScope } from '../../src/catalog/accelerators.ts';
import { HOURS_PER_MONTH } from './resolve.ts';
import { W, WORKLOAD_SLOTS, workloadBlock, workloadKindOf } from './uncertainty/plan.ts';
import { busyFraction, peakGpus } from './tokens.ts';

/** GPU-hours of a training run: 6·N·D FLOPs ÷ (dense BF16 peak × MFU) (Kaplan et al. 2020; Epoch AI). */
export function trainingGpuHours(parametersBillion: number, tokensBillion: number, peakTflops: number, mfuPct: number): number {
  // 6·N·D training FLOPs (Kaplan et al. 2020, "Scaling laws"; used by Epoch AI, Cottier et al. 2024).
  const flops = 6 * parametersBillion * 1e9 * tokensBillion * 1e9;
  // Achieved FLOP/s per GPU = peak × MFU (Chowdhery et al. 2022, PaLM, model-FLOPs utilisation).
  const flopsPerSecondPerGpu = peakTflops * 1e12 * (mfuPct / 100);
  return flops / flopsPerSecondPerGpu / 3600;
}

/** Per sample: demand in month 0 (`base`), its monthly growth factor, and the month it stops (`until`). */
export interface DemandTerms {
  base: Float64Array;
  growth: Float64Array;
  until: Float64Array;
  /** The running growth factor, g^m in month m. */
  factor: Float64Array;
}

export function newDemandTerms(stride: number): DemandTerms {
  return { base: new Float64Array(stride), growth: new Float64Array(stride), until: new Float64Array(stride), factor: new Float64Array(stride) };
}

/** Fills the demand terms of samples [0, n) from the workload block (slot s of sample k at [s × stride + k]). */
export function demandTerms(kind: 0 | 1 | 2, w: Float64Array, stride: number, n: number, months: number, t: DemandTerms): void {
  // Each input's column, by its field's slot (derived from the field table).
  const t1 = WORKLOAD_SLOTS.training;
  const [params, tokens, mfu, dl] = [t1.parametersBillion!, t1.tokensBillion!, t1.mfuPct!, t1.deadlineMonths!].map((slot) => slot * stride) as [number, number, number, number];
  const g0 = WORKLOAD_SLOTS.gpuHours;
  const i2 = WORKLOAD_SLOTS.inference;
  const a = (kind === 0 ? g0.gpuHoursPerMonth! : i2.tokensPerSecond!) * stride;
  const b = i2.tokensPerSecondPerGpu! * stride;
  const peak = i2.peakTokensPerSecond! * stride; // tokens (issue 15): NaN when the workload has no load profile
  const g = (kind === 0 ? g0.growthPctPerMonth! : i2.growthPctPerMonth!) * stride;
  for (let k = 0; k < n; k++) {
    t.factor[k] = 1;
    if (kind === 1) {
      // The run is spread evenly over the months before its deadline.
      const deadline = w[dl + k]!;
      t.base[k] = trainingGpuHours(w[params + k]!, w[tokens + k]!, w[W.peakTflops * stride + k]!, w[mfu + k]!) / deadline;
      t.growth[k] = 1;
      t.until[k] = Math.min(deadline, months);
    } else {
      // GPU-hours a month, or GPUs needed = sustained tokens/s ÷ tokens/s per GPU, × 730 h a month;
      // with a load profile (tokens.ts), the GPUs held for the peak.
      const tps = kind === 2 && w[peak + k]! > w[a + k]! ? w[peak + k]! : w[a + k]!; // a sampled peak below the average: the average (NaN: no profile)
      t.base[k] = kind === 0 ? w[a + k]! : peakGpus(tps, w[b + k]!) * HOURS_PER_MONTH;
      t.growth[k] = 1 + w[g + k]! / 100;
      t.until[k] = months;
    }
  }
}

/**
 * tokens (issue 15): the busy share of the demanded GPU-hours of samples [0, n) into `out` — average ÷
 * peak with a load profile, 1 otherwise (the demand is then the load itself). The kernel scales the
 * energy that follows use by it.
 */
export function busyFractions(kind: 0 | 1 | 2, w: Float64Array, stride: number, n: number, out: Float64Array): void {
  const i2 = WORKLOAD_SLOTS.inference;
  const a = i2.tokensPerSecond! * stride;
  const peak = i2.peakTokensPerSecond! * stride;
  for (let k = 0; k < n; k++) out[k] = kind === 2 && w[peak + k]! === w[peak + k]! ? busyFraction(w[a + k]!, w[peak + k]!) : 1;
}

/** The busy share of a workload's demanded GPU-hours (busyFractions for one workload). */
export function demandBusyFraction(w: Workload): number {
  const out = new Float64Array(1);
  busyFractions(workloadKindOf(w), workloadBlock(w, 1), 1, 1, out);
  return out[0]!;
}

/** Demand of sample k in every month of the horizon into `out` (months long). */
export function demandSeries(t: DemandTerms, k: number, months: number, out: Float64Array): void {
  const base = t.base[k]!;
  const growth = t.growth[k]!;
  const until = t.until[k]!;
  if (growth === 1) {
    // Without growth the factor stays exactly 1 (and base × 1 is base): no multiplication chain.
    const to = Math.max(0, Math.min(months, Math.ceil(until)));
    out.fill(base, 0, to);
    out.fill(0, to, months);
    return;
  }
  let factor = 1;
  for (let m = 0; m < months; m++) {
    // Compound monthly growth: D[m] = D0 · (1 + g)^m, until the run's deadline.
    out[m] = m < until ? base * factor : 0;
    factor *= growth;
  }
}

/** Reference GPU-hours demanded in each month of the horizon. */
export function demandPerMonth(w: Workload, months: number, scope?: AcceleratorScope): number[] {
  const kind = workloadKindOf(w);
  if (kind === 1 && !(workloadBlock(w, 1, scope)[W.peakTflops]! > 0)) throw new Error('training workload needs a reference accelerator with a BF16 peak');
  const t = newDemandTerms(1);
  demandTerms(kind, workloadBlock(w, 1, scope), 1, 1, months, t);
  const series = new Float64Array(months);
  demandSeries(t, 0, months, series);
  const out = Array.from(series);
  return out;
}
