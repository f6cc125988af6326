// footprint (issue 12): a job on CPU cores only, described with the host parts (Green Algorithms:
// P = n_c × P_c + n_m × P_m, methods.md §1.1; 12 W per core "Any" CPU, 0.3725 W per GB of memory).
// An optional flag under format 9: the energy is the parts' power × the hours, no accelerator power
// (busy or idle), and the embodied carbon is the server's only. Absent: results exactly as before.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { scenarioSchema, type OptionFootprint } from '../../src/scenario/schema.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { buy, cloud, scenario } from './helpers.ts';

const parts = (over: Partial<OptionFootprint> = {}): OptionFootprint => ({
  measuredEnergyKWh: null,
  overheadEnergyKWh: null,
  hostCpuCores: 64,
  hostCpuWPerCore: 12,
  hostMemoryGB: 256,
  hostMemoryWPerGB: 0.3725,
  marketSupplierGCO2ePerKWh: null,
  marketCoveredPct: 0,
  marketCoveredGCO2ePerKWh: 0,
  marketResidualGCO2ePerKWh: null,
  offsetsKgCO2e: null,
  energyPeriod: 'total',
  energyScope: 'it',
  energySource: '',
  cpuOnly: true,
  ...over,
});

describe('a job on CPU cores only', () => {
  it('rented: 1,000 server-hours a month for 12 months at 64 cores × 12 W + 256 GB × 0.3725 W', () => {
    // Server power = 64 × 12 + 256 × 0.3725 = 768 + 95.36 = 863.36 W (no accelerator power: 1,000 W ignored).
    // IT energy = 12 × 1,000 h × 863.36 W ÷ 1,000 = 10,360.32 kWh; facility = × PUE 1.2 = 12,432.384 kWh.
    // Location-based = 12,432.384 kWh × 400 g ÷ 1,000 = 4,972.9536 kgCO2e.
    // Embodied (BLOOM, per hour): 12,000 h × (0 per card + 1,000 kg ÷ 1 per server) ÷ (6 y × 8,760 h × 0.85) = 12,000,000 ÷ 44,676 = 268.600591… kg.
    const o = cloud({ gpusPerServer: 1, pue: 1.2, gridGCO2ePerKWh: 400, embodiedKgCO2ePerGpu: 150, embodiedKgCO2ePerServer: 1000, footprint: parts() });
    const r = evaluateScenario(scenario([o])).options[0]!;
    const x = r.alone.totals;
    expect(x.itEnergyKWh).toBeCloseTo(10_360.32, 6);
    expect(x.facilityEnergyKWh).toBeCloseTo(12_432.384, 6);
    expect(x.operationalKgCO2e).toBeCloseTo(4_972.9536, 6);
    expect(x.embodiedKgCO2e).toBeCloseTo(12_000_000 / 44_676, 6);
    expect(x.energyByComponent.acceleratorsKWh).toBeCloseTo(0, 9);
    expect(x.energyByComponent.hostKWh).toBeCloseTo(10_360.32, 6);
    expect(r.footprintBasis.cpuOnly).toBe(true);
  });
  it('owned: 4 servers over 12 months, hosts on around the clock, the server’s embodied carbon only', () => {
    // IT energy = 4 servers × 8,760 h × 863.36 W ÷ 1,000 = 30,252.1344 kWh (no idle GPUs: 50 W typed is ignored).
    // Embodied (Boavizta, share of life): (4 × 0 + 4 × 1,000 kg) × 12 months ÷ (6 × 12) = 666.666… kg.
    const o = buy({ gpuCount: 4, gpusPerServer: 1, idlePowerWPerGpu: 50, embodiedKgCO2ePerGpu: 150, embodiedKgCO2ePerServer: 1000, footprint: parts() });
    const x = evaluateScenario(scenario([o])).options[0]!.alone.totals;
    expect(x.itEnergyKWh).toBeCloseTo(30_252.1344, 6);
    expect(x.embodiedKgCO2e).toBeCloseTo(4000 / 6, 6);
  });
  it('refuses, on their fields, a CPU-only job without CPU cores or with several units per server', () => {
    const base = scenario([cloud()]);
    const bad = scenarioSchema.safeParse({ ...base, options: [cloud({ gpusPerServer: 8, footprint: parts({ hostCpuCores: null }) })] });
    expect(bad.success).toBe(false);
    const at = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join('.'), (i as { params?: { key?: string } }).params?.key]));
    expect(at['options.0.footprint.hostCpuCores']).toBe('cpuOnlyNeedsCores');
    expect(at['options.0.gpusPerServer']).toBe('cpuOnlyOneServer');
  });
  it('absent or false: identical results to an option without the flag (format 9, optional)', () => {
    const a = evaluateScenario(scenario([cloud({ footprint: parts({ cpuOnly: undefined }) })])).mix.totals;
    const b = evaluateScenario(scenario([cloud({ footprint: parts({ cpuOnly: false }) })])).mix.totals;
    expect(b).toEqual(a);
    // And the accelerators do draw power then: 12,000 h × (1,000 W + 863.36 W ÷ 8) ÷ 1,000 = 13,295.04 kWh.
    expect(a.itEnergyKWh).toBeCloseTo(13_295.04, 6);
  });
  it('the format-9 fixture’s CPU-only option (OVHcloud, France, direct grid factor) loads and reads as CPU-only', () => {
    const r = loadScenarioText(readFileSync('test/fixtures/scenarios/v9.json', 'utf8'));
    if (!r.ok) throw new Error('fixture v9 does not load');
    const o = r.scenario.options.find((x) => x.id === 'cpu-1')!;
    expect(o.footprint?.cpuOnly).toBe(true);
    expect(o.gridMetric).toBe('direct');
    const res = evaluateScenario(r.scenario).options.find((x) => x.id === 'cpu-1')!;
    expect(res.footprintBasis).toMatchObject({ cpuOnly: true, gridMetric: 'direct', gridDataYear: 2024 });
    expect(res.grid.gCO2ePerKWh).toBe(18.4);
    expect(res.alone.totals.energyByComponent.acceleratorsKWh).toBeCloseTo(0, 9);
  });
});
