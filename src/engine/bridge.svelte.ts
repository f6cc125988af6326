// The engine on the page: two workers, one per work stream. The evaluator (load path,
// validation, evaluation) answers quickly and is never terminated because a call went stale: the
// caller drops stale answers (by sequence number, see planner.svelte.ts). The simulator (Monte
// Carlo, tornado) runs long calls; a cancelled Monte Carlo is stopped by the worker at its next
// pause between chunks (the tornado after it is not started), and the worker is terminated only
// when it stops answering. Either worker crashing
// settles its own pending calls and leaves the other one running. Every argument is snapshotted
// here (a Svelte state proxy cannot cross postMessage), so no caller can forget.
import { proxy, type Remote } from 'comlink';
import type { EvaluateResponse, EvaluatorApi, MonteCarloRequest, MonteCarloResponse, Response, SimulatorApi, TornadoResponse, PoolMonteCarloResponse } from '../../workers/api.ts';
import type { OptimiseResult } from '../../workers/models/optimise/search.ts';
import type { LoadResult } from '../scenario/load.ts';
import type { FileLoadResult } from '../scenario/load-file.ts';
import type { Scenario } from '../scenario/schema.ts';
import { EngineFailed, WorkerBridge, type CallOptions, type WorkerFactory, type WorkerHandle } from './worker-bridge.ts';

export { DEFAULT_TIMEOUT_MS, EngineAborted, EngineFailed, type CallOptions } from './worker-bridge.ts';

type Listener = (e: EngineFailed) => void;
type Progress = (done: number, total: number) => void;

export interface EngineFactories {
  evaluator: WorkerFactory;
  simulator: WorkerFactory;
}

export class Engine {
  readonly evaluator: WorkerBridge<EvaluatorApi>;
  readonly simulator: WorkerBridge<SimulatorApi>;
  /** How many times a worker was restarted after a failure (shown to the person). */
  restarts = $state(0);
  /** The last failure: which worker, and what happened (crash, throw, timeout). */
  lastFailure = $state.raw<EngineFailed | null>(null);
  #listeners = new Set<Listener>();
  /** The simulator start that has run the warm-up (a restarted simulator has not). */
  #warmedStart = -1;
  #warming: Promise<unknown> | null = null;

  constructor(factories: EngineFactories) {
    const failed = (e: EngineFailed) => {
      this.restarts += 1;
      this.lastFailure = e;
      for (const l of this.#listeners) l(e);
    };
    this.evaluator = new WorkerBridge('evaluator', factories.evaluator, failed);
    this.simulator = new WorkerBridge('simulator', factories.simulator, failed);
  }

  /** Tells `listener` when a worker fails and is restarted; returns an unsubscribe function. */
  onFailure(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Validates and evaluates a scenario; a good answer carries the validated scenario. */
  evaluate(scenario: unknown, options: CallOptions = {}): Promise<EvaluateResponse> {
    const plain = snapshot(scenario);
    return this.evaluator.call((api) => api.evaluate(plain) as Promise<EvaluateResponse>, options);
  }

  /** The one load path, run in the evaluator: text of a file or a decoded link. */
  loadText(text: string, options: CallOptions = {}): Promise<LoadResult> {
    return this.evaluator.call((api) => api.loadText(text) as Promise<LoadResult>, options);
  }

  /** The one load path, run in the evaluator: a stored row or an element of a library file. */
  loadValue(value: unknown, options: CallOptions = {}): Promise<LoadResult> {
    const plain = snapshot(value);
    return this.evaluator.call((api) => api.loadValue(plain) as Promise<LoadResult>, options);
  }

  /** An imported file (one scenario or a library export), through the load path. */
  loadFile(text: string, options: CallOptions = {}): Promise<FileLoadResult> {
    return this.evaluator.call((api) => api.loadFile(text) as Promise<FileLoadResult>, options);
  }

  /**
   * Monte Carlo of a scenario the evaluator validated. `onProgress` hears (done, total) as the
   * run goes (not after a cancel). The worker always reports between chunks, listened to or not:
   * each report shows the bridge that a long run is busy, not dead (issue 11: a 100,000-sample
   * run on a loaded machine outlasts the time limit). Aborting `signal` settles the call at once
   * and asks the worker to stop at its next pause between chunks (a cooperative cancel: the
   * worker is free for the next run within a chunk or two, and is not terminated). The result's
   * typed arrays arrive transferred.
   */
  monteCarlo(scenario: Scenario, request: MonteCarloRequest, onProgress: Progress | null, options: CallOptions = {}): Promise<MonteCarloResponse> {
    const plain = snapshot(scenario);
    return this.#stepwise((api, progress) => api.monteCarlo(plain, request, progress) as Promise<MonteCarloResponse>, onProgress, options);
  }

  /**
   * pool (issue 15): the pool's Monte Carlo per member, on a validated scenario; reports, and is
   * cancelled between its samples, as monteCarlo.
   */
  poolMonteCarlo(scenario: Scenario, onProgress: Progress | null, options: CallOptions = {}): Promise<PoolMonteCarloResponse> {
    const plain = snapshot(scenario);
    // Slower than the options' Monte Carlo (a full pool evaluation per sample): a longer wait before it counts as stuck.
    return this.#stepwise((api, progress) => api.poolMonteCarlo(plain, {}, progress) as Promise<PoolMonteCarloResponse>, onProgress, { timeoutMs: 180_000, ...options });
  }

  /** A Monte Carlo in the simulator: its reports show it alive; aborting `signal` while it waits asks the worker to stop it. */
  #stepwise<T>(start: (api: Remote<SimulatorApi>, progress: Progress) => Promise<T>, onProgress: Progress | null, options: CallOptions): Promise<T> {
    const signal = options.signal;
    // Only a run still waiting is cancelled (a cancel after its end, or after a crash, would start a worker for nothing).
    let waiting = true;
    signal?.addEventListener('abort', () => void (waiting && this.simulator.call((api) => api.cancelMonteCarlo()).catch(() => undefined)), { once: true });
    const run = this.simulator.call(
      (api, alive) =>
        start(
          api,
          proxy((done: number, total: number) => {
            alive();
            if (onProgress && !signal?.aborted) onProgress(done, total);
          }),
        ),
      options,
    );
    const done = () => (waiting = false);
    void run.then(done, done);
    return run;
  }

  /** The tornado of a validated scenario: each range swung across its 90 % interval. */
  sensitivity(scenario: Scenario, options: CallOptions = {}): Promise<TornadoResponse> {
    const plain = snapshot(scenario);
    return this.simulator.call((api) => api.tornado(plain) as Promise<TornadoResponse>, options);
  }

  /**
   * The optimiser (issue 14) on a validated scenario, in the simulator. Aborting `signal` settles
   * the call at once and asks the worker to stop at its next step (a cooperative cancel).
   */
  optimise(scenario: Scenario, onProgress: (done: number, total: number) => void, options: CallOptions = {}): Promise<Response<OptimiseResult>> {
    const plain = snapshot(scenario);
    const signal = options.signal;
    signal?.addEventListener('abort', () => void this.simulator.call((api) => api.cancelOptimise()).catch(() => undefined), { once: true });
    const progress = proxy((done: number, total: number) => void (signal?.aborted || onProgress(done, total)));
    return this.simulator.call((api) => api.optimiseOf(plain, progress) as Promise<Response<OptimiseResult>>, { timeoutMs: 120_000, ...options });
  }

  /**
   * Has the simulator run the Monte Carlo a few times on a built-in example (once per worker),
   * so that the person's first run is fast. Resolves when done; never rejects.
   */
  warmUpMonteCarlo(): Promise<unknown> {
    if (this.#warmedStart === this.simulator.starts) return Promise.resolve();
    this.#warming ??= this.simulator
      .call((api) => api.warmUp())
      .then(() => (this.#warmedStart = this.simulator.starts))
      .catch(() => undefined)
      .finally(() => (this.#warming = null));
    return this.#warming;
  }

  /** Starts the evaluator and waits until it answers, so the first evaluation is fast. */
  warmUp(): Promise<unknown> {
    return this.evaluator.call((api) => api.ping()).catch(() => undefined);
  }
}

/** Plain data from (possibly) reactive state, safe for postMessage and IndexedDB. */
export function snapshot<T>(value: T): T {
  return $state.snapshot(value) as T;
}

/** A browser worker as the bridge needs it: its `error` event is a crash. */
function handle(worker: Worker, onCrash: (message: string) => void): WorkerHandle {
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    onCrash(e.message);
  });
  return { endpoint: worker, terminate: () => worker.terminate() };
}

// Each `new Worker(new URL(…))` is written out so that the bundler finds the worker's entry.
export const engine = new Engine({
  evaluator: (onCrash) => handle(new Worker(new URL('../../workers/evaluator.worker.ts', import.meta.url), { type: 'module', name: 'evaluator' }), onCrash),
  simulator: (onCrash) => handle(new Worker(new URL('../../workers/simulator.worker.ts', import.meta.url), { type: 'module', name: 'simulator' }), onCrash),
});
