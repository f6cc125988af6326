import { describe, expect, it } from 'vitest';
import { suggestField } from '../../src/scenario/suggest.ts';
import { buy, cloud, market } from './helpers.ts';

const ctx = (currency: 'USD' | 'EUR' = 'USD', usdPerCurrencyUnit: number | null = null) => ({
  settings: { currency, usdPerCurrencyUnit, horizonMonths: 36, plannerCountry: 'FRA' },
});

describe('catalog suggestions', () => {
  it('a provider the catalog does not know gets no catalog price (never another provider’s)', () => {
    expect(suggestField(cloud({ provider: 'My local cloud' }), 'priceCcyPerGpuHour', ctx())).toBeNull();
    expect(suggestField(cloud({ provider: 'AWS', region: 'us-east-1' }), 'priceCcyPerGpuHour', ctx())?.value).toBe(6.88);
  });

  it('GCP accelerator prices say that the VM host is billed separately', () => {
    const s = suggestField(cloud({ provider: 'GCP', region: 'us-east4' }), 'priceCcyPerGpuHour', ctx());
    expect(s?.derivation).toContain('VM host is billed separately');
  });

  it('a decentralised market suggests an on-demand offer before an interruptible one', () => {
    const s = suggestField(market({ market: 'Vast.ai', hostCountry: null }), 'priceCcyPerGpuHour', ctx());
    expect(s?.value).toBe(1.87);
  });

  it('electricity: in a EUR scenario, a country’s own EUR figure comes before a USD one', () => {
    const s = suggestField(buy({ gridCountry: 'DEU' }), 'electricityCcyPerKWh', ctx('EUR', 1.1));
    expect(s?.value).toBe(0.233);
    expect(suggestField(buy({ gridCountry: 'DEU' }), 'electricityCcyPerKWh', ctx())?.value).toBe(0.19);
  });

  it('catalog prices are converted at the scenario’s own rate', () => {
    const s = suggestField(cloud({ provider: 'AWS', region: 'us-east-1' }), 'priceCcyPerGpuHour', ctx('EUR', 1.1));
    expect(s?.value).toBeCloseTo(6.88 / 1.1, 9);
  });
});
