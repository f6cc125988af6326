// The evaluation of the scenario being edited (a ScenarioDocument). Every numeric edit
// re-evaluates in the evaluator worker, one call at a time; an answer that a newer edit made stale
// is dropped by its sequence number (the latest input wins, and the worker is not restarted); a
// failed evaluation keeps the last good results, marked out of date. The engine is injected (tests fake it).
import type { ScenarioIssue } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Engine } from '../engine/bridge.svelte.ts';
import { EngineAborted, EngineFailed } from '../engine/worker-bridge.ts';
import type { EvaluationResult } from '../../workers/models/types.ts';
import type { ScenarioDocument } from './document.svelte.ts';
import { formatPath } from './paths.ts';

export type Failure = { key: 'failure.model' | 'failure.crashed' | 'failure.threw' | 'failure.timeout'; detail: string };

/** What the person is told when a call to the worker fails (the engine's reason, or the model's message). */
export function failureOf(e: unknown): Failure {
  if (e instanceof EngineFailed) return { key: `failure.${e.reason}`, detail: e.message };
  return { key: 'failure.model', detail: e instanceof Error ? e.message : String(e) };
}

/** What the planner needs of the engine. */
export type EvaluatorEngine = Pick<Engine, 'evaluate'>;

export class Planner {
  /** The last good evaluation, kept when a later input is invalid. */
  result = $state.raw<EvaluationResult | null>(null);
  /** The scenario (plain, as validated) that `result` was computed from: the uncertainty runs on it. */
  evaluated = $state.raw<Scenario | null>(null);
  issues = $state.raw<ScenarioIssue[]>([]);
  /** True when `result` does not match the current inputs (they are invalid, or the run failed). */
  stale = $state(false);
  failure = $state.raw<Failure | null>(null);
  running = $state(false);

  /** Validation issues by field path ("options.0.pue"), for the editor. */
  issuesByPath = $derived.by(() => {
    const map = new Map<string, ScenarioIssue[]>();
    for (const i of this.issues) {
      const key = formatPath(i.path);
      map.set(key, [...(map.get(key) ?? []), i]);
    }
    return map;
  });

  /** Sequence number of the latest evaluation: an answer to an older one is dropped. */
  #seq = 0;

  constructor(
    /** The scenario as edited: it may hold invalid values (NaN) while the person types. */
    readonly doc: ScenarioDocument,
    private readonly engine: EvaluatorEngine,
  ) {}

  /** The scenario being edited (writes through it are edits of the document). */
  get scenario(): Scenario {
    return this.doc.scenario;
  }

  /** How many evaluations were asked for (the latest one's sequence number). */
  get evaluations(): number {
    return this.#seq;
  }

  /** The evaluation in flight (one at a time), which goes on until it has evaluated the latest edit. */
  #inFlight: Promise<void> | null = null;

  /**
   * Evaluates the current scenario. One call is in flight at a time: an edit made meanwhile is
   * evaluated when it answers, and that answer, stale by its sequence number, is dropped. While a
   * person types, the page thus draws only figures of the latest input, and the worker is never
   * restarted. Resolves once the latest edit is evaluated.
   */
  evaluate(): Promise<void> {
    this.#seq += 1;
    this.running = true;
    this.#inFlight ??= this.#drain().finally(() => {
      this.#inFlight = null;
      this.running = false;
    });
    return this.#inFlight;
  }

  async #drain(): Promise<void> {
    for (let seq = 0; seq !== this.#seq; ) {
      seq = this.#seq;
      const plain = this.doc.snapshot();
      try {
        const r = await this.engine.evaluate(plain);
        if (seq === this.#seq) this.#apply(plain, r);
      } catch (e) {
        if (e instanceof EngineAborted) continue;
        // The worker failed (it is restarted): the person is told, whichever edit it was on, and
        // nothing is sent again by itself — the next edit or "Compute again" evaluates the latest.
        this.failure = failureOf(e);
        this.stale = this.result !== null;
        if (e instanceof EngineFailed) return;
      }
    }
  }

  #apply(plain: Scenario, r: Awaited<ReturnType<EvaluatorEngine['evaluate']>>): void {
    if (r.ok) {
      this.result = r.result;
      this.evaluated = r.scenario;
      this.issues = [];
      this.stale = false;
      this.failure = null;
    } else if (r.error.kind === 'invalid') {
      this.issues = r.error.issues;
      // Another scenario's figures are not this one's "last good values" (one just opened with faults).
      if (this.evaluated?.id !== plain.id) {
        this.result = null;
        this.evaluated = null;
      }
      this.stale = this.result !== null;
      this.failure = null;
    } else {
      this.failure = { key: 'failure.model', detail: r.error.message };
      this.stale = this.result !== null;
    }
  }

  /** Replaces the scenario being edited (an example, a library entry, a link). */
  open(s: Scenario): void {
    // The figures shown are out of date until this scenario is evaluated.
    if (this.result) this.stale = true;
    this.doc.open(s);
    this.issues = [];
  }

  issueAt(path: string): ScenarioIssue | undefined {
    return this.issuesByPath.get(path)?.[0];
  }
}

