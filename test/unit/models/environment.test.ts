// Energy, carbon and water, including figures reproduced from published tables.
import { describe, expect, it } from 'vitest';
import { country } from '../../../src/catalog/index.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { buy, cloud, market, scenario } from '../helpers.ts';

/**
 * Touvron et al. 2023, "Llama 2: Open Foundation and Fine-Tuned Chat Models" (arXiv 2307.09288),
 * Table 2 "CO2 emissions during pretraining": time (GPU-hours), power consumption per GPU (W,
 * "peak power capacity per GPU device for the GPUs used adjusted for power usage efficiency",
 * i.e. PUE folded in), and carbon emitted (tCO2eq). The rows imply a grid intensity of about
 * 0.4235 kgCO2e/kWh (e.g. 31.22 t ÷ (184,320 h × 0.4 kW)).
 */
const LLAMA2_TABLE_2 = [
  { model: 'Llama 2 7B', gpuHours: 184_320, powerW: 400, tCO2e: 31.22 },
  { model: 'Llama 2 13B', gpuHours: 368_640, powerW: 400, tCO2e: 62.44 },
  { model: 'Llama 2 34B', gpuHours: 1_038_336, powerW: 350, tCO2e: 153.9 },
  { model: 'Llama 2 70B', gpuHours: 1_720_320, powerW: 400, tCO2e: 291.42 },
];
const LLAMA2_TOTAL_TCO2E = 539;
const IMPLIED_GRID_G_PER_KWH = 423.5;

/** One month of A100-80GB GPU-hours on rented capacity, with Meta's convention: power per GPU with PUE folded in (so PUE 1). */
function llamaRow(gpuHours: number, powerW: number) {
  const s = scenario(
    [
      cloud({
        acceleratorId: 'nvidia-a100-80gb',
        powerWPerGpu: powerW,
        busyPowerFraction: 1,
        pue: 1,
        gridGCO2ePerKWh: IMPLIED_GRID_G_PER_KWH,
      }),
    ],
    { months: 1, workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-a100-80gb', gpuHoursPerMonth: gpuHours, growthPctPerMonth: 0 } },
  );
  return evaluateScenario(s).options[0]!.alone.totals;
}

describe('published figures: Llama 2 pre-training emissions (Touvron et al. 2023, Table 2)', () => {
  it.each(LLAMA2_TABLE_2)('$model: $gpuHours GPU-hours at $powerW W → $tCO2e tCO2e (within 1 %)', ({ gpuHours, powerW, tCO2e }) => {
    const t = llamaRow(gpuHours, powerW);
    expect(Math.abs(t.operationalKgCO2e / 1000 - tCO2e) / tCO2e).toBeLessThan(0.01);
  });

  it(`all four models → ${LLAMA2_TOTAL_TCO2E} tCO2e (within 1 %)`, () => {
    const total = LLAMA2_TABLE_2.reduce((a, r) => a + llamaRow(r.gpuHours, r.powerW).operationalKgCO2e / 1000, 0);
    expect(Math.abs(total - LLAMA2_TOTAL_TCO2E) / LLAMA2_TOTAL_TCO2E).toBeLessThan(0.01);
  });

  it('with the catalog grid of the United States (OWID 2023) the same run emits less: the intensity matters', () => {
    const us = country('USA')!.gridGCO2ePerKWh!.value!;
    expect(us).toBeLessThan(IMPLIED_GRID_G_PER_KWH);
  });
});

describe('published figures: BLOOM embodied carbon per hour (Luccioni et al. 2023)', () => {
  // 2,500 kgCO2e per server and 150 kgCO2e per A100, over 6 years at 85 % use:
  // per server-hour 2,500 / (6 × 8,760 × 0.85) = 0.056 kg; per GPU-hour 150 / (…) = 0.003 kg.
  it('rented GPU-hours carry 0.003 kg per GPU plus 0.056 ÷ 8 kg per server share', () => {
    const s = scenario(
      [market({ acceleratorId: 'nvidia-a100-80gb', embodiedKgCO2ePerGpu: 150, embodiedKgCO2ePerServer: 2500, providerUtilisationPct: 85 })],
      { months: 1, workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-a100-80gb', gpuHoursPerMonth: 1000, growthPctPerMonth: 0 } },
    );
    const t = evaluateScenario(s).options[0]!.alone.totals;
    const lifeHours = 6 * 8760 * 0.85;
    expect(2500 / lifeHours).toBeCloseTo(0.056, 3);
    expect(150 / lifeHours).toBeCloseTo(0.003, 3);
    expect(t.embodiedKgCO2e).toBeCloseTo(1000 * (150 / lifeHours + 2500 / 8 / lifeHours), 9);
  });
});

describe('operational carbon and water', () => {
  it('uses the grid of the country where the compute runs', () => {
    // 1,000 h × 1 kW × PUE 1.2 = 1,200 kWh × France 56 g = 67.2 kg.
    const s = scenario([buy({ gridCountry: 'FRA', pue: 1.2 })], { months: 1 });
    const t = evaluateScenario(s).options[0]!.alone.totals;
    const fr = country('FRA')!.gridGCO2ePerKWh!.value!;
    expect(t.operationalKgCO2e).toBeCloseTo((1_200 * fr) / 1000, 9);
  });

  it('falls back to the world average when the country is unknown, and says so', () => {
    const e = evaluateScenario(scenario([market({ hostCountry: null })], { months: 1 }));
    const world = country('WLD')!.gridGCO2ePerKWh!.value!;
    expect(e.options[0]!.grid).toMatchObject({ country: 'WLD', assumedWorld: true, gCO2ePerKWh: world });
    expect(e.options[0]!.alone.totals.operationalKgCO2e).toBeCloseTo(world, 9);
    expect(e.warnings.some((w) => w.key === 'warn.gridUnknown')).toBe(true);
  });

  it('water = IT energy × (WUE + PUE × EWIF) (Li et al.)', () => {
    // 1,000 kWh IT; WUE 0.5 → 500 L on site; PUE 1.5 × EWIF 3 → 4,500 L off site.
    const s = scenario([cloud({ pue: 1.5, wueLPerKWh: 0.5, offsiteWaterLPerKWh: 3 })], { months: 1 });
    const t = evaluateScenario(s).options[0]!.alone.totals;
    expect(t.itEnergyKWh).toBeCloseTo(1_000, 9);
    expect(t.onsiteWaterL).toBeCloseTo(500, 9);
    expect(t.offsiteWaterL).toBeCloseTo(4_500, 9);
  });

  it('owned hardware carries its embodied carbon for the months it is in service', () => {
    // 8 × 164 kg + 1 server × 2,500 kg = 3,812 kg over 6 years; 12 months − 2 before delivery = 10 months → 3,812 × 10/72.
    const s = scenario([buy({ embodiedKgCO2ePerGpu: 164, embodiedKgCO2ePerServer: 2500, leadTimeMonths: 2 })]);
    expect(evaluateScenario(s).options[0]!.alone.totals.embodiedKgCO2e).toBeCloseTo((3_812 * 10) / 72, 9);
  });

  it('says when an accelerator has no embodied figure instead of counting zero silently', () => {
    const e = evaluateScenario(scenario([cloud({ acceleratorId: 'amd-mi300x', embodiedKgCO2ePerGpu: null })]));
    expect(e.warnings.some((w) => w.key === 'warn.embodiedMissing')).toBe(true);
  });
});
