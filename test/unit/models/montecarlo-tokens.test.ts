// tokens (issue 15): the Monte Carlo's price of a token — cost per million tokens (blended, input,
// output) from each sample's totals — on hand-computed cases.
import { describe, expect, it } from 'vitest';
import type { Workload } from '../../../src/scenario/schema.ts';
import { runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { buy, cloud, scenario, valid } from '../helpers.ts';

const profile = { peakTokensPerSecond: 40_000, hoursAtPeakPerDay: 6, inputTokensPerSecondPerGpu: 10_000, outputTokensPerSecondPerGpu: 1_000, inputTokenSharePct: 50 };
const inference = (tokens?: typeof profile): Workload => ({
  kind: 'inference',
  referenceAcceleratorId: 'nvidia-h100-sxm',
  tokensPerSecond: 20_000,
  tokensPerSecondPerGpu: 2_500,
  growthPctPerMonth: 0,
  ...(tokens ? { tokens } : {}),
});
const ranged = (field: string, low: number, high: number, tokens = profile, samples = 20_000) =>
  valid({ ...scenario([cloud()], { workload: inference(tokens) }), uncertainty: { samples, seed: 11, ranges: [{ target: 'workload', optionId: null, field, low, high, shape: 'uniform' }] } });
const rel = (got: number, want: number) => Math.abs(got / want - 1);

describe('cost per million tokens in the Monte Carlo', () => {
  // Held: 40,000 ÷ 2,500 = 16 GPUs × 2 USD × 8,760 h = 280,320 USD; tokens: 20,000/s × 3,600 × 8,760 = 630.72 × 10⁹;
  // cost per million c = 280,320 ÷ 630,720 = 4/9 USD, whatever the output throughput.
  const c = 4 / 9;
  it('a uniform range on the output throughput (P5 550, P95 1,450): input and output percentiles by hand', () => {
    const t = runMonteCarlo(ranged('outputTokensPerSecondPerGpu', 550, 1_450, profile, 100_000)).options[0]!.tokens!;
    // The blended cost moves with none of it: the GPU time is sized by the workload's throughput.
    expect(t.costPerMillionCcy.p5).toBeCloseTo(c, 12);
    expect(t.costPerMillionCcy.p95).toBeCloseTo(c, 12);
    expect(t.costPerMillionCcy.sd).toBeLessThan(1e-12);
    // Output: c · t_out ÷ (½ t_in + ½ t_out) = c · 20,000 ÷ (10,000 + X), decreasing in X:
    // P5 at X = 1,450 → c · 20,000/11,450; P50 at 1,000 → c · 20/11; P95 at 550 → c · 20,000/10,550.
    const out = t.outputCostPerMillionCcy!;
    expect(rel(out.p5, (c * 20_000) / 11_450)).toBeLessThan(1e-3);
    expect(rel(out.p50, (c * 20) / 11)).toBeLessThan(1e-3);
    expect(rel(out.p95, (c * 20_000) / 10_550)).toBeLessThan(1e-3);
    // Input: c · t_in ÷ (½ t_in + ½ t_out) = c · 2X ÷ (X + 10,000), increasing in X (steeper: a sample
    // quantile of X off by its standard error, ≈ 0.7 at P5 with 100,000 samples, moves it ≈ 0.13 %).
    const input = t.inputCostPerMillionCcy!;
    expect(rel(input.p5, (c * 1_100) / 10_550)).toBeLessThan(5e-3);
    expect(rel(input.p50, (c * 2) / 11)).toBeLessThan(5e-3);
    expect(rel(input.p95, (c * 2_900) / 11_450)).toBeLessThan(5e-3);
  });

  it('a range on the peak moves the blended cost: c = 2 USD × peak ÷ 2,500 ÷ (20,000 × 3,600) × 10⁶', () => {
    const t = runMonteCarlo(ranged('peakTokensPerSecond', 30_000, 50_000)).options[0]!.tokens!;
    expect(rel(t.costPerMillionCcy.p5, 1 / 3)).toBeLessThan(2e-3);
    expect(rel(t.costPerMillionCcy.p50, 4 / 9)).toBeLessThan(2e-3);
    expect(rel(t.costPerMillionCcy.p95, 5 / 9)).toBeLessThan(2e-3);
  });

  it('a range on the input share moves the input and output costs (s = 50 % → c · 2/11 and c · 20/11 at the median)', () => {
    const t = runMonteCarlo(ranged('inputTokenSharePct', 40, 60)).options[0]!.tokens!;
    expect(t.outputCostPerMillionCcy!.sd).toBeGreaterThan(0.01);
    expect(rel(t.inputCostPerMillionCcy!.p50, (c * 2) / 11)).toBeLessThan(5e-3);
    expect(rel(t.outputCostPerMillionCcy!.p50, (c * 20) / 11)).toBeLessThan(5e-3);
  });

  it('without the two throughputs, only the blended cost; without a profile, none', () => {
    const noSplit = { ...profile, inputTokensPerSecondPerGpu: null, outputTokensPerSecondPerGpu: null, inputTokenSharePct: null } as unknown as typeof profile;
    const t = runMonteCarlo(ranged('peakTokensPerSecond', 30_000, 50_000, noSplit)).options[0]!.tokens!;
    expect(t.inputCostPerMillionCcy).toBeNull();
    expect(t.outputCostPerMillionCcy).toBeNull();
    expect(rel(t.costPerMillionCcy.p50, 4 / 9)).toBeLessThan(2e-3);
    const none = valid({ ...scenario([cloud()], { workload: inference() }), uncertainty: { samples: 1000, seed: 1, ranges: [{ target: 'workload', optionId: null, field: 'tokensPerSecond', low: 15_000, high: 25_000, shape: 'uniform' }] } });
    expect(runMonteCarlo(none).options[0]!.tokens).toBeNull();
  });
});

describe('the CSV’s Monte Carlo section', () => {
  it('has the percentiles of the cost per million tokens, in English and in French', async () => {
    const { resultsCsv } = await import('../../../src/storage/csv.ts');
    const { translatorOf } = await import('../../../src/i18n/translate.ts');
    const { en: enDict } = await import('../../../src/i18n/en.ts');
    const { fr: frDict } = await import('../../../src/i18n/fr.ts');
    const { evaluateScenario } = await import('../../../workers/models/evaluate.ts');
    const s = ranged('peakTokensPerSecond', 30_000, 50_000);
    const r = evaluateScenario(s);
    const mc = runMonteCarlo(s);
    const en = resultsCsv(r, translatorOf(enDict), { lang: 'en', monteCarlo: mc });
    expect(en).toContain('Cost per million tokens (USD) P5,Cost per million tokens (USD) P50,Cost per million tokens (USD) P95');
    const line = en.split('\r\n').find((l) => l.startsWith('Cloud,') && l.split(',').length > 15)!;
    const cells = line.split(',').map(Number);
    // The blended P5, P50, P95 (≈ 1/3, 4/9, 5/9 USD), then the input and output ones.
    const at = cells.length - 9;
    expect(rel(cells[at]!, 1 / 3)).toBeLessThan(2e-3);
    expect(rel(cells[at + 1]!, 4 / 9)).toBeLessThan(2e-3);
    expect(rel(cells[at + 2]!, 5 / 9)).toBeLessThan(2e-3);
    const fr = resultsCsv(r, translatorOf(frDict), { lang: 'fr', monteCarlo: mc });
    expect(fr).toContain('Coût par million de jetons (USD) P5;');
    // The mix (one option: the same figures): its own section, blended P5/P50/P95 first, then input, output, Wh and g.
    expect(en).toContain('Monte Carlo: the mix’s price of a token');
    const mixCells = en.split('\r\n').findLast((l) => l.startsWith('Your mix,'))!.split(',').map(Number);
    expect(mixCells).toHaveLength(16);
    expect(rel(mixCells[1]!, 1 / 3)).toBeLessThan(2e-3);
    expect(rel(mixCells[3]!, 5 / 9)).toBeLessThan(2e-3);
    expect(fr).toContain('Monte-Carlo : le prix d’un jeton du mix');
  });
});

describe('the mix’s price of a token in the Monte Carlo', () => {
  it('one option: the mix is that option — 4/9 USD per million, 0.111 Wh and 0.0444 g per thousand tokens in every sample', () => {
    // The worked example (§22): cloud at 2 USD, 1,000 W, PUE 1, 400 g/kWh; a range on the output throughput moves no total.
    const s = valid({ ...ranged('outputTokensPerSecondPerGpu', 550, 1_450, profile, 2_000), options: [cloud({ gridGCO2ePerKWh: 400 })] });
    const mix = runMonteCarlo(s).mixTokens!;
    expect(mix.costPerMillionCcy.p5).toBeCloseTo(4 / 9, 12);
    expect(mix.costPerMillionCcy.p95).toBeCloseTo(4 / 9, 12);
    // 70,080 kWh ÷ 630.72 million thousand tokens; × 0.4 kg/kWh.
    expect(mix.facilityKWhPerThousand.p50).toBeCloseTo(70_080 / 630.72e6, 15);
    expect(mix.kgCO2ePerThousand.p50).toBeCloseTo((70_080 * 0.4) / 630.72e6, 15);
    // The output cost follows the throughput as each option's does: c · 20/11 at the median X = 1,000.
    expect(rel(mix.outputCostPerMillionCcy!.p50, ((4 / 9) * 20) / 11)).toBeLessThan(1e-3);
  });

  it('owned and rented together, no range: every percentile is the evaluation’s mix figure', () => {
    const s = valid({ ...scenario([buy(), cloud()], { workload: inference(profile) }), uncertainty: { samples: 1_000, seed: 5, ranges: [] } });
    const want = evaluateScenario(s).tokens!.mix;
    const got = runMonteCarlo(s).mixTokens!;
    // The owned cluster serves part of the peak-sized demand, the cloud the rest: a mix unlike either option alone.
    expect(want.costPerMillionCcy).not.toBeCloseTo(evaluateScenario(s).tokens!.options[0]!.alone.costPerMillionCcy!, 6);
    for (const [g, w] of [
      [got.costPerMillionCcy, want.costPerMillionCcy],
      [got.inputCostPerMillionCcy!, want.inputCostPerMillionCcy],
      [got.outputCostPerMillionCcy!, want.outputCostPerMillionCcy],
      [got.facilityKWhPerThousand, want.facilityKWhPerThousand],
      [got.kgCO2ePerThousand, want.kgCO2ePerThousand],
    ] as const) {
      expect(rel(g.p5, w!)).toBeLessThan(1e-9);
      expect(rel(g.p50, w!)).toBeLessThan(1e-9);
      expect(rel(g.p95, w!)).toBeLessThan(1e-9);
    }
  });

  it('without a load profile, no mix figures', () => {
    const s = valid({ ...scenario([cloud()], { workload: inference() }), uncertainty: { samples: 1_000, seed: 5, ranges: [] } });
    expect(runMonteCarlo(s).mixTokens).toBeUndefined();
  });
});
