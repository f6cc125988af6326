// The one owner of the engine worker on the page. It starts the worker lazily, snapshots every
// argument (a Svelte state proxy cannot cross postMessage), gives every call an AbortSignal and
// a time limit, and when a run is superseded, times out or the worker crashes, it terminates
// the worker and settles every pending call — Comlink alone would leave them waiting forever.
import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi, EvaluateResponse, MonteCarloRequest, MonteCarloResponse, TornadoResponse } from '../../workers/api.ts';
import type { LoadResult } from '../scenario/load.ts';
import type { FileLoadResult } from '../scenario/load-file.ts';

/** A call cancelled by its caller (a newer input superseded it). */
export class EngineAborted extends Error {
  override name = 'EngineAborted';
}

/**
 * The worker failed: it crashed (or threw outside a call), a call threw (expected failures come
 * back as values, so a throw means something went wrong inside), or it ran past the time limit.
 */
export class EngineFailed extends Error {
  override name = 'EngineFailed';
  constructor(
    readonly reason: 'crashed' | 'threw' | 'timeout',
    message: string,
  ) {
    super(message);
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;

interface Pending {
  reject(e: Error): void;
  /** Re-issues the call on a fresh worker (used when another call's cancellation restarted it). */
  retry(): void;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

type Listener = (e: EngineFailed) => void;

class EngineBridge {
  #worker: Worker | null = null;
  #remote: Remote<EngineApi> | null = null;
  #pending = new Set<Pending>();
  #listeners = new Set<Listener>();
  /** The worker that has run the Monte Carlo warm-up (a restarted worker has not). */
  #warmed: Worker | null = null;
  #warming: Promise<unknown> | null = null;
  /** How many times the worker was restarted after a failure (shown to the person). */
  restarts = $state(0);

  /** Tells `listener` when the worker fails and is restarted; returns an unsubscribe function. */
  onFailure(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #start(): Remote<EngineApi> {
    if (!this.#remote) {
      const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        this.#fail(new EngineFailed('crashed', e.message || 'the engine worker stopped'));
      });
      this.#worker = worker;
      this.#remote = wrap<EngineApi>(worker);
    }
    return this.#remote;
  }

  #terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#remote = null;
  }

  /** The worker failed: restart it, reject every pending call, tell the listeners. */
  #fail(e: EngineFailed): void {
    this.#terminate();
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const p of pending) p.reject(e);
    this.restarts += 1;
    for (const l of this.#listeners) l(e);
  }

  /** Validates and evaluates a scenario (a snapshot is taken here, so callers may pass state). */
  evaluate(scenario: unknown, options: CallOptions = {}): Promise<EvaluateResponse> {
    const plain = snapshot(scenario);
    return this.#call((api) => api.evaluate(plain) as Promise<EvaluateResponse>, options);
  }

  /** The one load path, run in the worker: text of a file or a decoded link. */
  loadText(text: string, options: CallOptions = {}): Promise<LoadResult> {
    return this.#call((api) => api.loadText(text) as Promise<LoadResult>, options);
  }

  /** The one load path, run in the worker: a stored row or an element of a library file. */
  loadValue(value: unknown, options: CallOptions = {}): Promise<LoadResult> {
    const plain = snapshot(value);
    return this.#call((api) => api.loadValue(plain) as Promise<LoadResult>, options);
  }

  /** An imported file (one scenario or a library export), through the load path. */
  loadFile(text: string, options: CallOptions = {}): Promise<FileLoadResult> {
    return this.#call((api) => api.loadFile(text) as Promise<FileLoadResult>, options);
  }

  /**
   * Monte Carlo over the scenario's ranges. `onProgress` hears (done, total) as the run goes. The
   * result's typed arrays arrive transferred. Aborting the signal stops the run (the worker is
   * restarted: a run does not pause to listen).
   */
  monteCarlo(scenario: unknown, request: MonteCarloRequest, onProgress: ((done: number, total: number) => void) | null, options: CallOptions = {}): Promise<MonteCarloResponse> {
    const plain = snapshot(scenario);
    const progress = onProgress ? proxy(onProgress) : undefined;
    return this.#call((api) => api.monteCarlo(plain, request, progress) as Promise<MonteCarloResponse>, options);
  }

  /** The tornado: each range swung across its 90 % interval, the others at their medians. */
  sensitivity(scenario: unknown, options: CallOptions = {}): Promise<TornadoResponse> {
    const plain = snapshot(scenario);
    return this.#call((api) => api.sensitivity(plain) as Promise<TornadoResponse>, options);
  }

  /**
   * Has the worker run the Monte Carlo a few times on a built-in example (once per worker), so
   * that the person's first run is fast. Resolves when done; never rejects.
   */
  warmUpMonteCarlo(): Promise<unknown> {
    if (this.#warmed !== null && this.#warmed === this.#worker) return Promise.resolve();
    this.#warming ??= this.#call((api) => api.warmUp())
      .then(() => (this.#warmed = this.#worker))
      .catch(() => undefined)
      .finally(() => (this.#warming = null));
    return this.#warming;
  }

  /** Calls `fn` on the worker's API with plain-data arguments. */
  #call<T>(fn: (api: Remote<EngineApi>) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const { signal, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
    if (signal?.aborted) return Promise.reject(new EngineAborted('aborted before start'));
    return new Promise<T>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let settled = false;
      const entry: Pending = {
        reject: (e) => finish(() => reject(e)),
        retry: () => issue(),
      };
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.#pending.delete(entry);
        settle();
      };
      const onAbort = () => {
        // Cancelling a run that is still going: stop the worker. Other pending calls did not ask
        // to be cancelled, so they are re-issued on a fresh worker.
        this.#pending.delete(entry);
        const others = [...this.#pending];
        this.#terminate();
        finish(() => reject(new EngineAborted('superseded')));
        for (const p of others) p.retry();
      };
      const issue = () => {
        clearTimeout(timer);
        const remote = this.#start();
        const worker = this.#worker;
        timer = setTimeout(() => {
          if (this.#worker === worker) this.#fail(new EngineFailed('timeout', `no answer within ${timeoutMs / 1000} s`));
        }, timeoutMs);
        fn(remote).then(
          (v) => {
            if (this.#worker === worker) finish(() => resolve(v));
          },
          (e: unknown) => {
            // The worker is restarted (its state is suspect) and every pending call is told.
            if (this.#worker === worker) this.#fail(new EngineFailed('threw', e instanceof Error ? e.message : String(e)));
          },
        );
      };
      this.#pending.add(entry);
      signal?.addEventListener('abort', onAbort, { once: true });
      issue();
    });
  }

  /** Starts the worker and waits until it answers, so the first real run is fast. */
  warmUp(): Promise<unknown> {
    return this.#call((api) => api.ping()).catch(() => undefined);
  }
}

/** Plain data from (possibly) reactive state, safe for postMessage and IndexedDB. */
export function snapshot<T>(value: T): T {
  return $state.snapshot(value) as T;
}

export const engine = new EngineBridge();
