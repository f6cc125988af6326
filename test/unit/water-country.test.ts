// footprint (issue 12): off-site water of electricity per country where the reference data has it
// (grid-2026.json `waterOffsite`: EcoLogits' WRI-method values, or DERIVED from Macknick-based
// factors by generation mix), the US average (Li et al. 2025, 3.14 L/kWh) only as a flagged
// fallback; on-site WUE per provider fleet where sourced, else the LBNL US average, flagged.
// Water = e × (WUE + PUE × EWIF) (Li et al. 2025), e = IT energy.
import { describe, expect, it } from 'vitest';
import { suggestField } from '../../src/scenario/suggest.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { buy, cloud, scenario } from './helpers.ts';

const ctx = { settings: { currency: 'USD' as const, usdPerCurrencyUnit: null, horizonMonths: 12, plannerCountry: 'FRA' } };

describe('off-site water per country', () => {
  it('France 3.6737 L/kWh (EcoLogits, WRI method); Morocco 1.577, flagged derived (89 % of generation covered)', () => {
    expect(suggestField(buy({ gridCountry: 'FRA' }), 'offsiteWaterLPerKWh', ctx)).toMatchObject({ value: 3.6737, derivation: 'France' });
    const mar = suggestField(buy({ gridCountry: 'MAR' }), 'offsiteWaterLPerKWh', ctx)!;
    expect(mar.value).toBe(1.577);
    expect(mar.derivation).toBe('Morocco, derived');
  });
  it('a country the reference has no water figure for: the US average, flagged as such', () => {
    const nzl = suggestField(buy({ gridCountry: 'NZL' }), 'offsiteWaterLPerKWh', ctx)!;
    expect(nzl).toMatchObject({ value: 3.14, derivation: 'US average (no figure for this country)' });
  });
  it('a grid zone: the country’s figure, said to be national (the reference has none per zone)', () => {
    const z = suggestField(cloud({ regionCountry: 'USA', gridZone: 'US-TEX-ERCO' }), 'offsiteWaterLPerKWh', ctx)!;
    expect(z).toMatchObject({ value: 3.1321, derivation: 'USA, national figure (none per grid zone)' });
  });
  it('on-site WUE: the provider’s fleet figure where sourced (AWS 0.15), else the LBNL US average (1.8), flagged', () => {
    expect(suggestField(cloud({ provider: 'AWS' }), 'wueLPerKWh', ctx)).toMatchObject({ value: 0.15, derivation: 'provider fleet average' });
    expect(suggestField(buy(), 'wueLPerKWh', ctx)).toMatchObject({ value: 1.8, derivation: 'average US data centre (LBNL)' });
  });
  it('reaches the water figure: 12,000 kWh IT × (0.15 + PUE 1.2 × 1.577) = 12,000 × 2.0424 = 24,508.8 L', () => {
    // 8 GPUs × 1,000 W, 1,000 GPU-hours a month for 12 months, host 0: IT energy 12,000 kWh.
    const x = evaluateScenario(scenario([cloud({ regionCountry: 'MAR', pue: 1.2, wueLPerKWh: 0.15, offsiteWaterLPerKWh: 1.577 })])).options[0]!.alone.totals;
    expect(x.itEnergyKWh).toBeCloseTo(12_000, 6);
    expect(x.onsiteWaterL).toBeCloseTo(1_800, 6);
    expect(x.offsiteWaterL).toBeCloseTo(22_708.8, 6);
  });
});
