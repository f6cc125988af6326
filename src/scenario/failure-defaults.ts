// failures (issue 13 → 15): the sourced defaults of an option's failures, from the catalog's
// reliability figures (hardware-prices-2026.json), each with its source, date, confidence and
// whether it is derived. Everything else about failures is the person's own figure: repair
// time, cost per failure, checkpoint and restart times, spot and host figures have no source here.
import type { Catalog, HardwareFigure } from '../catalog/types.ts';
import type { OptionFailures } from './schema.ts';

/** The catalog rows the defaults come from, by the field they fill, and the factor to the field's unit. */
export const FAILURE_DEFAULT_ROWS = {
  // Permanent H100-class GPU failures, fraction a year → percent a year (single source, range 0.025–0.06).
  gpuFailuresPctPerYear: { id: 'reliability-permanent-gpu-failure-rate-h100-class-terrestrial', toField: 100 },
  // Llama 3: 419 unexpected interruptions / 16,384 GPUs / 54 days × 365 (derived, secondary).
  interruptionsPerGpuYear: { id: 'reliability-unexpected-job-interruptions-per-gpu-year-all-causes', toField: 1 },
} as const;

export interface FailureDefault {
  field: keyof typeof FAILURE_DEFAULT_ROWS;
  value: number;
  row: HardwareFigure;
}

/** The sourced defaults the catalog has (a row it lacks, or without a value, is left out: the field stays the person's). */
export function failureDefaults(c: Pick<Catalog, 'hardwareFigures'>): FailureDefault[] {
  const out: FailureDefault[] = [];
  for (const [field, { id, toField }] of Object.entries(FAILURE_DEFAULT_ROWS) as [FailureDefault['field'], { id: string; toField: number }][]) {
    const row = c.hardwareFigures.find((h) => h.id === id && h.section === 'reliability');
    if (row && typeof row.value === 'number') out.push({ field, value: Math.round(row.value * toField * 1e6) / 1e6, row });
  }
  return out;
}

/**
 * A new failures sub-object: the sourced defaults where they apply (the job's interruptions only
 * for a training workload, the GPU failure rate only for owned or reserved GPUs), every other
 * figure empty for the person to type.
 */
export function newFailures(start: OptionFailures, c: Pick<Catalog, 'hardwareFigures'>, applies: { training: boolean; ownedOrReserved: boolean }): OptionFailures {
  const f = { ...start };
  for (const d of failureDefaults(c)) if (d.field === 'interruptionsPerGpuYear' ? applies.training : applies.ownedOrReserved) f[d.field] = d.value;
  return f;
}
