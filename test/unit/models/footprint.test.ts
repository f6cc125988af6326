// Issue 12: energy the person knows, host power from its parts, location- and market-based
// emissions side by side, the parts of the result, and bad input. Each case is computed by hand
// (the arithmetic in a comment), and BLOOM's published training footprint is reproduced from the
// figures the paper itself states.
import { describe, expect, it } from 'vitest';
import { loadScenarioValue } from '../../../src/scenario/load.ts';
import type { OptionFootprint, Scenario } from '../../../src/scenario/schema.ts';
import { startValues } from '../../../src/scenario/fields.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { buy, cloud, market, scenario } from '../helpers.ts';

/** A footprint sub-object: the table's starting values (nothing typed) and what the test types. */
function fp(over: Partial<OptionFootprint> = {}): OptionFootprint {
  return { ...startValues('footprint'), energyPeriod: 'total', energyScope: 'it', energySource: '', ...over };
}

const h100 = { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 1000, growthPctPerMonth: 0 } as const;

describe('energy you already know', () => {
  it('nothing typed: an empty footprint sub-object gives the derived figures to the last digit', () => {
    const plain = evaluateScenario(scenario([buy({ idlePowerWPerGpu: 50, hostPowerWPerServer: 500, pue: 1.5 })]));
    const empty = evaluateScenario(scenario([buy({ idlePowerWPerGpu: 50, hostPowerWPerServer: 500, pue: 1.5, footprint: fp() })]));
    const { energyByComponent: _a, ...a } = plain.options[0]!.alone.totals;
    const { energyByComponent: _b, ...b } = empty.options[0]!.alone.totals;
    expect(b).toEqual(a);
    expect(empty.options[0]!.footprintBasis.energy).toBe('derived');
  });

  it('owned, a measured IT total replaces the derived energy, and the bill, CO2e and water follow it', () => {
    // 50,000 kWh IT over 12 months in service, PUE 1.5 → facility 75,000 kWh; grid 100 g → 7,500 kg;
    // bill 75,000 kWh × 0.1 $/kWh = 7,500 $; off-site water 75,000 × 2 L = 150,000 L; on-site 50,000 × 0.5 = 25,000 L.
    const s = scenario([buy({ pue: 1.5, gridGCO2ePerKWh: 100, wueLPerKWh: 0.5, offsiteWaterLPerKWh: 2, idlePowerWPerGpu: 50, footprint: fp({ measuredEnergyKWh: 50_000, energySource: 'meter' }) })]);
    const r = evaluateScenario(s).options[0]!;
    const t = r.alone.totals;
    expect(t.itEnergyKWh).toBeCloseTo(50_000, 6);
    expect(t.facilityEnergyKWh).toBeCloseTo(75_000, 6);
    expect(t.operationalKgCO2e).toBeCloseTo(7_500, 6);
    expect(t.byCategory.energy).toBeCloseTo(7_500, 6);
    expect(t.onsiteWaterL).toBeCloseTo(25_000, 6);
    expect(t.offsiteWaterL).toBeCloseTo(150_000, 6);
    expect(t.energyByComponent).toEqual({ acceleratorsKWh: 0, hostKWh: 0, measuredKWh: expect.closeTo(50_000, 6), overheadKWh: 0, facilityOverheadKWh: expect.closeTo(25_000, 6) });
    expect(r.footprintBasis).toMatchObject({ energy: 'measured', energySource: 'meter', energyPeriod: 'total', energyScope: 'it' });
  });

  it('owned, a facility energy per month: ÷ PUE for IT, × the months in service', () => {
    // 4,000 kWh facility a month, PUE 1.25, ordered month 0 with 2 months' lead time → 10 of 12 months in service:
    // facility 40,000 kWh, IT 40,000 ÷ 1.25 = 32,000 kWh.
    const s = scenario([buy({ pue: 1.25, leadTimeMonths: 2, footprint: fp({ measuredEnergyKWh: 4_000, energyPeriod: 'perMonth', energyScope: 'facility' }) })]);
    const t = evaluateScenario(s).options[0]!.alone.totals;
    expect(t.facilityEnergyKWh).toBeCloseTo(40_000, 6);
    expect(t.itEnergyKWh).toBeCloseTo(32_000, 6);
  });

  it('a typed idle and overhead energy is added to the derived energy, as its own component', () => {
    // 1,000 GPU-hours a month × 12 at 1,000 W busy, no idle, no host: 12,000 kWh of accelerators; + 600 kWh overhead.
    const s = scenario([buy({ footprint: fp({ overheadEnergyKWh: 600 }) })]);
    const t = evaluateScenario(s).options[0]!.alone.totals;
    expect(t.itEnergyKWh).toBeCloseTo(12_600, 6);
    expect(t.energyByComponent.acceleratorsKWh).toBeCloseTo(12_000, 6);
    expect(t.energyByComponent.overheadKWh).toBeCloseTo(600, 6);
  });

  it('rented, a measured energy a month is the option alone; in the mix it takes its share of what it serves', () => {
    // 5,000 kWh a month × 12 months served alone = 60,000 kWh; in a 50/50 mix it serves 6,000 of 12,000 GPU-hours → 30,000 kWh.
    const s = scenario([
      cloud({ demandSharePct: 50, footprint: fp({ measuredEnergyKWh: 5_000, energyPeriod: 'perMonth' }) }),
      market({ demandSharePct: 50 }),
    ]);
    const r = evaluateScenario(s).options[0]!;
    expect(r.alone.totals.itEnergyKWh).toBeCloseTo(60_000, 6);
    expect(r.inMix.totals.itEnergyKWh).toBeCloseTo(30_000, 6);
  });
});

describe('host and CPU power from their parts', () => {
  it('cores × W per core + memory GB × W per GB, per server, shared by its GPUs', () => {
    // Green Algorithms: 64 cores × 12 W + 1,024 GB × 0.3725 W = 768 + 381.44 = 1,149.44 W per server;
    // ÷ 8 GPUs = 143.68 W per GPU-hour. 12,000 GPU-hours × (1,000 + 143.68) W = 13,724.16 kWh, of which hosts 1,724.16.
    const s = scenario([cloud({ hostPowerWPerServer: 9_999, footprint: fp({ hostCpuCores: 64, hostMemoryGB: 1024 }) })]);
    const r = evaluateScenario(s);
    const t = r.options[0]!.alone.totals;
    expect(t.itEnergyKWh).toBeCloseTo(13_724.16, 6);
    expect(t.energyByComponent.hostKWh).toBeCloseTo(1_724.16, 6);
    expect(r.options[0]!.footprintBasis.hostFromParts).toBe(true);
  });

  it('a part left empty counts nothing and says so', () => {
    // Memory only: 512 GB × 0.3725 W = 190.72 W per server; owned 8 GPUs in 1 server, 12 months × 730 h → 1,670.7072 kWh.
    const s = scenario([buy({ footprint: fp({ hostMemoryGB: 512 }) })]);
    const r = evaluateScenario(s);
    expect(r.options[0]!.alone.totals.energyByComponent.hostKWh).toBeCloseTo(1_670.7072, 6);
    expect(r.warnings.map((w) => w.key)).toContain('warn.hostNoCpu');
  });
});

describe('location-based and market-based, side by side', () => {
  // Owned, 12,000 kWh IT (see above), PUE 1 → facility 12,000 kWh; grid 100 g/kWh → location-based 1,200 kg.
  const run = (f: Partial<OptionFootprint>) => evaluateScenario(scenario([buy({ gridGCO2ePerKWh: 100, footprint: fp(f) })]));

  it('a supplier-specific factor: 12,000 kWh × 20 g = 240 kg; location-based unchanged', () => {
    const r = run({ marketSupplierGCO2ePerKWh: 20 });
    expect(r.options[0]!.alone.totals.marketKgCO2e).toBeCloseTo(240, 6);
    expect(r.options[0]!.alone.totals.operationalKgCO2e).toBeCloseTo(1_200, 6);
    expect(r.options[0]!.footprintBasis.market).toBe('supplier');
  });

  it('60 % covered by a PPA at 0 g, the rest at a residual mix of 500 g: 12,000 × 0.4 × 500 = 2,400 kg', () => {
    const r = run({ marketCoveredPct: 60, marketResidualGCO2ePerKWh: 500 });
    expect(r.options[0]!.alone.totals.marketKgCO2e).toBeCloseTo(2_400, 6);
    expect(r.options[0]!.footprintBasis).toMatchObject({ market: 'contract', rest: 'residual' });
  });

  it('60 % covered, no residual mix: the rest at the grid factor, said so: 12,000 × 0.4 × 100 = 480 kg', () => {
    const r = run({ marketCoveredPct: 60 });
    expect(r.options[0]!.alone.totals.marketKgCO2e).toBeCloseTo(480, 6);
    expect(r.options[0]!.footprintBasis.rest).toBe('grid');
    expect(r.warnings.map((w) => w.key)).toContain('warn.noResidualMix');
  });

  it('offsets are shown apart and never subtracted', () => {
    const r = run({ marketCoveredPct: 60, offsetsKgCO2e: 1_000 });
    const t = r.options[0]!.alone.totals;
    expect(t.offsetsKgCO2e).toBe(1_000);
    expect(t.marketKgCO2e).toBeCloseTo(480, 6);
    expect(t.operationalKgCO2e).toBeCloseTo(1_200, 6);
    expect(r.mix.totals.offsetsKgCO2e).toBe(1_000);
  });

  it('no contract: market-based equals location-based, and the grid figure’s data year is shown', () => {
    const r = evaluateScenario(scenario([buy()]));
    expect(r.options[0]!.alone.totals.marketKgCO2e).toBe(r.options[0]!.alone.totals.operationalKgCO2e);
    expect(r.options[0]!.footprintBasis.market).toBe('noContract');
    expect(r.options[0]!.footprintBasis.gridDataYear).toBe(2025);
  });
});

describe('bad input: a message on the field, nothing accepted', () => {
  const issues = (s: Scenario) => {
    const r = loadScenarioValue(s);
    return r.ok ? [] : r.error.kind === 'invalid' ? r.error.issues.map((i) => ({ path: i.path.join('.'), key: i.params.key ?? i.code })) : [{ path: '', key: r.error.kind }];
  };
  const raw = (o: Scenario['options'][number]): Scenario => ({ ...scenario([buy()]), options: [o] });

  it('a measured energy below what the owned GPUs draw at idle', () => {
    // 8 GPUs × 730 h × 12 months × 50 W = 3,504 kWh at least; 3,000 typed.
    expect(issues(raw(buy({ idlePowerWPerGpu: 50, footprint: fp({ measuredEnergyKWh: 3_000 }) })))).toEqual([{ path: 'options.0.footprint.measuredEnergyKWh', key: 'energyBelowIdle' }]);
    expect(issues(raw(buy({ idlePowerWPerGpu: 50, footprint: fp({ measuredEnergyKWh: 3_504 }) })))).toEqual([]);
  });

  it('a facility energy a month below the idle floor × PUE', () => {
    // 3,504 kWh ÷ 12 = 292 kWh a month of IT; × PUE 1.5 = 438 kWh of facility energy at least; 400 typed.
    const r = loadScenarioValue(raw(buy({ idlePowerWPerGpu: 50, pue: 1.5, footprint: fp({ measuredEnergyKWh: 400, energyPeriod: 'perMonth', energyScope: 'facility' }) })));
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.kind === 'invalid') expect(r.error.issues[0]!.params).toMatchObject({ key: 'energyBelowIdle', minKWh: 438 });
  });

  it('rented: below the typed GPU-hours at the e-footprint idle power (50 W)', () => {
    // 1,000 GPU-hours × 12 months × 50 W = 600 kWh at least; 500 typed.
    const s = { ...scenario([cloud()]), workload: h100 };
    expect(issues({ ...s, options: [cloud({ footprint: fp({ measuredEnergyKWh: 500 }) })] })).toEqual([{ path: 'options.0.footprint.measuredEnergyKWh', key: 'energyBelowIdle' }]);
  });

  it('a share covered by PPAs above 100 %', () => {
    expect(issues(raw(buy({ footprint: fp({ marketCoveredPct: 140 }) })))).toEqual([{ path: 'options.0.footprint.marketCoveredPct', key: 'too_big' }]);
  });
});

/**
 * Luccioni, Viguier & Ligozat, "Estimating the Carbon Footprint of BLOOM, a 176B Parameter
 * Language Model" (arXiv 2211.02001; JMLR 24(253), 2023), as in ../shared/reference/methods.md §2.1
 * and embodied.json ("bloom"): the final training ran 1,082,990 A100-80GB GPU-hours at Jean Zay,
 * on a grid of 57 gCO2e/kWh. The paper states the dynamic energy, 433,196 kWh (1,082,990 h × 0.4 kW),
 * and the idle energy of the cluster, 256,646 kWh; embodied: 150 kg per A100 and 2,500 kg per 8-GPU
 * server over 6 years at 85 % use. Published: dynamic 24.7 t, idle 14.6 t, embodied 11.2 t, 50.5 t in all.
 */
describe('published figures: BLOOM’s training footprint from the paper’s own inputs', () => {
  const s = scenario(
    [
      cloud({
        acceleratorId: 'nvidia-a100-80gb',
        regionCountry: 'FRA',
        pue: 1,
        gridGCO2ePerKWh: 57,
        embodiedKgCO2ePerGpu: 150,
        embodiedKgCO2ePerServer: 2_500,
        gpusPerServer: 8,
        embodiedLifeYears: 6,
        providerUtilisationPct: 85,
        footprint: fp({ measuredEnergyKWh: 433_196, overheadEnergyKWh: 256_646, energySource: 'BLOOM paper: dynamic energy' }),
      }),
    ],
    { months: 1, workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-a100-80gb', gpuHoursPerMonth: 1_082_990, growthPctPerMonth: 0 } },
  );
  const t = evaluateScenario(s).options[0]!.alone.totals;
  it('dynamic 433,196 kWh × 57 g = 24.7 t', () => {
    expect(Math.abs((t.energyByComponent.measuredKWh * 57) / 1e6 - 24.7)).toBeLessThan(0.05);
  });
  it('dynamic + idle: (433,196 + 256,646) kWh × 57 g = 39.3 t (published 24.7 + 14.6)', () => {
    expect(t.operationalKgCO2e / 1000).toBeCloseTo(39.32, 2);
    expect(Math.abs(t.operationalKgCO2e / 1000 - (24.7 + 14.6))).toBeLessThan(0.05);
  });
  it('embodied 1,082,990 h × (150 + 2,500 ÷ 8) kg ÷ (6 × 8,760 × 0.85) = 11.2 t; all of it 50.5 t', () => {
    expect(Math.abs(t.embodiedKgCO2e / 1000 - 11.2)).toBeLessThan(0.05);
    expect(Math.abs((t.operationalKgCO2e + t.embodiedKgCO2e) / 1000 - 50.5)).toBeLessThan(0.05);
  });
});

describe('a range on a measured energy', () => {
  it('moves the Monte Carlo’s CO2e: uniform 40,000–60,000 kWh IT, PUE 1, 100 g → P50 ≈ 5,000 kg, P5 ≈ 4,000, P95 ≈ 6,000', async () => {
    const { runMonteCarlo } = await import('../../../workers/models/uncertainty/montecarlo.ts');
    // The 5th and 95th percentiles are the range's ends: 40,000 × 0.1 = 4,000 kg; 60,000 × 0.1 = 6,000 kg.
    const base = scenario([buy({ gridGCO2ePerKWh: 100, footprint: fp({ measuredEnergyKWh: 50_000 }) })]);
    const s = loadScenarioValue({ ...base, uncertainty: { samples: 2_000, seed: 7, ranges: [{ target: 'option', optionId: 'buy', field: 'measuredEnergyKWh', low: 40_000, high: 60_000, shape: 'uniform' }] } });
    if (!s.ok) throw new Error('range refused');
    const co2 = runMonteCarlo(s.scenario).options[0]!.co2eKg;
    expect(co2.p50).toBeCloseTo(5_000, -2);
    expect(co2.p5).toBeCloseTo(4_000, -2);
    expect(co2.p95).toBeCloseTo(6_000, -2);
  });
});

describe('the share link carries both figures', () => {
  it('a scenario with a measured energy and a PPA share gives the same location- and market-based figures after a round trip', async () => {
    const { readFileSync } = await import('node:fs');
    const { loadScenarioText } = await import('../../../src/scenario/load.ts');
    const { decodeScenario, encodeScenario } = await import('../../../src/storage/share-link.ts');
    const loaded = loadScenarioText(readFileSync('test/fixtures/scenarios/v8.json', 'utf8'));
    if (!loaded.ok) throw new Error('fixture does not load');
    const decoded = await decodeScenario(`https://planner.example/#${await encodeScenario(loaded.scenario)}`);
    if (!decoded.ok) throw new Error('link does not decode');
    const again = loadScenarioText(decoded.text);
    if (!again.ok) throw new Error('decoded link does not load');
    const [a, b] = [evaluateScenario(loaded.scenario).mix.totals, evaluateScenario(again.scenario).mix.totals];
    // 9,900 kWh of facility energy a month × 34 months in service = 336,600 kWh; × 31 g = 10,434.6 kg location-based;
    // 40 % uncovered × 31 g = 12.4 g → 4,173.84 kg market-based.
    expect(b.operationalKgCO2e).toBeCloseTo(10_434.6, 6);
    expect(b.marketKgCO2e).toBeCloseTo(4_173.84, 6);
    expect([b.operationalKgCO2e, b.marketKgCO2e]).toEqual([a.operationalKgCO2e, a.marketKgCO2e]);
  });
});
