// footprint (issue 12): the choice between a life-cycle and a direct (combustion-only) grid factor,
// where the reference data has both (grid-2026.json: Electricity Maps 2024 via Green Algorithms
// v3.1 gives "direct (combustion only)" beside life-cycle). Optional under format 9: absent = life-cycle, as before.
import { describe, expect, it } from 'vitest';
import { gridYears, hasDirectFactor, resolveGridFactor } from '../../src/catalog/grid.ts';
import { scenarioSchema } from '../../src/scenario/schema.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { buy, cloud, scenario } from './helpers.ts';

describe('direct or life-cycle grid factor', () => {
  it('France direct: 18.4 gCO2e/kWh, data year 2024 (ga_em2024); the default stays life-cycle 2025 (31)', () => {
    const d = resolveGridFactor({ country: 'FRA', metric: 'direct' });
    expect(d).toMatchObject({ gCO2ePerKWh: 18.4, year: 2024, metric: 'direct', zone: null });
    expect(d.cited?.sources).toEqual(['ga_em2024']);
    expect(resolveGridFactor({ country: 'FRA' })).toMatchObject({ gCO2ePerKWh: 31, year: 2025, metric: 'lifeCycle' });
  });
  it('a zone: ERCOT direct 2024 is 305.23 (life-cycle 2024: 377, co2.js first)', () => {
    expect(resolveGridFactor({ country: 'USA', zone: 'US-TEX-ERCO', metric: 'direct' })).toMatchObject({ gCO2ePerKWh: 305.23, year: 2024, metric: 'direct', zoneName: 'ERCOT' });
    expect(gridYears('USA', 'US-TEX-ERCO', 'direct')).toEqual([2024]);
    expect(gridYears('USA', 'US-TEX-ERCO')).toEqual([2025, 2024]);
  });
  it('where the reference has no direct figure, none is invented: the Green Algorithms state rows and OWID/Ember-only countries', () => {
    expect(hasDirectFactor('USA', 'US-TX')).toBe(false);
    expect(hasDirectFactor('NZL')).toBe(false);
    // The national OWID/Ember figure does not say life-cycle or direct: metric null ("not stated"), not "life-cycle".
    expect(resolveGridFactor({ country: 'NZL' }).metric).toBeNull();
    expect(hasDirectFactor('FRA', null, 2025)).toBe(false);
    expect(hasDirectFactor('FRA', null, 2024)).toBe(true);
  });
  it('the schema refuses direct on a grid without one, on the field, and accepts it where there is one', () => {
    const bad = scenarioSchema.safeParse({ ...scenario([buy({ gridCountry: 'USA' })]), options: [buy({ gridCountry: 'USA', gridZone: 'US-TX', gridMetric: 'direct' })] });
    expect(bad.success).toBe(false);
    expect((bad.error!.issues.find((i) => i.path.join('.') === 'options.0.gridMetric') as { params?: { key?: string } } | undefined)?.params?.key).toBe('noDirectFactor');
    const year = scenarioSchema.safeParse({ ...scenario([buy({ gridCountry: 'FRA' })]), options: [buy({ gridCountry: 'FRA', gridDataYear: 2025, gridMetric: 'direct' })] });
    expect(year.error!.issues.map((i) => i.path.join('.'))).toContain('options.0.gridMetric');
    expect(scenarioSchema.safeParse(scenario([buy({ gridCountry: 'FRA', gridMetric: 'direct' })])).success).toBe(true);
    // The person's own figure wins: the metric is then not checked.
    expect(scenarioSchema.safeParse(scenario([buy({ gridCountry: 'USA', gridZone: 'US-TX', gridMetric: 'direct', gridGCO2ePerKWh: 400 })])).success).toBe(true);
  });
  it('reaches the emissions and the basis: 8 GPUs in France emit 18.4/31 of the life-cycle figure, and the result says direct, 2024', () => {
    const run = (gridMetric: 'direct' | null) => evaluateScenario(scenario([buy({ gridCountry: 'FRA', gridMetric })], { planner: 'FRA' })).options[0]!;
    const direct = run('direct');
    const life = run(null);
    // Same IT energy and PUE: operational kg = kWh × PUE × g / 1000, so the ratio is 18.4 / 31.
    expect(direct.alone.totals.operationalKgCO2e / life.alone.totals.operationalKgCO2e).toBeCloseTo(18.4 / 31, 9);
    expect(direct.footprintBasis).toMatchObject({ gridMetric: 'direct', gridDataYear: 2024, gridSources: ['ga_em2024'] });
    expect(life.footprintBasis).toMatchObject({ gridMetric: 'lifeCycle', gridDataYear: 2025 });
  });
  it('a zone chosen: the basis gives the zone’s year and sources, not the national ones', () => {
    const o = evaluateScenario(scenario([cloud({ regionCountry: 'USA', gridZone: 'US-TEX-ERCO', gridDataYear: 2024 })], { planner: 'USA' })).options[0]!;
    expect(o.footprintBasis).toMatchObject({ gridZone: 'US-TEX-ERCO', gridDataYear: 2024, gridSources: ['co2js_2024'], gridMetric: 'lifeCycle' });
  });
  it('absent metric: results identical to life-cycle named explicitly (format 9 optional addition)', () => {
    const a = evaluateScenario(scenario([buy({ gridCountry: 'DEU' })], { planner: 'DEU' })).mix.totals;
    const b = evaluateScenario(scenario([buy({ gridCountry: 'DEU', gridMetric: 'lifeCycle' })], { planner: 'DEU' })).mix.totals;
    expect(b).toEqual(a);
  });
});
