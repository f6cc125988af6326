// One bridge per work stream (squoosh keeps one WorkerBridge per stream): it owns one worker,
// starts it lazily, gives every call a time limit, and settles every pending call when the worker
// crashes, throws or stops answering (Comlink alone leaves promises waiting after `terminate`:
// comlink#428, #601). A call its caller cancels is settled at once, but the worker is NOT
// terminated: it finishes what it is doing and its answer is dropped. The worker is terminated
// only when it stops answering or crashes. A call's time limit is a liveness limit: the time
// without any sign of life from the worker (an answer, or a report a long run sends between its
// chunks — see `alive` in `call`), so a busy worker that reports is not taken for a dead one. Plain TypeScript: the
// worker is made by an injected factory, so the tests give it a fake one.
import { wrap, type Endpoint, type Remote } from 'comlink';

export type WorkerName = 'evaluator' | 'simulator';

/** A call cancelled by its caller (a newer input superseded it, or the person cancelled). */
export class EngineAborted extends Error {
  override name = 'EngineAborted';
}

/**
 * A worker failed: it crashed (or threw outside a call), a call threw (expected failures come
 * back as values, so a throw means something went wrong inside), or it stopped answering.
 */
export class EngineFailed extends Error {
  override name = 'EngineFailed';
  constructor(
    readonly reason: 'crashed' | 'threw' | 'timeout',
    message: string,
    readonly worker: WorkerName = 'evaluator',
  ) {
    super(message);
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A started worker, as the bridge needs it. */
export interface WorkerHandle {
  endpoint: Endpoint;
  terminate(): void;
}

/** Starts a worker; `onCrash` is called when it fails outside a call (its script threw, it died). */
export type WorkerFactory = (onCrash: (message: string) => void) => WorkerHandle;

export class WorkerBridge<Api> {
  #handle: WorkerHandle | null = null;
  #remote: Remote<Api> | null = null;
  /** Bumped when a worker is thrown away: answers of an older generation are ignored. */
  #generation = 0;
  /** The callers still waiting, each told when the worker fails. */
  #pending = new Set<(e: EngineFailed) => void>();
  /** How many workers this bridge has started (1 while nothing failed). */
  starts = 0;
  /** When the current worker last showed it is alive (started, answered or reported), by `now`. */
  #lastSignMs = 0;

  constructor(
    readonly name: WorkerName,
    private readonly factory: WorkerFactory,
    private readonly onFailure: (e: EngineFailed) => void = () => undefined,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Calls waiting for an answer. */
  get pendingCount(): number {
    return this.#pending.size;
  }

  #start(): Remote<Api> {
    if (!this.#remote) {
      const generation = this.#generation;
      this.#handle = this.factory((message) => {
        if (generation === this.#generation) this.#fail(new EngineFailed('crashed', message || `the ${this.name} worker stopped`, this.name));
      });
      this.#remote = wrap<Api>(this.#handle.endpoint);
      this.starts += 1;
      this.#lastSignMs = this.now();
    }
    return this.#remote;
  }

  /** The worker failed: terminate it (the next call starts a fresh one), settle every pending call. */
  #fail(e: EngineFailed): void {
    this.#handle?.terminate();
    this.#handle = null;
    this.#remote = null;
    this.#generation += 1;
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const reject of pending) reject(e);
    this.onFailure(e);
  }

  /**
   * Calls `fn` on the worker's API. Aborting `signal` settles this call at once with
   * EngineAborted; the worker goes on (its answer is dropped) and is terminated only if it shows
   * no sign of life for the time limit. `fn` gets `alive`, to call when the worker reports during
   * the call (a progress message between chunks): the worker is busy, not dead, for every call
   * waiting on it.
   */
  call<T>(fn: (api: Remote<Api>, alive: () => void) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const { signal, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
    if (signal?.aborted) return Promise.reject(new EngineAborted('aborted before start'));
    return new Promise<T>((resolve, reject) => {
      const remote = this.#start();
      const generation = this.#generation;
      let settled = false;
      const settle = (done: () => void) => {
        if (settled) return;
        settled = true;
        this.#pending.delete(onFailure);
        signal?.removeEventListener('abort', onAbort);
        done();
      };
      const onFailure = (e: EngineFailed) => settle(() => reject(e));
      const onAbort = () => settle(() => reject(new EngineAborted('superseded')));
      this.#pending.add(onFailure);
      signal?.addEventListener('abort', onAbort, { once: true });
      // The worker's liveness: its answer must come, even when nobody waits for it any more, and
      // the worker may not stay silent longer than the limit meanwhile.
      const startedMs = this.now();
      let timer: ReturnType<typeof setTimeout>;
      const watch = (delayMs: number) => {
        timer = setTimeout(() => {
          if (generation !== this.#generation) return;
          const silentMs = this.now() - Math.max(startedMs, this.#lastSignMs);
          if (silentMs < timeoutMs) watch(timeoutMs - silentMs);
          else this.#fail(new EngineFailed('timeout', `no answer within ${timeoutMs / 1000} s`, this.name));
        }, delayMs);
      };
      watch(timeoutMs);
      const alive = () => {
        if (generation === this.#generation) this.#lastSignMs = this.now();
      };
      fn(remote, alive).then(
        (v) => {
          clearTimeout(timer);
          alive();
          if (generation === this.#generation) settle(() => resolve(v));
        },
        (e: unknown) => {
          clearTimeout(timer);
          // The worker's state is suspect: it is restarted and every pending call is told.
          if (generation === this.#generation) this.#fail(new EngineFailed('threw', e instanceof Error ? e.message : String(e), this.name));
        },
      );
    });
  }
}
