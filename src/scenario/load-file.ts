// Imported files: one scenario, or a whole library export. Each scenario inside goes through
// the one load path. Environment-free (runs in the worker and in tests).
import { LIBRARY_FORMAT, LIBRARY_VERSION, MAX_LIBRARY_BYTES, MAX_LIBRARY_SCENARIOS, type LibraryFile } from './constants.ts';
import { loadScenarioText, loadScenarioValue, type LoadError, type LoadResult } from './load.ts';

export type FileLoadResult =
  | { kind: 'scenario'; result: LoadResult }
  | { kind: 'library'; results: LoadResult[] }
  | { kind: 'error'; error: LoadError | { kind: 'futureLibrary'; version: number } | { kind: 'tooManyScenarios'; count: number } };

export function loadFileText(text: string): FileLoadResult {
  if (text.length > MAX_LIBRARY_BYTES) {
    return { kind: 'error', error: { kind: 'tooLarge', bytes: text.length, limitBytes: MAX_LIBRARY_BYTES } };
  }
  // A library file is recognised by its envelope; anything else is read as one scenario.
  if (!/"format"\s*:\s*"compute-planner\/library"/.test(text.slice(0, 200))) {
    return { kind: 'scenario', result: loadScenarioText(text) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { kind: 'error', error: { kind: 'notJson', detail: e instanceof Error ? e.message : String(e) } };
  }
  const v = value as Partial<LibraryFile> | null;
  if (!v || typeof v !== 'object' || v.format !== LIBRARY_FORMAT || !Array.isArray(v.scenarios)) {
    return { kind: 'error', error: { kind: 'notScenario', detail: 'not a library file' } };
  }
  if (typeof v.version !== 'number' || v.version > LIBRARY_VERSION) {
    return { kind: 'error', error: { kind: 'futureLibrary', version: Number(v.version) } };
  }
  if (v.scenarios.length > MAX_LIBRARY_SCENARIOS) return { kind: 'error', error: { kind: 'tooManyScenarios', count: v.scenarios.length } };
  return { kind: 'library', results: v.scenarios.map((s) => loadScenarioValue(s)) };
}
