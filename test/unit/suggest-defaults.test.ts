// Representative defaults (issue 10, item 6) and citations that are the figure's own: a new
// option starts from the median of the freshest offers nearest the planner, never the first row
// of a list; buying one 8-GPU server uses a server-level factor; every suggestion cites the row
// its figure came from.
import { describe, expect, it } from 'vitest';
import { catalog, type Cited } from '../../src/catalog/index.ts';
import { regionOf } from '../../src/catalog/regions.ts';
import { cloudRowPlace } from '../../src/catalog/offers.ts';
import { DEFAULT_SETTINGS, newBuyOption, newCloudOption, newDecentralisedOption } from '../../src/scenario/defaults.ts';
import type { Settings, SupplyOption } from '../../src/scenario/schema.ts';
import { SUGGESTED_FIELDS, convertMoney, suggestExchangeRate, suggestField, suggestRange, withShippedRate } from '../../src/scenario/suggest.ts';

const ctxFor = (over: Partial<Settings> = {}) => ({ settings: { ...DEFAULT_SETTINGS, ...over } });
const france = ctxFor({ plannerCountry: 'FRA' });

describe('a new cloud option for a planner in France (issue 10, item 6)', () => {
  it('is not AWS Tokyo at 8.60 $/GPU-h, nor the first row of the list', () => {
    const o = newCloudOption(france, []);
    const first = catalog.cloudPrices.find((p) => p.acceleratorId === 'nvidia-h100-sxm' && p.pricingModel === 'onDemand' && p.pricePerGpuHour !== null)!;
    expect(o.region).not.toBe('ap-northeast-1');
    expect(o.priceCcyPerGpuHour).not.toBe(first.pricePerGpuHour);
    expect(o.priceCcyPerGpuHour).toBeLessThan(5);
  });

  it('comes from a European offer observed within 6 months of the catalog build', () => {
    const o = newCloudOption(france, []);
    const s = suggestField(o, 'priceCcyPerGpuHour', france)!;
    const row = catalog.cloudPrices.find((p) => p === s.cited)!;
    expect(row).toBeDefined();
    expect(regionOf(cloudRowPlace(row, catalog.cloudPrices).iso3)).toBe('Europe');
    expect(row.asOf! >= '2026-06').toBe(true);
    expect(s.value).toBe(row.pricePerGpuHour);
  });

  it('a new decentralised option takes the median of the current uninterruptible H100 offers', () => {
    const o = newDecentralisedOption(france, []);
    // 7 current offers: 1.94, 2.11, 2.4024, 2.58, 2.635, 2.6661, 2.71 → the middle one.
    expect(o.priceCcyPerGpuHour).toBe(2.58);
  });
});

describe('a new 8× H100 purchase (issue 10, item 6)', () => {
  it('totals a server-level price, not a cluster factor: 8 × 30,000 × 1.64, not $484k', () => {
    const o = newBuyOption(france, []);
    expect(o.unitPriceCcyPerGpu).toBe(30000);
    const total = o.unitPriceCcyPerGpu * o.gpuCount + o.serverAndNetworkCcy;
    expect(total).toBeCloseTo(8 * 30000 * 1.64, 6);
    expect(total).toBeLessThan(484000);
  });

  it('several servers keep the cluster factor', () => {
    const o = { ...newBuyOption(france, []), gpuCount: 64 };
    expect(suggestField(o, 'serverAndNetworkCcy', france)!.value).toBeCloseTo(30000 * 64 * (1.64 * 1.23 - 1), 6);
  });

  it("the H100 price's citation is the row it came from, not a Gaudi 3 launch page", () => {
    const s = suggestField(newBuyOption(france, []), 'unitPriceCcyPerGpu', france)!;
    expect(s.cited.sources.some((k) => /gaudi/i.test(k))).toBe(false);
    expect((s.cited as unknown as { value: number }).value).toBe(30000);
  });

  it('support is a sourced default (NVIDIA AI Enterprise per GPU-year), not 0', () => {
    const o = newBuyOption(france, []);
    expect(o.maintenanceCcyPerYear).toBe(8 * 4500);
  });
});

/** The figure a cited catalog object states. */
function figureOf(c: Cited): number | null {
  const o = c as { value?: unknown; pricePerGpuHour?: unknown; usdPerUnit?: unknown };
  for (const v of [o.value, o.pricePerGpuHour, o.usdPerUnit]) if (typeof v === 'number') return v;
  return null;
}

/** Every object held by the catalog, so that a citation can be checked to be one of them. */
function catalogObjects(): Set<unknown> {
  const out = new Set<unknown>();
  const walk = (o: unknown) => {
    if (o && typeof o === 'object') {
      out.add(o);
      for (const v of Object.values(o)) walk(v);
    }
  };
  walk(catalog);
  return out;
}

describe('every catalog-backed field cites the figure it came from', () => {
  const objects = catalogObjects();
  const scenarios = [
    ctxFor({ plannerCountry: 'FRA' }),
    ctxFor({ plannerCountry: 'USA' }),
    ctxFor({ plannerCountry: 'MAR', currency: 'MAD', usdPerCurrencyUnit: 0.107021 }),
    ctxFor({ plannerCountry: 'DEU', currency: 'EUR', usdPerCurrencyUnit: 1.1418 }),
  ];
  const accelerators = ['nvidia-h100-sxm', 'nvidia-h200', 'nvidia-a100-80gb', 'nvidia-b200'];
  // How each field's value follows from the cited figure (f), before the currency conversion.
  const expected: Record<string, (f: number, o: SupplyOption, s: { settings: Settings }) => number | null> = {
    priceCcyPerGpuHour: (f, _o, s) => f / (s.settings.usdPerCurrencyUnit ?? 1),
    unitPriceCcyPerGpu: (f, _o, s) => f / (s.settings.usdPerCurrencyUnit ?? 1),
    colocationCcyPerKWMonth: (f, _o, s) => f / (s.settings.usdPerCurrencyUnit ?? 1),
    electricityCcyPerKWh: () => null, // checked by its own tests (converted from EUR or USD rows)
    serverAndNetworkCcy: (f, o) => (o.kind === 'buy' && o.gpuCount <= o.gpusPerServer ? o.unitPriceCcyPerGpu * o.gpuCount * (f - 1) : null),
    maintenanceCcyPerYear: (f, o, s) => (o.kind === 'buy' ? (f * o.gpuCount) / (s.settings.usdPerCurrencyUnit ?? 1) : null),
    providerUtilisationPct: (f) => f * 100,
    depreciationYears: (f) => f / 8760,
    resalePctOfGpuPrice: () => null, // 10^(−r t): cites the rate r
  };
  for (const ctx of scenarios) {
    for (const acc of accelerators) {
      const options = [newBuyOption(ctx, [], acc), newCloudOption(ctx, [], acc), newDecentralisedOption(ctx, [], acc)];
      for (const o of options) {
        it(`${ctx.settings.plannerCountry} ${acc} ${o.kind}`, () => {
          for (const field of SUGGESTED_FIELDS[o.kind]) {
            const s = suggestField(o, field, ctx);
            if (s === null) continue;
            expect(objects.has(s.cited), `${field}: the citation is a catalog figure`).toBe(true);
            const f = figureOf(s.cited);
            expect(f, `${field}: the cited object states a number`).not.toBeNull();
            const rule = expected[field] ?? ((x: number) => x);
            const want = rule(f!, o, ctx);
            if (want !== null) expect(s.value, `${field} = its cited figure`).toBeCloseTo(want, 9);
          }
        });
      }
    }
  }
});

describe('exchange rates shipped', () => {
  it('MAD and EUR have a dated rate with its source; the settings take it with its date when it is a day', () => {
    const mad = suggestExchangeRate('MAD')!;
    expect(mad.value).toBe(0.107021);
    expect(mad.cited.date).toBe('2025');
    expect(withShippedRate({ currency: 'MAD', usdPerCurrencyUnit: null, exchangeRateDate: null })).toEqual({ currency: 'MAD', usdPerCurrencyUnit: 0.107021, exchangeRateDate: null });
    expect(withShippedRate({ currency: 'EUR', usdPerCurrencyUnit: null, exchangeRateDate: null })).toEqual({ currency: 'EUR', usdPerCurrencyUnit: 1.1418, exchangeRateDate: '2026-07-21' });
    // A rate the person typed stays.
    expect(withShippedRate({ currency: 'EUR', usdPerCurrencyUnit: 1.2, exchangeRateDate: '2026-11-30' }).usdPerCurrencyUnit).toBe(1.2);
    expect(suggestExchangeRate('USD')).toBeNull();
  });

  it('a missing rate converts nothing: no silent catalog rate behind the scenario’s back', () => {
    expect(convertMoney(10, 'USD', { currency: 'EUR', usdPerCurrencyUnit: null, horizonMonths: 36, plannerCountry: 'FRA' })).toBeNull();
  });
});

describe('a range from the spread of offers', () => {
  it('a cloud price range is the P5–P95 of the current offers near the option, with the rows behind it', () => {
    const o = newCloudOption(france, []);
    const r = suggestRange(o, 'priceCcyPerGpuHour', france)!;
    expect(r.rows!.length).toBeGreaterThanOrEqual(3);
    expect(r.low).toBeLessThan(o.priceCcyPerGpuHour);
    expect(r.high).toBeGreaterThan(o.priceCcyPerGpuHour);
    expect(r.derivation).toMatch(/P5–P95 of \d+ current offers/);
  });
});
