// The one resolver of an option's grid factor (src/catalog/grid.ts): zone, data year, source.
// Figures from ../shared/reference/grid-2026.json (Electricity Maps via co2.js and Green Algorithms).
import { describe, expect, it } from 'vitest';
import { country } from '../../src/catalog/index.ts';
import { gridYears, resolveGridFactor, zonesOf } from '../../src/catalog/grid.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { buy, scenario } from './helpers.ts';

describe('resolveGridFactor', () => {
  it('the national grid by default: the catalog’s recommended figure and its data year, as before', () => {
    const f = resolveGridFactor({ country: 'USA' });
    expect(f).toMatchObject({ country: 'USA', zone: null, year: 2025, gCO2ePerKWh: country('USA')!.gridGCO2ePerKWh!.value, fromPerson: false });
  });
  it('a zone at a chosen data year: ERCOT 2025 is 363, 2024 is 377 gCO2e/kWh (co2.js), cited', () => {
    expect(resolveGridFactor({ country: 'USA', zone: 'US-TEX-ERCO' })).toMatchObject({ zone: 'US-TEX-ERCO', zoneName: 'ERCOT', year: 2025, gCO2ePerKWh: 363 });
    const y = resolveGridFactor({ country: 'USA', zone: 'US-TEX-ERCO', year: 2024 });
    expect(y).toMatchObject({ year: 2024, gCO2ePerKWh: 377 });
    expect(y.cited?.sources).toEqual(['co2js_2024']);
    expect(gridYears('USA', 'US-TEX-ERCO')).toEqual([2025, 2024]);
  });
  it('the older state rows (Green Algorithms, 2020 data) are zones too, with their year', () => {
    expect(zonesOf('USA').map((z) => z.code)).toContain('US-TX');
    expect(resolveGridFactor({ country: 'USA', zone: 'US-TX' })).toMatchObject({ year: 2020, gCO2ePerKWh: 409.16 });
  });
  it('a national data year: Morocco 2024 is 527 (co2.js 2024), 2025 is 516', () => {
    expect(resolveGridFactor({ country: 'MAR', year: 2024 })).toMatchObject({ year: 2024, gCO2ePerKWh: 527 });
    expect(resolveGridFactor({ country: 'MAR', year: 2025 }).gCO2ePerKWh).toBe(516);
  });
  it('the person’s own figure wins; an unknown country takes the world average', () => {
    expect(resolveGridFactor({ country: 'USA', zone: 'US-TEX-ERCO', override: 100 })).toMatchObject({ gCO2ePerKWh: 100, fromPerson: true, cited: null });
    expect(resolveGridFactor({ country: null })).toMatchObject({ country: 'WLD', assumedWorld: true });
  });
  it('reaches the emissions: 8 GPUs in ERCOT 2024 emit 377/363 of what they emit in ERCOT 2025', () => {
    const run = (year: number) =>
      evaluateScenario(scenario([buy({ gridCountry: 'USA', gridZone: 'US-TEX-ERCO', gridDataYear: year })], { planner: 'USA' })).options[0]!.alone.totals.operationalKgCO2e;
    expect(run(2024) / run(2025)).toBeCloseTo(377 / 363, 9);
  });
});
