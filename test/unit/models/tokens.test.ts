// tokens (issue 15): an inference workload's daily load profile — capacity sized for the peak, energy
// following the load — and the per-token results, on hand-computed worked examples.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, loadScenarioValue } from '../../../src/scenario/load.ts';
import type { Scenario, Workload } from '../../../src/scenario/schema.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { evaluatePlanning } from '../../../workers/models/pool.ts';
import { busyFraction, inputOutputWeights, offPeakTokensPerSecond, peakGpus } from '../../../workers/models/tokens.ts';
import { runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';
import { demandPerMonth } from '../../../workers/models/workload.ts';
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

describe('the load profile', () => {
  it('sizes the capacity for the peak: 40,000 ÷ 2,500 = 16 GPUs × 730 h = 11,680 GPU-hours a month', () => {
    expect(peakGpus(40_000, 2_500)).toBe(16);
    expect(demandPerMonth(inference(profile), 2)).toEqual([11_680, 11_680]);
    // Without a profile, the average: 20,000 ÷ 2,500 = 8 GPUs × 730 = 5,840 (as before).
    expect(demandPerMonth(inference(), 2)).toEqual([5_840, 5_840]);
  });

  it('busy share = average ÷ peak; off-peak load from the hours at the peak', () => {
    expect(busyFraction(20_000, 40_000)).toBe(0.5);
    expect(busyFraction(20_000, 20_000)).toBe(1);
    // 24 × 20,000 = 480,000 = 6 × 40,000 + 18 × off-peak → off-peak = 240,000 ÷ 18 = 13,333.3.
    expect(offPeakTokensPerSecond(20_000, 40_000, 6)).toBeCloseTo(240_000 / 18, 9);
  });

  it('input and output weights: GPU-seconds per token, t_in = 1/10,000, t_out = 1/1,000, half and half', () => {
    // blended = 0.5 × 1e-4 + 0.5 × 1e-3 = 5.5e-4 s; input 1e-4 ÷ 5.5e-4 = 2/11; output 1e-3 ÷ 5.5e-4 = 20/11.
    const w = inputOutputWeights(10_000, 1_000, 50);
    expect(w.input).toBeCloseTo(2 / 11, 12);
    expect(w.output).toBeCloseTo(20 / 11, 12);
  });
});

describe('cost, energy and CO2e per token on a worked example (cloud on demand, 12 months)', () => {
  // Cloud on demand at 2 USD per GPU-hour, an H100 (the reference: throughput 1), 1,000 W busy, no host,
  // PUE 1, grid 400 gCO2e/kWh, no embodied carbon.
  // Held: 16 GPUs × 730 h × 12 = 140,160 GPU-hours → cost 280,320 USD.
  // Tokens: 20,000 tokens/s × 3,600 × 730 × 12 = 630,720,000,000 (= 140,160 h × 2,500 × 3,600 × 0.5).
  // Cost per million tokens: 280,320 ÷ 630,720 = 0.444… USD (= 2 USD ÷ 4.5 million tokens an hour).
  // Energy follows the load: 140,160 h × 0.5 busy × 1 kW = 70,080 kWh → 70,080 ÷ 630,720,000 thousand tokens
  // = 1.111e-4 kWh (0.4 J a token: 1,000 W ÷ 2,500 tokens/s). CO2e: × 0.4 kg/kWh = 4.444e-5 kg.
  // Input 0.444 × 2/11 = 0.0808 USD, output 0.444 × 20/11 = 0.808 USD per million.
  const s = scenario([cloud({ gridGCO2ePerKWh: 400 })], { workload: inference(profile) });
  const r = evaluateScenario(s);

  it('cost per million tokens, input and output', () => {
    expect(r.options[0]!.alone.totals.costCcy).toBeCloseTo(280_320, 6);
    const t = r.tokens!.options[0]!.alone;
    expect(t.tokens).toBeCloseTo(630_720_000_000, 0);
    expect(t.costPerMillionCcy).toBeCloseTo(4 / 9, 12);
    expect(t.inputCostPerMillionCcy).toBeCloseTo((4 / 9) * (2 / 11), 12);
    expect(t.outputCostPerMillionCcy).toBeCloseTo((4 / 9) * (20 / 11), 12);
  });

  it('energy and CO2e per thousand tokens follow the load, not the held capacity', () => {
    expect(r.options[0]!.alone.totals.itEnergyKWh).toBeCloseTo(70_080, 6);
    const t = r.tokens!.options[0]!.alone;
    expect(t.facilityKWhPerThousand).toBeCloseTo(1 / 9000, 15);
    expect(t.kgCO2ePerThousand).toBeCloseTo(0.4 / 9000, 15);
  });

  it('the mix is the one option here: the same figures', () => {
    expect(r.tokens!.mix.costPerMillionCcy).toBeCloseTo(4 / 9, 12);
    expect(r.tokens!.peakGpus).toBe(16);
    expect(r.tokens!.busyFraction).toBe(0.5);
  });

  it('owned GPUs: idle power around the clock, busy power for the busy share of the hours served', () => {
    // 16 owned GPUs (capacity 11,680 h a month = the demand), 1,000 W busy, 50 W idle, 12 months:
    // fixed 16 × 730 × 12 × 0.05 kW = 7,008 kWh; busy 140,160 h × 0.5 × 0.95 kW = 66,576 kWh → 73,584 kWh.
    const owned = evaluateScenario(scenario([buy({ gpuCount: 16, idlePowerWPerGpu: 50, gridGCO2ePerKWh: 400 })], { workload: inference(profile) }));
    expect(owned.options[0]!.alone.totals.servedRefGpuHours).toBeCloseTo(140_160, 6);
    expect(owned.options[0]!.alone.totals.itEnergyKWh).toBeCloseTo(73_584, 6);
    expect(owned.tokens!.options[0]!.alone.facilityKWhPerThousand).toBeCloseTo(73_584 / 630_720_000, 15);
  });

  it('an owned cluster smaller than the peak serves less, and its tokens are counted from what it served', () => {
    // 8 GPUs: 5,840 h a month of the 11,680 held for the peak → half the tokens.
    const small = evaluateScenario(scenario([buy({ gpuCount: 8 })], { workload: inference(profile) }));
    expect(small.tokens!.options[0]!.alone.tokens).toBeCloseTo(630_720_000_000 / 2, 0);
  });
});

describe('absent: results exactly as before', () => {
  it('an inference workload without a profile has no per-token results and the same totals', () => {
    const r = evaluateScenario(scenario([cloud(), buy()], { workload: inference() }));
    expect(r.tokens).toBeUndefined();
    // A profile whose peak is the average: the same demand and energy as without one.
    const same = evaluateScenario(scenario([cloud(), buy()], { workload: inference({ ...profile, peakTokensPerSecond: 20_000 }) }));
    expect(same.mix.totals).toEqual(r.mix.totals);
    expect(same.options.map((o) => o.alone.totals)).toEqual(r.options.map((o) => o.alone.totals));
  });

  it('the shipped examples have no profile and no per-token results; their figures are untouched by it', () => {
    const files = readdirSync('public/examples').filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      const l = loadScenarioText(readFileSync(`public/examples/${f}`, 'utf8'));
      if (!l.ok) throw new Error(`${f} does not load`);
      const r = evaluatePlanning(l.scenario);
      expect(r.tokens, f).toBeUndefined();
      // With a profile whose peak is the average (busy all the time), an inference example gives the same totals.
      const w = l.scenario.workload;
      if (w.kind !== 'inference') continue;
      const same = evaluatePlanning({ ...l.scenario, workload: { ...w, tokens: { ...profile, peakTokensPerSecond: w.tokensPerSecond, hoursAtPeakPerDay: 0 } } });
      expect(same.mix.totals, f).toEqual(r.mix.totals);
    }
  });
});

describe('bad input, on its field', () => {
  const withTokens = (t: Partial<typeof profile>): unknown => ({ ...scenario([cloud()], { workload: inference() }), workload: { ...inference(), tokens: { ...profile, ...t } } });
  const paths = (v: unknown) => {
    const r = loadScenarioValue(v);
    return r.ok ? [] : r.error.kind === 'invalid' ? r.error.issues.map((i) => `${i.path.join('.')}:${(i as { params?: { key?: string } }).params?.key ?? i.message}`) : [r.error.kind];
  };
  it('a peak below the average', () => {
    expect(paths(withTokens({ peakTokensPerSecond: 10_000 }))).toContain('workload.tokens.peakTokensPerSecond:peakBelowAverage');
  });
  it('more hours at the peak than the average allows (13 h × 40,000 > 24 × 20,000)', () => {
    expect(paths(withTokens({ hoursAtPeakPerDay: 13 }))).toContain('workload.tokens.hoursAtPeakPerDay:peakHoursAboveAverage');
    expect(paths(withTokens({ hoursAtPeakPerDay: 12 }))).toEqual([]);
  });
  it('one throughput without the other', () => {
    expect(paths(withTokens({ outputTokensPerSecondPerGpu: null as unknown as number }))).toContain('workload.tokens.outputTokensPerSecondPerGpu:tokensSplitIncomplete');
  });
  it('a pool member’s profile is checked on its own field', () => {
    const s = scenario([cloud()], { workload: inference() });
    const v = { ...s, pool: { firstMemberName: 'A', firstMemberCommittedSharePct: null, splitRule: 'gpuHours', members: [{ name: 'B', workload: { ...inference(), tokens: { ...profile, peakTokensPerSecond: 1 } }, memberStartMonth: 0, memberActiveMonths: null, committedSharePct: null }] } };
    expect(paths(v)).toContain('pool.members.0.workload.tokens.peakTokensPerSecond:peakBelowAverage');
  });
});

describe('pool members and ranges', () => {
  it('a member’s profile sizes its demand for its peak; energy then counts the held hours as busy', () => {
    const s = valid({
      ...scenario([cloud()], { workload: inference() }),
      pool: { firstMemberName: 'A', firstMemberCommittedSharePct: null, splitRule: 'gpuHours', members: [{ name: 'B', workload: inference(profile), memberStartMonth: 0, memberActiveMonths: null, committedSharePct: null }] },
    } as Scenario);
    const r = evaluatePlanning(s);
    // A: 5,840 h a month; B, sized for its peak: 11,680 → 17,520 × 12 = 210,240 GPU-hours at 1 kW.
    expect(r.mix.totals.servedRefGpuHours).toBeCloseTo(210_240, 6);
    expect(r.mix.totals.itEnergyKWh).toBeCloseTo(210_240, 6);
    expect(r.tokens).toBeUndefined();
  });

  it('a range on the peak moves the cost in the Monte Carlo', () => {
    const s = valid({ ...scenario([cloud()], { workload: inference(profile) }), uncertainty: { samples: 1000, seed: 3, ranges: [{ target: 'workload', optionId: null, field: 'peakTokensPerSecond', low: 30_000, high: 50_000, shape: 'uniform' }] } });
    const mc = runMonteCarlo(s);
    // Cost ∝ peak: 2 USD × 730 × 12 × peak ÷ 2,500 → at the mean peak ≈ 40,000, ≈ 280,320.
    expect(mc.options[0]!.cost.sd).toBeGreaterThan(1000);
    expect(mc.options[0]!.cost.mean).toBeGreaterThan(260_000);
    expect(mc.options[0]!.cost.mean).toBeLessThan(300_000);
  });
});

describe('the CSV and `npm run evaluate`', () => {
  const s = scenario([cloud({ gridGCO2ePerKWh: 400 })], { workload: inference(profile) });
  it('the CSV has the price of a token, in English and in French', async () => {
    const { resultsCsv } = await import('../../../src/storage/csv.ts');
    const { translatorOf } = await import('../../../src/i18n/translate.ts');
    const { en: enDict } = await import('../../../src/i18n/en.ts');
    const { fr: frDict } = await import('../../../src/i18n/fr.ts');
    const r = evaluateScenario(s);
    const en = resultsCsv(r, translatorOf(enDict), { lang: 'en' });
    expect(en).toContain('Cost per million tokens (USD)');
    // 0.444444 USD per million, 0.111111 Wh and 0.044444 g per thousand tokens.
    expect(en).toContain('Cloud (alone),630720000000,0.444444,0.080808,0.808081,0.111111,0.044444');
    const fr = resultsCsv(r, translatorOf(frDict), { lang: 'fr' });
    expect(fr).toContain('Coût par million de jetons (USD)');
    expect(fr).toContain(';0,444444;0,080808;0,808081;0,111111;0,044444');
  });
  it('`npm run evaluate` prints the evaluation the worker returns, tokens included', async () => {
    const { api } = await import('../../../workers/api.ts');
    const out = api.evaluate(s);
    if (!out.ok) throw new Error('does not evaluate');
    expect(out.result.tokens!.mix.costPerMillionCcy).toBeCloseTo(4 / 9, 12);
  });
});

describe('the current fixture (format 9) with a load profile on a pool member', () => {
  const r = loadScenarioText(readFileSync('test/fixtures/scenarios/v9.json', 'utf8'));
  it('loads, and the member keeps its profile', () => {
    if (!r.ok) throw new Error('v9 fixture does not load');
    const w = r.scenario.pool!.members[0]!.workload;
    expect(w.kind === 'inference' && w.tokens).toEqual({ peakTokensPerSecond: 12_000, hoursAtPeakPerDay: 4, inputTokensPerSecondPerGpu: 20_000, outputTokensPerSecondPerGpu: 1_500, inputTokenSharePct: 60 });
  });
  it('the member’s demand is sized for its peak: 12,000 ÷ 2,500 = 4.8 GPUs × 730 h × 36 months = 126,144 GPU-hours', () => {
    if (!r.ok) throw new Error('v9 fixture does not load');
    const result = evaluatePlanning(r.scenario);
    expect(result.pool!.members[1]!.demandRefGpuHours).toBeCloseTo(126_144, 6);
    // Without the profile, its average: 5,000 ÷ 2,500 = 2 GPUs × 730 × 36 = 52,560.
    const m = r.scenario.pool!.members[0]!;
    const plain = { ...r.scenario, pool: { ...r.scenario.pool!, members: [{ ...m, workload: { ...m.workload, tokens: undefined } }] } } as Scenario;
    expect(evaluatePlanning(plain).pool!.members[1]!.demandRefGpuHours).toBeCloseTo(52_560, 6);
  });
});

describe('a pool of two members with load profiles: each member’s price of a token, in the pool and alone', () => {
  // One reserved cloud option: 20 H100s for 1 year at 2 USD per GPU-hour, 1,000 W, PUE 1, 400 gCO2e/kWh, no
  // embodied carbon; 12 months; split by GPU-hours used.
  // A: 20,000 tokens/s on average, peak 40,000, 2,500 per GPU → 16 GPUs held → 140,160 GPU-hours; busy 0.5;
  //    tokens 140,160 × 2,500 × 3,600 × 0.5 = 630.72 billion.
  // B: 10,000 tokens/s, peak 10,000 (busy all the time) → 4 GPUs → 35,040 GPU-hours; tokens 315.36 billion.
  // The pool: 20 GPUs reserved, 175,200 h × 2 = 350,400 USD, all used: A 0.8 of it (280,320), B 0.2 (70,080).
  // In the pool: A 280,320 ÷ 630,720 = 0.4444 USD per million tokens; B 70,080 ÷ 315,360 = 0.2222.
  // Alone, each reserves the same 20 GPUs and pays 350,400: A 350,400 ÷ 630,720 = 0.5556; B 350,400 ÷ 315,360 = 1.1111.
  // A's input and output: 0.4444 × 2/11 = 0.0808 and × 20/11 = 0.8081 in the pool.
  // Energy in a pool counts every held hour busy (§18): A 0.8 × 175,200 kWh = 140,160 kWh ÷ 630.72 million thousand
  // tokens = 2.222e-4 kWh; CO2e × 0.4 = 8.889e-5 kg. B 35,040 kWh ÷ 315.36 million = 1.111e-4 kWh.
  const member = (tokensPerSecond: number, tokens: typeof profile): Workload => ({ ...inference(tokens), tokensPerSecond }) as Workload;
  const s = valid({
    ...scenario([cloud({ gridGCO2ePerKWh: 400, pricingModel: 'reserved1y', committedGpus: 20, demandSharePct: 0 })], { workload: inference(profile) }),
    pool: {
      firstMemberName: 'A',
      firstMemberCommittedSharePct: null,
      splitRule: 'gpuHours',
      members: [
        { name: 'B', workload: member(10_000, { peakTokensPerSecond: 10_000, hoursAtPeakPerDay: 0, inputTokensPerSecondPerGpu: null, outputTokensPerSecondPerGpu: null, inputTokenSharePct: null } as unknown as typeof profile), memberStartMonth: 0, memberActiveMonths: null, committedSharePct: null },
      ],
    },
  } as Scenario);
  const r = evaluatePlanning(s);
  const [a, b] = r.pool!.members;

  it('the pool’s cost and split, as worked above', () => {
    expect(r.mix.totals.costCcy).toBeCloseTo(350_400, 6);
    expect(a!.inPoolCcy).toBeCloseTo(280_320, 6);
    expect(b!.inPoolCcy).toBeCloseTo(70_080, 6);
  });
  it('each member’s tokens and cost per million tokens, in the pool and alone', () => {
    expect(a!.tokens!.inPool.tokens).toBeCloseTo(630.72e9, 0);
    expect(b!.tokens!.inPool.tokens).toBeCloseTo(315.36e9, 0);
    expect(a!.tokens!.inPool.costPerMillionCcy).toBeCloseTo(4 / 9, 12);
    expect(b!.tokens!.inPool.costPerMillionCcy).toBeCloseTo(2 / 9, 12);
    expect(a!.tokens!.alone.costPerMillionCcy).toBeCloseTo(5 / 9, 12);
    expect(b!.tokens!.alone.costPerMillionCcy).toBeCloseTo(10 / 9, 12);
    expect(a!.tokens!.alone.tokens).toBeCloseTo(630.72e9, 0);
  });
  it('input and output where the member gave them; none (null, not zero) where it did not', () => {
    expect(a!.tokens!.inPool.inputCostPerMillionCcy).toBeCloseTo((4 / 9) * (2 / 11), 12);
    expect(a!.tokens!.inPool.outputCostPerMillionCcy).toBeCloseTo((4 / 9) * (20 / 11), 12);
    expect(b!.tokens!.inPool.inputCostPerMillionCcy).toBeNull();
    expect(b!.tokens!.alone.outputCostPerMillionCcy).toBeNull();
  });
  it('energy and CO2e per thousand tokens (every held hour busy in a pool)', () => {
    expect(a!.tokens!.inPool.facilityKWhPerThousand).toBeCloseTo(140_160 / 630.72e6, 15);
    expect(a!.tokens!.inPool.kgCO2ePerThousand).toBeCloseTo((140_160 * 0.4) / 630.72e6, 15);
    expect(b!.tokens!.inPool.facilityKWhPerThousand).toBeCloseTo(35_040 / 315.36e6, 15);
  });
  it('a member without a load profile has no per-token figures', () => {
    const plain = evaluatePlanning({ ...s, workload: inference() });
    expect(plain.pool!.members[0]!.tokens).toBeUndefined();
    expect(plain.pool!.members[1]!.tokens).toBeDefined();
  });
});

describe('a pool member’s price of a token in the CSV and `npm run evaluate`', () => {
  // The pool of the worked example above (A: 4/9 USD per million in the pool, 5/9 alone; B has a profile,
  // C none): every member's figures, and a sentence — never a zero — for the one without a profile.
  const noSplit = { peakTokensPerSecond: 10_000, hoursAtPeakPerDay: 0, inputTokensPerSecondPerGpu: null, outputTokensPerSecondPerGpu: null, inputTokenSharePct: null } as unknown as typeof profile;
  const s = valid({
    ...scenario([cloud({ gridGCO2ePerKWh: 400, pricingModel: 'reserved1y', committedGpus: 20, demandSharePct: 0 })], { workload: inference(profile) }),
    pool: {
      firstMemberName: 'A',
      firstMemberCommittedSharePct: null,
      splitRule: 'gpuHours',
      members: [
        { name: 'B', workload: { ...inference(noSplit), tokensPerSecond: 10_000 }, memberStartMonth: 0, memberActiveMonths: null, committedSharePct: null },
        { name: 'C', workload: { ...inference(), tokensPerSecond: 0.001 }, memberStartMonth: 0, memberActiveMonths: null, committedSharePct: null },
      ],
    },
  } as Scenario);
  it('the CSV, in English and in French', async () => {
    const { resultsCsv } = await import('../../../src/storage/csv.ts');
    const { translatorOf } = await import('../../../src/i18n/translate.ts');
    const { en: enDict } = await import('../../../src/i18n/en.ts');
    const { fr: frDict } = await import('../../../src/i18n/fr.ts');
    const r = evaluatePlanning(s);
    const en = resultsCsv(r, translatorOf(enDict), { lang: 'en' });
    expect(en).toContain('Price of a token per pool member');
    // C's tiny demand takes a tiny part of the 20 GPUs (a hair of A's tokens goes unserved, a hair of its cost to C): 6 decimals still read 4/9.
    expect(en).toMatch(/A \(in the pool\),6307199\d{5}(\.\d+)?,0\.444444,0\.080808,0\.808081,0\.222222,0\.088889/);
    expect(en).toMatch(/A \(alone\),630720000000,0\.555556,0\.10101,1\.010101,0\.222222,0\.088889/);
    expect(en).toContain('C,no load profile: no per-token figures');
    const fr = resultsCsv(r, translatorOf(frDict), { lang: 'fr' });
    expect(fr).toMatch(/A \(seul\);630720000000;0,555556;/);
    expect(fr).toContain('C;pas de profil de charge : pas de chiffres par jeton');
  });
  it('`npm run evaluate` prints each member’s figures (the worker’s evaluation)', async () => {
    const { api } = await import('../../../workers/api.ts');
    const out = api.evaluate(s);
    if (!out.ok) throw new Error('does not evaluate');
    expect(out.result.pool!.members[0]!.tokens!.alone.costPerMillionCcy).toBeCloseTo(5 / 9, 12);
    expect(out.result.pool!.members[2]!.tokens).toBeUndefined();
  });
});
