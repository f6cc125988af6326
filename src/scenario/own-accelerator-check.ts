// The checks the own-accelerator form makes before anything is saved (issue 12), zod-free so the
// page can run them without the validator: a name, an id that is not a catalog id nor another own
// accelerator's, each figure within the field table's bounds (die area and TDP: the range of the
// catalog's shipped parts, shipped-range.ts), known countries. The load path (schema.ts) refuses
// the same document with the same bounds. Environment-free.
import { accelerator, country } from '../catalog/index.ts';
import { FIELDS, fieldsOf } from './fields.ts';
import type { OwnAccelerator } from './schema.ts';

export interface OwnIssue {
  field: keyof OwnAccelerator;
  /** Message key in src/i18n/areas/own-accelerator.ts. */
  key: string;
  params: Record<string, string | number>;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Fields whose bounds are the shipped parts' range (the message says so). */
const SHIPPED: ReadonlySet<string> = new Set(['dieAreaMm2', 'tdpW']);

/** What is wrong with a draft own accelerator, field by field (empty: it can be saved). `otherIds`: the scenario's other own accelerators. */
export function ownAcceleratorIssues(a: OwnAccelerator, otherIds: readonly string[]): OwnIssue[] {
  const out: OwnIssue[] = [];
  if (a.name.trim() === '') out.push({ field: 'name', key: 'own.err.name', params: {} });
  if (!ID.test(a.id)) out.push({ field: 'id', key: 'own.err.id', params: {} });
  else if (accelerator(a.id)) out.push({ field: 'id', key: 'own.err.catalogId', params: { value: a.id } });
  else if (otherIds.includes(a.id)) out.push({ field: 'id', key: 'own.err.duplicate', params: { value: a.id } });
  for (const c of ['vendorCountry', 'foundryCountry'] as const) {
    const v = a[c];
    if (v !== null && (!country(v) || v === 'WLD')) out.push({ field: c, key: 'own.err.country', params: { value: v } });
  }
  for (const n of fieldsOf('ownAccelerators')) {
    const v = a[n];
    if (v === null) continue;
    const f = FIELDS[n];
    if (!Number.isFinite(v)) out.push({ field: n, key: 'own.err.number', params: {} });
    else if (v < f.min || v > f.max) out.push({ field: n, key: SHIPPED.has(n) ? 'own.err.shipped' : 'own.err.range', params: { min: f.min, max: f.max } });
  }
  return out;
}
