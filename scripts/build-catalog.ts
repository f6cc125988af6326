// Builds src/catalog/data/catalog.json from the reference data in ../shared/reference
// (the five JSON files and methods.md) and the critical-minerals table of the seed document
// ../shared/seeds/002_86c4fea844fcad94.txt.
//
//   npx tsx scripts/build-catalog.ts [referenceDir]     (or: npm run catalog)
//
// Deterministic: the same reference files give a byte-identical catalog.json. Nothing is
// invented: every number below either comes from a reference JSON file or is transcribed from
// methods.md (each such figure cites a source key whose `what` names the methods.md section).
// The only computed numbers are (a) unit conversions (fraction -> percent), (b) producer shares
// computed from USGS tonnages where methods.md gives the tonnage and the world total but no
// share (each says so in its note) and (c) the per-GPU HGX H100 figure 1,312 / 8 = 164 that
// methods.md §2.3 itself states.

import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
  ExportControlData,
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
  // "older v6 catalog snapshot": the same SkyPilot v6 catalog, which its source entries
  // (sky_ovh, sky_scaleway) date "older snapshot (v6 catalog, likely 2024)".
  if (d === 'older v6 catalog snapshot') return '2024-01';
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

type RefValue = number | [number, number] | null;

interface RefCited {
  sources: string[];
  date: string;
  confidence: Confidence;
  note?: string;
}

interface RefFigure extends RefCited {
  value: RefValue;
  unit: string;
}

interface RefTextFigure extends RefCited {
  value: string;
}

interface RefSource {
  url?: string;
  what?: string;
  date?: string;
  seen?: string;
  title?: string;
  repo?: string;
  path?: string;
  commit?: string;
}

interface RefFile {
  meta: { compiled: string };
  sources: Record<string, RefSource>;
  [k: string]: unknown;
}

interface RefPurchase {
  typical?: number | null;
  low?: number | null;
  high?: number | null;
  unit?: string;
  points: RefFigure[];
  sources: string[];
  date: string;
  confidence: Confidence;
  note?: string;
  summaryBasis?: string;
}

interface RefAccelerator {
  id: string;
  name: string;
  vendor: string;
  cloudOnly: boolean;
  launchYear?: RefFigure | null;
  memoryGB?: RefFigure | null;
  bf16DenseTFLOPS?: RefFigure | null;
  fp8DenseTFLOPS?: RefFigure | null;
  tdpW?: RefFigure | Record<string, RefFigure> | null;
  dieAreaMm2?: RefFigure | null;
  foundry?: RefTextFigure | null;
  fabCountry?: RefTextFigure | null;
  hbmSuppliers?: (RefCited & { value: string[] }) | null;
  purchasePriceUSD?: RefPurchase | null;
}

interface RefCloudPrice extends RefCited {
  provider: string;
  gpu: string;
  pricingModel: string;
  region: string;
  instanceType?: string;
  gpusPerInstance: number | null;
  instancePricePerHour: number | null;
  perGpuPerHour: number | null;
  perGpuPerHourRange?: [number, number];
  currency: string;
  priceScope?: string;
}

interface RefDecPrice extends RefCited {
  network: string;
  gpu: string;
  pricingModel: string;
  instancePricePerHour: number | null;
  gpusPerOffer: number | null;
  perGpuPerHour: number | null;
  perGpuPerHourRange?: [number, number];
  currency: string;
  location?: string;
}

interface RefNetwork {
  network: string;
  type: string;
  payment: string | RefTextFigure | null;
  fees?: (RefFigure | RefTextFigure)[] | null;
  reliability?: (RefTextFigure | RefFigure)[];
}

interface RefCountry {
  iso3: string;
  name: string;
  values: RefFigure[];
  range: [number, number];
  recommended: number;
  recommendedBasis: string;
}

interface RefOperatorRow extends RefFigure {
  operator: string;
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function slug(...parts: (string | number | null | undefined)[]): string {
  return parts
    .filter((p): p is string | number => p !== null && p !== undefined && p !== '')
    .map(String)
    .join('-')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Gives each base id a unique id: base, base-2, base-3... in input order. */
function uniqueIds(bases: string[]): string[] {
  const seen = new Map<string, number>();
  return bases.map((b) => {
    const n = (seen.get(b) ?? 0) + 1;
    seen.set(b, n);
    return n === 1 ? b : `${b}-${n}`;
  });
}

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
  if (c === 'high' || c === 'medium' || c === 'low') return c;
  throw new Error(`unknown confidence "${c}"`);
}

/** Provenance fields, in a fixed key order. */
function cited(sources: string[], date: string, confidence: Confidence, note?: string): Cited {
  if (!sources.length) throw new Error(`figure dated "${date}" has no source`);
  const c: Cited = { sources: [...sources], date, asOf: normaliseAsOf(date), confidence: checkConfidence(confidence) };
  if (note !== undefined && note.trim() !== '') c.note = note.trim();
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
): CitedNumber {
  if (value === null && !range) throw new Error(`CitedNumber (${unit}, ${date}) has neither value nor range`);
  if (value !== null && !Number.isFinite(value)) throw new Error(`CitedNumber (${unit}) is not finite`);
  const out: CitedNumber = { value, unit } as CitedNumber;
  if (range) {
    if (!isPair(range) || range[0] > range[1]) throw new Error(`bad range ${JSON.stringify(range)}`);
    out.range = [range[0], range[1]];
  }
  Object.assign(out, cited(sources, date, confidence, note));
  return out;
}

/** A reference figure as a CitedNumber; an array value becomes value null + range. */
function fromRef(f: RefFigure, extraNote?: string, unitOverride?: string): CitedNumber {
  const note = joinNotes(f.note, extraNote);
  if (isPair(f.value)) return cn(null, unitOverride ?? f.unit, f.sources, f.date, f.confidence, note, f.value);
  if (typeof f.value !== 'number') throw new Error(`reference figure without a numeric value: ${JSON.stringify(f)}`);
  return cn(f.value, unitOverride ?? f.unit, f.sources, f.date, f.confidence, note);
}

function optRef(f: RefFigure | null | undefined): CitedNumber | null {
  return f ? fromRef(f) : null;
}

function readJson(path: string): RefFile {
  return JSON.parse(readFileSync(path, 'utf8')) as RefFile;
}

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const REFERENCE_FILES = ['gpus.json', 'cloud-prices.json', 'decentralized-prices.json', 'energy.json', 'embodied.json'] as const;

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
  return out;
}

/** Sources for the figures transcribed from methods.md (and the seed document). */
function methodsSources(): Source[] {
  const m = (key: string, title: string, url: string, date: string, what: string): Source => ({ key, title, url, date, what });
  return [
    m('epoch_cost', 'Epoch AI cost model (Cottier et al. 2024, arXiv 2405.21015)', 'https://arxiv.org/abs/2405.21015', '2024-05',
      'Hardware amortisation (depreciation r = 0.14 orders of magnitude per year), acquisition cost = chip price x 1.64 (chip-to-server) x 1.23 (server-to-cluster), average power / TDP 0.75 for GPUs (0.43 for TPUs), PUE 1.1 hyperscalers / 1.25 otherwise. Transcribed from methods.md §1.6 [V].'),
    m('ga_paper', 'Green Algorithms (Lannelongue, Grealey & Inouye, Adv. Sci. 8(12):2100707, 2021; arXiv 2007.07610)', 'https://arxiv.org/abs/2007.07610', '2021',
      'E = t x (n_c P_c u_c + n_GPU P_GPU u_GPU + n_m P_m) x PUE x PSF / 1000; memory power P_m = 0.3725 W/GB of memory available (data v1.0-v3.0, referenceValues.csv). Transcribed from methods.md §1.1 [V].'),
    m('patterson_2021', 'Patterson et al. 2021, Carbon Emissions and Large Neural Network Training (arXiv 2104.10350)', 'https://arxiv.org/abs/2104.10350', '2021',
      'kWh = hours x processors x measured average power per processor x PUE / 1000; US data-center average PUE 1.58 (2018), 1.59 (2020). Transcribed from methods.md §1.4 [V].'),
    m('touvron_2023', 'Llama 2 (Touvron et al. 2023, arXiv 2307.09288)', 'https://arxiv.org/abs/2307.09288', '2023-07',
      "Meta model-card convention: power = peak power capacity per GPU adjusted for PUE (TDP-based, PUE folded in); location- and market-based emissions. Transcribed from methods.md §1.4 and §1.7."),
    m('uptime_2024', 'Uptime Institute Global Data Center Survey 2024', '', '2024',
      'Average data-center PUE 1.56, the default "Unknown" PUE of Green Algorithms data v3.0 (via ga_pue). Transcribed from methods.md §1.1 and §1.7.'),
    m('nvidia_hgx_h100_pcf', 'NVIDIA HGX H100 Product Carbon Footprint (PCF) summary', 'https://images.nvidia.com/aem-dam/Solutions/documents/HGX-H100-PCF-Summary.pdf', 'undated',
      '1,312 kgCO2e cradle-to-gate per HGX H100 8-GPU baseboard (about 164 kg per GPU); memory ~42 %, ICs ~25 %, thermal ~18 %; excludes CPUs, DRAM, SSDs, chassis and PSUs. ISO-conformant, third-party reviewed (WSP). Transcribed from methods.md §2.3 [S]; methods.md §6 notes the PCF was not read directly.'),
    m('boaviztapi_methods', 'Boavizta API (github.com/Boavizta/boaviztapi)', 'https://github.com/Boavizta/boaviztapi', '2026-08',
      'Allocation embedded x duration / life_duration with default server hours_life_time = 35,040 h (4 years); component formulas. Transcribed from methods.md §2.2 [V] (HEAD Aug 2026).'),
    m('li_water', 'Li, Yang, Islam & Ren, Making AI Less Thirsty (arXiv 2304.03271, 2025 revision)', 'https://arxiv.org/abs/2304.03271', '2025',
      'Operational water W = sum e_t (WUE_onsite + PUE x EWIF_offsite); US EWIF 3.14 L/kWh (their ref [8]) against 4.35 L/kWh in the LBNL 2024 report. Transcribed from methods.md §3 [V].'),
    m('lbnl_2024', 'LBNL 2024 United States data center report (as cited by Li et al.)', '', '2024',
      'US EWIF 4.35 L/kWh per methods.md §3 (figure as cited by Li et al.; the report itself was not read).'),
    m('doj_ftc_2023', '2023 DOJ/FTC Merger Guidelines', '', '18 Dec 2023',
      'Guideline 1: HHI > 1,800 highly concentrated; change in HHI > 100 a significant increase (presumption of illegality); merged share > 30 % with change > 100 also presumed. Transcribed from methods.md §4.1 [V].'),
    m('doj_hhi_explainer', "DOJ Herfindahl-Hirschman Index explainer page", '', '1982/1992',
      'Treats HHI 1,000-1,800 as moderately concentrated and < 1,000 as unconcentrated (the 1982/1992 bands). Transcribed from methods.md §4.1 [V].'),
    m('techinsights_2024', 'TechInsights data-center GPU market shares 2023 (June 2024)', '', 'June 2024',
      'NVIDIA 98 % of data-center GPU units (3.76 M of 3.85 M in 2023; 2.64 M of 2.67 M in 2022) and 98 % of revenue ($36.2 B; $10.9 B in 2022); AMD ~0.5 M and Intel ~0.4 M units quoted (do not add up). Transcribed from methods.md §4.2 [S].'),
    m('trendforce_foundry_4q24', 'TrendForce foundry revenue ranking 4Q24 (10 Mar 2025)', '', '10 Mar 2025',
      'Foundry market shares 4Q24: TSMC 67.1 %, Samsung 8.1, SMIC 5.5, UMC 4.7, GlobalFoundries 4.6, Huahong 2.6, Tower 1.0, VIS 0.9, Nexchip 0.9; top-10 revenue $38.48 B. Transcribed from methods.md §4.2 [V].'),
    m('trendforce_cowos_2024', 'TrendForce CoWoS capacity and demand (Nov 2024)', '', 'Nov 2024',
      'TSMC the only CoWoS supplier at scale; capacity about 75-80 k wafers/month by end-2025; 2025 demand shares NVIDIA 63 %, Broadcom 13, AMD 8, Marvell 8, AWS 3, Intel 2, Xilinx 1, other 3 (with Semiwiki, via trade press). Transcribed from methods.md §4.2 [S, low confidence].'),
    m('semiwiki_cowos', 'Semiwiki (via trade press): CoWoS demand shares 2025', '', 'undated',
      'Second source of the 2025 CoWoS demand shares, via trade press. Transcribed from methods.md §4.2 [S, low confidence].'),
    m('trendforce_hbm_2023', 'TrendForce HBM market shares (20 Apr 2023; Mar 2024)', '', '20 Apr 2023',
      'HBM shares 2022: SK hynix 50 %, Samsung 40, Micron 10; 2023E: 53 / 38 / 9; SK hynix > 90 % of HBM3 in early 2024 (Mar 2024); 2023 HBM TSV capacity Samsung 45 k, SK hynix 45 k, Micron 3 k wafers/month. Transcribed from methods.md §4.2 [S].'),
    m('gartner_iaas_2023', 'Gartner worldwide IaaS market share 2023 (Jul 2024)', '', 'Jul 2024',
      'IaaS 2023: Amazon 39.0 % ($54.6 B), Microsoft 23.0, Google 8.2, Alibaba 7.9, Huawei 4.3, others 17.6; total $140.0 B; top 5 = 82 %. Transcribed from methods.md §4.2 [S].'),
    m('synergy_cloud', 'Synergy Research Group: cloud infrastructure services market shares', '', 'Q4 2023 - Q3 2025',
      'Cloud infrastructure services (IaaS + PaaS + hosted private): Q4 2023 AWS 31 %, Microsoft 24, Google 11; Q3 2024 31 / 20 / 12-13; Q3 2025 29 / 20 / 13. Transcribed from methods.md §4.2 [S].'),
    m('usgs_mcs_2025', 'USGS Mineral Commodity Summaries 2025 (2024 estimates)', '', '2025',
      'World mine/refinery production 2024e and top producers for cobalt, tantalum, palladium, platinum, antimony, copper, gallium, germanium; Chinese export controls on gallium, germanium and antimony. Read from the chapter text (mcs2025-*.pdf, text in repository Vanakka/metals-encyclopedia). Transcribed from methods.md §4.3 [V].'),
    m('bis_2022', 'BIS interim final rule: Implementation of Additional Export Controls: Certain Advanced Computing and Semiconductor Manufacturing Items; Supercomputer and Semiconductor End Use (87 FR 62186)', 'https://www.federalregister.gov/d/2022-21658', '13 Oct 2022',
      'Rule of 7 Oct 2022, published 87 FR 62186, 13 Oct 2022, FR doc 2022-21658: new ECCN 3A090/4A090 (processing >= 4,800 and interconnect >= 600 GB/s). Transcribed from methods.md §4.4 [S].'),
    m('bis_2023', 'BIS rule: ...Advanced Computing Items; Supercomputer and Semiconductor End Use; Updates and Corrections (88 FR 73458)', 'https://www.federalregister.gov/d/2023-23055', '25 Oct 2023',
      'Update of 17 Oct 2023, published 88 FR 73458, 25 Oct 2023, doc 2023-23055, effective 17 Nov 2023: 3A090.a TPP >= 4,800, or TPP >= 1,600 with performance density >= 5.92. Transcribed from methods.md §4.4 [S; thresholds V].'),
    m('bis_2024_hbm', 'BIS rule adding HBM and equipment controls (89 FR 96790)', 'https://www.federalregister.gov/d/2024-28270', '5 Dec 2024',
      'Rule of 2 Dec 2024, published 89 FR 96790, 5 Dec 2024, doc 2024-28270: HBM and more equipment controls, 140 Entity List additions (136 Chinese). Transcribed from methods.md §4.4 [S].'),
    m('bis_diffusion_2025', 'BIS interim final rule: Framework for AI Diffusion (90 FR 4544)', 'https://www.federalregister.gov/d/2025-00636', '15 Jan 2025',
      'Announced 13 Jan 2025, published 90 FR 4544, 15 Jan 2025, doc 2025-00636: tiers (Tier 1 = US + 18 countries), Tier-2 country cap 790,000,000 TPP (49,901 H100-eq) 2025-2027, LPP 26,900,000 TPP (1,699 H100-eq) per consignee per year, H100 TPP 15,832. Transcribed from methods.md §4.4 [V date/doc; tiers and caps S].'),
    m('bis_rescind_2025', 'BIS announcement rescinding the AI Diffusion Rule (13 May 2025)', '', '13 May 2025',
      'BIS announced it would rescind the AI Diffusion Rule and not enforce the 15 May 2025 compliance date; three guidance documents issued at the same time. Transcribed from methods.md §4.4 [V].'),
    m('seed_mineralinfo', 'mineralinfo.fr: cartes de géopolitique des ressources minières (production, réserves mondiales)', 'https://www.mineralinfo.fr/fr/actualite/actualite/cartes-de-geopolitique-des-ressources-minieres-production-reserves-mondiales', 'undated',
      'Source 1 of the critical-minerals table (producer shares and uses of palladium, tantalum, cobalt, antimony, copper) in the project seed document 002_86c4fea844fcad94.txt ("Le Cycle de vie de l\'IA").'),
    m('seed_wpr_copper', 'worldpopulationreview.com: copper production by country', 'https://worldpopulationreview.com/country-rankings/copper-production-by-country', 'undated',
      'Source 2 of the critical-minerals table (copper) in the project seed document 002_86c4fea844fcad94.txt ("Le Cycle de vie de l\'IA").'),
  ];
}

// ---------------------------------------------------------------------------------------------
// Countries
// ---------------------------------------------------------------------------------------------

/** ISO 3166-1 alpha-2 for every ISO3 used; WLD -> "001" (UN M49 world). */
const ISO2: Record<string, string> = {
  WLD: '001', ARE: 'AE', AUS: 'AU', AUT: 'AT', BEL: 'BE', BGR: 'BG', BRA: 'BR', CAN: 'CA', CHE: 'CH', CHL: 'CL',
  CHN: 'CN', COD: 'CD', CZE: 'CZ', DEU: 'DE', DNK: 'DK', ESP: 'ES', FIN: 'FI', FRA: 'FR', GBR: 'GB', HKG: 'HK',
  IDN: 'ID', IND: 'IN', IRL: 'IE', IRN: 'IR', ISL: 'IS', ISR: 'IL', ITA: 'IT', JPN: 'JP', KOR: 'KR', MAC: 'MO',
  MAR: 'MA', MEX: 'MX', MYS: 'MY', NGA: 'NG', NLD: 'NL', NOR: 'NO', NZL: 'NZ', PER: 'PE', POL: 'PL', PRK: 'KP',
  PRT: 'PT', RUS: 'RU', RWA: 'RW', SAU: 'SA', SGP: 'SG', SWE: 'SE', TJK: 'TJ', TUR: 'TR', TWN: 'TW', USA: 'US',
  VNM: 'VN', ZAF: 'ZA', ZWE: 'ZW',
};

/** Countries referenced elsewhere in the catalog that have no grid data in the reference. */
const EXTRA_COUNTRY_NAMES: Record<string, string> = {
  BGR: 'Bulgaria',
  COD: 'Democratic Republic of the Congo',
  IRN: 'Iran',
  MAC: 'Macao',
  NGA: 'Nigeria',
  PER: 'Peru',
  PRK: 'North Korea',
  RUS: 'Russia',
  RWA: 'Rwanda',
  TJK: 'Tajikistan',
  VNM: 'Vietnam',
  ZWE: 'Zimbabwe',
};

// ---------------------------------------------------------------------------------------------
// Accelerators
// ---------------------------------------------------------------------------------------------

const VENDORS: Record<string, AcceleratorVendor> = {
  NVIDIA: 'NVIDIA',
  AMD: 'AMD',
  Intel: 'Intel',
  'Intel (Habana)': 'Intel',
  Google: 'Google',
  AWS: 'AWS',
  'AWS (Annapurna Labs)': 'AWS',
  Huawei: 'Huawei',
  'Huawei (HiSilicon)': 'Huawei',
};

const FOUNDRY_NAMES: Foundry[] = ['TSMC', 'SMIC', 'Samsung', 'Intel'];
const HBM_NAMES: HbmSupplier[] = ['SK hynix', 'Samsung', 'Micron'];
const FAB_COUNTRY_NAMES: Record<string, string> = { Taiwan: 'TWN', China: 'CHN', 'South Korea': 'KOR', Korea: 'KOR', 'United States': 'USA' };

/** Names found in `text`, in order of first appearance. */
function namesIn<T extends string>(text: string, names: readonly T[]): T[] {
  return names
    .map((n) => ({ n, i: text.indexOf(n) }))
    .filter((x) => x.i >= 0)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.n);
}

/**
 * Supplier names that the reference text mentions but does not attribute to this accelerator.
 * B200: "Samsung (12-high HBM3E reported for Blackwell Ultra, 2025)" is about Blackwell Ultra
 * (B300), not B200; the text is kept in the note.
 */
const HBM_NOT_ATTRIBUTED: Record<string, HbmSupplier[]> = { 'nvidia-b200': ['Samsung'] };

function accelerator(a: RefAccelerator, embodied: Map<string, CitedNumber & { alternatives: CitedNumber[] }>): Accelerator {
  const vendor = VENDORS[a.vendor];
  if (!vendor) throw new Error(`unknown vendor "${a.vendor}" for ${a.id}`);

  let tdpW: CitedNumber | null = null;
  if (a.tdpW) {
    if ('value' in a.tdpW && 'unit' in a.tdpW) tdpW = fromRef(a.tdpW as RefFigure);
    else {
      const variants = a.tdpW as Record<string, RefFigure>;
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

interface RefEmbodied {
  perGpu: { item: string; gpu: string | null; value: RefFigure }[];
  perServer: { item: string; value: RefFigure }[];
  boaviztaModelDerived: { results: { gpu: string; model: string; embodiedKgCO2e: RefFigure }[] };
}

function embodiedPerGpu(e: RefEmbodied): Map<string, CitedNumber & { alternatives: CitedNumber[] }> {
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

  const map = new Map<string, CitedNumber & { alternatives: CitedNumber[] }>();
  // methods.md §2.3: 1,312 kgCO2e per HGX H100 8-GPU baseboard, "about 164 kg per GPU".
  map.set(
    'nvidia-h100-sxm',
    withAlt(
      cn(164, 'kgCO2e per GPU (cradle-to-gate, 1/8 of an HGX H100 8-GPU baseboard)', ['nvidia_hgx_h100_pcf'], 'undated', 'medium',
        '164 = 1,312 kgCO2e per HGX H100 8-GPU baseboard / 8 (methods.md §2.3, [S]). Baseboard only: excludes CPUs, DRAM, SSDs, chassis and PSUs (add them, e.g. with Boavizta). Memory ~42 %, ICs ~25 %, thermal ~18 %. The PCF summary was not read directly (methods.md §6) and its date is not given.'),
      [boavizta('nvidia-h100-sxm', 'NVIDIA H100 SXM 80GB')],
    ),
  );
  map.set('nvidia-a100-80gb', withAlt(perGpu('nvidia-a100-80gb', 'A100 GPU (BLOOM estimate)'), []));
  map.set(
    'nvidia-a100-40gb',
    withAlt(boavizta('nvidia-a100-40gb', 'NVIDIA A100 SXM4 40GB'), [
      boavizta('nvidia-a100-40gb', 'NVIDIA A100 PCIe 40GB'),
      perGpu('nvidia-a100-40gb', 'A100 GPU incl. 1/8 of host', 'includes a 1/8 share of the host (CPU, DRAM, SSD/HDD, packaging of an 8-GPU instance), so it is not comparable with card-only figures'),
    ]),
  );
  map.set('nvidia-l4', withAlt(boavizta('nvidia-l4', 'NVIDIA L4'), []));
  return map;
}

// ---------------------------------------------------------------------------------------------
// Cloud
// ---------------------------------------------------------------------------------------------

const PROVIDERS: Record<string, { id: string; kind: CloudProvider['kind'] }> = {
  AWS: { id: 'aws', kind: 'hyperscaler' },
  GCP: { id: 'gcp', kind: 'hyperscaler' },
  Azure: { id: 'azure', kind: 'hyperscaler' },
  'Oracle (OCI)': { id: 'oracle', kind: 'hyperscaler' },
  CoreWeave: { id: 'coreweave', kind: 'gpuCloud' },
  Lambda: { id: 'lambda', kind: 'gpuCloud' },
  RunPod: { id: 'runpod', kind: 'gpuCloud' },
  Nebius: { id: 'nebius', kind: 'gpuCloud' },
  OVHcloud: { id: 'ovhcloud', kind: 'gpuCloud' },
  Scaleway: { id: 'scaleway', kind: 'gpuCloud' },
  'Verda (ex-DataCrunch, Finland)': { id: 'verda', kind: 'gpuCloud' },
  'Seeweb (Italy)': { id: 'seeweb', kind: 'gpuCloud' },
  TensorWave: { id: 'tensorwave', kind: 'gpuCloud' },
  Crusoe: { id: 'crusoe', kind: 'gpuCloud' },
  Vultr: { id: 'vultr', kind: 'gpuCloud' },
};

/** Not a provider: a market-wide range (dropped from cloudPrices). */
const MARKET_RANGE_PROVIDER = 'Specialised clouds (market range)';

const EUR_PROVIDERS = new Set(['ovhcloud', 'scaleway', 'seeweb']);

const PRICING_MODELS: Record<string, CloudPricingModel> = {
  'on-demand': 'onDemand',
  'on-demand (secure cloud)': 'onDemand',
  spot: 'spot',
  'spot (preemptible)': 'spot',
  'reserved-1y': 'reserved1y',
  'reserved-3y': 'reserved3y',
  'capacity-block (reserved, short-term)': 'capacityBlock',
  'committed (monthly, managed cluster)': 'committed',
};

/**
 * Country of each region string, inferred from its name; null when unknown or several.
 * Every region in the reference must be listed here (the build throws otherwise).
 */
const REGION_COUNTRY: Record<string, string | null> = {
  // AWS
  'us-east-1': 'USA',
  'us-east-2': 'USA',
  'us-west-1': 'USA',
  'us-west-2': 'USA',
  'us-east-1/us-east-2': 'USA',
  'us-east-2/us-west-2': 'USA',
  'eu-north-1': 'SWE', // Stockholm
  'eu-west-1': 'IRL',
  'eu-west-2': 'GBR',
  'eu-central-1': 'DEU',
  'ap-northeast-1': 'JPN',
  'ap-south-1': 'IND',
  'ca-central-1': 'CAN',
  // GCP (Nebius also names a region us-central1)
  'us-central1': 'USA',
  'us-east4': 'USA',
  'europe-west4': 'NLD',
  'europe-west1': 'BEL',
  // Nebius
  'eu-north1 (Finland)': 'FIN',
  'eu-north1, eu-west1 (Paris), us-central1': null,
  'eu-north1, eu-west1, us-central1': null,
  // Verda
  'FIN-01/FIN-03': 'FIN',
  'FIN-02': 'FIN',
  'FIN-02/FIN-03': 'FIN',
  'FIN-03': 'FIN',
  // Scaleway, OVHcloud, Seeweb
  'fr-par-2 (Paris)': 'FRA',
  'GRA (Gravelines, France)': 'FRA',
  'it-fr2 (Frosinone) or unspecified': 'ITA',
  // several countries or none
  'all listed': null,
  'all listed regions (e.g. af-johannesburg-1, af-casablanca-1)': null,
  'Indonesia Central / Southeast Asia': null,
  'many (US, EU incl. FR/NL/SE/NO/IS/CZ/RO/DK, CA, AU, SG, JP, IN)': null,
  unspecified: null,
};

function cloudPrices(rows: RefCloudPrice[], acceleratorIds: Set<string>): { prices: CloudPrice[]; dropped: RefCloudPrice[] } {
  const kept = rows.filter((r) => r.provider !== MARKET_RANGE_PROVIDER);
  const dropped = rows.filter((r) => r.provider === MARKET_RANGE_PROVIDER);
  const bases = kept.map((r) => {
    const provider = PROVIDERS[r.provider];
    const model = PRICING_MODELS[r.pricingModel];
    if (!provider) throw new Error(`unknown cloud provider "${r.provider}"`);
    if (!model) throw new Error(`unknown pricing model "${r.pricingModel}"`);
    return slug(provider.id, r.gpu, model, r.region, r.instanceType);
  });
  const ids = uniqueIds(bases);
  const prices = kept.map((r, i): CloudPrice => {
    const providerId = PROVIDERS[r.provider]!.id;
    if (!acceleratorIds.has(r.gpu)) throw new Error(`cloud price for unknown accelerator ${r.gpu}`);
    if (!(r.region in REGION_COUNTRY)) throw new Error(`region "${r.region}" (${r.provider}) has no country decision in REGION_COUNTRY`);
    const regionCountry = REGION_COUNTRY[r.region] ?? null;
    const eur = EUR_PROVIDERS.has(providerId);
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
      currency: eur ? 'EUR' : 'USD',
      excludesHost,
    } as CloudPrice;
    if (range) out.range = [range[0], range[1]];
    Object.assign(out, cited(r.sources, r.date, r.confidence, note));
    return out;
  });
  return { prices: prices.sort(byId), dropped };
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
  const pue: Record<string, CitedNumber> = {
    aws: asProviderFigure(findRow(energy.pue.operators, 'AWS (global)', '2025')),
    azure: asProviderFigure(findRow(energy.pue.operators, 'Microsoft (global, owned DCs)', 'FY2025')),
    gcp: asProviderFigure(findRow(energy.pue.operators, 'Google (fleet average ~1.1; best 1.06)', '2024')),
    oracle: asProviderFigure(findRow(energy.pue.operators, "Oracle ('as low as')", '2024')),
    ovhcloud: asProviderFigure(findRow(energy.pue.operators, 'OVHcloud (Green Algorithms default)', '2023')),
  };
  const wue: Record<string, CitedNumber> = {
    aws: asProviderFigure(findRow(energy.wue, 'AWS (global)', '2024')),
    azure: asProviderFigure(findRow(energy.wue, 'Microsoft (owned DCs)', 'FY2025')),
  };
  return Object.entries(PROVIDERS)
    .map(([name, p]): CloudProvider => ({ id: p.id, name, kind: p.kind, pue: pue[p.id] ?? null, wueLPerKWh: wue[p.id] ?? null }))
    .sort(byId);
}

// ---------------------------------------------------------------------------------------------
// Decentralised
// ---------------------------------------------------------------------------------------------

const MARKETS: Record<string, string> = {
  'Vast.ai': 'vast',
  'Akash Network': 'akash',
  'io.net': 'ionet',
  'Render Network': 'render',
  Spheron: 'spheron',
};

const TOKEN_PAYMENT: Record<string, DecentralisedMarket['tokenPayment']> = {
  vast: 'none', // card/credit (USD)
  akash: 'optional', // AKT or USDC
  ionet: 'optional', // USD, USDC or IO
  render: 'required', // RENDER token
  spheron: 'unknown', // payment not in the reference
};

/** Host country of a listed location, only when a single country is named. */
const LOCATION_COUNTRY: Record<string, string | null> = {
  'Texas, US': 'USA',
  Vietnam: 'VNM',
  'Bulgaria (H100 NVL)': 'BGR',
  France: 'FRA',
  US: 'USA',
  'Georgia US / Bavaria DE (A100 SXM4 40GB)': null,
  'Oklahoma, US (A100 PCIe 80GB)': 'USA',
  'Germany / Hong Kong / Washington US': null,
  'US / Croatia / Taiwan': null,
  'Texas US / Hungary': null,
  Taiwan: 'TWN',
  'Taichung, Taiwan': 'TWN',
};

function decentralisedPrices(rows: RefDecPrice[], acceleratorIds: Set<string>): DecentralisedPrice[] {
  const bases = rows.map((r) => {
    const m = MARKETS[r.network];
    if (!m) throw new Error(`unknown network "${r.network}"`);
    return slug(m, r.gpu, r.pricingModel, r.location, r.gpusPerOffer !== null && r.gpusPerOffer !== 1 ? `${r.gpusPerOffer}gpu` : undefined);
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
      } as DecentralisedPrice;
      if (range) out.range = [range[0], range[1]];
      Object.assign(
        out,
        cited(r.sources, r.date, r.confidence, joinNotes(r.note, offerNote, hostCountry ? 'host country inferred from the listed location' : undefined)),
      );
      return out;
    })
    .sort(byId);
}

function decentralisedMarkets(networks: RefNetwork[], sources: Record<string, Source>): DecentralisedMarket[] {
  return networks
    .map((n): DecentralisedMarket => {
      const id = MARKETS[n.network];
      if (!id) throw new Error(`unknown network "${n.network}"`);
      let payment: CitedText | null = null;
      if (typeof n.payment === 'string') {
        // Vast.ai: a plain string in the reference; attributed to the Vast.ai pricing transcript.
        const src = sources.vast_pricing;
        if (id !== 'vast' || !src) throw new Error(`unexpected plain-string payment for ${n.network}`);
        payment = {
          value: n.payment,
          ...cited(['vast_pricing'], src.date, 'medium',
            'the reference gives this as a plain string without its own citation; attributed to the Vast.ai pricing-page transcript (vast_pricing)'),
        };
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
        const value = typeof r.value === 'string' ? r.value : `${String(r.value)} — ${(r as RefFigure).unit}`;
        return { value, ...cited(r.sources, r.date, r.confidence, r.note) };
      });

      return { id, name: n.network, type: n.type, payment, tokenPayment: TOKEN_PAYMENT[id]!, feePct, reliability };
    })
    .sort(byId);
}

// ---------------------------------------------------------------------------------------------
// Energy
// ---------------------------------------------------------------------------------------------

function countries(refCountries: RefCountry[], referenced: Set<string>): Country[] {
  const out: Country[] = refCountries.map((c) => {
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
  });
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
  const t = (
    id: string,
    tier: ShareTable['tier'],
    title: string,
    shares: [string, number][],
    sources: string[],
    date: string,
    confidence: Confidence,
    note: string,
  ): ShareTable => ({
    id,
    tier,
    title,
    shares: shares.map(([name, pct]) => ({ name, pct })),
    ...cited(sources, date, confidence, note),
  });
  return [
    t('dc-gpu-2023', 'acceleratorVendor', 'Data-center GPUs, share of units shipped, 2023', [['NVIDIA', 98]], ['techinsights_2024'], 'June 2024', 'medium',
      'methods.md §4.2 [S]: NVIDIA 98 % of units (3.76 M of 3.85 M in 2023; 2.64 M of 2.67 M in 2022) and 98 % of revenue ($36.2 B; $10.9 B in 2022). TechInsights also quotes AMD at about 0.5 M and Intel at about 0.4 M units, which does not add up to the 3.85 M total, so only NVIDIA\'s share is given'),
    t('foundry-4q24', 'foundry', 'Foundry revenue share, 4Q24', [
      ['TSMC', 67.1], ['Samsung', 8.1], ['SMIC', 5.5], ['UMC', 4.7], ['GlobalFoundries', 4.6], ['Huahong', 2.6], ['Tower', 1.0], ['VIS', 0.9], ['Nexchip', 0.9],
    ], ['trendforce_foundry_4q24'], '10 Mar 2025', 'high',
      'methods.md §4.2 [V]: shares of the whole foundry market (top-10 revenue $38.48 B). "Advanced nodes > 90 % TSMC" is widely cited but was not verified'),
    t('hbm-2022', 'hbm', 'HBM market share, 2022', [['SK hynix', 50], ['Samsung', 40], ['Micron', 10]], ['trendforce_hbm_2023'], '20 Apr 2023', 'medium',
      'methods.md §4.2 [S]; trade-press reports of TrendForce, change quarterly'),
    t('hbm-2023e', 'hbm', 'HBM market share, 2023 (estimate)', [['SK hynix', 53], ['Samsung', 38], ['Micron', 9]], ['trendforce_hbm_2023'], '20 Apr 2023', 'medium',
      'methods.md §4.2 [S]: 2023 estimate. SK hynix > 90 % of HBM3 in early 2024 (TrendForce, Mar 2024). 2023 HBM TSV capacity: Samsung 45 k, SK hynix 45 k, Micron 3 k wafers/month'),
    t('cloud-iaas-2023', 'cloud', 'Cloud IaaS market share, 2023 (Gartner)', [
      ['Amazon', 39.0], ['Microsoft', 23.0], ['Google', 8.2], ['Alibaba', 7.9], ['Huawei', 4.3],
    ], ['gartner_iaas_2023'], 'Jul 2024', 'medium',
      'methods.md §4.2 [S]: Amazon $54.6 B; others 17.6 %; total $140.0 B; top 5 = 82 %'),
    t('cloud-infra-q3-2025', 'cloud', 'Cloud infrastructure services market share, Q3 2025 (Synergy)', [['AWS', 29], ['Microsoft', 20], ['Google', 13]],
      ['synergy_cloud'], 'Q3 2025', 'medium',
      'methods.md §4.2 [S]: IaaS + PaaS + hosted private cloud. Earlier: Q4 2023 AWS 31 %, Microsoft 24, Google 11; Q3 2024 31 / 20 / 12-13'),
    t('cowos-2025', 'packaging', 'CoWoS advanced packaging, share of 2025 demand', [
      ['NVIDIA', 63], ['Broadcom', 13], ['AMD', 8], ['Marvell', 8], ['AWS', 3], ['Intel', 2], ['Xilinx', 1], ['Other', 3],
    ], ['trendforce_cowos_2024', 'semiwiki_cowos'], 'Nov 2024', 'low',
      'methods.md §4.2 [S, low confidence]: these are demand shares of CoWoS capacity (customers), not supplier shares: TSMC is the only CoWoS supplier at scale, with about 75-80 k wafers/month by end-2025'),
  ].sort(byId);
}

function criticalMinerals(): CriticalMineral[] {
  const USGS_DATE = '2024 (estimates; USGS MCS 2025)';
  const DEC_2024_BAN = {
    by: 'CHN',
    what: 'ban on all exports of gallium, germanium and antimony to the US (MOFCOM, 3 Dec 2024 [M for day]; per USGS MCS 2025)',
    date: '2024-12',
    against: ['USA'],
  };
  const GA_GE_LICENSING = {
    by: 'CHN',
    what: 'gallium and germanium export licensing (announced 3 Jul 2023, effective 1 Aug 2023 [M for exact days]; per USGS MCS 2025)',
    date: '2023-08',
    against: 'all' as const,
  };
  const SB_LICENSING = {
    by: 'CHN',
    what: 'antimony export licensing announced Aug 2024 (effective 15 Sep 2024 [M]; per USGS MCS 2025)',
    date: '2024-08',
    against: 'all' as const,
  };
  /** [iso3, tonnage or null, published pct or null] */
  type P = [string, number | null, number | null];
  const mineral = (
    id: string,
    name: string,
    use: string | null,
    world: { value: number; unit: string } | null,
    producers: P[],
    exportControls: CriticalMineral['exportControls'],
    notes: (string | undefined)[],
    seed: string[] = [],
  ): CriticalMineral => {
    let derived = false;
    const prod = producers.map(([iso3, tonnage, pct]) => {
      if (pct !== null) return { iso3, pct };
      if (tonnage === null || world === null) throw new Error(`${id}: producer ${iso3} has neither pct nor tonnage`);
      derived = true;
      return { iso3, pct: Math.round((tonnage / world.value) * 1000) / 10 };
    });
    const derivedIsos = producers.filter(([, , pct]) => pct === null).map(([iso3]) => iso3);
    return {
      id,
      name,
      use,
      worldTotal: world,
      producers: prod,
      exportControls,
      ...cited(['usgs_mcs_2025', ...seed], USGS_DATE, 'high',
        joinNotes(
          'methods.md §4.3 [V]: USGS Mineral Commodity Summaries 2025, 2024 estimates',
          ...notes,
          derived ? `pct derived from USGS tonnages for ${derivedIsos.join(', ')} (tonnage / world total, 1 decimal)` : undefined,
        )),
    };
  };
  return [
    mineral('cobalt', 'Cobalt (mine)', 'batteries', { value: 290000, unit: 't' },
      [['COD', 220000, 75.9], ['IDN', 28000, 9.7], ['RUS', 8700, null], ['CAN', 4500, null]], [],
      ['tonnages: DRC 220,000 t, Indonesia 28,000 t, Russia 8,700 t, Canada 4,500 t', 'world 2023: 238,000 t; DRC\'s 2023 share about 73.5 %',
        'seed table (mineralinfo.fr, undated): DRC 68 %; use "batteries (electric vehicles, electronic devices)"'], ['seed_mineralinfo']),
    mineral('tantalum', 'Tantalum (mine)', 'capacitors', { value: 2100, unit: 't' },
      [['COD', 880, 41.9], ['NGA', 390, 18.6], ['RWA', 350, 16.7], ['BRA', 210, 10]], [],
      ['tonnages: DRC 880 t, Nigeria 390 t, Rwanda 350 t, Brazil 210 t',
        'seed table (mineralinfo.fr, undated): DRC 35 %, Rwanda 17 %, Brazil 16 %; use "capacitors (smartphones, hard drives)"'], ['seed_mineralinfo']),
    mineral('palladium', 'Palladium (mine)', 'printed circuit boards', { value: 190000, unit: 'kg' },
      [['RUS', 75000, 39.5], ['ZAF', 72000, 37.9], ['CAN', 15000, null], ['ZWE', 15000, null], ['USA', 8000, null]], [],
      ['tonnages: Russia 75,000 kg, South Africa 72,000 kg, Canada 15,000 kg, Zimbabwe 15,000 kg, US 8,000 kg',
        'seed table (mineralinfo.fr, undated): Russia 42 %, South Africa 38 %; use "printed circuit boards"'], ['seed_mineralinfo']),
    mineral('platinum', 'Platinum (mine)', null, { value: 170000, unit: 'kg' }, [['ZAF', 120000, 70.6]], [],
      ['tonnage: South Africa 120,000 kg', 'not in the seed table (no use stated)']),
    mineral('antimony', 'Antimony (mine)', 'printed circuit boards, semiconductors, cable sheathing', { value: 100000, unit: 't' },
      [['CHN', 60000, 60], ['TJK', 17000, 17], ['RUS', 13000, 13]], [SB_LICENSING, DEC_2024_BAN],
      ['tonnages: China 60,000 t, Tajikistan 17,000 t, Russia 13,000 t',
        'seed table (mineralinfo.fr, undated): China 54 %, Russia 18 %, Tajikistan 15 %'], ['seed_mineralinfo']),
    mineral('copper-mine', 'Copper (mine)', 'electronic components, printed circuit boards', { value: 23000, unit: 'kt' },
      [['CHL', 5300, 23.0], ['COD', 3300, 14.3], ['PER', 2600, 11.3], ['CHN', 1800, null]], [],
      ['tonnages: Chile 5,300 kt, DRC 3,300 kt, Peru 2,600 kt, China 1,800 kt',
        'seed table (worldpopulationreview.com, undated; copper, mine or refinery not stated): Chile 56 %, DRC 35 %'], ['seed_wpr_copper']),
    mineral('copper-refinery', 'Copper (refinery)', 'electronic components, printed circuit boards', { value: 27000, unit: 'kt' },
      [['CHN', 12000, 44]], [],
      ['tonnage: China 12,000 kt',
        'seed table (worldpopulationreview.com, undated; copper, mine or refinery not stated): Chile 56 %, DRC 35 %'], ['seed_wpr_copper']),
    mineral('gallium', 'Gallium (primary low-purity)', null, { value: 760000, unit: 'kg' },
      [['CHN', 750000, 98.7], ['RUS', 6000, null], ['JPN', 3000, null], ['KOR', 3000, null]], [GA_GE_LICENSING, DEC_2024_BAN],
      ['tonnages: China 750,000 kg (98.7 %; USGS text: "99 %"), Russia 6,000 kg, Japan 3,000 kg, Korea 3,000 kg',
        'high-purity refined gallium about 320,000 kg', 'not in the seed table (no use stated)']),
    mineral('germanium', 'Germanium', null, null, [], [GA_GE_LICENSING, DEC_2024_BAN],
      ['USGS publishes no world total and no shares because of data limits; China is "the leading global producer"',
        "China's germanium-metal exports (Jan-Aug 2024) fell 55 % to 16,700 kg",
        'press figures of "91 %" and "83 %" for China conflict and are not from USGS', 'not in the seed table (no use stated)']),
  ].sort(byId);
}

const TIER1 = ['USA', 'AUS', 'BEL', 'CAN', 'DNK', 'FIN', 'FRA', 'DEU', 'IRL', 'ITA', 'JPN', 'NLD', 'NZL', 'NOR', 'KOR', 'ESP', 'SWE', 'TWN', 'GBR'];
const TIER3_NAMED = ['CHN', 'RUS', 'IRN', 'PRK', 'MAC'];

function exportControls(): ExportControlData {
  const regime = (
    id: string,
    title: string,
    citation: string | null,
    status: 'inForce' | 'rescinded',
    sources: string[],
    date: string,
    confidence: Confidence,
    note: string,
  ) => ({ id, title, citation, status, ...cited(sources, date, confidence, note) });
  return {
    tppThreshold: 4800,
    tppThresholdWithDensity: 1600,
    densityThreshold: 5.92,
    tier1: [...TIER1].sort(),
    tier3Named: [...TIER3_NAMED].sort(),
    regimes: [
      regime('oct-2022', 'Implementation of Additional Export Controls: Certain Advanced Computing and Semiconductor Manufacturing Items; Supercomputer and Semiconductor End Use (BIS interim final rule)',
        '87 FR 62186', 'inForce', ['bis_2022'], '7 Oct 2022', 'medium',
        'methods.md §4.4 [S]: published 13 Oct 2022, FR doc 2022-21658. New ECCN 3A090/4A090: a chip was controlled only if it met both processing >= 4,800 (TOPS x bit length) and interconnect >= 600 GB/s bidirectional. Aimed at China and Macau; led to the A800/H800 variants'),
      regime('oct-2023', '...Advanced Computing Items; Supercomputer and Semiconductor End Use; Updates and Corrections (BIS rule)',
        '88 FR 73458', 'inForce', ['bis_2023'], '17 Oct 2023', 'medium',
        'methods.md §4.4 [S]: published 25 Oct 2023, doc 2023-23055; effective 17 Nov 2023; companion equipment rule 88 FR 73424 (doc 2023-23049). Interconnect test dropped; 3A090.a: TPP >= 4,800, or TPP >= 1,600 with performance density >= 5.92 [V]; TPP = 2 x MacTOPS x bit length (H100 about 15,832, A100 4,992). 3A090.b tiers and the D:1/D:4/D:5 licence scope [M] not verified. A100, H100, A800 and H800 all controlled'),
      regime('dec-2024-hbm', 'BIS rule adding HBM and further semiconductor-equipment controls',
        '89 FR 96790', 'inForce', ['bis_2024_hbm'], '2 Dec 2024', 'medium',
        'methods.md §4.4 [S]: published 5 Dec 2024, doc 2024-28270; 140 Entity List additions (136 Chinese)'),
      regime('ai-diffusion-2025', 'Framework for AI Diffusion (BIS interim final rule)',
        '90 FR 4544', 'rescinded', ['bis_diffusion_2025', 'bis_rescind_2025'], '13 Jan 2025', 'high',
        'methods.md §4.4 [V date/doc]: announced 13 Jan 2025, published 15 Jan 2025, doc 2025-00636; compliance due 15 May 2025. Worldwide licence requirement for 3A090.a / 4A090.a / .z items; new ECCN 4E091 (weights of closed models trained with > 10^26 operations); companion due-diligence rule 90 FR 5298. On 13 May 2025 BIS announced it would rescind the rule and not enforce the compliance date [V]; a replacement rule was promised. One secondary source says the IFR text was never formally removed from the CFR and that BIS relies on non-enforcement (GAO B-337935, May 2026) [S-weak]. Pre-existing China and Middle-East controls remain in force'),
    ].sort(byId),
    caps: [
      { id: 'lpp-consignee', h100Equivalents: 1699, tpp: 26900000,
        what: 'License Exception LPP (C75): 26,900,000 TPP per ultimate consignee per calendar year (1,699 H100-equivalents); does not count against the country cap' },
      { id: 'tier2-country', h100Equivalents: 49901, tpp: 790000000,
        what: 'Tier-2 country allocation: 790,000,000 TPP cumulative 2025-2027 (49,901 H100-equivalents); countries that align with US controls could get double (99,802)' },
    ],
    h100Tpp: 15832,
    cited: cited(['bis_2023', 'bis_diffusion_2025', 'bis_rescind_2025'], '17 Oct 2023 / 13 Jan 2025', 'medium',
      'methods.md §4.4. Thresholds from the Oct 2023 rule (88 FR 73458, [V]); tiers and caps from the AI Diffusion rule (90 FR 4544, [S]), whose rescission BIS announced on 13 May 2025. Tier 1 (License Exception AIA, Supp. 5 to part 740) = the US plus 18 countries. Tier 3 = Country Group D:5 (about 23 arms-embargoed countries) plus Macau; only China, Russia, Iran, North Korea and Macau are named in the reference. Tier 2 = all other countries (about 120-150). National VEU: about 320,000 advanced GPUs over about 2 years (press). Universal VEU: at most 7 % of global AI compute in any single Tier-2 country, at least 75 % in Tier 1, US-headquartered firms keep at least 50 % in the US. Conversion: 15,832 x 49,901 = 790 M; 15,832 x 1,699 = 26.9 M'),
  };
}

function constants(): MethodConstant[] {
  const c = (id: string, label: string, value: number, unit: string, sources: string[], date: string, confidence: Confidence, note?: string): MethodConstant =>
    ({ id, label, ...cn(value, unit, sources, date, confidence, note) });
  return [
    c('pue-unknown', 'Default PUE for an unknown facility (Uptime Institute 2024 average)', 1.56, 'PUE', ['ga_pue', 'uptime_2024'], '2024', 'high',
      'Green Algorithms data v3.0 default ("Unknown"); data v1.0-v2.2 used 1.67 (Uptime 2019). Strubell and Patterson used 1.58 (2018). methods.md §1.1 and §1.7'),
    c('pue-cloud-average', 'Public-cloud industry average PUE (IDC estimate)', 1.25, 'PUE', ['aws_sust'], '2025-01', 'medium', 'IDC doc US51911924, Jan 2025, via AWS'),
    c('pue-onprem-average', 'On-premises enterprise average PUE (IDC estimate)', 1.63, 'PUE', ['aws_sust'], '2025-01', 'medium', 'IDC doc US51911924, Jan 2025, via AWS'),
    c('epoch-chip-to-server', 'Epoch: chip-to-server cost factor', 1.64, 'factor (server cost per chip / chip price)', ['epoch_cost'], '2024-05', 'high',
      'methods.md §1.6 [V]: acquisition cost per chip = chip price x 1.64 x 1.23. Factors from DGX vs single-GPU prices: P100 1.54, V100 1.69, A100 1.66; a DGX H100 breakdown implies about 1.4'),
    c('epoch-server-to-cluster', 'Epoch: server-to-cluster cost factor', 1.23, 'factor (cluster cost / server cost)', ['epoch_cost'], '2024-05', 'high',
      'methods.md §1.6 [V]: 1.23 = 1/(1 - 0.19); cluster-level networking is about 19 % of SuperPOD cost'),
    c('epoch-power-to-tdp', 'Epoch: average power / TDP (GPUs)', 0.75, 'ratio', ['epoch_cost'], '2024-05', 'high',
      'methods.md §1.6 [V]: 0.43 for TPUs; Epoch uses PUE 1.1 for hyperscalers, otherwise 1.25'),
    c('epoch-depreciation-oom-per-year', 'Epoch: hardware depreciation rate', 0.14, 'orders of magnitude per year', ['epoch_cost'], '2024-05', 'high',
      'methods.md §1.6 [V]: the trend in GPU price-performance; start_value = acquisition / exp((t_start - t_avail) x r x ln10), 72 % one year after purchase; amortized ~ start_value x chip_hours/8760 x r x ln10'),
    c('bloom-lifetime-years', 'BLOOM: hardware replacement period', 6, 'years', ['bloom'], '2022', 'medium',
      'methods.md §2.1 [S]: embodied per hour = C / (6 x 8760 x 0.85); also the e-footprint default lifespan'),
    c('bloom-utilisation', 'BLOOM: average hardware usage', 0.85, 'fraction of hours', ['bloom'], '2022', 'medium', 'methods.md §2.1 [S]'),
    c('boavizta-server-life-hours', 'BoaviztAPI default server lifetime', 35040, 'hours (4 years)', ['boaviztapi_methods'], '2026-08', 'high',
      'methods.md §2.2 [V]: hours_life_time; allocation = embedded x duration / life_duration'),
    c('efootprint-idle-w-per-gpu', 'e-footprint GPUServer: idle power per GPU', 50, 'W per GPU', ['efootprint'], 'repo commit 2026-06-23', 'high',
      'methods.md §2.1 [V, code]: e-footprint GPUServer defaults 400 W/GPU, 50 W idle per GPU, 80 GB RAM per GPU, PUE 1.2'),
    c('efootprint-ram-gb-per-gpu', 'e-footprint GPUServer: RAM per GPU', 80, 'GB per GPU', ['efootprint'], 'repo commit 2026-06-23', 'high', 'methods.md §2.1 [V, code]'),
    c('ga-memory-w-per-gb', 'Green Algorithms: memory power', 0.3725, 'W per GB of memory available', ['ga_paper'], '2021', 'high',
      'methods.md §1.1 [V]: the same in every data version v1.0-v3.0 (data/*/referenceValues.csv); power of the memory available, not the memory used'),
    c('hhi-highly-concentrated', 'HHI above which a market is highly concentrated (2023 Merger Guidelines)', 1800, 'HHI', ['doj_ftc_2023'], '18 Dec 2023', 'high',
      'methods.md §4.1 [V]: HHI > 1,800 highly concentrated; change > 100 a significant increase. The 2010 Guidelines used 1,500 / 2,500 instead'),
    c('hhi-moderately-concentrated', 'HHI from which a market is moderately concentrated (DOJ explainer bands)', 1000, 'HHI', ['doj_hhi_explainer'], '1982/1992', 'high',
      'methods.md §4.1 [V]: 1,000-1,800 moderately concentrated, < 1,000 unconcentrated (the 1982/1992 bands used on the DOJ HHI explainer page)'),
  ].sort(byId);
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
  const files = Object.fromEntries(REFERENCE_FILES.map((f) => [f, readJson(resolve(referenceDir, f))])) as Record<(typeof REFERENCE_FILES)[number], RefFile>;
  if (!existsSync(resolve(referenceDir, 'methods.md'))) throw new Error(`methods.md not found in ${referenceDir}`);

  const compiledDates = new Set(Object.values(files).map((f) => f.meta.compiled));
  if (compiledDates.size !== 1) throw new Error(`reference files disagree on the compiled date: ${[...compiledDates].join(', ')}`);
  const compiled = [...compiledDates][0]!;

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
      const data = { ...files[file as (typeof REFERENCE_FILES)[number]], sources: undefined };
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
  const gpus = files['gpus.json'].accelerators as RefAccelerator[];
  const embodied = files['embodied.json'] as unknown as RefEmbodied;
  const embodiedMap = embodiedPerGpu(embodied);
  const accelerators = gpus.map((a) => accelerator(a, embodiedMap)).sort(byId);
  const accIds = new Set(accelerators.map((a) => a.id));
  for (const id of embodiedMap.keys()) if (!accIds.has(id)) throw new Error(`embodied figure for unknown accelerator ${id}`);

  // Cloud
  const energy = files['energy.json'] as unknown as {
    gridCarbonIntensity: { countries: RefCountry[]; subnational: { code: string; name: string; values: RefFigure[] }[] };
    electricityPrices: (RefFigure & { region: string; sector: string })[];
    pue: { operators: RefOperatorRow[]; gcpRegions2020: RefOperatorRow[] };
    wue: RefOperatorRow[];
    waterIntensityOfElectricityGeneration: RefFigure[];
    colocationPricing: (RefFigure & { market: string })[];
  };
  const cloud = cloudPrices(files['cloud-prices.json'].prices as RefCloudPrice[], accIds);
  const dropped = cloud.dropped.map((r) => `cloud price row "${r.provider}" ${r.gpu} ${r.pricingModel} (${r.sources.join(', ')}): not a provider`);

  // Decentralised
  const dec = files['decentralized-prices.json'] as unknown as { prices: RefDecPrice[]; networks: RefNetwork[] };

  // Water of electricity generation: the LBNL 2016 row only (not the 2.7 L/kWh "up to" nuclear figure).
  const lbnl2016 = energy.waterIntensityOfElectricityGeneration.find((w) => w.sources.includes('lbnl_2016'));
  if (!lbnl2016) throw new Error('LBNL 2016 water row not found');
  for (const w of energy.waterIntensityOfElectricityGeneration) if (w !== lbnl2016) dropped.push(`electricity water row ${w.value} ${w.unit} (${w.sources.join(', ')})`);
  const electricityWater: OperatorFigure[] = [
    operatorFigure('lbnl-2016-us', 'US average (water consumed in electricity generation)', lbnl2016),
    { id: 'li-2025-us', operator: 'US average off-site EWIF used by Li et al. (their ref [8])',
      ...cn(3.14, 'L/kWh (off-site EWIF, US average)', ['li_water'], '2025', 'high', 'methods.md §3 [V]; the v1 (Apr 2023) numbers differ') },
    { id: 'lbnl-2024-us', operator: 'US average EWIF (LBNL 2024 report, as cited by Li et al.)',
      ...cn(4.35, 'L/kWh (off-site EWIF, US average)', ['lbnl_2024', 'li_water'], '2024', 'medium', 'methods.md §3: figure as cited by Li et al.; the LBNL report itself was not read') },
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
  const embodiedServers = [
    server('bloom-8gpu-server', 'GPU server chassis excluding GPUs (BLOOM'),
    server('ademe-generic-server', 'Generic server (ADEME'),
  ].sort(byId);
  if (embodied.perServer.length !== 2) dropped.push(`${embodied.perServer.length - 2} other server rows in embodied.json`);

  const minerals = criticalMinerals();
  const exportCtl = exportControls();
  const cloudPriceRows = cloud.prices;
  const decPriceRows = decentralisedPrices(dec.prices, accIds);

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
    sources: sortedSources,
    accelerators,
    cloudProviders: cloudProviders(energy),
    cloudPrices: cloudPriceRows,
    decentralisedMarkets: decentralisedMarkets(dec.networks, sortedSources),
    decentralisedPrices: decPriceRows,
    countries: countries(energy.gridCarbonIntensity.countries, referenced),
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
    exchangeRates: [],
    constants: constants(),
  };

  // Every cited key must exist.
  walkCited({ ...catalog, sources: undefined }, (c) => {
    for (const k of c.sources as string[]) if (!catalog.sources[k]) throw new Error(`source key "${k}" is cited but not defined`);
  });
  return { catalog, dropped };
}

export function serialiseCatalog(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 1)}\n`;
}

function main(): void {
  const refDir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_REFERENCE_DIR;
  const { catalog, dropped } = buildCatalog(refDir);
  mkdirSync(dirname(CATALOG_PATH), { recursive: true });
  writeFileSync(CATALOG_PATH, serialiseCatalog(catalog));
  const count = (k: keyof Catalog) => (Array.isArray(catalog[k]) ? (catalog[k] as unknown[]).length : Object.keys(catalog[k] as object).length);
  const sections: (keyof Catalog)[] = [
    'sources', 'accelerators', 'cloudProviders', 'cloudPrices', 'decentralisedMarkets', 'decentralisedPrices', 'countries', 'subnational',
    'electricityPrices', 'pue', 'wue', 'electricityWater', 'colocationPrices', 'embodiedServers', 'supplyChain', 'criticalMinerals', 'exchangeRates', 'constants',
  ];
  console.log(`wrote ${CATALOG_PATH}`);
  for (const s of sections) console.log(`  ${s}: ${count(s)}`);
  if (dropped.length) console.log(`left out:\n  ${dropped.join('\n  ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
