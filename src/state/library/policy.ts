// What the library does with a scenario that arrives from outside the editor — a stored row, a
// share link, an imported file: which load results can still be opened, when two copies are the
// same scenario, and which id an arrival gets. Pure functions (no storage, no worker).
import type { LoadResult } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { LibraryRecord, ScenarioSummary } from '../../storage/library.ts';
import type { EvaluationResult } from '../../../workers/models/types.ts';

/** Load results a person can still open in the editor: only field values are wrong, not the structure. */
export function isEditable(r: LoadResult): boolean {
  if (r.ok) return true;
  if (r.error.kind !== 'invalid') return false;
  return r.error.issues.every(
    (i) =>
      i.code === 'too_small' ||
      i.code === 'too_big' ||
      i.code === 'custom' ||
      i.code === 'invalid_format' ||
      (i.code === 'invalid_type' && i.params.expected === 'number' && (i.params.received === 'NaN' || i.params.received === 'null')),
  );
}

/** The scenario to open from a load result: the valid one, or the (migrated) document whose only faults are values. */
export function editableScenario(r: LoadResult): Scenario | null {
  if (r.ok) return r.scenario;
  return isEditable(r) && r.error.kind === 'invalid' ? (r.error.document as Scenario) : null;
}

/** The JSON that decides whether two copies are the same scenario (updatedAt alone is not a change). */
export function contentKey(s: Scenario): string {
  return JSON.stringify({ ...s, updatedAt: '' });
}

/** Whether a stored row holds the same scenario as `s`. */
export function sameContent(row: LibraryRecord | undefined, s: Scenario): boolean {
  return row !== undefined && JSON.stringify({ ...(row.scenario as object), updatedAt: '' }) === contentKey(s);
}

/** The headline figures kept with a record, for the library list. */
export function summarise(result: EvaluationResult, options: number): ScenarioSummary {
  const t = result.mix.totals;
  return {
    currency: result.currency,
    totalCostCcy: t.costCcy,
    costPerUsefulGpuHourCcy: t.costPerUsefulGpuHourCcy,
    co2eKg: t.operationalKgCO2e + t.embodiedKgCO2e,
    options,
  };
}

/**
 * A share link's scenario against the saved one with its id: the same content opens as the saved
 * copy; different content opens unsaved and the person chooses (never overwritten silently).
 */
export function linkOpening(saved: LibraryRecord | undefined, s: Scenario): 'saved' | 'unsaved' | 'conflict' {
  if (!saved) return 'unsaved';
  return sameContent(saved, s) ? 'saved' : 'conflict';
}

/**
 * An imported scenario against the stored one with its id: identical is skipped (or reopened), a
 * free id is kept, a used id with different content gets a new id (nothing is overwritten).
 */
export function importOpening(existing: LibraryRecord | undefined, s: Scenario): 'same' | 'keepId' | 'newId' {
  if (!existing) return 'keepId';
  return sameContent(existing, s) ? 'same' : 'newId';
}
