// The functions the two workers expose, by name. Pure: the glue files (evaluator.worker.ts,
// simulator.worker.ts) only hand these objects to Comlink, and the page types its proxies as
// Remote<…>. Validation and the load path run in the evaluator, so the page does not load the
// validator; the simulator runs on the scenario the evaluator validated (validated once per edit).
import { loadScenarioText, loadScenarioValue, validateScenario, type LoadResult, type ScenarioIssue } from '../src/scenario/load.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { FIRST_LOOK_SAMPLES } from '../src/scenario/constants.ts';
import { loadFileText } from '../src/scenario/load-file.ts';
import warmUpExample from '../public/examples/mix-buy-cloud-decentralised.json';
import { evaluatePlanning } from './models/pool.ts';
import type { EvaluationResult } from './models/types.ts';
import { monteCarloSteps, runMonteCarlo, type MonteCarloResult } from './models/uncertainty/montecarlo.ts';
import { tornado, type TornadoResult } from './models/uncertainty/tornado.ts';
import { poolMonteCarloSteps, type PoolMonteCarloResult } from './models/uncertainty/pool-montecarlo.ts';
import { optimise as optimiseScenario, optimiseSteps, type OptimiseResult } from './models/optimise/search.ts';

/** Why a model call gave no result: the scenario is invalid, or the model failed on it. */
export type ModelFailure = { kind: 'invalid'; issues: ScenarioIssue[] } | { kind: 'modelError'; message: string };
export type Response<T> = { ok: true; result: T } | { ok: false; error: ModelFailure };
/** The evaluation, with the scenario as validated: the simulator runs on it without validating again. */
export type EvaluateResponse = { ok: true; result: EvaluationResult; scenario: Scenario } | { ok: false; error: ModelFailure };
/** A run stopped between its steps by cancelMonteCarlo (its caller had gone). */
export type Cancelled = { ok: false; error: { kind: 'cancelled' } };
/** The simulator's Monte Carlo may also answer `cancelled`: stopped between its chunks. */
export type MonteCarloResponse = Response<MonteCarloResult> | Cancelled;
export type TornadoResponse = Response<TornadoResult>;
/** pool (issue 15): the pool's Monte Carlo per member (null: the scenario has no pool); `cancelled` as the options' one. */
export type PoolMonteCarloResponse = Response<PoolMonteCarloResult | null> | Cancelled;

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

/** Runs `model` on a scenario already validated. Expected failures are values, not throws. */
function guarded<T>(s: Scenario, model: (s: Scenario) => T): Response<T> {
  try {
    return { ok: true, result: model(s) };
  } catch (e) {
    return { ok: false, error: { kind: 'modelError', message: e instanceof Error ? e.message : String(e) } };
  }
}

/** Validates and evaluates a scenario; the validated scenario comes back with the result. */
export function evaluate(input: unknown): EvaluateResponse {
  const v = validateScenario(input);
  if (!v.ok) return { ok: false, error: { kind: 'invalid', issues: v.issues } };
  const r = guarded(v.scenario, evaluatePlanning);
  return r.ok ? { ok: true, result: r.result, scenario: v.scenario } : r;
}

/** The simulator's Monte Carlo runs (of the options and of the pool) in this worker: a cancel stops every run started before it. */
let monteCarloRuns = 0;
let monteCarloStoppedBefore = 0;

/** Asks the running Monte Carlo, of the options or of the pool (if any), to stop at its next pause between steps. */
export function cancelMonteCarlo(): void {
  monteCarloStoppedBefore = monteCarloRuns + 1;
}

/**
 * Runs the generator `steps` makes to its end, in slices: every `sliceMs` of work (by `clock`) it
 * awaits `pause` — the worker passes a macrotask, which lets its other messages in, so that a
 * cancel reaches the run — and answers `cancelled` when `stopped()` says so (a cooperative cancel:
 * the worker is not terminated). The Monte Carlo of the options and of the pool run through it.
 */
async function stepwise<T>(
  steps: () => Generator<number, T, void>,
  clock: () => number,
  pause: () => Promise<void>,
  sliceMs: number,
  stopped: () => boolean,
): Promise<Response<T> | Cancelled> {
  let run: Generator<number, T, void> | null = null;
  try {
    run = steps();
    let sliceStart = clock();
    for (;;) {
      const r = run.next();
      if (r.done) return { ok: true, result: r.value };
      if (clock() - sliceStart >= sliceMs) {
        await pause();
        if (stopped()) return { ok: false, error: { kind: 'cancelled' } };
        sliceStart = clock();
      }
    }
  } catch (e) {
    return { ok: false, error: { kind: 'modelError', message: e instanceof Error ? e.message : String(e) } };
  } finally {
    // A run stopped between its steps gives back what it holds (the options' output buffer).
    run?.return(undefined as never);
  }
}

/**
 * Monte Carlo of a scenario the evaluator has validated (the simulator's entry: no second
 * validation), chunk by chunk (stepwise): cancelMonteCarlo() stops it at its next pause, and it
 * answers `cancelled`. `onProgress` hears (done, total). The figures are runMonteCarlo's, bit for bit.
 */
export function monteCarloOf(
  s: Scenario,
  request: MonteCarloRequest = {},
  onProgress?: (done: number, total: number) => void,
  clock: () => number = () => 0,
  pause: () => Promise<void> = () => Promise.resolve(),
  // A browser's nested timeout waits at least 4 ms: a pause every 40 ms of work costs at most a tenth of the run.
  sliceMs = 40,
): Promise<MonteCarloResponse> {
  const run = ++monteCarloRuns;
  return stepwise(() => monteCarloSteps(s, { ...request, onProgress, clock }), clock, pause, sliceMs, () => monteCarloStoppedBefore > run);
}

/**
 * pool (issue 15): the pool's Monte Carlo per member, on a scenario the evaluator has validated,
 * sample by sample (stepwise): cancelMonteCarlo() stops it too, between two samples. `onProgress`
 * hears (done, total). The figures are runPoolMonteCarlo's, bit for bit.
 */
export function poolMonteCarloOf(
  s: Scenario,
  request: MonteCarloRequest = {},
  onProgress?: (done: number, total: number) => void,
  clock: () => number = () => 0,
  pause: () => Promise<void> = () => Promise.resolve(),
  sliceMs = 40,
): Promise<PoolMonteCarloResponse> {
  const run = ++monteCarloRuns;
  return stepwise(() => poolMonteCarloSteps(s, { ...request, onProgress }), clock, pause, sliceMs, () => monteCarloStoppedBefore > run);
}

/** The tornado of a scenario the evaluator has validated. */
export function tornadoOf(s: Scenario): TornadoResponse {
  return guarded(s, tornado);
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
 * first run finds them compiled by the JIT: the runs the page makes (the first look, then the
 * scenario's own samples, with a progress listener and the clock, as the simulator passes them).
 * Returns the worker time it took, in milliseconds. It changes no figure (test/unit/models/warm-up.test.ts).
 */
export function warmUp(clock: () => number = () => 0): number {
  const started = clock();
  const v = validateScenario(warmUpExample);
  if (!v.ok) return clock() - started;
  const onProgress = () => undefined;
  for (let i = 0; i < 4; i++) {
    runMonteCarlo(v.scenario, { samples: FIRST_LOOK_SAMPLES, seed: i + 1, onProgress, clock });
    runMonteCarlo(v.scenario, { samples: v.scenario.uncertainty.samples, seed: i + 1, onProgress, clock });
  }
  tornado(v.scenario);
  return clock() - started;
}

/** The optimiser (issue 14): the best plan under the scenario's goals; `onProgress` is told (done, total). */
export function optimise(input: unknown, onProgress?: (done: number, total: number) => void): Response<OptimiseResult> {
  return validated(input, (s) => optimiseScenario(s, { onProgress }));
}

/** The optimiser's runs in this worker: a cancel stops every run started before it. */
let optimiseRuns = 0;
let optimiseStoppedBefore = 0;

/** Asks the running optimiser (if any) to stop at its next step. */
export function cancelOptimise(): void {
  optimiseStoppedBefore = optimiseRuns + 1;
}

/**
 * The optimiser of a scenario the evaluator validated, in steps: every `sliceMs` of work (by
 * `clock`) it awaits `pause` — the worker passes a macrotask, which lets its other messages in,
 * so that cancelOptimise() reaches the run: a cooperative cancel between steps. `onProgress`
 * hears (done, total).
 */
export async function optimiseOf(
  s: Scenario,
  onProgress?: (done: number, total: number) => void,
  clock: () => number = () => 0,
  pause: () => Promise<void> = () => Promise.resolve(),
  sliceMs = 30,
): Promise<Response<OptimiseResult>> {
  const run = ++optimiseRuns;
  try {
    const steps = optimiseSteps(s, { onProgress, shouldStop: () => optimiseStoppedBefore > run });
    let sliceStart = clock();
    for (;;) {
      const r = steps.next();
      if (r.done) return { ok: true, result: r.value };
      if (clock() - sliceStart > sliceMs) {
        await pause();
        sliceStart = clock();
      }
    }
  } catch (e) {
    return { ok: false, error: { kind: 'modelError', message: e instanceof Error ? e.message : String(e) } };
  }
}

/** Short work: the load path, validation, evaluation. Its worker is never terminated for a stale call. */
export const evaluatorApi = {
  evaluate,
  /** The one load path, for text (a file, a decoded link). */
  loadText: (text: string): LoadResult => loadScenarioText(text),
  /** The one load path, for a parsed value (a stored row, an element of a library file). */
  loadValue: (value: unknown): LoadResult => loadScenarioValue(value),
  /** An imported file: one scenario or a library export, each scenario through the load path. */
  loadFile: (text: string) => loadFileText(text),
  ping: () => 'pong' as const,
};

/** Long work: Monte Carlo and tornado, on validated scenarios. The Monte Carlo (of the options and of the pool) and the optimiser are cancelled between their steps, the tornado between calls. */
export const simulatorApi = {
  monteCarlo: monteCarloOf,
  cancelMonteCarlo,
  tornado: tornadoOf,
  poolMonteCarlo: poolMonteCarloOf,
  optimise,
  optimiseOf,
  cancelOptimise,
  warmUp,
  ping: () => 'pong' as const,
};

/** Everything, validating each input (for the command line and the Node bench). */
export const api = { ...evaluatorApi, monteCarlo, sensitivity, optimise, warmUp };

export type EvaluatorApi = typeof evaluatorApi;
/** What the simulator worker exposes: the API above, with the clock supplied by the worker itself. */
export type SimulatorApi = Omit<typeof simulatorApi, 'monteCarlo' | 'poolMonteCarlo' | 'warmUp' | 'optimiseOf'> & {
  optimiseOf(s: Scenario, onProgress?: (done: number, total: number) => void): Promise<Response<OptimiseResult>>;
  monteCarlo(s: Scenario, request?: MonteCarloRequest, onProgress?: (done: number, total: number) => void): Promise<MonteCarloResponse>;
  poolMonteCarlo(s: Scenario, request?: MonteCarloRequest, onProgress?: (done: number, total: number) => void): Promise<PoolMonteCarloResponse>;
  warmUp(): number;
};
