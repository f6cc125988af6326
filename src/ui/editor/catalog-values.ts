// The catalog figures used when a nullable option field is left empty (for an own accelerator:
// the person's own figures, or its embodied carbon from die area and memory).
import { catalog, country, type Cited } from '../../catalog/index.ts';
import { acceleratorFacts, type AcceleratorFacts } from '../../catalog/accelerators.ts';
import type { Scenario, SupplyOption } from '../../scenario/schema.ts';
import type { OptionResult } from '../../../workers/models/types.ts';
import { defaultEmbodiedServer } from '../../catalog/embodied.ts';

export interface CatalogValue {
  value: number;
  cited: Cited;
  lead?: string;
}

/** A figure of the person's own accelerator, cited as theirs (dated by the scenario's last edit). */
function ownCited(a: AcceleratorFacts, s: Scenario): Cited {
  return { sources: [], date: `${a.name} · ${s.updatedAt.slice(0, 10)}`, asOf: s.updatedAt.slice(0, 7), confidence: 'primary' };
}

export function throughputFromCatalog(o: SupplyOption, s: Scenario): CatalogValue | null {
  const acc = acceleratorFacts(o.acceleratorId, s);
  const ref = acceleratorFacts(s.workload.referenceAcceleratorId, s);
  const a = acc?.bf16DenseTflops;
  const r = ref?.bf16DenseTflops;
  if (a == null || r == null || !acc || !ref) return null;
  const cited = acc.catalogEntry?.bf16DenseTflops ?? (ref.own ? ownCited(ref, s) : ownCited(acc, s));
  return { value: Math.round((a / r) * 1e6) / 1e6, cited, lead: `${a} ÷ ${r} TFLOPS BF16` };
}

export function powerFromCatalog(o: SupplyOption, s: Scenario): CatalogValue | null {
  const acc = acceleratorFacts(o.acceleratorId, s);
  if (acc?.tdpW == null) return null;
  const p = acc.catalogEntry?.tdpW;
  return p ? { value: acc.tdpW, cited: p, lead: p.unit } : { value: acc.tdpW, cited: ownCited(acc, s), lead: 'W' };
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

/** The embodied figure an empty field takes; for an own accelerator without a product footprint, the die-area estimate the last evaluation used (`used`). */
export function embodiedGpuFromCatalog(o: SupplyOption, s: Scenario, used?: Pick<OptionResult, 'embodiedKgCO2ePerGpu' | 'embodiedFrom'>): CatalogValue | null {
  const acc = acceleratorFacts(o.acceleratorId, s);
  if (!acc) return null;
  const e = acc.catalogEntry?.embodiedKgCO2ePerGpu;
  if (e?.value != null) return { value: e.value, cited: e };
  if (!acc.own) return null;
  if (acc.productKgCO2ePerGpu !== null) return { value: acc.productKgCO2ePerGpu, cited: ownCited(acc, s) };
  // From die area and memory (workers/models/embodied-area.ts, LLMCarbon; the catalog's constant for its node).
  const c = catalog.constants.find((x) => x.id === `llmcarbon-cpa-${acc.processNodeNm}nm`);
  return c && used?.embodiedFrom === 'dieArea' ? { value: Math.round(used.embodiedKgCO2ePerGpu * 1000) / 1000, cited: { ...c, derived: true }, lead: 'LLMCarbon' } : null;
}

export function embodiedServerFromCatalog(): CatalogValue | null {
  const e = defaultEmbodiedServer(catalog);
  // The year is shown with the figure (BLOOM's 2022 chassis is older than the 2025 BoaviztAPI proxy).
  return e?.value == null ? null : { value: e.value, cited: e, lead: `${e.item}, ${e.date.slice(0, 4)}` };
}
