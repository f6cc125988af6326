// Cost shares (issue 13): Bernstein's shares of an AI data centre's total capex
// (hardware-prices-2026.json) give a second, sourced estimate of a purchase's servers and
// networking (networking + CPUs + storage over the GPUs' share, × the GPU spend) and the size of a
// facility build (mechanical and electrical over the GPUs' share), with the arithmetic shown.
import { describe, expect, it } from 'vitest';
import { costShareEstimates } from '../../src/scenario/cost-shares.ts';
import { buy } from './helpers.ts';


describe('cost shares as a sourced estimate (issue 13)', () => {
  it('servers and networking: (13 % + 3 % + 1–1.5 %) ÷ 39 % of the GPU spend', () => {
    const e = costShareEstimates(buy({ gpuCount: 8, unitPriceCcyPerGpu: 30_000 }))!;
    const gpuSpend = 240_000;
    expect(e.gpuSpendCcy).toBe(gpuSpend);
    expect(e.serverAndNetwork.ratio).toBeCloseTo(0.1725 / 0.39, 12);
    expect(e.serverAndNetwork.valueCcy).toBeCloseTo(gpuSpend * (0.1725 / 0.39), 6);
    expect(e.serverAndNetwork.lowCcy).toBeCloseTo(gpuSpend * (0.17 / 0.39), 6);
    expect(e.serverAndNetwork.highCcy).toBeCloseTo(gpuSpend * (0.175 / 0.39), 6);
    expect(e.serverAndNetwork.parts.map((p) => p.pct)).toEqual([13, 3, [1, 1.5]]);
    expect(e.gpuSharePct).toBe(39);
    // The weakest of the shares used: the CPUs' 3 % rests on one page.
    expect(e.serverAndNetwork.cited.confidence).toBe('single');
    expect(e.serverAndNetwork.cited.derived).toBe(true);
    expect(e.serverAndNetwork.cited.sources.some((k) => k.includes('bernstein'))).toBe(true);
  });

  it('a facility build: 33 % ÷ 39 % of the GPU spend, paid once (not a monthly figure)', () => {
    const e = costShareEstimates(buy({ gpuCount: 16, unitPriceCcyPerGpu: 25_000 }))!;
    expect(e.facilityBuild.ratio).toBeCloseTo(0.33 / 0.39, 12);
    expect(e.facilityBuild.valueCcy).toBeCloseTo(400_000 * (0.33 / 0.39), 6);
    expect(e.facilityBuild.cited.confidence).toBe('single');
  });

  it('follows the GPU price the person typed, and gives nothing while it is missing', () => {
    const a = costShareEstimates(buy({ unitPriceCcyPerGpu: 10_000 }))!;
    const b = costShareEstimates(buy({ unitPriceCcyPerGpu: 20_000 }))!;
    expect(b.serverAndNetwork.valueCcy).toBeCloseTo(2 * a.serverAndNetwork.valueCcy, 9);
    expect(costShareEstimates(buy({ unitPriceCcyPerGpu: Number.NaN }))).toBeNull();
  });
});
