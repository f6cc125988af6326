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

  it('a GCP GPU-only price (VM host billed separately) is never suggested: the 2026 row includes the host', () => {
    const s = suggestField(cloud({ provider: 'GCP', region: 'us-east4' }), 'priceCcyPerGpuHour', ctx());
    expect(s?.derivation).not.toContain('VM host is billed separately');
    expect(s?.value).toBe(10.9791);
  });

  it('a decentralised market suggests an uninterruptible offer, the median of its current ones', () => {
    // Vast.ai H100: 2.4024 (API median, 2026-10-19) and 2.6661 (average of 16 offers): the lower middle.
    const s = suggestField(market({ market: 'Vast.ai', hostCountry: null }), 'priceCcyPerGpuHour', ctx());
    expect(s?.value).toBe(2.4024);
  });

  it('electricity: in a EUR scenario, a country’s own EUR figure comes before a USD one', () => {
    const s = suggestField(buy({ gridCountry: 'DEU' }), 'electricityCcyPerKWh', ctx('EUR', 1.1));
    expect(s?.value).toBe(0.233);
    expect(suggestField(buy({ gridCountry: 'DEU' }), 'electricityCcyPerKWh', ctx())?.value).toBe(0.19);
  });

  it('an old row is never the default when a newer row for the same item exists', () => {
    // AWS p5.48xlarge us-east-1 on demand: the post-June-2025 row and the 2026-11-09 row, both 6.88.
    const s = suggestField(cloud({ provider: 'AWS', region: 'us-east-1' }), 'priceCcyPerGpuHour', ctx());
    expect(s?.cited.date).toBe('2026-11-09');
  });

  it('catalog prices are converted at the scenario’s own rate', () => {
    const s = suggestField(cloud({ provider: 'AWS', region: 'us-east-1' }), 'priceCcyPerGpuHour', ctx('EUR', 1.1));
    expect(s?.value).toBeCloseTo(6.88 / 1.1, 9);
  });
});
