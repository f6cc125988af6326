// Issue 10, paths 3 and 4: a catalog figure follows what it prices, and a figure the catalog
// cannot give is a gap (NaN with its reason), never the old figure and never a zero.
import { describe, expect, it } from 'vitest';
import { copyPlain } from '../../src/scenario/convert-currency.ts';
import { newBuyOption, newCloudOption, newDecentralisedOption } from '../../src/scenario/defaults.ts';
import { catalogFigure, followCatalog, markMissing } from '../../src/scenario/follow-catalog.ts';
import type { BuyOption, CloudOption, DecentralisedOption, SupplyOption } from '../../src/scenario/schema.ts';
import type { SuggestContext } from '../../src/scenario/suggest.ts';

const usd: SuggestContext = { settings: { currency: 'USD', usdPerCurrencyUnit: null, horizonMonths: 36, plannerCountry: 'FRA' } };
const madNoRate: SuggestContext = { settings: { ...usd.settings, currency: 'MAD', usdPerCurrencyUnit: null } };
const mad: SuggestContext = { settings: { ...usd.settings, currency: 'MAD', usdPerCurrencyUnit: 0.1 } };

function edit<T extends SupplyOption>(o: T, change: (x: T) => void, ctx = usd, pending = new Set<string>()) {
  const before = copyPlain(o);
  change(o);
  return followCatalog(before, ctx, o, ctx, pending);
}

describe('the accelerator changes', () => {
  it('H100 → RTX 4090: the catalog price follows (1,599, not 30,000), and the servers derived from it', () => {
    const o = newBuyOption(usd, [], 'nvidia-h100-sxm');
    o.gpuCount = 4;
    const before = copyPlain(o);
    o.serverAndNetworkCcy = catalogFigure(o, 'serverAndNetworkCcy', usd)!;
    expect(o.unitPriceCcyPerGpu).toBe(30000);
    const r = followCatalog({ ...before, serverAndNetworkCcy: o.serverAndNetworkCcy }, usd, Object.assign(o, { acceleratorId: 'nvidia-rtx-4090' }), usd);
    expect(o.unitPriceCcyPerGpu).toBe(1599);
    // One server of 4 GPUs: 4 × 1,599 × (1.64 − 1), Epoch AI's chip-to-server factor (the server beyond its GPUs).
    expect(o.serverAndNetworkCcy).toBeCloseTo(4 * 1599 * 0.64, 6);
    expect(r.followed).toEqual(expect.arrayContaining(['unitPriceCcyPerGpu', 'serverAndNetworkCcy']));
  });

  it('a price the person typed stays theirs', () => {
    const o = newBuyOption(usd, [], 'nvidia-h100-sxm');
    o.unitPriceCcyPerGpu = 28000;
    const r = edit(o, (x) => (x.acceleratorId = 'nvidia-rtx-4090'));
    expect(o.unitPriceCcyPerGpu).toBe(28000);
    expect(r.followed).not.toContain('unitPriceCcyPerGpu');
  });

  it('the servers follow a GPU price the person types, and wait while it is being retyped', () => {
    const o = newBuyOption(usd, [], 'nvidia-h100-sxm');
    const server = o.serverAndNetworkCcy;
    const cleared = edit(o, (x) => (x.unitPriceCcyPerGpu = Number.NaN));
    expect(o.serverAndNetworkCcy).toBe(server);
    expect(cleared.waiting).toEqual(['serverAndNetworkCcy']);
    const typed = edit(o, (x) => (x.unitPriceCcyPerGpu = 20000), usd, new Set(cleared.waiting));
    expect(o.serverAndNetworkCcy).toBe(catalogFigure(o, 'serverAndNetworkCcy', usd));
    expect(typed.filled).toEqual(['serverAndNetworkCcy']);
  });

  it('an out-of-bounds count leaves the servers as they were (only the count is wrong)', () => {
    const o = newBuyOption(usd, [], 'nvidia-h100-sxm');
    const server = o.serverAndNetworkCcy;
    const maintenance = o.maintenanceCcyPerYear;
    const r = edit(o, (x) => (x.gpuCount = -3));
    expect(o.serverAndNetworkCcy).toBe(server);
    // The support contract is priced per GPU too (hardware-prices-2026): it waits as well.
    expect(o.maintenanceCcyPerYear).toBe(maintenance);
    expect(r.waiting).toEqual(['serverAndNetworkCcy', 'maintenanceCcyPerYear']);
  });
});

describe('the pricing model, provider or market changes', () => {
  it('on demand → 3-year reservation with no catalog price: a gap, not the on-demand price', () => {
    const o = newCloudOption(usd, []) as CloudOption;
    o.provider = 'AWS';
    o.region = 'eu-north-1';
    o.priceCcyPerGpuHour = catalogFigure(o, 'priceCcyPerGpuHour', usd)!;
    expect(o.priceCcyPerGpuHour).toBe(7.3616);
    const r = edit(o, (x) => (x.pricingModel = 'reserved3y'));
    expect(o.priceCcyPerGpuHour).toBeNaN();
    expect(r.gaps).toEqual([{ field: 'priceCcyPerGpuHour', reason: 'noFigure' }]);
    // Back on demand: the gap is filled with the catalog's price.
    const back = edit(o, (x) => (x.pricingModel = 'onDemand'), usd, new Set(['priceCcyPerGpuHour']));
    expect(o.priceCcyPerGpuHour).toBe(7.3616);
    expect(back.filled).toEqual(['priceCcyPerGpuHour']);
  });

  it('Vast.ai → io.net (no H100 offer in the catalog): a gap, not Vast’s price', () => {
    const o = newDecentralisedOption(usd, []) as DecentralisedOption;
    o.market = 'Vast.ai';
    o.hostCountry = 'USA';
    o.priceCcyPerGpuHour = catalogFigure(o, 'priceCcyPerGpuHour', usd)!;
    const vast = o.priceCcyPerGpuHour;
    expect(vast).toBeGreaterThan(0);
    const r = edit(o, (x) => (x.market = 'io.net'));
    expect(o.priceCcyPerGpuHour).toBeNaN();
    expect(r.gaps.map((g) => g.field)).toContain('priceCcyPerGpuHour');
  });

  it('Vast.ai → Akash (which prices H100): Akash’s own figure, not Vast’s', () => {
    const o = newDecentralisedOption(usd, []) as DecentralisedOption;
    o.market = 'Vast.ai';
    o.hostCountry = 'USA';
    o.priceCcyPerGpuHour = catalogFigure(o, 'priceCcyPerGpuHour', usd)!;
    const vast = o.priceCcyPerGpuHour;
    const r = edit(o, (x) => (x.market = 'Akash'));
    expect(o.priceCcyPerGpuHour).toBe(catalogFigure(o, 'priceCcyPerGpuHour', usd));
    expect(o.priceCcyPerGpuHour).not.toBe(vast);
    expect(r.followed).toContain('priceCcyPerGpuHour');
  });
});

describe('no silent zero', () => {
  it('a new option in MAD before the rate: its prices are gaps for want of a rate, not 0', () => {
    const o = newCloudOption(madNoRate, []);
    expect(o.priceCcyPerGpuHour).toBe(0); // what the factory leaves when the catalog cannot convert
    const gaps = markMissing(o, madNoRate);
    expect(o.priceCcyPerGpuHour).toBeNaN();
    expect(gaps).toContainEqual({ field: 'priceCcyPerGpuHour', reason: 'noRate' });
    const b = newBuyOption(madNoRate, []) as BuyOption;
    markMissing(b, madNoRate);
    expect(b.unitPriceCcyPerGpu).toBeNaN();
    expect(b.electricityCcyPerKWh).toBeNaN();
  });

  it('the rate, once typed, fills them with the converted catalog figure', () => {
    const o = newCloudOption(madNoRate, []);
    const pending = new Set(markMissing(o, madNoRate).map((g) => g.field));
    const before = copyPlain(o);
    const r = followCatalog(before, madNoRate, o, mad, pending);
    const usdPrice = catalogFigure(o, 'priceCcyPerGpuHour', usd)!;
    expect(o.priceCcyPerGpuHour).toBeCloseTo(usdPrice / 0.1, 4);
    expect(r.filled).toContain('priceCcyPerGpuHour');
  });

  it('a rate of 0 (while it is typed) converts nothing', () => {
    const o = newCloudOption(usd, []);
    expect(catalogFigure(o, 'priceCcyPerGpuHour', { settings: { ...mad.settings, usdPerCurrencyUnit: 0 } })).toBeNull();
  });
});
