// The bundled catalog (catalog.page.json) leaves out the price rows' ids their own fields give back,
// and the page rebuilds them when it loads (src/catalog/row-ids.ts; issue 11, initial JS): every row
// gets its id back, the same as in catalog.json, and a row whose fields do not give it keeps its own.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pageCatalogParts } from '../../scripts/build-catalog.ts';
import { builtInCatalog } from '../../src/catalog/built-in.ts';
import { cloudPriceBaseId, withoutRowIds, fillRowIds, type PageCatalog } from '../../src/catalog/row-ids.ts';
import type { Catalog } from '../../src/catalog/types.ts';

const DATA = resolve(import.meta.dirname, '../../src/catalog/data');
const full = JSON.parse(readFileSync(resolve(DATA, 'catalog.json'), 'utf8')) as Catalog;
const file = JSON.parse(readFileSync(resolve(DATA, 'catalog.page.json'), 'utf8')) as PageCatalog;

describe('price rows’ ids in the bundled catalog', () => {
  it('the shipped file is catalog.json’s page copy without the ids the fields give back', () => {
    expect(`${JSON.stringify(pageCatalogParts(full).file)}\n`).toBe(readFileSync(resolve(DATA, 'catalog.page.json'), 'utf8'));
  });

  it('the page’s catalog has every row’s id of catalog.json, in the same order', () => {
    for (const t of ['cloudPrices', 'decentralisedPrices', 'purchasePrices', 'marketIndices'] as const) expect(builtInCatalog[t].map((r) => r.id)).toEqual(full[t].map((r) => r.id));
    // The page bundles some of the hardware figures (scripts/build-catalog.ts, pageCatalog): each with its id.
    const hardware = new Map(full.hardwareFigures.map((r) => [r.id, r.item]));
    expect(builtInCatalog.hardwareFigures.length).toBeGreaterThan(5);
    for (const r of builtInCatalog.hardwareFigures) expect(hardware.get(r.id)).toBe(r.item);
    expect(fillRowIds(pageCatalogParts(full).file)).toEqual(pageCatalogParts(full).figures);
  });

  it('most rows ship without an id; a second row of the same fields keeps its own (base-2)', () => {
    expect(file.cloudPrices.filter((r) => r.id === undefined).length).toBeGreaterThan(200);
    const kept = file.cloudPrices.filter((r) => r.id !== undefined);
    expect(kept.length).toBeGreaterThan(0);
    for (const r of kept) expect(r.id).not.toBe(cloudPriceBaseId(r));
    expect(kept.some((r) => r.id === `${cloudPriceBaseId(r)}-2`)).toBe(true);
  });

  it('a row whose id is not its fields’ slug keeps it through the round trip', () => {
    const c = structuredClone(pageCatalogParts(full).figures);
    c.cloudPrices[0] = { ...c.cloudPrices[0]!, id: 'a-hand-made-id' };
    const page = withoutRowIds(c);
    expect(page.cloudPrices[0]!.id).toBe('a-hand-made-id');
    expect(page.cloudPrices[1]!.id).toBeUndefined();
    expect(fillRowIds(page).cloudPrices[0]!.id).toBe('a-hand-made-id');
  });
});
