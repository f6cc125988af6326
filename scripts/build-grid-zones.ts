// Builds src/catalog/data/grid-zones.json: the sub-national grid zones and the data years of each
// grid the reference data holds, for the one grid resolver (src/catalog/grid.ts):
// - grid-2026.json `subnational[]` (Electricity Maps zones: US balancing authorities, Canadian
//   provinces, Indian regions, Japanese, Nordic and Australian zones), life-cycle values per data year;
// - grid-2026.json `countries[]`, life-cycle values per data year (2025 and 2024);
// - the older Green Algorithms sub-national rows already in the catalog (US states, Canadian
//   provinces, Australian states; data years 2019–2020), from src/catalog/data/catalog.json.
// One value per data year: the first life-cycle value the reference lists for it (Electricity Maps
// via co2.js first). Run after build-catalog.ts: `npm run catalog`.
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { checkOutput, gridZonesSchema } from './catalog-data/output-schemas.ts';
import { mappingsSchema, parseWith, readJson } from './catalog-data/schemas.ts';
import type { GridYear, GridZonesData } from '../src/catalog/grid-types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(here, '..');
const REF = resolve(REPO, '../shared/reference');
export const GRID_ZONES_PATH = resolve(REPO, 'src/catalog/data/grid-zones.json');

const value = z.looseObject({
  value: z.number().nullable(),
  unit: z.string(),
  metric: z.string(),
  dataYear: z.union([z.number(), z.string()]),
  sources: z.array(z.string()).min(1),
  date: z.string().optional(),
  confidence: z.enum(['primary', 'secondary', 'single']),
  note: z.string().optional(),
});
const gridFile = z.looseObject({
  sources: z.record(z.string(), z.looseObject({ date: z.string() })),
  countries: z.array(z.looseObject({ iso3: z.string().regex(/^[A-Z]{3}$/), values: z.array(value) })),
  subnational: z.array(z.looseObject({ code: z.string(), name: z.string(), country: z.string(), values: z.array(value) })),
});
/**
 * A sub-national figure of catalog.json, whole (it becomes the zone's figure as it is). The keys in
 * the order grid-zones.json has always had them (zod writes a schema's keys first, in its order).
 */
const subnationalFigure = z.strictObject({
  value: z.number(),
  date: z.string(),
  asOf: z.string().nullable(),
  unit: z.string(),
  range: z.tuple([z.number(), z.number()]).optional(),
  sources: z.array(z.string()).min(1),
  confidence: z.enum(['high', 'medium', 'low', 'primary', 'secondary', 'single']),
  note: z.string().optional(),
  derived: z.literal(true).optional(),
});
const catalogFile = z.looseObject({
  countries: z.array(z.looseObject({ iso3: z.string(), name: z.string() })),
  subnational: z.array(
    z.looseObject({ code: z.string(), name: z.string(), gridGCO2ePerKWh: subnationalFigure }),
  ),
});

const read = <T extends z.ZodType>(schema: T, path: string, name: string): z.infer<T> => parseWith(schema, readJson(path, name), name);

/** ISO2 -> ISO3 of a zone code's country prefix ("US-CAL-CISO" -> USA): the catalog's ISO3 -> ISO2 table, inverted. */
const ISO2_TO_3: Record<string, string> = Object.fromEntries(
  Object.entries(read(mappingsSchema, resolve(here, 'catalog-data/mappings.json'), 'scripts/catalog-data/mappings.json').iso2).map(([iso3, iso2]) => [iso2, iso3]),
);

function cite(v: z.infer<typeof value> & { value: number; dataYear: number }, sources: z.infer<typeof gridFile>['sources']): GridYear['g'] {
  const date = v.date ?? sources[v.sources[0]!]!.date.replace(/^.*fetched (\d{4}-\d{2}-\d{2}).*$/, '$1');
  const asOf = /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : `${v.dataYear}-01`;
  return { value: v.value, unit: v.unit, sources: v.sources, date, asOf, confidence: v.confidence, note: `data year ${v.dataYear}, ${v.metric}${v.note ? `; ${v.note}` : ''}` };
}

function years(values: z.infer<typeof value>[], sources: z.infer<typeof gridFile>['sources']): GridYear[] {
  const out = new Map<number, GridYear>();
  for (const v of values) {
    if (typeof v.dataYear !== 'number' || v.value === null || !v.metric.startsWith('life-cycle') || out.has(v.dataYear)) continue;
    out.set(v.dataYear, { year: v.dataYear, g: cite({ ...v, value: v.value, dataYear: v.dataYear }, sources) });
  }
  // footprint (issue 12): the direct (combustion-only) value of a data year that has a life-cycle one (Electricity Maps via Green Algorithms: 2024).
  for (const v of values) {
    if (typeof v.dataYear !== 'number' || v.value === null || !v.metric.startsWith('direct')) continue;
    const y = out.get(v.dataYear);
    if (y && !y.direct) y.direct = cite({ ...v, value: v.value, dataYear: v.dataYear }, sources);
  }
  return [...out.values()].sort((a, b) => b.year - a.year);
}

export const dropped: string[] = [];

export function buildGridZones(): GridZonesData {
  const grid = read(gridFile, resolve(REF, 'grid-2026.json'), 'grid-2026.json');
  const cat = read(catalogFile, resolve(REPO, 'src/catalog/data/catalog.json'), 'src/catalog/data/catalog.json');
  const byName = new Map(cat.countries.map((c) => [c.name.toLowerCase(), c.iso3]));
  const known = new Set(cat.countries.map((c) => c.iso3));
  const zones: GridZonesData['zones'] = [];
  for (const z0 of grid.subnational) {
    const country = /^[A-Z]{3}$/.test(z0.country) ? z0.country : (byName.get(z0.country.toLowerCase()) ?? ISO2_TO_3[z0.code.slice(0, 2)]);
    if (!country || !known.has(country)) {
      // A zone of a country the catalog does not list cannot be chosen (the option's country comes first).
      dropped.push(`${z0.code} (${z0.name}): ${z0.country} is not a catalog country`);
      continue;
    }
    const ys = years(z0.values, grid.sources);
    if (!ys.length) throw new Error(`grid-2026 zone ${z0.code}: no life-cycle value with a data year`);
    zones.push({ code: z0.code, name: z0.name, country, source: 'grid-2026.json (Electricity Maps zone)', years: ys });
  }
  for (const s of cat.subnational) {
    const country = ISO2_TO_3[s.code.slice(0, 2)];
    if (!country) throw new Error(`sub-national row ${s.code}: unknown country prefix`);
    const m = /(\d{4}) data/.exec(s.gridGCO2ePerKWh.date);
    if (!m) throw new Error(`sub-national row ${s.code}: no data year in "${s.gridGCO2ePerKWh.date}"`);
    const code = zones.some((z1) => z1.code === s.code) ? `${s.code}-GA` : s.code;
    zones.push({ code, name: s.name, country, source: 'energy.json (Green Algorithms sub-national)', years: [{ year: Number(m[1]), g: s.gridGCO2ePerKWh }] });
  }
  zones.sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
  const countries: GridZonesData['countries'] = {};
  for (const c of grid.countries) {
    const ys = years(c.values, grid.sources);
    if (ys.length) countries[c.iso3] = ys;
  }
  return { zones, countries };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const data = buildGridZones();
  checkOutput(gridZonesSchema, data, 'grid-zones.json'); // the page reads it without parsing it
  writeFileSync(GRID_ZONES_PATH, `${JSON.stringify(data, null, 1)}\n`);
  console.log(`wrote ${GRID_ZONES_PATH}\n  zones: ${data.zones.length}, countries with data years: ${Object.keys(data.countries).length}`);
  for (const d of dropped) console.log(`  dropped zone ${d}`);
}
