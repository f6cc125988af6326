// A catalog a team brings: one negotiated price used before the built-in rows, then removed;
// bad files refused with a message naming the row, nothing merged.
import { afterEach, describe, expect, it } from 'vitest';
import { builtInCatalog, setActiveCatalog, activeCatalog } from '../../src/catalog/active.ts';
import { parseTeamCatalog, withTeamCatalog } from '../../src/catalog/team.ts';
import { suggestField, suggestExchangeRate } from '../../src/scenario/suggest.ts';
import { cloud } from './helpers.ts';

const ctx = { settings: { currency: 'USD' as const, usdPerCurrencyUnit: null, horizonMonths: 36, plannerCountry: 'FRA' } };
const file = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: 'compute-planner/catalog',
    name: 'Our negotiated prices',
    date: '2026-11-30',
    rates: [{ currency: 'EUR', usdPerUnit: 1.16, date: '2026-11-30', source: 'our bank, 30 Nov 2026' }],
    cloudPrices: [
      { provider: 'AWS', acceleratorId: 'nvidia-h100-sxm', pricingModel: 'onDemand', region: 'us-east-1', regionCountry: 'USA', pricePerGpuHour: 5, currency: 'USD', date: '2026-11-15', source: 'AWS private pricing, contract 2026-11' },
    ],
    ...over,
  });

afterEach(() => setActiveCatalog(null));

describe('a team catalog', () => {
  it('overrides one price while imported, and the built-in price returns when it is removed', () => {
    const option = cloud({ provider: 'AWS', region: 'us-east-1', acceleratorId: 'nvidia-h100-sxm', pricingModel: 'onDemand' });
    expect(suggestField(option, 'priceCcyPerGpuHour', ctx)?.value).toBe(6.88);
    const r = parseTeamCatalog(file(), builtInCatalog);
    if (!r.ok) throw new Error(r.message);
    expect(r.catalog.contentHash).toMatch(/^[0-9a-f]{16}$/);
    setActiveCatalog(withTeamCatalog(builtInCatalog, r.catalog));
    const s = suggestField(option, 'priceCcyPerGpuHour', ctx)!;
    expect(s.value).toBe(5);
    expect(activeCatalog().sources[s.cited.sources[0]!]!.title).toContain('AWS private pricing');
    expect(suggestExchangeRate('EUR')?.value).toBe(1.16);
    expect(activeCatalog().contentHash).not.toBe(builtInCatalog.contentHash);
    // Items it does not cover keep the built-in rows.
    expect(suggestField(cloud({ provider: 'Lambda', region: 'all regions (single price)' }), 'priceCcyPerGpuHour', ctx)?.value).toBe(3.99);
    setActiveCatalog(null);
    expect(suggestField(option, 'priceCcyPerGpuHour', ctx)?.value).toBe(6.88);
    expect(suggestExchangeRate('EUR')?.value).toBe(1.1418);
  });

  it.each([
    ['an unknown field', { cloudPrices: [{ provider: 'AWS', acceleratorId: 'nvidia-h100-sxm', pricingModel: 'onDemand', region: 'x', pricePerGpuHour: 5, currency: 'USD', date: '2026-11-15', source: 's', discount: 3 }] }, /^cloudPrices\.0/],
    ['a price without a date', { cloudPrices: [{ provider: 'AWS', acceleratorId: 'nvidia-h100-sxm', pricingModel: 'onDemand', region: 'x', pricePerGpuHour: 5, currency: 'USD', source: 's' }] }, /^cloudPrices\.0\.date/],
    ['a price without a source', { purchasePrices: [{ acceleratorId: 'nvidia-h100-sxm', pricePerGpu: 25000, currency: 'USD', date: '2026-11-15' }] }, /^purchasePrices\.0\.source/],
    ['a currency without a rate', { purchasePrices: [{ acceleratorId: 'nvidia-h100-sxm', pricePerGpu: 25000, currency: 'CHF', date: '2026-11-15', source: 's' }] }, /^purchasePrices\.0: no exchange rate for CHF/],
    ['dates out of order', { purchasePrices: [{ acceleratorId: 'nvidia-h100-sxm', pricePerGpu: 25000, currency: 'USD', date: '2026-12-15', source: 's' }] }, /^purchasePrices\.0: dated 2026-12-15, after the catalog's own date/],
  ])('refuses %s, naming the row', (_what, over, message) => {
    const r = parseTeamCatalog(file(over), builtInCatalog);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
    expect(activeCatalog()).toBe(builtInCatalog);
  });
});
