// Builds src/catalog/data/catalog.json from the reference data in ../shared/reference
// (the five JSON files and methods.md) and the critical-minerals table of the seed document
// ../shared/seeds/002_86c4fea844fcad94.txt.
//
//   npx tsx scripts/build-catalog.ts [referenceDir]     (or: npm run catalog)
//
// Deterministic: the same reference files give a byte-identical catalog.json. Nothing is
// invented: every number either comes from a reference JSON file or is transcribed from methods.md
// into scripts/catalog-data/*.json (each such figure cites a source key whose `what` names the
// methods.md section); which reference row becomes which figure is scripts/catalog-data/row-choices.json.
// Every file is read through its zod schema (scripts/catalog-data/schemas.ts), and the output is
// checked against the schema of its type before it is written (output-schemas.ts).
// The only computed numbers are (a) unit conversions (fraction -> percent), (b) producer shares
// computed from USGS tonnages where methods.md gives the tonnage and the world total but no
// share (each says so in its note) and (c) the per-GPU HGX H100 figure 1,312 / 8 = 164 that
// methods.md §2.3 itself states.

import { createHash } from 'node:crypto';
import { writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { cloudPriceBaseId, decentralisedPriceBaseId, GPUS_JSON_POINT, hardwareFigureBaseId, marketIndexBaseId, purchasePriceBaseId, slug, uniqueIds, withoutRowIds, type PageCatalog } from '../src/catalog/row-ids.ts';
import { FAILURE_DEFAULT_ROWS } from '../src/scenario/failure-defaults.ts';
import {
  constantsSchema,
  criticalMineralsSchema,
  exportControlsSchema,
  mappingsSchema,
  methodsSourcesSchema,
  parseWith,
  readJson,
  refCloudFile,
  refDecFile,
  refEmbodiedFile,
  refEnergyFile,
  refGpusFile,
  refCloud2026File,
  refDec2026File,
  refHardware2026File,
  refGrid2026File,
  refEmbodied2026File,
  refRatesFile,
  rowChoicesSchema,
  supplyChainSchema,
  transcribedFiguresSchema,
  type RefAccelerator,
  type RefCloudPrice,
  type RefCountry,
  type RefDecPrice,
  type RefEmbodiedFile,
  type RefFigure,
  type RefNetwork,
  type RefOperatorRow,
  type RefSource,
} from './catalog-data/schemas.ts';
import { catalogSchema, checkOutput, pageSourcesSchema } from './catalog-data/output-schemas.ts';
import type {
  Accelerator,
  AcceleratorVendor,
  Catalog,
  Cited,
  CitedNumber,
  CitedText,
  CloudPrice,
  CloudPricingModel,
  CloudProvider,
  ColocationPrice,
  Confidence,
  Country,
  CriticalMineral,
  DecentralisedMarket,
  DecentralisedPrice,
  ElectricityPrice,
  EmbodiedServer,
  ExchangeRate,
  ExportControlData,
  HardwareFigure,
  MarketIndex,
  PurchasePrice,
  Foundry,
  HbmSupplier,
  MethodConstant,
  OperatorFigure,
  ShareTable,
  Source,
  Subnational,
} from '../src/catalog/types.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '..');
export const DEFAULT_REFERENCE_DIR = resolve(REPO_ROOT, '../shared/reference');
export const DEFAULT_SEED_FILE = resolve(REPO_ROOT, '../shared/seeds/002_86c4fea844fcad94.txt');
export const CATALOG_PATH = resolve(REPO_ROOT, 'src/catalog/data/catalog.json');
/** What the app bundles: the catalog without the notes and the sources' long descriptions (the page shows neither). */
export const PAGE_CATALOG_PATH = resolve(REPO_ROOT, 'src/catalog/data/catalog.page.json');
/** The bundled sources (titles, links, dates), apart: a chunk loaded when a source is shown (src/catalog/sources.ts). */
export const PAGE_SOURCES_PATH = resolve(REPO_ROOT, 'src/catalog/data/catalog.sources.json');

/**
 * The page catalog split in two: its figures (with `sources` empty) and its sources, each bundled on
 * its own; and the figures as catalog.page.json carries them, without the price rows' ids their
 * fields give back (src/catalog/row-ids.ts: the page rebuilds them).
 */
export function pageCatalogParts(catalog: Catalog): { figures: Catalog; file: PageCatalog; sources: Catalog['sources'] } {
  const page = pageCatalog(catalog);
  const figures = { ...page, sources: {} };
  return { figures, file: withoutRowIds(figures), sources: page.sources };
}

/** The catalog as the app bundles it: every figure, source and date, without `note` and the sources' `what`/`seen`. */
export function pageCatalog(catalog: Catalog): Catalog {
  const strip = (o: unknown): unknown => {
    if (Array.isArray(o)) return o.map(strip);
    if (o && typeof o === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o)) if (k !== 'note') out[k] = strip(v);
      return out;
    }
    return o;
  };
  const sources = Object.fromEntries(Object.entries(catalog.sources).map(([k, { what: _w, seen: _s, ...rest }]) => [k, rest]));
  // gpus.json's dated purchase points are also rows of purchasePrices: bundled once.
  const accelerators = catalog.accelerators.map((a) => (a.purchasePriceUsd ? { ...a, purchasePriceUsd: { ...a.purchasePriceUsd, points: [] } } : a));
  // Support rows, the cost shares (the purchase's second estimate: src/scenario/cost-shares.ts) and the
  // failure rates that are sourced defaults (src/scenario/failure-defaults.ts, issue 15), these with
  // their note (a range, a derivation) for the page to show.
  const defaults = new Set<string>(Object.values(FAILURE_DEFAULT_ROWS).map((r) => r.id));
  const hardwareFigures = catalog.hardwareFigures.filter((h) => h.section === 'support' || h.section === 'costShare' || defaults.has(h.id));
  const used = { ...catalog, accelerators, hardwareFigures, sources: {} };
  const keys = new Set<string>();
  walkCited(used, (c) => (c.sources as string[]).forEach((k) => keys.add(k)));
  const stripped = strip(used) as Catalog;
  const withNotes = stripped.hardwareFigures.map((h, i) => (defaults.has(h.id) && hardwareFigures[i]!.note ? { ...h, note: hardwareFigures[i]!.note } : h));
  return { ...stripped, hardwareFigures: withNotes, sources: Object.fromEntries(Object.entries(sources).filter(([k]) => keys.has(k))) };
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function ym(year: string | number, month: number, original: string): string {
  const y = Number(year);
  if (!Number.isInteger(y) || y < 1900 || y > 2100) throw new Error(`normaliseAsOf: bad year in "${original}"`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new Error(`normaliseAsOf: bad month in "${original}"`);
  return `${y}-${String(month).padStart(2, '0')}`;
}

function monthFromName(name: string, original: string): number {
  const m = MONTHS[name.slice(0, 3).toLowerCase()];
  if (m === undefined) throw new Error(`normaliseAsOf: unknown month "${name}" in "${original}"`);
  return m;
}

const MONTH_NAME = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';

/** One date expression (no "/"-joined lists). undefined when not recognised. */
function normaliseOne(d: string): string | null | undefined {
  let m: RegExpMatchArray | null;
  if (/^(undated|unknown)$/i.test(d)) return null;
  if (/^see values\b/.test(d)) return null;
  if ((m = d.match(/^(\d{4})$/))) return ym(m[1]!, 1, d);
  if ((m = d.match(/^(\d{4})-(\d{2})$/))) return ym(m[1]!, Number(m[2]), d);
  if ((m = d.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const day = Number(m[3]);
    if (day < 1 || day > 31) throw new Error(`normaliseAsOf: bad day in "${d}"`);
    return ym(m[1]!, Number(m[2]), d);
  }
  // "2024-Q4", "2024-Q4 (valid to 2025-01-01)"
  if ((m = d.match(/^(\d{4})-Q([1-4])(?: \(.+\))?$/))) return ym(m[1]!, (Number(m[2]) - 1) * 3 + 1, d);
  // "Q1 2025"
  if ((m = d.match(/^Q([1-4]) (\d{4})$/))) return ym(m[2]!, (Number(m[1]) - 1) * 3 + 1, d);
  // "H2 2024"
  if ((m = d.match(/^H([12]) (\d{4})$/))) return ym(m[2]!, m[1] === '1' ? 1 : 7, d);
  // "mid-2026"
  if ((m = d.match(/^mid-(\d{4})$/))) return ym(m[1]!, 6, d);
  // "FY2025": the fiscal year's calendar year, from its first month
  if ((m = d.match(/^FY(\d{4})$/))) return ym(m[1]!, 1, d);
  // "2020s"
  if ((m = d.match(/^(\d{4})s$/))) return ym(m[1]!, 1, d);
  // "2019 data", "c. 2019-2022 data", "2014 data (published 2016)": the data year
  if ((m = d.match(/^(?:c\. )?(\d{4})(?:-(\d{4}))? data(?: \(published \d{4}\))?$/))) {
    if (m[2] !== undefined && Number(m[2]) < Number(m[1])) throw new Error(`normaliseAsOf: reversed years in "${d}"`);
    return ym(m[1]!, 1, d);
  }
  // "2024-2026", "2025-2026 catalog snapshot; ...", "2019-2020 ('average ...')": the first year
  if ((m = d.match(/^(\d{4})-(\d{4})(?:[ ;].*)?$/))) {
    if (Number(m[2]) < Number(m[1])) throw new Error(`normaliseAsOf: reversed years in "${d}"`);
    return ym(m[1]!, 1, d);
  }
  // "2026 (mid)", "2026 (Q1)", "2026 (H2)" (2026 files)
  if ((m = d.match(/^(\d{4}) \(mid\)$/))) return ym(m[1]!, 6, d);
  if ((m = d.match(/^(\d{4}) \(Q([1-4])\)$/))) return ym(m[1]!, (Number(m[2]) - 1) * 3 + 1, d);
  if ((m = d.match(/^(\d{4}) \(H([12])\)$/))) return ym(m[1]!, m[2] === '1' ? 1 : 7, d);
  // "2026-02-09 (data file)", "2026-06 (approx.)", "2025-01-27 (EM version)"
  if ((m = d.match(/^(\d{4})-(\d{2})(?:-(\d{2}))? \(.+\)$/))) return ym(m[1]!, Number(m[2]), d);
  // "mix year 2023", "reused 2026"
  if ((m = d.match(/^(?:mix year|reused) (\d{4})$/))) return ym(m[1]!, 1, d);
  // "2023-11 to 2026", "2025-09-25 to 2025-10-19": the first date
  if ((m = d.match(/^(\d{4}(?:-\d{2}){0,2}) to \d{4}(?:-\d{2}){0,2}$/))) return normaliseOne(m[1]!);
  // "2023 (AEP final)", "2019 (IEA Global Energy & CO2 Status Report 2019)"
  if ((m = d.match(/^(\d{4}) \(.+\)$/))) return ym(m[1]!, 1, d);
  // "post-June-2025 catalog snapshot"
  if ((m = d.match(new RegExp(`^post-${MONTH_NAME}-(\\d{4})\\b.*$`)))) return ym(m[2]!, monthFromName(m[1]!, d), d);
  // "read 2026-10-07"
  if ((m = d.match(/^read (\d{4})-(\d{2})-(\d{2})$/))) return ym(m[1]!, Number(m[2]), d);
  // "repo commit 2026-06-23", "model/factors at commit 2026-08-21 (derived 2026-11-22)"
  if ((m = d.match(/^(?:repo commit|model\/factors at commit) (\d{4})-(\d{2})-(\d{2})(?: \(.+\))?$/))) return ym(m[1]!, Number(m[2]), d);
  // "older v6 catalog snapshot (likely 2024)"
  if ((m = d.match(/^older v6 catalog snapshot \(likely (\d{4})\)$/))) return ym(m[1]!, 1, d);
  // "older v6 catalog snapshot": a text naming no date, dated as its sources are (row-choices.json dateAliases).
  const alias = CHOICE.dateAliases[d];
  if (alias !== undefined) return alias;
  // "18 Dec 2023", "7 Oct 2022"
  if ((m = d.match(new RegExp(`^(\\d{1,2}) ${MONTH_NAME} (\\d{4})$`)))) {
    const day = Number(m[1]);
    if (day < 1 || day > 31) throw new Error(`normaliseAsOf: bad day in "${d}"`);
    return ym(m[3]!, monthFromName(m[2]!, d), d);
  }
  // "Jul 2024", "June 2024"
  if ((m = d.match(new RegExp(`^${MONTH_NAME} (\\d{4})$`)))) return ym(m[2]!, monthFromName(m[1]!, d), d);
  return undefined;
}

/**
 * The earliest month (YYYY-MM) a figure dated `date` can be from, or null when undated.
 * Throws on any date it does not recognise, so that no date is silently dropped.
 */
export function normaliseAsOf(date: string): string | null {
  const d = date.trim();
  if (d === '') throw new Error('normaliseAsOf: empty date');
  const whole = normaliseOne(d);
  if (whole !== undefined) return whole;
  if (d.includes('/')) {
    // Several dates joined by "/": the earliest.
    const parts = d.split('/').map((p) => p.trim());
    const months: string[] = [];
    for (const p of parts) {
      const v = p === '' ? undefined : normaliseOne(p);
      if (v === undefined) throw new Error(`normaliseAsOf: unrecognised date "${date}" (part "${p}")`);
      if (v !== null) months.push(v);
    }
    if (months.length === 0) return null;
    return months.sort()[0]!;
  }
  throw new Error(`normaliseAsOf: unrecognised date "${date}"`);
}

// ---------------------------------------------------------------------------------------------
// Reference shapes (only what is read here)
// ---------------------------------------------------------------------------------------------

// The shapes are the zod schemas of scripts/catalog-data/schemas.ts; every file is parsed
// through them (readRef) before it is read here.
// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function joinNotes(...parts: (string | null | undefined)[]): string | undefined {
  const p = parts.map((s) => (s ?? '').trim()).filter((s) => s !== '');
  return p.length ? p.join('; ') : undefined;
}

function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function isPair(v: unknown): v is [number, number] {
  return Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
}

function checkConfidence(c: string): Confidence {
  if (c === 'high' || c === 'medium' || c === 'low' || c === 'primary' || c === 'secondary' || c === 'single') return c;
  throw new Error(`unknown confidence "${c}"`);
}

/** Provenance fields, in a fixed key order. */
function cited(sources: string[], date: string, confidence: Confidence, note?: string, derived?: boolean): Cited {
  if (!sources.length) throw new Error(`figure dated "${date}" has no source`);
  const c: Cited = { sources: [...sources], date, asOf: normaliseAsOf(date), confidence: checkConfidence(confidence) };
  if (note !== undefined && note.trim() !== '') c.note = note.trim();
  if (derived || /\bDERIVED\b/.test(note ?? '')) c.derived = true;
  return c;
}

/** A CitedNumber with a fixed key order: value, unit, range?, sources, date, asOf, confidence, note?. */
function cn(
  value: number | null,
  unit: string,
  sources: string[],
  date: string,
  confidence: Confidence,
  note?: string,
  range?: [number, number],
  derived?: boolean,
): CitedNumber {
  if (value === null && !range) throw new Error(`CitedNumber (${unit}, ${date}) has neither value nor range`);
  if (value !== null && !Number.isFinite(value)) throw new Error(`CitedNumber (${unit}) is not finite`);
  const out: CitedNumber = { value, unit } as CitedNumber;
  if (range) {
    if (!isPair(range) || range[0] > range[1]) throw new Error(`bad range ${JSON.stringify(range)}`);
    out.range = [range[0], range[1]];
  }
  Object.assign(out, cited(sources, date, confidence, note, derived));
  return out;
}

/** A reference figure as a CitedNumber; an array value becomes value null + range. */
function fromRef(f: RefFigure, extraNote?: string, unitOverride?: string): CitedNumber {
  const note = joinNotes(f.note, extraNote);
  const derived = f.derived === true;
  if (isPair(f.value)) return cn(null, unitOverride ?? f.unit, f.sources, f.date, f.confidence, note, f.value, derived);
  if (typeof f.value !== 'number') throw new Error(`reference figure without a numeric value: ${JSON.stringify(f)}`);
  return cn(f.value, unitOverride ?? f.unit, f.sources, f.date, f.confidence, note, undefined, derived);
}

function optRef(f: RefFigure | null | undefined): CitedNumber | null {
  return f ? fromRef(f) : null;
}

function readRef<T extends z.ZodType>(schema: T, path: string): z.infer<T> {
  return parseWith(schema, readJson(path, basename(path)), basename(path));
}

/** The figures transcribed from methods.md and the seed document: scripts/catalog-data/*.json. */
const DATA_DIR = resolve(here, 'catalog-data');
function readData<T extends z.ZodType>(schema: T, file: string): z.infer<T> {
  return parseWith(schema, readJson(resolve(DATA_DIR, file), `scripts/catalog-data/${file}`), `scripts/catalog-data/${file}`);
}
const MAP = readData(mappingsSchema, 'mappings.json');
const TRANSCRIBED = readData(transcribedFiguresSchema, 'transcribed-figures.json');
/** Which reference row becomes which catalog figure, where the reference offers several. */
const CHOICE = readData(rowChoicesSchema, 'row-choices.json');

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------


/**
 * Short titles for sources that have no `title`: "repo: path" for repository files, otherwise
 * the site's host name and the first clause of `what`.
 */
function deriveTitle(s: RefSource): string {
  if (s.title) return s.title;
  if (s.repo && s.path) return `${s.repo}: ${s.path}`;
  if (s.repo) return s.repo;
  const what = (s.what ?? '').trim();
  let t = what.split(/[:;]/)[0]!.trim();
  if (t.length < 20) t = what.split(';')[0]!.trim();
  if (t.length > 90) {
    const cut = t.slice(0, 90);
    t = `${cut.slice(0, cut.lastIndexOf(' '))}…`;
  }
  let host = '';
  if (s.url && /^https?:\/\//.test(s.url)) host = new URL(s.url).hostname.replace(/^www\./, '');
  return host ? `${host} — ${t}` : t;
}

function toSource(key: string, s: RefSource, file: string): Source {
  let url = s.url ?? '';
  let what = s.what ?? '';
  if (!/^https?:\/\//.test(url)) {
    // Not a URL (e.g. "GetBlock docs page ... (public GitHub copy; repository not identified)").
    if (s.repo && s.path && s.commit) url = `https://github.com/${s.repo}/blob/${s.commit}/${s.path}`;
    else {
      what = joinNotes(what, url ? `location as given in ${file}: ${url}` : undefined) ?? '';
      url = '';
    }
  }
  if (!s.date) throw new Error(`source ${key} (${file}) has no date`);
  const out: Source = { key, title: deriveTitle(s), url, date: s.date };
  if (s.seen) out.seen = s.seen;
  if (what) out.what = what;
  if (s.storedFileId !== undefined) out.storedFileId = String(s.storedFileId);
  if (s.via) out.via = s.via;
  return out;
}

/** Sources for the figures transcribed from methods.md (and the seed document). */
function methodsSources(): Source[] {
  return readData(methodsSourcesSchema, 'methods-sources.json');
}

// ---------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------

/** ISO 3166-1 alpha-2 for every ISO3 used; WLD -> "001" (UN M49 world). */
const ISO2 = MAP.iso2;
/** Countries referenced elsewhere in the catalog that have no grid data in the reference. */
const EXTRA_COUNTRY_NAMES = MAP.extraCountryNames;

// ---------------------------------------------------------------------------------------------
// Accelerators
// ---------------------------------------------------------------------------------------------

const VENDORS = MAP.vendors;
const FOUNDRY_NAMES: Foundry[] = MAP.foundryNames;
const HBM_NAMES: HbmSupplier[] = MAP.hbmNames;
const FAB_COUNTRY_NAMES = MAP.fabCountryNames;

/** Names found in `text`, in order of first appearance. */
function namesIn<T extends string>(text: string, names: readonly T[]): T[] {
  return names
    .map((n) => ({ n, i: text.indexOf(n) }))
    .filter((x) => x.i >= 0)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.n);
}

/**
 * Supplier names that the reference text mentions but does not attribute to this accelerator
 * (mappings.json hbmNotAttributed; B200: the Samsung text is about Blackwell Ultra, kept in the note).
 */
const HBM_NOT_ATTRIBUTED = MAP.hbmNotAttributed;

/** One figure, not a map of form factors ({ SXM4: {…}, PCIe: {…} }). */
function isRefFigure(v: RefFigure | Record<string, RefFigure>): v is RefFigure {
  return 'value' in v && 'unit' in v;
}

function accelerator(a: RefAccelerator, embodied: Map<string, CitedNumber & { alternatives: CitedNumber[] }>): Accelerator {
  const vendor = VENDORS[a.vendor];
  if (!vendor) throw new Error(`unknown vendor "${a.vendor}" for ${a.id}`);

  let tdpW: CitedNumber | null = null;
  if (a.tdpW) {
    if (isRefFigure(a.tdpW)) tdpW = fromRef(a.tdpW);
    else {
      const variants = a.tdpW;
      const sxm = variants.SXM4;
      const pcie = variants.PCIe;
      if (!sxm || !pcie || Object.keys(variants).length !== 2) throw new Error(`unexpected tdpW variants for ${a.id}`);
      if (typeof pcie.value !== 'number') throw new Error(`PCIe tdpW of ${a.id} is not a number`);
      const pcieNote = `PCIe variant ${pcie.value} ${pcie.unit} (${pcie.sources.join(', ')}; ${pcie.date}; ${pcie.confidence} confidence)`;
      tdpW = fromRef({ ...sxm, note: undefined }, joinNotes('SXM4', sxm.note, pcieNote));
    }
  }

  let foundry: Accelerator['foundry'] = null;
  if (a.foundry) {
    const value = namesIn(a.foundry.value, FOUNDRY_NAMES);
    if (!value.length) throw new Error(`no foundry parsed from "${a.foundry.value}" (${a.id})`);
    const textNote = a.foundry.value === value.join(', ') ? undefined : `reference text: "${a.foundry.value}"`;
    foundry = { value, ...cited(a.foundry.sources, a.foundry.date, a.foundry.confidence, joinNotes(textNote, a.foundry.note)) };
  }

  let fabCountries: Accelerator['fabCountries'] = null;
  if (a.fabCountry) {
    const found = namesIn(a.fabCountry.value, Object.keys(FAB_COUNTRY_NAMES));
    const value = [...new Set(found.map((n) => FAB_COUNTRY_NAMES[n]!))];
    if (!value.length) throw new Error(`no fab country parsed from "${a.fabCountry.value}" (${a.id})`);
    fabCountries = {
      value,
      ...cited(a.fabCountry.sources, a.fabCountry.date, a.fabCountry.confidence, joinNotes(`reference text: "${a.fabCountry.value}"`, a.fabCountry.note)),
    };
  }

  let hbmSuppliers: Accelerator['hbmSuppliers'] = null;
  if (a.hbmSuppliers) {
    const excluded = HBM_NOT_ATTRIBUTED[a.id] ?? [];
    const value: HbmSupplier[] = [];
    for (const text of a.hbmSuppliers.value) {
      for (const n of namesIn(text, HBM_NAMES)) if (!excluded.includes(n) && !value.includes(n)) value.push(n);
    }
    const texts = `reference texts: ${a.hbmSuppliers.value.map((t) => `"${t}"`).join(', ')}`;
    const excludedNote = excluded.length
      ? `${excluded.join(', ')} not counted: the reference attributes it to Blackwell Ultra (B300), not to this accelerator`
      : undefined;
    if (value.length) {
      hbmSuppliers = {
        value,
        ...cited(a.hbmSuppliers.sources, a.hbmSuppliers.date, a.hbmSuppliers.confidence, joinNotes(texts, excludedNote, a.hbmSuppliers.note)),
      };
    }
  }

  let purchasePriceUsd: Accelerator['purchasePriceUsd'] = null;
  const p = a.purchasePriceUSD;
  if (p) {
    purchasePriceUsd = {
      typical: p.typical ?? null,
      low: p.low ?? null,
      high: p.high ?? null,
      // A100 40GB/80GB and Ascend 910C give no summary unit; the field (purchasePriceUSD) is in USD.
      unit: p.unit ?? 'USD',
      points: p.points.map((pt) => fromRef(pt)),
      ...cited(p.sources, p.date, p.confidence, joinNotes(p.note, p.summaryBasis)),
    };
  }

  return {
    id: a.id,
    name: a.name,
    vendor,
    cloudOnly: a.cloudOnly,
    launchYear: a.launchYear && typeof a.launchYear.value === 'number' ? a.launchYear.value : null,
    memoryGB: optRef(a.memoryGB),
    bf16DenseTflops: optRef(a.bf16DenseTFLOPS),
    fp8DenseTflops: optRef(a.fp8DenseTFLOPS),
    tdpW,
    dieAreaMm2: optRef(a.dieAreaMm2),
    foundry,
    fabCountries,
    hbmSuppliers,
    purchasePriceUsd,
    embodiedKgCO2ePerGpu: embodied.get(a.id) ?? null,
  };
}

function embodiedPerGpu(e: RefEmbodiedFile): Map<string, CitedNumber & { alternatives: CitedNumber[] }> {
  const boavizta = (gpu: string, model: string): CitedNumber => {
    const r = e.boaviztaModelDerived.results.find((x) => x.gpu === gpu && x.model === model);
    if (!r) throw new Error(`Boavizta-derived result for ${model} not found`);
    return fromRef(r.embodiedKgCO2e, `model: ${r.model}`);
  };
  const perGpu = (gpu: string, itemStart: string, extra?: string): CitedNumber => {
    const r = e.perGpu.find((x) => x.gpu === gpu && x.item.startsWith(itemStart));
    if (!r) throw new Error(`embodied per-GPU figure "${itemStart}" not found`);
    return fromRef(r.value, joinNotes(r.item, extra));
  };
  const withAlt = (main: CitedNumber, alternatives: CitedNumber[]) => ({ ...main, alternatives });

  // Transcribed per-GPU figures (methods.md §2.3: 1,312 kgCO2e per HGX H100 baseboard / 8 = 164).
  const transcribed = (gpu: string): CitedNumber => {
    const t = TRANSCRIBED.embodiedPerGpu.find((x) => x.acceleratorId === gpu);
    if (!t) throw new Error(`row-choices.json embodiedPerGpu.${gpu}: no transcribed figure in transcribed-figures.json`);
    return cn(t.value, t.unit, t.sources, t.date, t.confidence, t.note);
  };
  for (const t of TRANSCRIBED.embodiedPerGpu) {
    if (!CHOICE.embodiedPerGpu[t.acceleratorId]?.some((c) => 'transcribed' in c)) throw new Error(`transcribed embodied figure of ${t.acceleratorId} is not used in row-choices.json`);
  }
  const map = new Map<string, CitedNumber & { alternatives: CitedNumber[] }>();
  for (const [gpu, choices] of Object.entries(CHOICE.embodiedPerGpu)) {
    const [main, ...alternatives] = choices.map((c) =>
      'transcribed' in c ? transcribed(gpu) : 'boaviztaModel' in c ? boavizta(gpu, c.boaviztaModel) : perGpu(gpu, c.perGpuItem, c.note));
    map.set(gpu, withAlt(main!, alternatives));
  }
  return map;
}

// ---------------------------------------------------------------------------------------------
// Cloud
// ---------------------------------------------------------------------------------------------

const PROVIDERS = MAP.cloudProviders;
/** Not a provider: a market-wide range (dropped from cloudPrices). */
const MARKET_RANGE_PROVIDER = MAP.marketRangeProvider;
const EUR_PROVIDERS = new Set(MAP.eurProviders);
const PRICING_MODELS = MAP.pricingModels;
/**
 * Country of each region string, inferred from its name; null when unknown or several.
 * Every region in the reference must be listed in mappings.json (the build throws otherwise).
 */
const REGION_COUNTRY = MAP.regionCountry;

type Tagged<T> = T & { file: string; derived?: boolean };

/** The accelerator id of a reference row (2026 aliases resolved), or null when not in the catalog. */
function gpuId(gpu: string, acceleratorIds: Set<string>): string | null {
  const id = MAP.gpuAliases[gpu] ?? gpu;
  return acceleratorIds.has(id) ? id : null;
}

function cloudPrices(
  all: Tagged<RefCloudPrice>[],
  acceleratorIds: Set<string>,
): { prices: CloudPrice[]; dropped: RefCloudPrice[]; unknownGpu: Tagged<RefCloudPrice>[] } {
  // Rows of the 2026 files whose gpu is not a catalog accelerator are left out (and logged);
  // in the older files every gpu must be known.
  const unknownGpu = all.filter((r) => r.file !== 'cloud-prices.json' && gpuId(r.gpu, acceleratorIds) === null);
  const rows = all.filter((r) => !unknownGpu.includes(r)).map((r) => ({ ...r, gpu: gpuId(r.gpu, acceleratorIds) ?? r.gpu }));
  const kept = rows.filter((r) => r.provider !== MARKET_RANGE_PROVIDER);
  const dropped = rows.filter((r) => r.provider === MARKET_RANGE_PROVIDER);
  const bases = kept.map((r) => {
    const provider = PROVIDERS[r.provider];
    const model = PRICING_MODELS[r.pricingModel];
    if (!provider) throw new Error(`unknown cloud provider "${r.provider}"`);
    if (!model) throw new Error(`unknown pricing model "${r.pricingModel}"`);
    return cloudPriceBaseId({ providerId: provider.id, acceleratorId: r.gpu, pricingModel: model, region: r.region, instanceType: r.instanceType ?? null, file: r.file, date: r.date });
  });
  const ids = uniqueIds(bases);
  const prices = kept.map((r, i): CloudPrice => {
    const providerId = PROVIDERS[r.provider]!.id;
    if (!acceleratorIds.has(r.gpu)) throw new Error(`cloud price for unknown accelerator ${r.gpu}`);
    if (!(r.region in REGION_COUNTRY)) throw new Error(`region "${r.region}" (${r.provider}) has no country decision in REGION_COUNTRY`);
    const regionCountry = REGION_COUNTRY[r.region] ?? null;
    // The older file's OVHcloud, Scaleway and Seeweb rows are billed in EUR; the 2026 rows say USD.
    const eur = EUR_PROVIDERS.has(providerId) && r.file === 'cloud-prices.json';
    if (!eur && r.currency !== 'USD') throw new Error(`unexpected currency "${r.currency}" for ${r.provider}`);
    const isTpu = r.gpu.startsWith('google-tpu');
    const excludesHost = providerId === 'gcp' && !isTpu && /accelerator component only/.test(r.priceScope ?? '');
    let price: number | null = r.perGpuPerHour;
    let range: [number, number] | undefined;
    if (price === null) {
      if (!r.perGpuPerHourRange) throw new Error(`cloud price row without price or range: ${JSON.stringify(r)}`);
      range = r.perGpuPerHourRange;
    }
    const note = joinNotes(
      r.priceScope ? `price scope: ${r.priceScope}` : undefined,
      r.note,
      eur ? `currency: ${r.currency}; stored as EUR` : undefined,
      regionCountry ? 'region country inferred from the region name' : undefined,
      r.previousPerGpuPerHour !== undefined ? `previous price ${r.previousPerGpuPerHour} per GPU-hour` : undefined,
      r.via ? `via: ${r.via}` : undefined,
    );
    const out: CloudPrice = {
      id: ids[i]!,
      providerId,
      acceleratorId: r.gpu,
      pricingModel: PRICING_MODELS[r.pricingModel]!,
      region: r.region,
      regionCountry,
      instanceType: r.instanceType ?? null,
      gpusPerInstance: r.gpusPerInstance ?? null,
      pricePerGpuHour: price,
      currency: eur && r.file === 'cloud-prices.json' ? 'EUR' : 'USD',
      excludesHost,
      pricingModelText: r.pricingModel,
      basis: MAP.pricingBasis[r.pricingModel] ?? 'list',
      file: r.file,
    } as CloudPrice;
    if (range) out.range = [range[0], range[1]];
    Object.assign(out, cited(r.sources, r.date, r.confidence, note, r.derived || MAP.pricingBasis[r.pricingModel] === 'average'));
    return out;
  });
  return { prices: prices.sort(byId), dropped, unknownGpu };
}

function operatorFigure(id: string, operator: string, f: RefFigure, extraNote?: string): OperatorFigure {
  return { id, operator, ...fromRef(f, extraNote) };
}

function cloudProviders(energy: { pue: { operators: RefOperatorRow[] }; wue: RefOperatorRow[] }): CloudProvider[] {
  const findRow = (rows: RefOperatorRow[], operator: string, date: string): RefOperatorRow => {
    const r = rows.find((x) => x.operator === operator && x.date === date);
    if (!r) throw new Error(`energy row "${operator}" (${date}) not found`);
    return r;
  };
  const asProviderFigure = (r: RefOperatorRow): CitedNumber => fromRef(r, `operator: ${r.operator}`);
  const pick = (rows: RefOperatorRow[], choices: Record<string, { operator: string; date: string }>): Record<string, CitedNumber> =>
    Object.fromEntries(Object.entries(choices).map(([id, c]) => [id, asProviderFigure(findRow(rows, c.operator, c.date))]));
  const pue = pick(energy.pue.operators, CHOICE.providerPue);
  const wue = pick(energy.wue, CHOICE.providerWue);
  return Object.entries(PROVIDERS)
    .map(([name, p]): CloudProvider => ({ id: p.id, name, kind: p.kind, pue: pue[p.id] ?? null, wueLPerKWh: wue[p.id] ?? null }))
    .sort(byId);
}

// ---------------------------------------------------------------------------------------------
// Decentralised
// ---------------------------------------------------------------------------------------------

const MARKETS = MAP.markets;
const TOKEN_PAYMENT = MAP.tokenPayment;
/** Host country of a listed location, only when a single country is named. */
const LOCATION_COUNTRY = MAP.locationCountry;

function decentralisedPrices(all: Tagged<RefDecPrice>[], acceleratorIds: Set<string>, dropped: string[]): DecentralisedPrice[] {
  const rows = all.flatMap((r) => {
    const id = gpuId(r.gpu, acceleratorIds);
    if (id === null && r.file !== 'decentralized-prices.json') {
      dropped.push(`decentralised price row ${r.network} "${r.gpu}" (${r.file}): not a catalog accelerator`);
      return [];
    }
    const alias = id !== null && id !== r.gpu ? `reference gpu label: "${r.gpu}"` : undefined;
    return [{ ...r, gpu: id ?? r.gpu, note: joinNotes(r.note, alias) }];
  });
  const bases = rows.map((r) => {
    const m = MARKETS[r.network];
    if (!m) throw new Error(`unknown network "${r.network}"`);
    return decentralisedPriceBaseId({ marketId: m, acceleratorId: r.gpu, pricingModel: r.pricingModel, location: r.location ?? null }, r.gpusPerOffer);
  });
  const ids = uniqueIds(bases);
  return rows
    .map((r, i): DecentralisedPrice => {
      if (!acceleratorIds.has(r.gpu)) throw new Error(`decentralised price for unknown accelerator ${r.gpu}`);
      if (r.currency !== 'USD') throw new Error(`unexpected currency ${r.currency}`);
      const location = r.location ?? null;
      if (location !== null && !(location in LOCATION_COUNTRY)) throw new Error(`location "${location}" has no country decision`);
      const hostCountry = location === null ? null : (LOCATION_COUNTRY[location] ?? null);
      let range: [number, number] | undefined;
      if (r.perGpuPerHour === null) {
        if (!r.perGpuPerHourRange) throw new Error(`decentralised row without price or range: ${JSON.stringify(r)}`);
        range = r.perGpuPerHourRange;
      }
      const offerNote =
        r.gpusPerOffer !== null && r.gpusPerOffer > 1 && r.instancePricePerHour !== null
          ? `offer of ${r.gpusPerOffer} GPUs at USD ${r.instancePricePerHour} per hour; per-GPU price derived by the reference`
          : undefined;
      const out: DecentralisedPrice = {
        id: ids[i]!,
        marketId: MARKETS[r.network]!,
        acceleratorId: r.gpu,
        pricingModel: r.pricingModel,
        pricePerGpuHour: r.perGpuPerHour,
        currency: 'USD',
        location,
        hostCountry,
        basis: /average of listed offers/.test(r.pricingModel) ? 'average' : 'list',
        file: r.file,
      } as DecentralisedPrice;
      if (range) out.range = [range[0], range[1]];
      Object.assign(
        out,
        cited(r.sources, r.date, r.confidence, joinNotes(r.note, offerNote, hostCountry ? 'host country inferred from the listed location' : undefined),
          /average of listed offers|median/.test(r.pricingModel)),
      );
      return out;
    })
    .sort(byId);
}

/** Markets first priced in the 2026 file (Lium, SF Compute): name and type only, nothing else is known. */
function newMarkets(d: z.infer<typeof refDec2026File>, older: RefNetwork[]): DecentralisedMarket[] {
  // The markets decentralized-prices.json describes (vast, akash, ionet, render, spheron) are not new.
  const known = new Set(older.map((n) => MARKETS[n.network]));
  const networks = d.networks ?? [];
  const names = [...new Set(d.prices.map((p) => p.network))].filter((n) => !known.has(MARKETS[n] ?? ''));
  return names.map((name) => {
    const id = MARKETS[name];
    if (!id) throw new Error(`unknown network "${name}"`);
    return {
      id, name, type: networks.find((n) => n.network === name)?.type ?? 'marketplace (type not given in the reference)',
      payment: null, tokenPayment: TOKEN_PAYMENT[id] ?? 'unknown', feePct: null, reliability: [],
    };
  });
}

function decentralisedMarkets(networks: RefNetwork[], sources: Record<string, Source>): DecentralisedMarket[] {
  return networks
    .map((n): DecentralisedMarket => {
      const id = MARKETS[n.network];
      if (!id) throw new Error(`unknown network "${n.network}"`);
      let payment: CitedText | null = null;
      if (typeof n.payment === 'string') {
        // A plain string in the reference (Vast.ai): attributed as row-choices.json plainStringPayment says.
        const a = CHOICE.plainStringPayment[id];
        const src = a ? sources[a.source] : undefined;
        if (!a || !src) throw new Error(`unexpected plain-string payment for ${n.network}`);
        payment = { value: n.payment, ...cited([a.source], src.date, a.confidence, a.note) };
      } else if (n.payment) {
        payment = { value: n.payment.value, ...cited(n.payment.sources, n.payment.date, n.payment.confidence, n.payment.note) };
      }

      let feePct: CitedNumber | null = null;
      const fees = (n.fees ?? []).filter((f): f is RefFigure => typeof f.value !== 'string');
      if (id === 'ionet') {
        const user = fees.find((f) => f.unit.startsWith('fraction - user facilitation fee'));
        const supplier = fees.find((f) => f.unit.startsWith('fraction - supplier fee'));
        if (!user || typeof user.value !== 'number') throw new Error('io.net user fee not found');
        feePct = cn(Math.round(user.value * 1000) / 10, '% of the price (user facilitation fee when paying in USDC)', user.sources, user.date, user.confidence,
          joinNotes(
            `reference: ${user.value} ${user.unit}`,
            supplier ? `suppliers also pay ${typeof supplier.value === 'number' ? Math.round(supplier.value * 1000) / 10 : '?'} % on compute earnings received in USDC (0 in IO)` : undefined,
            'no fee when paying in IO',
          ));
      } else if (id === 'akash') {
        const ranged = fees.find((f) => isPair(f.value));
        const dflt = fees.find((f) => typeof f.value === 'number');
        if (!ranged || !isPair(ranged.value)) throw new Error('Akash take-rate range not found');
        const [lo, hi] = ranged.value;
        feePct = cn(null, '% of lease payments (protocol take rate)', ranged.sources, ranged.date, ranged.confidence,
          joinNotes(
            `reference: ${lo}-${hi} ${ranged.unit}`,
            dflt ? `default take rate ${dflt.value} (${dflt.unit})` : undefined,
            'take rate introduced with mainnet 6 / AEP-24 (akash_aep24)',
            ranged.note,
          ),
          [Math.round(lo * 1000) / 10, Math.round(hi * 1000) / 10]);
      }

      const reliability = (n.reliability ?? []).map((r): CitedText => {
        const value = typeof r.value === 'string' ? r.value : `${String(r.value)} — ${'unit' in r ? String(r.unit) : ''}`;
        return { value, ...cited(r.sources, r.date, r.confidence, r.note) };
      });

      return { id, name: n.network, type: n.type, payment, tokenPayment: TOKEN_PAYMENT[id]!, feePct, reliability };
    })
    .sort(byId);
}

// ---------------------------------------------------------------------------------------------
// Energy
// ---------------------------------------------------------------------------------------------

type RefCountry2026 = z.infer<typeof refGrid2026File>['countries'][number];

/** A 2026 grid value with its data year and method in the note. */
function grid2026Value(v: RefFigure & { dataYear?: unknown; metric?: unknown; basis?: unknown }, extra?: string): CitedNumber {
  const what = [typeof v.dataYear === 'number' ? `data year ${v.dataYear}` : undefined, typeof v.metric === 'string' ? v.metric : undefined,
    typeof v.basis === 'string' ? v.basis : undefined].filter(Boolean).join(', ');
  return fromRef(v, joinNotes(what, extra));
}

function countries(refCountries: RefCountry[], grid2026: RefCountry2026[], referenced: Set<string>): Country[] {
  const newer = new Map(grid2026.map((c) => [c.iso3, c]));
  const older = new Map(refCountries.map((c) => [c.iso3, c]));
  const fromOld = (c: RefCountry): Country => {
    const iso2 = ISO2[c.iso3];
    if (!iso2) throw new Error(`no ISO2 for ${c.iso3}`);
    const match = c.values.find((v) => v.value === c.recommended);
    if (!match) throw new Error(`recommended value of ${c.iso3} not among its values`);
    return {
      iso3: c.iso3,
      iso2,
      name: c.name,
      gridGCO2ePerKWh: fromRef(match, joinNotes(
        `recommended: ${c.recommendedBasis}`,
        `all listed values span ${c.range[0]}-${c.range[1]} gCO2e/kWh (see gridValues)`,
      )),
      gridValues: c.values.map((v) => fromRef(v)),
    };
  };
  // grid-2026.json (data year 2025) is newer: its recommended value becomes the country's, with
  // every older value kept in gridValues.
  const fromNew = (c: RefCountry2026): Country => {
    const iso2 = ISO2[c.iso3];
    if (!iso2) throw new Error(`no ISO2 for ${c.iso3}`);
    const match = c.values.find((v) => v.value === c.recommended);
    if (!match) throw new Error(`recommended 2026 value of ${c.iso3} not among its values`);
    const old = older.get(c.iso3);
    const dataYear = match.dataYear;
    const out: Country = {
      iso3: c.iso3,
      iso2,
      name: c.name,
      gridGCO2ePerKWh: grid2026Value(match, joinNotes(`recommended: ${c.recommendedBasis}`, c.zone ? `Electricity Maps zone ${c.zone}` : undefined)),
      gridValues: [...c.values.map((v) => grid2026Value(v)), ...(old ? old.values.map((v) => fromRef(v)) : [])],
    };
    if (typeof dataYear === 'number') out.gridDataYear = dataYear;
    const w = c.waterOffsite;
    if (w && typeof w.value === 'number') {
      const coverage = w.coverageOfGeneration;
      const extra = typeof coverage === 'number' ? `covers ${Math.round(coverage * 1000) / 10} % of generation` : undefined;
      out.offsiteWaterLPerKWh = cn(w.value, w.unit ?? 'L/kWh', w.sources, w.date, w.confidence, joinNotes(w.note, extra), undefined, w.derived === true);
    }
    return out;
  };
  const out: Country[] = [
    ...refCountries.filter((c) => !newer.has(c.iso3)).map(fromOld),
    ...grid2026.map(fromNew),
  ];
  const have = new Set(out.map((c) => c.iso3));
  for (const iso3 of [...referenced].sort()) {
    if (have.has(iso3)) continue;
    const name = EXTRA_COUNTRY_NAMES[iso3];
    const iso2 = ISO2[iso3];
    if (!name || !iso2) throw new Error(`country ${iso3} is referenced but has no name/ISO2 here`);
    out.push({ iso3, iso2, name, gridGCO2ePerKWh: null, gridValues: [] });
    have.add(iso3);
  }
  return out.sort((a, b) => (a.iso3 === 'WLD' ? -1 : b.iso3 === 'WLD' ? 1 : a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));
}

function subnational(rows: { code: string; name: string; values: RefFigure[] }[]): Subnational[] {
  return rows
    .map((s) => {
      if (s.values.length !== 1) throw new Error(`subnational ${s.code} has ${s.values.length} values`);
      return { code: s.code, name: s.name, gridGCO2ePerKWh: fromRef(s.values[0]!) };
    })
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

function electricityPrices(rows: (RefFigure & { region: string; sector: string })[]): ElectricityPrice[] {
  const ids = uniqueIds(rows.map((r) => slug(r.region, r.sector)));
  return rows
    .map((r, i): ElectricityPrice => {
      const cur = r.unit.split('/')[0];
      if (cur !== 'USD' && cur !== 'EUR' && cur !== 'CNY') throw new Error(`unknown currency in unit "${r.unit}"`);
      return { id: ids[i]!, region: r.region, sector: r.sector, currency: cur, ...fromRef(r) };
    })
    .sort(byId);
}

function operatorRows(rows: RefOperatorRow[]): OperatorFigure[] {
  const ids = uniqueIds(rows.map((r) => slug(r.operator, r.date)));
  return rows.map((r, i) => operatorFigure(ids[i]!, r.operator, r)).sort(byId);
}

// ---------------------------------------------------------------------------------------------
// methods.md transcriptions
// ---------------------------------------------------------------------------------------------

function supplyChain(): ShareTable[] {
  return readData(supplyChainSchema, 'supply-chain.json')
    .map(({ sources, date, confidence, note, ...t }) => ({ ...t, ...cited(sources, date, confidence, note) }))
    .sort(byId);
}

function criticalMinerals(): CriticalMineral[] {
  const d = readData(criticalMineralsSchema, 'critical-minerals.json');
  return d.minerals
    .map((m): CriticalMineral => {
      const derivedIsos: string[] = [];
      const complete = m.producersListed === 'all';
      if (complete) {
        // Every producing country listed: each share is its tonnage over the listed tonnages, so the
        // shares add up to 100 % and the HHI is exact. Checked: every tonnage known, reaching the world total.
        const listed = m.producers.reduce((a, p) => a + (p.tonnage ?? Number.NaN), 0);
        if (!(m.worldTotal && listed >= m.worldTotal.value)) throw new Error(`${m.id}: "all" producers listed, but their tonnages (${listed}) fall short of the world total`);
      }
      const listedTonnage = m.producers.reduce((a, p) => a + (p.tonnage ?? 0), 0);
      const producers = m.producers.map(({ iso3, tonnage, pct }) => {
        if (complete) return { iso3, pct: Math.round(((tonnage as number) / listedTonnage) * 1e7) / 1e5 };
        if (pct !== null) return { iso3, pct };
        if (tonnage === null || m.worldTotal === null) throw new Error(`${m.id}: producer ${iso3} has neither pct nor tonnage`);
        derivedIsos.push(iso3);
        // A producer share computed from the USGS tonnage: tonnage / world total, 1 decimal.
        return { iso3, pct: Math.round((tonnage / m.worldTotal.value) * 1000) / 10 };
      });
      const exportControls = m.exportControls.map((k) => {
        const c = d.exportControls[k];
        if (!c) throw new Error(`${m.id}: unknown export control "${k}"`);
        return c;
      });
      return {
        id: m.id,
        name: m.name,
        use: m.use,
        worldTotal: m.worldTotal,
        producers,
        producersComplete: complete,
        exportControls,
        ...cited([...d.sources, ...m.extraSources], d.date, d.confidence,
          joinNotes(
            d.leadNote,
            ...m.notes,
            derivedIsos.length ? `pct derived from USGS tonnages for ${derivedIsos.join(', ')} (tonnage / world total, 1 decimal)` : undefined,
          )),
      };
    })
    .sort(byId);
}

function exportControls(): ExportControlData {
  const d = readData(exportControlsSchema, 'export-controls.json');
  return {
    ...d,
    tier1: [...d.tier1].sort(),
    tier3Named: [...d.tier3Named].sort(),
    regimes: d.regimes.map(({ sources, date, confidence, note, ...r }) => ({ ...r, ...cited(sources, date, confidence, note) })).sort(byId),
    cited: cited(d.cited.sources, d.cited.date, d.cited.confidence, d.cited.note),
  };
}

function constants(): MethodConstant[] {
  return readData(constantsSchema, 'constants.json')
    .map((c) => ({ id: c.id, label: c.label, ...cn(c.value, c.unit, c.sources, c.date, c.confidence, c.note) }))
    .sort(byId);
}

// ---------------------------------------------------------------------------------------------
// 2026 files (UPDATE-2026.md)
// ---------------------------------------------------------------------------------------------

type Cloud2026 = z.infer<typeof refCloud2026File>;
type Hardware2026 = z.infer<typeof refHardware2026File>;

/** reservedAndCommitted[]: explicit 1- and 3-year prices, as cloud price rows (the on-demand price and discount in the note). */
function reservedRows(c: Cloud2026): Tagged<RefCloudPrice>[] {
  const out: Tagged<RefCloudPrice>[] = [];
  for (const r of c.reservedAndCommitted) {
    for (const [term, price, discount] of [['1y', r.reserved1yPerGpuPerHour, r.discount1y], ['3y', r.reserved3yPerGpuPerHour, r.discount3y]] as const) {
      if (price === null || price === undefined) continue;
      out.push({
        file: 'cloud-prices-2026.json',
        provider: r.provider, gpu: r.gpu, pricingModel: `reserved-${term}`, region: r.region, instanceType: r.instanceType,
        gpusPerInstance: null, instancePricePerHour: null, perGpuPerHour: price, currency: r.currency,
        sources: r.sources, date: r.date, confidence: r.confidence,
        note: joinNotes(r.note, r.onDemandPerGpuPerHour != null ? `on-demand ${r.onDemandPerGpuPerHour} in the same archive` : undefined,
          discount != null ? `discount ${Math.round(discount * 1000) / 10} % (DERIVED by the reference)` : undefined),
      });
    }
  }
  return out;
}

function scopeOf(item: string, unit: string): PurchasePrice['scope'] {
  if (/rack/i.test(unit) || /rack/i.test(item)) return 'rack';
  if (/per 8-GPU|listing \/ 8|\/ 8\)/i.test(unit) || /8-GPU|DGX|8x/i.test(item)) return 'server';
  return 'gpu';
}

/** Purchase prices: hardware-prices-2026.json rows, then gpus.json's dated points (history). */
function purchasePrices(h: Hardware2026, accelerators: Accelerator[], dropped: string[]): PurchasePrice[] {
  const rows: PurchasePrice[] = [];
  const bases: string[] = [];
  for (const r of h.purchasePrices) {
    const numeric = typeof r.value === 'number' || isPair(r.value);
    if (!numeric) {
      dropped.push(`purchase row "${r.item}" (hardware-prices-2026.json): value is not a number or range`);
      continue;
    }
    const condition = r.condition === 'used' ? 'used' : r.condition === 'cost' ? 'cost' : 'new';
    const f = fromRef({ ...r, unit: r.unit ?? 'USD', value: r.value as number | [number, number] });
    rows.push({ id: '', item: r.item, acceleratorId: r.gpu, scope: scopeOf(r.item, r.unit ?? ''), perGpuUsd: r.perGpuUSD ?? null, condition, ...f });
    bases.push(purchasePriceBaseId({ acceleratorId: r.gpu ?? null, item: r.item, date: r.date, sources: r.sources }));
  }
  for (const a of accelerators) {
    for (const pt of a.purchasePriceUsd?.points ?? []) {
      const cost = /bill of materials|not a price|cost/i.test(pt.unit);
      const row: PurchasePrice = { id: '', item: `${a.name}${GPUS_JSON_POINT}`, acceleratorId: a.id, scope: 'gpu', perGpuUsd: pt.value, condition: cost ? 'cost' : 'new', ...pt };
      rows.push(row);
      bases.push(purchasePriceBaseId(row));
    }
  }
  const ids = uniqueIds(bases);
  return rows.map((r, i) => ({ ...r, id: ids[i]! })).sort(byId);
}

/** Cost shares, support and maintenance, failure rates (numeric rows only; the others are logged). */
function hardwareFigures(h: Hardware2026, dropped: string[]): HardwareFigure[] {
  const out: HardwareFigure[] = [];
  const bases: string[] = [];
  const add = (section: HardwareFigure['section'], r: { item: string; value: unknown; unit?: string | null | undefined; sources: string[]; date: string; confidence: Confidence; note?: string | undefined; derived?: boolean | undefined; formula?: unknown }) => {
    if (typeof r.value !== 'number' && !isPair(r.value)) {
      dropped.push(`hardware ${section} row "${r.item}": value ${r.value === null ? 'null (not found)' : 'is not a number or range'}`);
      return;
    }
    const note = joinNotes(r.note, typeof r.formula === 'string' ? `formula: ${r.formula}` : undefined);
    const f = isPair(r.value)
      ? cn(null, r.unit ?? '', r.sources, r.date, r.confidence, note, r.value, r.derived)
      : cn(r.value as number, r.unit ?? '', r.sources, r.date, r.confidence, note, undefined, r.derived);
    out.push({ id: '', section, item: r.item, ...f });
    bases.push(hardwareFigureBaseId({ section, item: r.item }));
  };
  for (const r of h.serverAndClusterCostShares) add('costShare', r);
  for (const r of h.maintenanceSupportInsurance) {
    if (r.date === null || r.confidence === null || r.sources.length === 0) {
      dropped.push(`hardware support row "${r.item}": no date or source (${r.note ?? ''})`.slice(0, 200));
      continue;
    }
    add('support', { ...r, date: r.date, confidence: r.confidence });
  }
  const rel = h.reliability;
  for (const r of rel.derivedAnnualRates) {
    // Derived from the Llama 3 table: dated with the table (the reference gives no date of its own).
    add('reliability', { ...r, date: r.date ?? rel.llama3.date, derived: true, note: joinNotes(r.note, r.date ? undefined : `dated with the Llama 3 table (${rel.llama3.date})`) });
  }
  for (const r of rel.estimates) {
    // A central estimate with its low and high: the central value, the range in the note.
    const est = z.looseObject({ central: z.number(), low: z.number(), high: z.number() }).safeParse(r.value);
    if (est.success) add('reliability', { ...r, value: est.data.central, note: joinNotes(r.note, `range ${est.data.low}-${est.data.high}`) });
    else add('reliability', r);
  }
  const ids = uniqueIds(bases);
  return out.map((r, i) => ({ ...r, id: ids[i]! })).sort(byId);
}

function marketIndices(c: Cloud2026): MarketIndex[] {
  const rows = c.indices;
  const ids = uniqueIds(rows.map((r) => marketIndexBaseId({ name: r.index, acceleratorId: r.gpu ?? null })));
  return rows
    .map((r, i): MarketIndex => {
      const values = (r.values ?? []).flatMap((v) =>
        typeof v.value === 'number' ? [{ value: v.value, date: v.date, asOf: normaliseAsOf(v.date), ...(v.note ? { note: v.note } : {}) }] : []);
      const newest = values.map((v) => v.date).sort().at(-1) ?? 'undated';
      const tiers = (r.values ?? []).some((v) => typeof v.value !== 'number') ? 'tier ranges in the reference (not a single level)' : undefined;
      return {
        id: ids[i]!, name: r.index, publisher: r.publisher ?? '', acceleratorId: r.gpu ?? null, basis: r.basis ?? '', unit: r.unit ?? '', values,
        ...cited(r.sources, newest, r.confidence, joinNotes(r.note, tiers, values.length === 0 ? 'no index level published in the reference' : undefined)),
      };
    })
    .sort(byId);
}

/** The latest rate per currency (exchange-rates.json `latest`), as USD per unit. */
function exchangeRates(rates: z.infer<typeof refRatesFile>): ExchangeRate[] {
  const latest = rates.latest;
  const out: ExchangeRate[] = [];
  for (const [pair, r] of Object.entries(latest)) {
    const m = pair.match(/^USD_per_([A-Z]{3})$/);
    if (!m) continue; // MAD_per_EUR: a cross rate between two non-USD currencies
    out.push({ currency: m[1]!, usdPerUnit: r.value, period: r.period, ...cited(r.sources, r.date, r.confidence, r.note, r.derived) });
  }
  return out.sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

/** embodied-2026 per-card figures become the accelerator's figure where newer; the older one moves to alternatives. */
function mergeEmbodied2026(accelerators: Accelerator[], e: z.infer<typeof refEmbodied2026File>, dropped: string[]): void {
  const byId = new Map(accelerators.map((a) => [a.id, a]));
  for (const r of e.perGpu) {
    if (!r.gpu || !byId.has(r.gpu) || typeof r.value !== 'number' || !/per (GPU|card)/.test(r.unit ?? '')) {
      dropped.push(`embodied-2026 row "${r.item}": ${!r.gpu || !byId.has(r.gpu) ? 'not a catalog accelerator' : 'not a per-card figure'}`);
      continue;
    }
    const a = byId.get(r.gpu)!;
    const f = fromRef({ ...r, unit: r.unit ?? '', value: r.value as number }, r.item);
    const cur = a.embodiedKgCO2ePerGpu;
    if (!cur) a.embodiedKgCO2ePerGpu = { ...f, alternatives: [] };
    else if ((f.asOf ?? '') > (cur.asOf ?? '')) {
      const { alternatives, ...old } = cur;
      a.embodiedKgCO2ePerGpu = { ...f, alternatives: [old, ...alternatives] };
    } else cur.alternatives.push(f);
  }
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

/** Every `sources` array anywhere in `o` (excluding the catalog's own sources map). */
function walkCited(o: unknown, visit: (c: { sources: unknown; date?: unknown }) => void): void {
  if (Array.isArray(o)) o.forEach((x) => walkCited(x, visit));
  else if (o && typeof o === 'object') {
    const rec = o as Record<string, unknown>;
    if (Array.isArray(rec.sources)) visit(rec as { sources: unknown });
    for (const v of Object.values(rec)) walkCited(v, visit);
  }
}

/** Renames source keys inside one reference file's data (used only when keys collide across files). */
function renameSourceKeys(o: unknown, rename: Map<string, string>): void {
  walkCited(o, (c) => {
    const arr = c.sources as unknown[];
    arr.forEach((k, i) => {
      if (typeof k === 'string' && rename.has(k)) arr[i] = rename.get(k)!;
    });
  });
}

export interface BuildResult {
  catalog: Catalog;
  /** Things left out, for the build log. */
  dropped: string[];
}

export function buildCatalog(referenceDir: string = DEFAULT_REFERENCE_DIR): BuildResult {
  const ref = (f: string) => resolve(referenceDir, f);
  const files = {
    'gpus.json': readRef(refGpusFile, ref('gpus.json')),
    'cloud-prices.json': readRef(refCloudFile, ref('cloud-prices.json')),
    'decentralized-prices.json': readRef(refDecFile, ref('decentralized-prices.json')),
    'energy.json': readRef(refEnergyFile, ref('energy.json')),
    'embodied.json': readRef(refEmbodiedFile, ref('embodied.json')),
    'exchange-rates.json': readRef(refRatesFile, ref('exchange-rates.json')),
    'cloud-prices-2026.json': readRef(refCloud2026File, ref('cloud-prices-2026.json')),
    'decentralized-prices-2026.json': readRef(refDec2026File, ref('decentralized-prices-2026.json')),
    'hardware-prices-2026.json': readRef(refHardware2026File, ref('hardware-prices-2026.json')),
    'grid-2026.json': readRef(refGrid2026File, ref('grid-2026.json')),
    'embodied-2026.json': readRef(refEmbodied2026File, ref('embodied-2026.json')),
  };
  if (!existsSync(resolve(referenceDir, 'methods.md'))) throw new Error(`methods.md not found in ${referenceDir}`);
  const REFERENCE_FILES = Object.keys(files) as (keyof typeof files)[];

  // The catalog's build date: the newest compile date of the files it is built from.
  const referenceFiles = Object.fromEntries(REFERENCE_FILES.map((f) => [f, files[f].meta.compiled]));
  for (const d of Object.values(referenceFiles)) if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`bad compiled date "${d}"`);
  const compiled = Object.values(referenceFiles).sort().at(-1)!;

  // Sources: merge the five maps; a key used for different things in two files gets the file
  // name as prefix in both (and the references inside each file are renamed accordingly).
  const owners = new Map<string, { file: string; s: RefSource }[]>();
  for (const f of REFERENCE_FILES) {
    for (const [k, s] of Object.entries(files[f].sources)) owners.set(k, [...(owners.get(k) ?? []), { file: f, s }]);
  }
  const sources: Record<string, Source> = {};
  for (const [k, list] of owners) {
    const same = list.every((x) => JSON.stringify(x.s) === JSON.stringify(list[0]!.s));
    if (list.length === 1 || same) {
      sources[k] = toSource(k, list[0]!.s, list[0]!.file);
      continue;
    }
    for (const { file, s } of list) {
      const nk = `${basename(file, '.json')}:${k}`;
      sources[nk] = toSource(nk, s, file);
      const data = { ...files[file as keyof typeof files], sources: undefined };
      renameSourceKeys(data, new Map([[k, nk]]));
    }
  }
  for (const s of methodsSources()) {
    if (sources[s.key]) throw new Error(`methods.md source key ${s.key} collides with a reference key`);
    sources[s.key] = s;
  }
  const sortedSources: Record<string, Source> = {};
  for (const k of Object.keys(sources).sort()) sortedSources[k] = sources[k]!;

  // Accelerators
  const gpus = files['gpus.json'].accelerators;
  const embodied = files['embodied.json'];
  const embodiedMap = embodiedPerGpu(embodied);
  const accelerators = gpus.map((a) => accelerator(a, embodiedMap)).sort(byId);
  const accIds = new Set(accelerators.map((a) => a.id));
  for (const id of embodiedMap.keys()) if (!accIds.has(id)) throw new Error(`embodied figure for unknown accelerator ${id}`);
  const dropped: string[] = [];
  mergeEmbodied2026(accelerators, files['embodied-2026.json'], dropped);

  // Cloud
  const energy = files['energy.json'];
  const cloud2026 = files['cloud-prices-2026.json'];
  const cloud = cloudPrices([
    ...files['cloud-prices.json'].prices.map((r) => ({ ...r, file: 'cloud-prices.json' })),
    ...cloud2026.prices.map((r) => ({ ...r, file: 'cloud-prices-2026.json' })),
    ...reservedRows(cloud2026),
  ], accIds);
  dropped.push(...cloud.dropped.map((r) => `cloud price row "${r.provider}" ${r.gpu} ${r.pricingModel} (${r.sources.join(', ')}): not a provider`));
  dropped.push(...cloud.unknownGpu.map((r) => `cloud price row "${r.provider}" "${r.gpu}" ${r.pricingModel} (${r.file}): not a catalog accelerator`));

  // Decentralised
  const dec = files['decentralized-prices.json'];

  // Water of electricity generation: the one row row-choices.json names (LBNL 2016).
  const waterChoice = CHOICE.electricityWater;
  const waterRow = energy.waterIntensityOfElectricityGeneration.find((w) => w.sources.includes(waterChoice.source));
  if (!waterRow) throw new Error(`energy.json water row citing ${waterChoice.source} not found`);
  for (const w of energy.waterIntensityOfElectricityGeneration) if (w !== waterRow) dropped.push(`electricity water row ${w.value} ${w.unit} (${w.sources.join(', ')})`);
  const electricityWater: OperatorFigure[] = [
    operatorFigure(waterChoice.id, waterChoice.operator, waterRow),
    ...TRANSCRIBED.electricityWater.map((w) => ({ id: w.id, operator: w.operator, ...cn(w.value, w.unit, w.sources, w.date, w.confidence, w.note) })),
  ].sort(byId);

  // Colocation: USD per kW per month rows only (the vacancy-fraction row is context, not a price).
  const colocationPrices: ColocationPrice[] = [];
  for (const r of energy.colocationPricing) {
    if (r.unit !== 'USD per kW per month') {
      dropped.push(`colocation row "${r.market}" (${r.unit})`);
      continue;
    }
    colocationPrices.push({ id: slug(r.sources[0]), market: r.market, ...fromRef(r) });
  }
  colocationPrices.sort(byId);

  // Embodied servers
  const server = (id: string, itemStart: string): EmbodiedServer => {
    const r = embodied.perServer.find((x) => x.item.startsWith(itemStart));
    if (!r) throw new Error(`server figure "${itemStart}" not found`);
    return { id, item: r.item, ...fromRef(r.value) };
  };
  // embodied-2026: the 8-GPU AI server excluding GPUs, newer than BLOOM's 2022 chassis: the default is
  // the newest 8-GPU row (src/catalog/embodied.ts). The rows: row-choices.json embodiedServers.
  const [choice2026] = CHOICE.embodiedServers['embodied-2026.json'];
  const server2026 = files['embodied-2026.json'].perServer.find((x) => x.item.startsWith(choice2026.item));
  if (!server2026 || typeof server2026.value !== 'number') throw new Error(`embodied-2026 server figure "${choice2026.item}" not found`);
  const embodiedServers = [
    ...CHOICE.embodiedServers['embodied.json'].map((c) => server(c.id, c.item)),
    { id: choice2026.id, item: server2026.item, ...fromRef({ ...server2026, unit: server2026.unit ?? '', value: server2026.value }) },
  ].sort(byId);
  for (const r of files['embodied-2026.json'].perServer) if (r !== server2026) dropped.push(`embodied-2026 server row "${r.item}": not a GPU server chassis`);
  const serversChosen = CHOICE.embodiedServers['embodied.json'].length;
  if (embodied.perServer.length !== serversChosen) dropped.push(`${embodied.perServer.length - serversChosen} other server rows in embodied.json`);

  const minerals = criticalMinerals();
  const exportCtl = exportControls();
  const cloudPriceRows = cloud.prices;
  const decPriceRows = decentralisedPrices([
    ...dec.prices.map((r) => ({ ...r, file: 'decentralized-prices.json' })),
    ...files['decentralized-prices-2026.json'].prices.map((r) => ({ ...r, file: 'decentralized-prices-2026.json' })),
  ], accIds, dropped);

  // Countries: the reference grids plus every ISO3 referenced elsewhere.
  const referenced = new Set<string>();
  cloudPriceRows.forEach((p) => p.regionCountry && referenced.add(p.regionCountry));
  decPriceRows.forEach((p) => p.hostCountry && referenced.add(p.hostCountry));
  accelerators.forEach((a) => a.fabCountries?.value.forEach((c) => referenced.add(c)));
  minerals.forEach((m) => {
    m.producers.forEach((p) => referenced.add(p.iso3));
    m.exportControls.forEach((e) => {
      referenced.add(e.by);
      if (Array.isArray(e.against)) e.against.forEach((c) => referenced.add(c));
    });
  });
  exportCtl.tier1.forEach((c) => referenced.add(c));
  exportCtl.tier3Named.forEach((c) => referenced.add(c));

  const catalog: Catalog = {
    compiled,
    version: compiled,
    contentHash: '',
    referenceFiles,
    sources: sortedSources,
    accelerators,
    cloudProviders: cloudProviders(energy),
    cloudPrices: cloudPriceRows,
    decentralisedMarkets: [...decentralisedMarkets(dec.networks, sortedSources), ...newMarkets(files['decentralized-prices-2026.json'], dec.networks)].sort(byId),
    decentralisedPrices: decPriceRows,
    countries: countries(energy.gridCarbonIntensity.countries, files['grid-2026.json'].countries, referenced),
    subnational: subnational(energy.gridCarbonIntensity.subnational),
    electricityPrices: electricityPrices(energy.electricityPrices),
    pue: operatorRows([...energy.pue.operators, ...energy.pue.gcpRegions2020]),
    wue: operatorRows(energy.wue),
    electricityWater,
    colocationPrices,
    embodiedServers,
    supplyChain: supplyChain(),
    criticalMinerals: minerals,
    exportControls: exportCtl,
    exchangeRates: exchangeRates(files['exchange-rates.json']),
    purchasePrices: purchasePrices(files['hardware-prices-2026.json'], accelerators, dropped),
    hardwareFigures: hardwareFigures(files['hardware-prices-2026.json'], dropped),
    marketIndices: marketIndices(cloud2026),
    constants: constants(),
  };

  // Every cited key must exist.
  walkCited({ ...catalog, sources: undefined }, (c) => {
    for (const k of c.sources as string[]) if (!catalog.sources[k]) throw new Error(`source key "${k}" is cited but not defined`);
  });
  catalog.contentHash = catalogHash(catalog);
  return { catalog, dropped };
}

/** SHA-256 (hex, first 16 digits) of the catalog serialised with an empty contentHash. */
export function catalogHash(catalog: Catalog): string {
  return createHash('sha256').update(serialiseCatalog({ ...catalog, contentHash: '' })).digest('hex').slice(0, 16);
}

export function serialiseCatalog(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 1)}\n`;
}

function main(): void {
  const refDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_REFERENCE_DIR;
  const { catalog, dropped } = buildCatalog(refDir);
  const parts = pageCatalogParts(catalog);
  // Each file is checked against the schema of its type before it is written (the page reads it without parsing it).
  checkOutput(catalogSchema, catalog, 'catalog.json');
  checkOutput(catalogSchema, parts.figures, 'catalog.page.json');
  checkOutput(pageSourcesSchema, parts.sources, 'catalog.sources.json');
  mkdirSync(dirname(CATALOG_PATH), { recursive: true });
  writeFileSync(CATALOG_PATH, serialiseCatalog(catalog));
  writeFileSync(PAGE_CATALOG_PATH, `${JSON.stringify(parts.file)}\n`);
  writeFileSync(PAGE_SOURCES_PATH, `${JSON.stringify(parts.sources)}\n`);
  const count = (k: keyof Catalog) => (Array.isArray(catalog[k]) ? (catalog[k] as unknown[]).length : Object.keys(catalog[k] as object).length);
  const sections: (keyof Catalog)[] = [
    'sources', 'accelerators', 'cloudProviders', 'cloudPrices', 'decentralisedMarkets', 'decentralisedPrices', 'countries', 'subnational',
    'electricityPrices', 'pue', 'wue', 'electricityWater', 'colocationPrices', 'embodiedServers', 'supplyChain', 'criticalMinerals', 'exchangeRates',
    'purchasePrices', 'hardwareFigures', 'marketIndices', 'constants',
  ];
  console.log(`wrote ${CATALOG_PATH}`);
  for (const s of sections) console.log(`  ${s}: ${count(s)}`);
  if (dropped.length) console.log(`left out:\n  ${dropped.join('\n  ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
