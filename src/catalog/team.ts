// A catalog a team brings: prices it negotiated and its own exchange rates, in a JSON file checked
// by a strict zod schema. Its rows are used before the built-in rows of the items they cover (a
// cloud item: provider, accelerator and pricing model; a market item: market and accelerator; a
// purchase: accelerator; a rate: currency). Bad input is refused with a message naming the row;
// nothing is merged until the whole file is valid. Environment-free.
import { z } from 'zod';
import type { Catalog, CloudPrice, DecentralisedPrice, ExchangeRate, PurchasePrice, Source } from './types.ts';

export const TEAM_CATALOG_FORMAT = 'compute-planner/catalog';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const text = (max: number) => z.string().trim().min(1).max(max);
const price = z.number().positive().finite();
const cited = { date: day, source: text(300) };

const teamCatalogSchema = z.strictObject({
  format: z.literal(TEAM_CATALOG_FORMAT),
  name: text(120),
  /** The day the team's figures were compiled; no row may be dated after it. */
  date: day,
  rates: z.array(z.strictObject({ currency: z.string().regex(/^[A-Z]{3}$/), usdPerUnit: price, ...cited })).max(50).default([]),
  cloudPrices: z
    .array(
      z.strictObject({
        provider: text(80),
        acceleratorId: text(80),
        pricingModel: z.enum(['onDemand', 'spot', 'reserved1y', 'reserved3y']),
        region: text(80),
        regionCountry: z.string().regex(/^[A-Z]{3}$/).nullable().default(null),
        pricePerGpuHour: price,
        currency: z.string().regex(/^[A-Z]{3}$/),
        ...cited,
      }),
    )
    .max(500)
    .default([]),
  decentralisedPrices: z
    .array(z.strictObject({ market: text(80), acceleratorId: text(80), pricePerGpuHour: price, currency: z.string().regex(/^[A-Z]{3}$/), ...cited }))
    .max(500)
    .default([]),
  purchasePrices: z
    .array(z.strictObject({ acceleratorId: text(80), pricePerGpu: price, currency: z.string().regex(/^[A-Z]{3}$/), ...cited }))
    .max(500)
    .default([]),
});
export type TeamCatalogFile = z.infer<typeof teamCatalogSchema>;

export interface TeamCatalog {
  file: TeamCatalogFile;
  /** FNV-1a of the file's text, 16 hex digits (two 32-bit halves), to tell two files apart. */
  contentHash: string;
}

export type TeamCatalogResult = { ok: true; catalog: TeamCatalog } | { ok: false; message: string };

/** FNV-1a over UTF-16 code units, twice with different offsets: 16 hex digits. */
export function fnvHash(s: string): string {
  const half = (offset: number) => {
    let h = offset >>> 0;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, '0');
  };
  return half(0x811c9dc5) + half(0x050c5d1f);
}

/** Reads a team catalog file, or a message naming the first bad row. */
export function parseTeamCatalog(textIn: string, builtIn: Catalog): TeamCatalogResult {
  if (textIn.length > 1_000_000) return { ok: false, message: 'The catalog file is over 1 MB.' };
  let json: unknown;
  try {
    json = JSON.parse(textIn);
  } catch {
    return { ok: false, message: 'The catalog file is not JSON.' };
  }
  const r = teamCatalogSchema.safeParse(json);
  if (!r.success) {
    const i = r.error.issues[0]!;
    const where = i.path.length ? i.path.map(String).join('.') : 'the file';
    return { ok: false, message: `${where}: ${i.message}` };
  }
  const f = r.data;
  const known = new Set(builtIn.accelerators.map((a) => a.id));
  const rated = new Set(['USD', ...f.rates.map((x) => x.currency), ...builtIn.exchangeRates.map((x) => x.currency)]);
  const rows: [string, { date: string; currency?: string; acceleratorId?: string }[]][] = [
    ['rates', f.rates],
    ['cloudPrices', f.cloudPrices],
    ['decentralisedPrices', f.decentralisedPrices],
    ['purchasePrices', f.purchasePrices],
  ];
  for (const [section, list] of rows) {
    for (let n = 0; n < list.length; n++) {
      const row = list[n]!;
      if (row.date > f.date) return { ok: false, message: `${section}.${n}: dated ${row.date}, after the catalog's own date ${f.date}` };
      if (row.acceleratorId !== undefined && !known.has(row.acceleratorId)) return { ok: false, message: `${section}.${n}: unknown accelerator "${row.acceleratorId}"` };
      if (section !== 'rates' && row.currency !== undefined && !rated.has(row.currency)) {
        return { ok: false, message: `${section}.${n}: no exchange rate for ${row.currency} (add one to "rates")` };
      }
    }
  }
  return { ok: true, catalog: { file: f, contentHash: fnvHash(textIn) } };
}

const asOf = (d: string) => d.slice(0, 7);

/** The built-in catalog with the team's rows used first for the items they cover. */
export function withTeamCatalog(builtIn: Catalog, team: TeamCatalog): Catalog {
  const f = team.file;
  const sources: Record<string, Source> = { ...builtIn.sources };
  let n = 0;
  const cite = (source: string, date: string) => {
    const key = `team:${++n}`;
    sources[key] = { key, title: `${f.name}: ${source}`, url: '', date };
    return { sources: [key], date, asOf: asOf(date), confidence: 'primary' as const, note: `from the team catalog "${f.name}" (${f.date}, hash ${team.contentHash})` };
  };
  const providerId = (name: string) => builtIn.cloudProviders.find((p) => p.name.toLowerCase() === name.toLowerCase() || p.id === name.toLowerCase())?.id ?? name.toLowerCase();
  const marketId = (name: string) => builtIn.decentralisedMarkets.find((m) => m.name.toLowerCase() === name.toLowerCase() || m.id === name.toLowerCase())?.id ?? name.toLowerCase();

  const cloud: CloudPrice[] = f.cloudPrices.map((r, i) => ({
    id: `team-cloud-${i + 1}`,
    providerId: providerId(r.provider),
    acceleratorId: r.acceleratorId,
    pricingModel: r.pricingModel,
    region: r.region,
    regionCountry: r.regionCountry,
    instanceType: null,
    gpusPerInstance: null,
    pricePerGpuHour: r.pricePerGpuHour,
    currency: r.currency as CloudPrice['currency'],
    excludesHost: false,
    pricingModelText: r.pricingModel,
    basis: 'list',
    file: `team: ${f.name}`,
    ...cite(r.source, r.date),
  }));
  const covered = new Set(cloud.map((c) => `${c.providerId}|${c.acceleratorId}|${c.pricingModel}`));
  const dec: DecentralisedPrice[] = f.decentralisedPrices.map((r, i) => ({
    id: `team-market-${i + 1}`,
    marketId: marketId(r.market),
    acceleratorId: r.acceleratorId,
    pricingModel: 'negotiated (team catalog)',
    pricePerGpuHour: r.pricePerGpuHour,
    currency: r.currency as DecentralisedPrice['currency'],
    location: null,
    hostCountry: null,
    basis: 'list',
    file: `team: ${f.name}`,
    ...cite(r.source, r.date),
  }));
  const coveredMarkets = new Set(dec.map((d) => `${d.marketId}|${d.acceleratorId}`));
  const usdPer = (ccy: string) =>
    ccy === 'USD' ? 1 : (f.rates.find((x) => x.currency === ccy)?.usdPerUnit ?? builtIn.exchangeRates.find((x) => x.currency === ccy)!.usdPerUnit);
  // Purchase prices are held in USD: a team price in another currency is converted at its rate.
  const buy: PurchasePrice[] = f.purchasePrices.map((r, i) => ({
    id: `team-purchase-${i + 1}`,
    item: `${f.name}: negotiated price`,
    acceleratorId: r.acceleratorId,
    scope: 'gpu',
    perGpuUsd: r.pricePerGpu * usdPer(r.currency),
    condition: 'new',
    value: r.pricePerGpu * usdPer(r.currency),
    unit: r.currency === 'USD' ? 'USD per GPU' : `USD per GPU (converted from ${r.pricePerGpu} ${r.currency})`,
    ...cite(r.source, r.date),
  }));
  const coveredBuys = new Set(buy.map((b) => b.acceleratorId));
  const rates: ExchangeRate[] = f.rates.map((r) => ({ currency: r.currency, usdPerUnit: r.usdPerUnit, period: 'team rate', ...cite(r.source, r.date) }));
  const coveredRates = new Set(rates.map((r) => r.currency));
  return {
    ...builtIn,
    // A scenario priced with the team's rows records a hash of both catalogs.
    contentHash: fnvHash(builtIn.contentHash + team.contentHash),
    sources,
    cloudPrices: [...cloud, ...builtIn.cloudPrices.filter((p) => !covered.has(`${p.providerId}|${p.acceleratorId}|${p.pricingModel}`))],
    decentralisedPrices: [...dec, ...builtIn.decentralisedPrices.filter((p) => !coveredMarkets.has(`${p.marketId}|${p.acceleratorId}`))],
    purchasePrices: [...buy, ...builtIn.purchasePrices.filter((p) => !coveredBuys.has(p.acceleratorId ?? ''))],
    exchangeRates: [...rates, ...builtIn.exchangeRates.filter((r) => !coveredRates.has(r.currency))],
  };
}
