// The ONE resolver of an option's grid factor: the zone (sub-national, when chosen), the data year
// (the year the compute runs in, where the reference has several) and the source of the
// location-based intensity. The models (workers/models/resolve.ts), the schema's checks and the
// editor read it through `resolveGridFactor`; branch `footprint`'s market-based emissions build on
// its result. Data: src/catalog/data/grid-zones.json (scripts/build-grid-zones.ts). Environment-free.
import data from './data/grid-zones.json' with { type: 'json' };
import { country, WORLD } from './index.ts';
import type { Cited } from './types.ts';
import type { GridYear, GridZone, GridZonesData } from './grid-types.ts';

export type * from './grid-types.ts';

export const gridZones: GridZonesData = data as unknown as GridZonesData;
const zonesByCode = new Map(gridZones.zones.map((z) => [z.code, z]));

export function gridZone(code: string): GridZone | undefined {
  return zonesByCode.get(code);
}

/** The sub-national zones of a country (ISO3), by name. */
export function zonesOf(iso3: string | null): GridZone[] {
  return iso3 === null ? [] : gridZones.zones.filter((z) => z.country === iso3);
}

/** The data years a grid offers (newest first): the zone's, else the country's; empty when only one undated figure. */
export function gridYears(iso3: string | null, zone: string | null = null): number[] {
  if (zone !== null) return gridZone(zone)?.years.map((y) => y.year) ?? [];
  return iso3 === null ? [] : (gridZones.countries[iso3]?.map((y) => y.year) ?? []);
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
 */
export function resolveGridFactor(c: GridChoice): GridFactor {
  const iso3 = c.country;
  if (c.override != null) return { country: iso3 ?? WORLD, zone: c.zone ?? null, zoneName: null, year: null, gCO2ePerKWh: c.override, cited: null, assumedWorld: false, fromPerson: true };
  const z = c.zone ? gridZone(c.zone) : undefined;
  if (z && z.country === iso3) {
    const y = pickYear(z.years, c.year);
    if (y) return { country: z.country, zone: z.code, zoneName: z.name, year: y.year, gCO2ePerKWh: y.g.value, cited: y.g, assumedWorld: false, fromPerson: false };
  }
  if (iso3 !== null && c.year != null) {
    const y = pickYear(gridZones.countries[iso3] ?? [], c.year);
    if (y) return { country: iso3, zone: null, zoneName: null, year: y.year, gCO2ePerKWh: y.g.value, cited: y.g, assumedWorld: false, fromPerson: false };
  }
  const national = iso3 === null ? undefined : country(iso3);
  const g = national?.gridGCO2ePerKWh;
  if (g && g.value !== null) return { country: iso3!, zone: null, zoneName: null, year: national?.gridDataYear ?? null, gCO2ePerKWh: g.value, cited: g, assumedWorld: false, fromPerson: false };
  const w = country(WORLD)?.gridGCO2ePerKWh;
  if (!w || w.value === null) throw new Error('catalog has no world-average grid intensity');
  return { country: WORLD, zone: null, zoneName: null, year: null, gCO2ePerKWh: w.value, cited: w, assumedWorld: true, fromPerson: false };
}
