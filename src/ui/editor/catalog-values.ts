// The catalog figures used when a nullable option field is left empty.
import { accelerator, catalog, country, type Cited } from '../../catalog/index.ts';
import type { Scenario, SupplyOption } from '../../scenario/schema.ts';
import { defaultEmbodiedServer } from '../../catalog/embodied.ts';

export interface CatalogValue {
  value: number;
  cited: Cited;
  lead?: string;
}

export function throughputFromCatalog(o: SupplyOption, s: Scenario): CatalogValue | null {
  const a = accelerator(o.acceleratorId)?.bf16DenseTflops;
  const r = accelerator(s.workload.referenceAcceleratorId)?.bf16DenseTflops;
  if (a?.value == null || r?.value == null) return null;
  return { value: Math.round((a.value / r.value) * 1e6) / 1e6, cited: a, lead: `${a.value} ÷ ${r.value} TFLOPS BF16` };
}

export function powerFromCatalog(o: SupplyOption): CatalogValue | null {
  const p = accelerator(o.acceleratorId)?.tdpW;
  return p?.value == null ? null : { value: p.value, cited: p, lead: p.unit };
}

export function optionCountry(o: SupplyOption): string | null {
  return o.kind === 'buy' ? o.gridCountry : o.kind === 'cloud' ? o.regionCountry : o.hostCountry;
}

export function gridFromCatalog(o: SupplyOption): CatalogValue | null {
  const iso3 = optionCountry(o);
  const c = (iso3 !== null ? country(iso3) : undefined)?.gridGCO2ePerKWh ? country(iso3!) : country('WLD');
  const g = c?.gridGCO2ePerKWh;
  // The data year (grid-2026: 2025) is shown before the source, whose date is the day it was read.
  return g?.value == null ? null : { value: g.value, cited: g, ...(c?.gridDataYear ? { lead: `data year ${c.gridDataYear}` } : {}) };
}

export function embodiedGpuFromCatalog(o: SupplyOption): CatalogValue | null {
  const e = accelerator(o.acceleratorId)?.embodiedKgCO2ePerGpu;
  return e?.value == null ? null : { value: e.value, cited: e };
}

export function embodiedServerFromCatalog(): CatalogValue | null {
  const e = defaultEmbodiedServer(catalog);
  // The year is shown with the figure (BLOOM's 2022 chassis is older than the 2025 BoaviztAPI proxy).
  return e?.value == null ? null : { value: e.value, cited: e, lead: `${e.item}, ${e.date.slice(0, 4)}` };
}
