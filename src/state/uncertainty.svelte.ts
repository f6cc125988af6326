// The uncertainty of the evaluated scenario: the Monte Carlo and the tornado, run in the
// simulator worker after each good evaluation when the scenario has ranges, on the scenario the
// evaluator validated. One run at a time; a newer scenario cancels the run in progress — the
// simulator stops it at its next pause between chunks, cooperatively, without being restarted —
// and runs next, replacing any older one waiting (the latest wins). Cancelling settles the run at
// once: the worker stops it, its answer is dropped and the tornado after it is not started. The
// engine is injected (tests fake it).
import { EngineAborted, engine, type Engine } from '../engine/bridge.svelte.ts';
import { FIRST_LOOK_SAMPLES } from '../scenario/constants.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { MonteCarloResult } from '../../workers/models/uncertainty/montecarlo.ts';
import type { TornadoResult } from '../../workers/models/uncertainty/tornado.ts';
import type { PoolMonteCarloResult } from '../../workers/models/uncertainty/pool-montecarlo.ts';
import { failureOf, type Failure } from './evaluation.svelte.ts';

/** Quiet time after an edit before the uncertainty runs again, in milliseconds. */
const QUIET_MS = 200;

/** What the uncertainty needs of the engine. */
export type SimulatorEngine = Pick<Engine, 'warmUpMonteCarlo' | 'monteCarlo' | 'sensitivity'> & Partial<Pick<Engine, 'poolMonteCarlo'>>;

export class Uncertainty {
  result = $state.raw<MonteCarloResult | null>(null);
  /**
   * The first look (FIRST_LOOK_SAMPLES) shown while the full run goes, when nothing was shown
   * before; null once the full run is in `result`. Never in `result`: what reads the results
   * (export, report, token figures) only ever sees a full run.
   */
  firstLook = $state.raw<MonteCarloResult | null>(null);
  /** The samples of the full run the first look stands in for. */
  firstLookOf = $state(0);
  tornado = $state.raw<TornadoResult | null>(null);
  /** pool (issue 15): each member's cost in the pool and alone across the ranges (null: no pool, or not run yet). */
  pool = $state.raw<PoolMonteCarloResult | null>(null);
  /** pool (issue 15): whether the pool's run goes (after the options'), and why it gave nothing (the options' figures stay). */
  poolRunning = $state(false);
  poolFailure = $state.raw<Failure | null>(null);
  running = $state(false);
  /** Share of the samples done, 0–1, while a run goes. */
  progress = $state(0);
  /** Samples of the run in progress. */
  runningSamples = $state(0);
  /** True when the results shown are not those of the latest scenario (a run is due, was cancelled or failed). */
  stale = $state(false);
  cancelled = $state(false);
  failure = $state.raw<Failure | null>(null);

  #next: Scenario | null = null;
  #last: Scenario | null = null;
  #controller: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `firstLookSamples`: 0 for no first look (the full run only). */
  constructor(
    private readonly engine: SimulatorEngine,
    private readonly quietMs = QUIET_MS,
    private readonly firstLookSamples = 0,
  ) {}

  /** Runs the uncertainty of `s` (a valid, plain scenario), now or after the run in progress. */
  request(s: Scenario | null): void {
    if (!s) return;
    this.#last = s;
    if (s.uncertainty.ranges.length === 0) {
      // Nothing uncertain: nothing to show (a run in progress is stopped and discarded).
      clearTimeout(this.#timer);
      this.#next = null;
      this.#controller?.abort();
      this.result = null;
      this.firstLook = null;
      this.tornado = null;
      this.pool = null;
      this.poolFailure = null;
      this.stale = false;
      this.cancelled = false;
      this.failure = null;
      return;
    }
    if (this.result || this.firstLook) this.stale = true;
    // While the person types, wait for a pause: one run for a burst of edits, and the processor
    // left to the page meanwhile.
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (this.#last !== s) return;
      if (this.running) {
        // The run in progress is out of date: the simulator stops it between two chunks, and this one runs next.
        this.#next = s;
        this.#controller?.abort();
      } else void this.#run(s);
    }, this.quietMs);
  }

  /** Runs the latest scenario again (after a cancel or a failure). */
  rerun(): void {
    this.request(this.#last);
  }

  /** Stops the run in progress; the results shown stay, marked out of date. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#next = null;
    this.#controller?.abort();
  }

  async #run(s: Scenario): Promise<void> {
    const controller = new AbortController();
    this.#controller = controller;
    this.running = true;
    this.progress = 0;
    this.runningSamples = s.uncertainty.samples;
    this.cancelled = false;
    this.failure = null;
    const signal = controller.signal;
    try {
      await this.engine.warmUpMonteCarlo();
      // Start when the page has drawn the evaluation it just received: the worker then has the
      // processor to itself instead of sharing it with the charts.
      await idle();
      if (signal.aborted) throw new EngineAborted('cancelled');
      // Nothing shown yet: a first look of a few samples at once, then the full run replaces it.
      if (this.firstLookSamples > 0 && !this.result && !this.firstLook && s.uncertainty.samples > this.firstLookSamples) {
        this.runningSamples = this.firstLookSamples;
        const look = await this.engine.monteCarlo(s, { samples: this.firstLookSamples }, null, { signal });
        if (this.#next || this.#last !== s) return;
        // A failed first look shows nothing: the full run says what went wrong.
        if (look.ok) {
          this.firstLook = look.result;
          this.firstLookOf = s.uncertainty.samples;
          this.stale = false;
        }
        this.runningSamples = s.uncertainty.samples;
      }
      const mc = await this.engine.monteCarlo(s, {}, (done, total) => (this.progress = done / total), { signal });
      // A newer scenario is waiting, or has no ranges: these results are already out of date, and
      // the simulator goes on to the newer one instead of its tornado.
      if (this.#next || this.#last !== s) return;
      const tornado = mc.ok ? await this.engine.sensitivity(s, { signal }) : null;
      if (this.#next || this.#last !== s) return;
      if (!mc.ok || (tornado && !tornado.ok)) {
        const error = !mc.ok ? mc.error : tornado && !tornado.ok ? tornado.error : null;
        this.failure = { key: 'failure.model', detail: error?.kind === 'modelError' ? error.message : '' };
        this.stale = this.result !== null;
        return;
      }
      this.result = mc.result;
      this.firstLook = null;
      this.tornado = tornado!.result;
      this.stale = false;
      // pool (issue 15): then each member's figures (slower: a full pool evaluation per sample), when the scenario has a pool.
      this.pool = null;
      this.poolFailure = null;
      if (s.pool && this.engine.poolMonteCarlo) await this.#runPool(s, signal);
    } catch (e) {
      if (e instanceof EngineAborted || signal.aborted) {
        // Superseded by a newer scenario (or one without ranges), or cancelled by the person.
        if (this.#next || this.#last !== s) return;
        this.cancelled = true;
        this.stale = this.result !== null || (this.firstLook !== null && this.#last !== s);
      } else {
        this.failure = failureOf(e);
        this.stale = this.result !== null || (this.firstLook !== null && this.#last !== s);
      }
    } finally {
      this.running = false;
      this.#controller = null;
      const next = this.#next;
      this.#next = null;
      if (next) void this.#run(next);
    }
  }

  /**
   * pool (issue 15): each member's figures across the ranges, after the options' run. A failure
   * (the model's, a crash, a timeout) is the pool's own: said beside the pool's table, the options'
   * figures staying as they are. Stopped (a newer scenario, or `cancelled` between two samples): nothing.
   */
  async #runPool(s: Scenario, signal: AbortSignal): Promise<void> {
    this.poolRunning = true;
    try {
      const p = await this.engine.poolMonteCarlo!(s, null, { signal });
      if (this.#next || this.#last !== s) return;
      if (p.ok) this.pool = p.result;
      else if (p.error.kind !== 'cancelled') this.poolFailure = { key: 'failure.model', detail: p.error.kind === 'modelError' ? p.error.message : '' };
    } catch (e) {
      if (e instanceof EngineAborted || signal.aborted) throw e;
      if (this.#last === s) this.poolFailure = failureOf(e);
    } finally {
      this.poolRunning = false;
    }
  }
}

/** Resolves when the main thread is idle (or after 200 ms at most). */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 200 });
    else setTimeout(resolve, 0);
  });
}

export const uncertainty = new Uncertainty(engine, QUIET_MS, FIRST_LOOK_SAMPLES);
