// The one way to find an accelerator: the scenario's own accelerators first (issue 12: a person
// defines one the catalog lacks), then the catalog. Every model and view that needs an
// accelerator's figures asks here, so an own accelerator is used everywhere a catalog one is.
// Environment-free.
import { accelerator } from './index.ts';
import type { Accelerator } from './types.ts';
import type { OwnAccelerator } from '../scenario/schema.ts';

/** The figures of one accelerator, catalog or own, as plain values (null: unknown). */
export interface AcceleratorFacts {
  id: string;
  name: string;
  /** Null when unknown (an own accelerator whose vendor was left empty). */
  vendor: string | null;
  /** Headquarters country of the vendor (ISO3), when the person gave it; the catalog has none. */
  vendorCountry: string | null;
  foundries: string[];
  /** Countries where the logic die is made (ISO3). */
  fabCountries: string[];
  hbmSuppliers: string[];
  cloudOnly: boolean;
  bf16DenseTflops: number | null;
  fp8DenseTflops: number | null;
  tdpW: number | null;
  dieAreaMm2: number | null;
  memoryGB: number | null;
  processNodeNm: number | null;
  /** TPP the person typed (own accelerators only); otherwise derived from the peaks (rules.ts). */
  tppGiven: number | null;
  /** A product carbon footprint per card: the catalog's figure, or the person's. */
  productKgCO2ePerGpu: number | null;
  /** The catalog entry, for its sources; null for an own accelerator. */
  catalogEntry: Accelerator | null;
  /** The person's definition; null for a catalog accelerator. */
  own: OwnAccelerator | null;
}

/** What a scenario holds that the lookup needs: its own accelerators (absent before format 5). */
export type AcceleratorScope = { ownAccelerators?: readonly OwnAccelerator[] | undefined } | null | undefined;

function fromCatalog(a: Accelerator): AcceleratorFacts {
  return {
    id: a.id,
    name: a.name,
    vendor: a.vendor,
    vendorCountry: null,
    foundries: a.foundry?.value ?? [],
    fabCountries: a.fabCountries?.value ?? [],
    hbmSuppliers: a.hbmSuppliers?.value ?? [],
    cloudOnly: a.cloudOnly,
    bf16DenseTflops: a.bf16DenseTflops?.value ?? null,
    fp8DenseTflops: a.fp8DenseTflops?.value ?? null,
    tdpW: a.tdpW?.value ?? null,
    dieAreaMm2: a.dieAreaMm2?.value ?? null,
    memoryGB: a.memoryGB?.value ?? null,
    processNodeNm: null,
    tppGiven: null,
    productKgCO2ePerGpu: a.embodiedKgCO2ePerGpu?.value ?? null,
    catalogEntry: a,
    own: null,
  };
}

function fromOwn(o: OwnAccelerator): AcceleratorFacts {
  return {
    id: o.id,
    name: o.name,
    vendor: o.vendor,
    vendorCountry: o.vendorCountry,
    foundries: o.foundry === null ? [] : [o.foundry],
    fabCountries: o.foundryCountry === null ? [] : [o.foundryCountry],
    hbmSuppliers: [],
    cloudOnly: false,
    bf16DenseTflops: o.bf16DenseTflops,
    fp8DenseTflops: null,
    tdpW: o.tdpW,
    dieAreaMm2: o.dieAreaMm2,
    memoryGB: o.memoryGB,
    processNodeNm: o.processNodeNm,
    tppGiven: o.tpp,
    productKgCO2ePerGpu: o.productKgCO2ePerGpu,
    catalogEntry: null,
    own: o,
  };
}

/** The accelerator `id` as the scenario sees it: one of its own, else the catalog's, else undefined. */
export function acceleratorFacts(id: string, scope: AcceleratorScope): AcceleratorFacts | undefined {
  const own = scope?.ownAccelerators?.find((a) => a.id === id);
  if (own) return fromOwn(own);
  const a = accelerator(id);
  return a ? fromCatalog(a) : undefined;
}

/** The name to show for an accelerator id (its own name, the catalog's, or the id itself). */
export function acceleratorName(id: string, scope: AcceleratorScope): string {
  return acceleratorFacts(id, scope)?.name ?? id;
}
