import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { catalog } from '../../src/catalog/index.ts';
import { loadSources } from '../../src/catalog/sources.ts';
import { fillRowIds } from '../../src/catalog/row-ids.ts';
import {
  normaliseAsOf,
  buildCatalog,
  serialiseCatalog,
  CATALOG_PATH,
  PAGE_CATALOG_PATH,
  PAGE_SOURCES_PATH,
  pageCatalog,
  pageCatalogParts,
  DEFAULT_REFERENCE_DIR,
} from '../../scripts/build-catalog.ts';

// The catalog bundles its sources apart (a chunk loaded when one is shown): loaded before they are read.
await loadSources();

const ASOF = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Every object in `o` (depth first), with its path. */
function* objects(o: unknown, path = '$'): Generator<[string, Record<string, unknown>]> {
  if (Array.isArray(o)) {
    for (let i = 0; i < o.length; i++) yield* objects(o[i], `${path}[${i}]`);
  } else if (o && typeof o === 'object') {
    yield [path, o as Record<string, unknown>];
    for (const [k, v] of Object.entries(o)) yield* objects(v, `${path}.${k}`);
  }
}

/** The catalog without its sources map, so that only cited figures are walked. */
const figures = { ...catalog, sources: undefined };
const cited = [...objects(figures)].filter(([, o]) => Array.isArray(o.sources));

describe('catalog provenance', () => {
  it('has cited figures to check', () => {
    expect(cited.length).toBeGreaterThan(400);
  });

  it('every cited figure has at least one source, and every key exists in catalog.sources', () => {
    const bad: string[] = [];
    for (const [path, o] of cited) {
      const s = o.sources as unknown[];
      if (s.length === 0) bad.push(`${path}: no sources`);
      for (const k of s) if (typeof k !== 'string' || !(k in catalog.sources)) bad.push(`${path}: unknown source ${String(k)}`);
    }
    expect(bad).toEqual([]);
  });

  it('every cited figure has a non-empty date and an asOf that is null or YYYY-MM', () => {
    const bad: string[] = [];
    for (const [path, o] of cited) {
      if (typeof o.date !== 'string' || o.date.trim() === '') bad.push(`${path}: date`);
      if (!('asOf' in o) || (o.asOf !== null && !(typeof o.asOf === 'string' && ASOF.test(o.asOf)))) bad.push(`${path}: asOf ${String(o.asOf)}`);
      if (!['high', 'medium', 'low', 'primary', 'secondary', 'single'].includes(o.confidence as string)) bad.push(`${path}: confidence`);
    }
    expect(bad).toEqual([]);
  });

  it('every asOf is what normaliseAsOf gives for its date', () => {
    const bad = cited.filter(([, o]) => normaliseAsOf(o.date as string) !== o.asOf).map(([p]) => p);
    expect(bad).toEqual([]);
  });

  it('every Source has its key, a title, a url string and a date', () => {
    for (const [key, s] of Object.entries(catalog.sources)) {
      expect(s.key).toBe(key);
      expect(typeof s.title).toBe('string');
      expect(s.title.length).toBeGreaterThan(0);
      expect(typeof s.url).toBe('string');
      if (s.url !== '') expect(s.url).toMatch(/^https?:\/\//);
      expect(typeof s.date).toBe('string');
      expect(s.date.length).toBeGreaterThan(0);
    }
  });

  it('CitedNumber values are finite numbers, or null with a [low, high] range', () => {
    const bad: string[] = [];
    for (const [path, o] of objects(figures)) {
      if (!('value' in o) || !('unit' in o)) continue;
      const v = o.value;
      const r = o.range;
      if (r !== undefined) {
        if (!Array.isArray(r) || r.length !== 2 || !r.every((x) => typeof x === 'number' && Number.isFinite(x)) || r[0] > r[1]) bad.push(`${path}: range`);
      }
      if (v === null) {
        if (r === undefined) bad.push(`${path}: null without range`);
      } else if (typeof v !== 'number' || !Number.isFinite(v)) bad.push(`${path}: value ${String(v)}`);
    }
    expect(bad).toEqual([]);
  });

  it('cloud and decentralised prices are finite or null with a range', () => {
    for (const p of [...catalog.cloudPrices, ...catalog.decentralisedPrices]) {
      if (p.pricePerGpuHour === null) {
        expect(p.range, p.id).toHaveLength(2);
      } else {
        expect(Number.isFinite(p.pricePerGpuHour), p.id).toBe(true);
        expect(p.pricePerGpuHour, p.id).toBeGreaterThan(0);
      }
    }
  });
});

describe('catalog integrity', () => {
  const lists = {
    accelerators: catalog.accelerators,
    cloudProviders: catalog.cloudProviders,
    cloudPrices: catalog.cloudPrices,
    decentralisedMarkets: catalog.decentralisedMarkets,
    decentralisedPrices: catalog.decentralisedPrices,
    electricityPrices: catalog.electricityPrices,
    pue: catalog.pue,
    wue: catalog.wue,
    electricityWater: catalog.electricityWater,
    colocationPrices: catalog.colocationPrices,
    embodiedServers: catalog.embodiedServers,
    supplyChain: catalog.supplyChain,
    criticalMinerals: catalog.criticalMinerals,
    constants: catalog.constants,
  } as const;

  for (const [name, list] of Object.entries(lists)) {
    it(`${name}: ids are non-empty and unique`, () => {
      const ids = (list as { id: string }[]).map((x) => x.id);
      expect(ids.length).toBeGreaterThan(0);
      expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    });
  }

  it('country iso3 codes are unique, WLD first', () => {
    const iso = catalog.countries.map((c) => c.iso3);
    expect(new Set(iso).size).toBe(iso.length);
    expect(iso[0]).toBe('WLD');
    expect(catalog.countries.find((c) => c.iso3 === 'WLD')?.iso2).toBe('001');
  });

  it('has the expected section sizes', () => {
    // The build date is the newest compile date of the reference files (the 2026 files).
    expect(catalog.compiled).toBe('2026-12-01');
    expect(catalog.referenceFiles['gpus.json']).toBe('2026-11-22');
    expect(catalog.accelerators).toHaveLength(25);
    expect(catalog.cloudProviders).toHaveLength(25);
    expect(catalog.decentralisedMarkets.map((m) => m.id).sort()).toEqual(['akash', 'ionet', 'lium', 'render', 'sfcompute', 'spheron', 'vast']);
    // 20 older rows + 17 of the 18 2026 rows (one names an accelerator the catalog does not have).
    expect(catalog.decentralisedPrices).toHaveLength(37);
    expect(catalog.cloudPrices.filter((p) => p.file === 'cloud-prices.json')).toHaveLength(110);
    expect(catalog.subnational).toHaveLength(18);
    expect(catalog.exchangeRates.map((r) => r.currency)).toEqual(['EUR', 'GBP', 'MAD']);
    // 41 grids of energy.json + 7 countries only in grid-2026.json.
    expect(catalog.countries.filter((c) => c.gridGCO2ePerKWh !== null)).toHaveLength(48);
  });

  it('every accelerator referenced by a price exists', () => {
    const ids = new Set(catalog.accelerators.map((a) => a.id));
    const missing = [...catalog.cloudPrices, ...catalog.decentralisedPrices].filter((p) => !ids.has(p.acceleratorId)).map((p) => p.id);
    expect(missing).toEqual([]);
  });

  it('every provider and market referenced by a price exists', () => {
    const providers = new Set(catalog.cloudProviders.map((p) => p.id));
    const markets = new Set(catalog.decentralisedMarkets.map((m) => m.id));
    expect(catalog.cloudPrices.filter((p) => !providers.has(p.providerId)).map((p) => p.id)).toEqual([]);
    expect(catalog.decentralisedPrices.filter((p) => !markets.has(p.marketId)).map((p) => p.id)).toEqual([]);
  });

  it('every ISO3 referenced anywhere exists in countries', () => {
    const have = new Set(catalog.countries.map((c) => c.iso3));
    const referenced: [string, string][] = [];
    for (const p of catalog.cloudPrices) if (p.regionCountry) referenced.push([p.id, p.regionCountry]);
    for (const p of catalog.decentralisedPrices) if (p.hostCountry) referenced.push([p.id, p.hostCountry]);
    for (const a of catalog.accelerators) for (const c of a.fabCountries?.value ?? []) referenced.push([a.id, c]);
    for (const m of catalog.criticalMinerals) {
      for (const p of m.producers) referenced.push([m.id, p.iso3]);
      for (const e of m.exportControls) {
        referenced.push([m.id, e.by]);
        if (Array.isArray(e.against)) for (const c of e.against) referenced.push([m.id, c]);
      }
    }
    for (const c of catalog.exportControls.tier1) referenced.push(['tier1', c]);
    for (const c of catalog.exportControls.tier3Named) referenced.push(['tier3Named', c]);
    expect(referenced.length).toBeGreaterThan(50);
    expect(referenced.filter(([, c]) => !have.has(c))).toEqual([]);
  });

  it('Morocco has a grid intensity', () => {
    const mar = catalog.countries.find((c) => c.iso3 === 'MAR');
    expect(mar?.gridGCO2ePerKWh?.value).toBeTypeOf('number');
    expect(mar?.iso2).toBe('MA');
  });

  it('export-control tiers: US + 18 in tier 1, 5 named in tier 3', () => {
    expect(catalog.exportControls.tier1).toHaveLength(19);
    expect(catalog.exportControls.tier1).toContain('USA');
    expect([...catalog.exportControls.tier3Named].sort()).toEqual(['CHN', 'IRN', 'MAC', 'PRK', 'RUS']);
    expect(catalog.exportControls.h100Tpp).toBe(15832);
  });

  it('embodied carbon is only given for the accelerators with a published per-card figure', () => {
    const withEmbodied = catalog.accelerators.filter((a) => a.embodiedKgCO2ePerGpu !== null).map((a) => a.id).sort();
    expect(withEmbodied).toEqual(['nvidia-a100-40gb', 'nvidia-a100-80gb', 'nvidia-gh200', 'nvidia-h100-pcie', 'nvidia-h100-sxm', 'nvidia-l4']);
    const h100 = catalog.accelerators.find((a) => a.id === 'nvidia-h100-sxm')!.embodiedKgCO2ePerGpu!;
    // embodied-2026 (dated 2025) is newer than the undated methods.md transcription of the same PCF.
    expect(h100.value).toBe(164);
    expect(h100.date).toBe('2025');
    expect(h100.alternatives.map((x) => x.value)).toEqual([164, 575.2]);
  });

  it('EUR-billed providers are marked EUR; GCP GPU rows exclude the host, TPU rows do not (older file)', () => {
    for (const p of catalog.cloudPrices.filter((r) => r.file === 'cloud-prices.json')) {
      expect(p.currency, p.id).toBe(['ovhcloud', 'scaleway', 'seeweb'].includes(p.providerId) ? 'EUR' : 'USD');
      if (p.providerId !== 'gcp' || p.acceleratorId.startsWith('google-tpu')) expect(p.excludesHost, p.id).toBe(false);
      else expect(p.excludesHost, p.id).toBe(true);
    }
  });

  it('lists are sorted by id (countries: WLD, then iso3)', () => {
    for (const list of Object.values(lists)) {
      const ids = (list as { id: string }[]).map((x) => x.id);
      expect(ids).toEqual([...ids].sort());
    }
    const iso = catalog.countries.slice(1).map((c) => c.iso3);
    expect(iso).toEqual([...iso].sort());
  });
});

describe('normaliseAsOf', () => {
  const cases: [string, string | null][] = [
    ['2024', '2024-01'],
    ['2024-03', '2024-03'],
    ['2024-03-14', '2024-03'],
    ['2026-08-06', '2026-08'],
    ['2025-2026 catalog snapshot', '2025-01'],
    ['2025-2026 catalog snapshot; same price in every OCI region listed', '2025-01'],
    ['2024-2026', '2024-01'],
    ['2023-2024', '2023-01'],
    ['post-June-2025 catalog snapshot', '2025-06'],
    ['H2 2024', '2024-07'],
    ['H1 2025', '2025-01'],
    ['H2 2018', '2018-07'],
    ['Q1 2025', '2025-01'],
    ['Q3 2025', '2025-07'],
    ['2024-Q4', '2024-10'],
    ['2024-Q4 (valid to 2025-01-01)', '2024-10'],
    ['mid-2026', '2026-06'],
    ['FY2025', '2025-01'],
    ['2019 data', '2019-01'],
    ['c. 2019-2022 data', '2019-01'],
    ['2014 data (published 2016)', '2014-01'],
    ['2020s', '2020-01'],
    ['undated', null],
    ['unknown', null],
    ['see values', null],
    ['see values (range spans all listed years)', null],
    ['older v6 catalog snapshot (likely 2024)', '2024-01'],
    ['2025/2025-01', '2025-01'],
    ['2022-10/2025', '2022-10'],
    ['2024/2024-02/2025-2026/mid-2026', '2024-01'],
    ['2023 (AEP final)', '2023-01'],
    ['read 2026-10-07', '2026-10'],
    ['model/factors at commit 2026-08-21 (derived 2026-11-22)', '2026-08'],
    ['repo commit 2026-06-23', '2026-06'],
    ['18 Dec 2023', '2023-12'],
    ['Jul 2024', '2024-07'],
    ['June 2024', '2024-06'],
    ['17 Oct 2023 / 13 Jan 2025', '2023-10'],
  ];
  for (const [input, expected] of cases) {
    it(`"${input}" -> ${String(expected)}`, () => {
      expect(normaliseAsOf(input)).toBe(expected);
    });
  }

  for (const bad of ['', 'soon', 'recently', '2024-13', '2024-00', '2024-02-40', 'Q5 2024', 'H3 2024', '2026-2025', 'sometime in 2024', '2024/whenever']) {
    it(`throws on "${bad}"`, () => {
      expect(() => normaliseAsOf(bad)).toThrow();
    });
  }
});

describe('catalog.json is up to date', () => {
  it.skipIf(!existsSync(DEFAULT_REFERENCE_DIR))('building from ../shared/reference gives exactly the committed catalog.json', () => {
    const { catalog: built } = buildCatalog(DEFAULT_REFERENCE_DIR);
    expect(serialiseCatalog(built)).toBe(readFileSync(CATALOG_PATH, 'utf8'));
    // The bundled copy is the same catalog without notes and source descriptions, its sources in a file apart.
    const parts = pageCatalogParts(built);
    expect(readFileSync(PAGE_CATALOG_PATH, 'utf8')).toBe(`${JSON.stringify(parts.file)}\n`);
    // The page rebuilds the price rows' ids the file leaves out: every row has its id again (src/catalog/row-ids.ts).
    expect(fillRowIds(parts.file)).toEqual(parts.figures);
    expect(readFileSync(PAGE_SOURCES_PATH, 'utf8')).toBe(`${JSON.stringify(parts.sources)}\n`);
    expect({ ...parts.figures, sources: parts.sources }).toEqual(pageCatalog(built));
  });
});
