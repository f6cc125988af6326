// The functions the engine worker exposes, by name. Pure: the glue file (engine.worker.ts) only
// hands this object to Comlink, and the page types its proxy as Remote<typeof api>.
// Validation and the load path run here too, so the page does not load the validator.
import { loadScenarioText, loadScenarioValue, validateScenario, type LoadResult, type ScenarioIssue } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { loadFileText } from '../src/scenario/load-file.ts';
import warmUpExample from '../public/examples/mix-buy-cloud-decentralised.json';
import { evaluateScenario } from './models/evaluate.ts';
import type { EvaluationResult } from './models/types.ts';
import { runMonteCarlo, type MonteCarloResult } from './models/uncertainty/montecarlo.ts';
import { tornado, type TornadoResult } from './models/uncertainty/tornado.ts';
import { optimise as optimiseScenario, type OptimiseResult } from './models/optimise/search.ts';

/** Why a model call gave no result: the scenario is invalid, or the model failed on it. */
export type ModelFailure = { kind: 'invalid'; issues: ScenarioIssue[] } | { kind: 'modelError'; message: string };
export type Response<T> = { ok: true; result: T } | { ok: false; error: ModelFailure };
export type EvaluateResponse = Response<EvaluationResult>;
export type MonteCarloResponse = Response<MonteCarloResult>;
export type TornadoResponse = Response<TornadoResult>;

export interface MonteCarloRequest {
  /** Overrides the scenario's own sample count and seed (e.g. a quick first run). */
  samples?: number;
  seed?: number;
}

/** Validates `input`, then runs `model` on it. Expected failures are values, not throws (Comlink keeps only a message). */
function validated<T>(input: unknown, model: (s: Scenario) => T): Response<T> {
  const v = validateScenario(input);
  if (!v.ok) return { ok: false, error: { kind: 'invalid', issues: v.issues } };
  try {
    return { ok: true, result: model(v.scenario) };
  } catch (e) {
    return { ok: false, error: { kind: 'modelError', message: e instanceof Error ? e.message : String(e) } };
  }
}

/** Validates and evaluates a scenario. */
export function evaluate(input: unknown): EvaluateResponse {
  return validated(input, evaluateScenario);
}

/**
 * Monte Carlo over the scenario's ranges. `onProgress` is told (done, total) every few thousand
 * samples; `clock` (milliseconds) times the run — the worker passes performance.now.
 */
export function monteCarlo(input: unknown, request: MonteCarloRequest = {}, onProgress?: (done: number, total: number) => void, clock?: () => number): MonteCarloResponse {
  return validated(input, (s) => runMonteCarlo(s, { ...request, onProgress, clock }));
}

/** The tornado: each range swung across its 90 % interval with the others at their medians. */
export function sensitivity(input: unknown): TornadoResponse {
  return validated(input, tornado);
}

/**
 * Runs the Monte Carlo and the tornado on a built-in example a few times, so that the person's
 * first run finds them compiled by the JIT. Returns the worker time it took, in milliseconds.
 */
export function warmUp(clock: () => number = () => 0): number {
  const started = clock();
  const v = validateScenario(warmUpExample);
  if (!v.ok) return clock() - started;
  for (let i = 0; i < 4; i++) runMonteCarlo(v.scenario, { samples: 10_000, seed: i + 1 });
  tornado(v.scenario);
  return clock() - started;
}

/** The optimiser (issue 14): the best plan under the scenario's goals; `onProgress` is told (done, total). */
export function optimise(input: unknown, onProgress?: (done: number, total: number) => void): Response<OptimiseResult> {
  return validated(input, (s) => optimiseScenario(s, { onProgress }));
}

export const api = {
  evaluate,
  optimise,
  monteCarlo,
  sensitivity,
  warmUp,
  /** The one load path, for text (a file, a decoded link). */
  loadText: (text: string): LoadResult => loadScenarioText(text),
  /** The one load path, for a parsed value (a stored row, an element of a library file). */
  loadValue: (value: unknown): LoadResult => loadScenarioValue(value),
  /** An imported file: one scenario or a library export, each scenario through the load path. */
  loadFile: (text: string) => loadFileText(text),
  ping: () => 'pong' as const,
};

/** What the worker exposes: the API above, with the clock supplied by the worker itself. */
export type EngineApi = Omit<typeof api, 'monteCarlo' | 'warmUp'> & {
  monteCarlo(input: unknown, request?: MonteCarloRequest, onProgress?: (done: number, total: number) => void): MonteCarloResponse;
  warmUp(): number;
};
