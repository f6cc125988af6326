import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { demandPerMonth, trainingGpuHours } from '../../../workers/models/workload.ts';
import { buy, cloud, market, scenario } from '../helpers.ts';

describe('workload', () => {
  it('GPU-hours a month grow by compounding', () => {
    const d = demandPerMonth({ kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 1000, growthPctPerMonth: 10 }, 3);
    expect(d[0]).toBeCloseTo(1000, 9);
    expect(d[1]).toBeCloseTo(1100, 9);
    expect(d[2]).toBeCloseTo(1210, 9);
  });

  it('a training run needs 6·N·D ÷ (peak × MFU) GPU-hours, spread before its deadline', () => {
    // 7e9 × 2e12 × 6 = 8.4e22 FLOPs; H100 989e12 × 0.40 = 3.956e14 FLOP/s → 2.1234e8 s = 58,982.1 GPU-hours.
    const total = trainingGpuHours(7, 2000, 989, 40);
    expect(total).toBeCloseTo(8.4e22 / 3.956e14 / 3600, 3);
    expect(total).toBeCloseTo(58_982.1, 1);
    const d = demandPerMonth({ kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 7, tokensBillion: 2000, mfuPct: 40, deadlineMonths: 4 }, 6);
    expect(d.slice(0, 4).every((x) => Math.abs(x - total / 4) < 1e-6)).toBe(true);
    expect(d[4]).toBe(0);
    expect(d[5]).toBe(0);
  });

  it('an inference load needs tokens/s ÷ tokens/s per GPU GPUs, around the clock', () => {
    // 20,000 tokens/s ÷ 2,500 per GPU = 8 GPUs × 730 h = 5,840 GPU-hours a month.
    const d = demandPerMonth({ kind: 'inference', referenceAcceleratorId: 'nvidia-h100-sxm', tokensPerSecond: 20_000, tokensPerSecondPerGpu: 2_500, growthPctPerMonth: 0 }, 2);
    expect(d).toEqual([5840, 5840]);
  });
});

describe('serving rule', () => {
  const demand = (h: number) => ({ kind: 'gpuHours' as const, referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: h, growthPctPerMonth: 0 });

  it('owned capacity first, then reserved, then pay-as-you-go by shares', () => {
    // Demand 10,000 h: 8 owned GPUs × 730 × 50 % = 2,920 h; 2 reserved × 730 = 1,460 h;
    // the remaining 5,620 h split 75 / 25 → 4,215 and 1,405.
    const s = scenario(
      [
        buy({ maxUtilisationPct: 50 }),
        cloud({ id: 'res', pricingModel: 'reserved3y', committedGpus: 2, demandSharePct: 0 }),
        cloud({ id: 'od', demandSharePct: 75 }),
        market({ demandSharePct: 25 }),
      ],
      { months: 1, workload: demand(10_000) },
    );
    const served = evaluateScenario(s).options.map((o) => o.inMix.totals.servedRefGpuHours);
    expect(served[0]).toBeCloseTo(2_920, 6);
    expect(served[1]).toBeCloseTo(1_460, 6);
    expect(served[2]).toBeCloseTo(4_215, 6);
    expect(served[3]).toBeCloseTo(1_405, 6);
  });

  it('shares within the ±0.01 tolerance serve the remainder exactly (normalised)', () => {
    const s = scenario([cloud({ demandSharePct: 49.995 }), market({ demandSharePct: 50.0 })], { months: 1, workload: demand(1_000) });
    const e = evaluateScenario(s);
    const served = e.options.reduce((a, o) => a + o.inMix.totals.servedRefGpuHours, 0);
    expect(served).toBeCloseTo(1_000, 9);
    expect(e.mix.totals.unmetRefGpuHours).toBe(0);
  });

  it('demand nobody can serve is reported as unmet, not dropped', () => {
    const s = scenario([buy({ gpuCount: 1 })], { months: 2, workload: demand(1_000) });
    const e = evaluateScenario(s);
    // One GPU serves 730 h a month: 270 h unmet each month.
    expect(e.mix.unmetRefGpuHours).toEqual([270, 270]);
    expect(e.mix.totals.unmetRefGpuHours).toBeCloseTo(540, 9);
    expect(e.warnings.some((w) => w.key === 'warn.unmet')).toBe(true);
  });

  it('alone, each option serves the whole demand up to its own capacity', () => {
    const s = scenario([buy({ gpuCount: 1 }), cloud({ demandSharePct: 100 })], { months: 1, workload: demand(1_000) });
    const [owned, rented] = evaluateScenario(s).options;
    expect(owned!.alone.totals.servedRefGpuHours).toBeCloseTo(730, 9);
    expect(rented!.alone.totals.servedRefGpuHours).toBeCloseTo(1_000, 9);
    // In the mix the owned GPU serves first and the cloud the rest.
    expect(rented!.inMix.totals.servedRefGpuHours).toBeCloseTo(270, 9);
  });
});
