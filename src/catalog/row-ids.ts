// The ids of the rows of the catalog's long tables (prices, hardware figures, market indices): the
// build (scripts/build-catalog.ts) makes each from the row's own fields, and the bundled copy
// (catalog.page.json) leaves out every id that those fields give back, so the page rebuilds them
// here when it loads (issue 11, initial JS). A row whose id is not its fields' slug — the second
// row of the same fields (base-2), or a slug of fields the page does not carry — keeps its id in
// the file. Environment-free.
import type { Catalog, CloudPrice, DecentralisedPrice, HardwareFigure, MarketIndex, PurchasePrice } from './types.ts';

// The page rebuilds some 400 ids in its start-up task: the expressions are made once, and the
// accents are taken off (é → e) only from text that has any (ASCII text is its own decomposition).
const NOT_ASCII = /[^\x00-\x7f]/;
const ACCENTS = /[\u0300-\u036f]/g;
const NOT_WORD = /[^a-z0-9]+/g;
const EDGE_DASHES = /^-+|-+$/g;

/** Lower-case ASCII words of the parts joined by "-" (empty and missing parts left out). */
export function slug(...parts: (string | number | null | undefined)[]): string {
  let s = '';
  for (const p of parts) if (p !== null && p !== undefined && p !== '') s = s === '' ? String(p) : `${s}-${p}`;
  s = s.toLowerCase();
  if (NOT_ASCII.test(s)) s = s.normalize('NFKD').replace(ACCENTS, '');
  return s.replace(NOT_WORD, '-').replace(EDGE_DASHES, '');
}

/** Gives each base id a unique id: base, base-2, base-3... in input order. */
export function uniqueIds(bases: string[]): string[] {
  const seen = new Map<string, number>();
  return bases.map((b) => {
    const n = (seen.get(b) ?? 0) + 1;
    seen.set(b, n);
    return n === 1 ? b : `${b}-${n}`;
  });
}

/** A cloud price's base id: provider, accelerator, pricing model, region, instance, and the date of the 2026 file's rows. */
export function cloudPriceBaseId(r: Pick<CloudPrice, 'providerId' | 'acceleratorId' | 'pricingModel' | 'region' | 'instanceType' | 'file' | 'date'>): string {
  return slug(r.providerId, r.acceleratorId, r.pricingModel, r.region, r.instanceType, r.file === 'cloud-prices.json' ? undefined : r.date);
}

/** A decentralised price's base id: market, accelerator, pricing model, location, and the GPUs of an offer of several. */
export function decentralisedPriceBaseId(r: Pick<DecentralisedPrice, 'marketId' | 'acceleratorId' | 'pricingModel' | 'location'>, gpusPerOffer: number | null = null): string {
  return slug(r.marketId, r.acceleratorId, r.pricingModel, r.location, gpusPerOffer !== null && gpusPerOffer !== 1 ? `${gpusPerOffer}gpu` : undefined);
}

/** How the item of a purchase row from gpus.json's dated points ends ("H100 SXM: dated price point (gpus.json)"). */
export const GPUS_JSON_POINT = ': dated price point (gpus.json)';

/**
 * A purchase price's base id: of hardware-prices-2026.json's rows, accelerator (or "server"), item
 * and date; of gpus.json's dated points, accelerator, "gpus-json", first source and date.
 */
export function purchasePriceBaseId(r: Pick<PurchasePrice, 'acceleratorId' | 'item' | 'date' | 'sources'>): string {
  if (r.item.endsWith(GPUS_JSON_POINT)) return slug(r.acceleratorId, 'gpus-json', r.sources[0], r.date);
  return slug(r.acceleratorId ?? 'server', r.item, r.date);
}

/** A hardware figure's base id: section and item. */
export function hardwareFigureBaseId(r: Pick<HardwareFigure, 'section' | 'item'>): string {
  return slug(r.section, r.item);
}

/** A market index's base id: its name and accelerator. */
export function marketIndexBaseId(r: Pick<MarketIndex, 'name' | 'acceleratorId'>): string {
  return slug(r.name, r.acceleratorId);
}

/** Each table whose rows the bundled file carries without the ids their fields give back, and that base id. */
const BASE_IDS = {
  cloudPrices: cloudPriceBaseId,
  decentralisedPrices: (r: DecentralisedPrice) => decentralisedPriceBaseId(r),
  purchasePrices: purchasePriceBaseId,
  hardwareFigures: hardwareFigureBaseId,
  marketIndices: marketIndexBaseId,
} as const satisfies { [K in keyof Catalog]?: (r: Catalog[K] extends (infer R)[] ? R : never) => string };
type Table = keyof typeof BASE_IDS;
const TABLES = Object.keys(BASE_IDS) as Table[];

/** A row as the bundled file carries it: its id only when its fields do not give it back. */
type WithoutId<T extends { id: string }> = Omit<T, 'id'> & { id?: string };

/** The catalog as catalog.page.json carries it (src/catalog/data/catalog.page.d.json.ts). */
export type PageCatalog = Omit<Catalog, Table> & { [K in Table]: WithoutId<Catalog[K][number]>[] };

/**
 * The page's catalog from the bundled file: every row with its id (its own, or its fields' base
 * id), written into the rows in place — the file's rows are the page's own, and a copy of each
 * would cost its start-up task more time. Returns the same object, typed as the catalog.
 */
export function fillRowIds(page: PageCatalog): Catalog {
  for (const t of TABLES) {
    const base = BASE_IDS[t] as (r: unknown) => string;
    for (const r of page[t] as { id?: string }[]) if (r.id === undefined) r.id = base(r);
  }
  return page as unknown as Catalog;
}

/** The bundled file from the page's catalog (the build): the ids that the rows' fields give back left out. */
export function withoutRowIds(c: Catalog): PageCatalog {
  const out = { ...c } as Record<Table, unknown[]>;
  for (const t of TABLES) {
    const base = BASE_IDS[t] as (r: unknown) => string;
    out[t] = (c[t] as { id: string }[]).map((r) => {
      if (r.id !== base(r)) return r;
      const { id: _id, ...rest } = r;
      return rest;
    });
  }
  return out as unknown as PageCatalog;
}
