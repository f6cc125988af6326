// Demand per month, in GPU-hours of the workload's reference accelerator. Pure.
import { accelerator } from '../../src/catalog/index.ts';
import type { Workload } from '../../src/scenario/schema.ts';
import { HOURS_PER_MONTH } from './resolve.ts';

/** GPU-hours of a training run: 6·N·D FLOPs ÷ (dense BF16 peak × MFU) (Kaplan et al. 2020; Epoch AI). */
export function trainingGpuHours(parametersBillion: number, tokensBillion: number, peakTflops: number, mfuPct: number): number {
  // 6·N·D training FLOPs (Kaplan et al. 2020, "Scaling laws"; used by Epoch AI, Cottier et al. 2024).
  const flops = 6 * parametersBillion * 1e9 * tokensBillion * 1e9;
  // Achieved FLOP/s per GPU = peak × MFU (Chowdhery et al. 2022, PaLM, model-FLOPs utilisation).
  const flopsPerSecondPerGpu = peakTflops * 1e12 * (mfuPct / 100);
  return flops / flopsPerSecondPerGpu / 3600;
}

/** Reference GPU-hours demanded in each month of the horizon. */
export function demandPerMonth(w: Workload, months: number): number[] {
  const out = new Array<number>(months).fill(0);
  switch (w.kind) {
    case 'gpuHours': {
      // Compound monthly growth: D[m] = D0 · (1 + g)^m.
      const g = 1 + w.growthPctPerMonth / 100;
      for (let m = 0; m < months; m++) out[m] = w.gpuHoursPerMonth * g ** m;
      return out;
    }
    case 'training': {
      const peak = accelerator(w.referenceAcceleratorId)?.bf16DenseTflops?.value;
      if (peak == null) throw new Error('training workload needs a reference accelerator with a BF16 peak');
      const total = trainingGpuHours(w.parametersBillion, w.tokensBillion, peak, w.mfuPct);
      // The run is spread evenly over the months before its deadline.
      const months_ = Math.min(w.deadlineMonths, months);
      for (let m = 0; m < months_; m++) out[m] = total / w.deadlineMonths;
      return out;
    }
    case 'inference': {
      // GPUs needed = sustained tokens/s ÷ tokens/s per GPU; × 730 h a month, with growth.
      const g = 1 + w.growthPctPerMonth / 100;
      const base = (w.tokensPerSecond / w.tokensPerSecondPerGpu) * HOURS_PER_MONTH;
      for (let m = 0; m < months; m++) out[m] = base * g ** m;
      return out;
    }
  }
}
