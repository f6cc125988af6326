// The open scenario as the report shows it: its name, notes and inputs from the document being
// edited (a rename is a metadata edit and re-runs no model), its figures from the last evaluation —
// and nothing at all while those figures are not of these inputs (no stale figure shown as current).
import type { Scenario } from '../../scenario/schema.ts';
import type { EvaluationResult } from '../../../workers/models/types.ts';
import type { Evaluated } from './answer.ts';

/** Top-level fields that change no figure of any model (the document's metadata edits, but the id). */
const METADATA: ReadonlySet<string> = new Set(['name', 'notes', 'createdAt', 'updatedAt']);

/** JSON with sorted keys: the same values in another key order are the same text. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** True when two scenarios give every model the same inputs (they may differ in name, notes, dates). */
export function sameModelInputs(a: Scenario, b: Scenario): boolean {
  const inputs = (s: Scenario) => canonical(Object.fromEntries(Object.entries(s).filter(([k]) => !METADATA.has(k))));
  return inputs(a) === inputs(b);
}

/**
 * What the report of the open scenario shows: the current document with the last evaluation's
 * figures, or null when there is no evaluation, it is out of date, or it was made from other inputs.
 */
export function currentEvaluated(doc: Scenario, evaluated: Scenario | null, result: EvaluationResult | null, stale: boolean): Evaluated | null {
  if (!result || !evaluated || stale) return null;
  if (!sameModelInputs(doc, evaluated)) return null;
  return { scenario: doc, result };
}
