// The functions the engine worker exposes, by name. Pure: the glue file (engine.worker.ts) only
// hands this object to Comlink, and the page types its proxy as Remote<typeof api>.
// Validation and the load path run here too, so the page does not load the validator.
import { loadScenarioText, loadScenarioValue, validateScenario, type LoadResult, type ScenarioIssue } from '../src/scenario/load.ts';
import { loadFileText } from '../src/scenario/load-file.ts';
import { evaluateScenario } from './models/evaluate.ts';
import type { EvaluationResult } from './models/types.ts';

export type EvaluateResponse =
  | { ok: true; result: EvaluationResult }
  | { ok: false; error: { kind: 'invalid'; issues: ScenarioIssue[] } | { kind: 'modelError'; message: string } };

/** Validates and evaluates a scenario. Expected failures are values, not throws (Comlink keeps only a message). */
export function evaluate(input: unknown): EvaluateResponse {
  const v = validateScenario(input);
  if (!v.ok) return { ok: false, error: { kind: 'invalid', issues: v.issues } };
  try {
    return { ok: true, result: evaluateScenario(v.scenario) };
  } catch (e) {
    return { ok: false, error: { kind: 'modelError', message: e instanceof Error ? e.message : String(e) } };
  }
}

export const api = {
  evaluate,
  /** The one load path, for text (a file, a decoded link). */
  loadText: (text: string): LoadResult => loadScenarioText(text),
  /** The one load path, for a parsed value (a stored row, an element of a library file). */
  loadValue: (value: unknown): LoadResult => loadScenarioValue(value),
  /** An imported file: one scenario or a library export, each scenario through the load path. */
  loadFile: (text: string) => loadFileText(text),
  ping: () => 'pong' as const,
};

export type EngineApi = typeof api;
