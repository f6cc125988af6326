// The ONE resolver of an option's grid factor: the zone (sub-national, when chosen), the data year
// (the year the compute runs in, where the reference has several) and the source of the
// location-based intensity. The models (workers/models/resolve.ts), the schema's checks and the
// editor read it through `resolveGridFactor`; branch `footprint`'s market-based emissions build on
// its result. Data: src/catalog/data/grid-zones.json (scripts/build-grid-zones.ts). Environment-free.
import data from './data/grid-zones.json' with { type: 'json' };
import { country, WORLD } from './index.ts';
import type { Cited } from './types.ts';
import type { GridMetric, GridYear, GridZone, GridZonesData } from './grid-types.ts';

export type * from './grid-types.ts';

export const gridZones: GridZonesData = data;
const zonesByCode = new Map(gridZones.zones.map((z) => [z.code, z]));

export function gridZone(code: string): GridZone | undefined {
  return zonesByCode.get(code);
}

/** The sub-national zones of a country (ISO3), by name. */
export function zonesOf(iso3: string | null): GridZone[] {
  return iso3 === null ? [] : gridZones.zones.filter((z) => z.country === iso3);
}

/** The dated figures of a grid (newest first): the zone's, else the country's. */
function yearsOf(iso3: string | null, zone: string | null): GridYear[] {
  if (zone !== null) return gridZone(zone)?.years ?? [];
  return iso3 === null ? [] : (gridZones.countries[iso3] ?? []);
}

/**
 * The data years a grid offers (newest first): the zone's, else the country's; empty when only one
 * undated figure. With the direct metric, only the years that have a direct figure.
 */
export function gridYears(iso3: string | null, zone: string | null = null, metric: GridMetric | null = null): number[] {
  return yearsOf(iso3, zone)
    .filter((y) => metric !== 'direct' || y.direct !== undefined)
    .map((y) => y.year);
}

export interface GridFactor {
  /** ISO3 of the grid's country, or "WLD" when the world average was used. */
  country: string;
  /** The zone whose factor was used, or null (the national grid). */
  zone: string | null;
  zoneName: string | null;
  /** Data year of the figure used, when the reference gives it. */
  year: number | null;
  gCO2ePerKWh: number;
  /** footprint (issue 12): life-cycle or direct (combustion only); null when the person gave the figure. */
  metric: GridMetric | null;
  /** Provenance of the figure; null when the person gave it. */
  cited: Cited | null;
  assumedWorld: boolean;
  fromPerson: boolean;
}

export interface GridChoice {
  /** The option's country (ISO3), or null when unknown. */
  country: string | null;
  /** A sub-national zone code of that country, or null/absent for the national grid. */
  zone?: string | null;
  /** The data year chosen, or null/absent for the newest. */
  year?: number | null;
  /** The person's own intensity (gCO2e/kWh), which wins over every catalog figure. */
  override?: number | null;
  /** footprint (issue 12): life-cycle (absent/null) or direct; direct only where the reference has it (the schema refuses it elsewhere). */
  metric?: GridMetric | null;
}

/**
 * The metric of a cited (non-direct) figure: life-cycle when it is an Electricity Maps value of
 * grid-2026.json (co2.js or the Green Algorithms redistribution: its life-cycle picks), else null —
 * the older sources (OWID/Ember via CodeCarbon, Green Algorithms 2019–2020, IEA) do not say here.
 */
function metricOf(g: Cited): GridMetric | null {
  return g.sources.length > 0 && g.sources.every((s) => /^(co2js_|ga_em)/.test(s)) ? 'lifeCycle' : null;
}

function pickYear(years: GridYear[], year: number | null | undefined): GridYear | undefined {
  if (year == null) return years[0];
  return years.find((y) => y.year === year);
}

/**
 * An option's location-based grid factor (Green Algorithms / GHG Protocol Scope 2 location-based):
 * the person's figure; else the chosen zone at the chosen data year (newest when none); else the
 * country at the chosen data year, or the catalog's recommended national figure; else the world
 * average. A zone or year the reference does not hold is refused by the schema before this runs.
 * footprint (issue 12): with the direct metric, the direct (combustion-only) figure of the zone or
 * country at the chosen year, or the newest year that has one (Electricity Maps via Green Algorithms).
 */
export function resolveGridFactor(c: GridChoice): GridFactor {
  const iso3 = c.country;
  if (c.override != null) return { country: iso3 ?? WORLD, zone: c.zone ?? null, zoneName: null, year: null, gCO2ePerKWh: c.override, metric: null, cited: null, assumedWorld: false, fromPerson: true };
  const z = c.zone ? gridZone(c.zone) : undefined;
  const zoneOk = !!z && z.country === iso3;
  if (c.metric === 'direct') {
    const years = (zoneOk ? z!.years : iso3 === null ? [] : (gridZones.countries[iso3] ?? [])).filter((y) => y.direct !== undefined);
    const y = pickYear(years, c.year);
    if (y) return { country: zoneOk ? z!.country : iso3!, zone: zoneOk ? z!.code : null, zoneName: zoneOk ? z!.name : null, year: y.year, gCO2ePerKWh: y.direct!.value, metric: 'direct', cited: y.direct!, assumedWorld: false, fromPerson: false };
  }
  if (zoneOk) {
    const y = pickYear(z!.years, c.year);
    if (y) return { country: z!.country, zone: z!.code, zoneName: z!.name, year: y.year, gCO2ePerKWh: y.g.value, metric: metricOf(y.g), cited: y.g, assumedWorld: false, fromPerson: false };
  }
  if (iso3 !== null && c.year != null) {
    const y = pickYear(gridZones.countries[iso3] ?? [], c.year);
    if (y) return { country: iso3, zone: null, zoneName: null, year: y.year, gCO2ePerKWh: y.g.value, metric: metricOf(y.g), cited: y.g, assumedWorld: false, fromPerson: false };
  }
  const national = iso3 === null ? undefined : country(iso3);
  const g = national?.gridGCO2ePerKWh;
  if (g && g.value !== null) return { country: iso3!, zone: null, zoneName: null, year: national?.gridDataYear ?? null, gCO2ePerKWh: g.value, metric: metricOf(g), cited: g, assumedWorld: false, fromPerson: false };
  const w = country(WORLD)?.gridGCO2ePerKWh;
  if (!w || w.value === null) throw new Error('catalog has no world-average grid intensity');
  return { country: WORLD, zone: null, zoneName: null, year: null, gCO2ePerKWh: w.value, metric: metricOf(w), cited: w, assumedWorld: true, fromPerson: false };
}

/** footprint (issue 12): whether the reference holds a direct factor for this grid (at this year, or any). */
export function hasDirectFactor(iso3: string | null, zone: string | null = null, year: number | null = null): boolean {
  const ys = gridYears(iso3, zone, 'direct');
  return year == null ? ys.length > 0 : ys.includes(year);
}
