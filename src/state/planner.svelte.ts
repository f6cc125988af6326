// The scenario being edited and its latest evaluation. Every edit re-evaluates in the worker;
// the run it makes stale is cancelled (the latest input wins); a failed evaluation keeps the
// last good results, marked out of date.
import defaultExampleEn from '../../public/examples/mix-buy-cloud-decentralised.json' with { type: 'json' };
import defaultExampleFr from '../../public/examples/fr/mix-buy-cloud-decentralised.json' with { type: 'json' };
import type { ScenarioIssue } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { EngineAborted, EngineFailed, engine, snapshot } from '../engine/bridge.svelte.ts';
import type { EvaluationResult } from '../../workers/models/types.ts';
import { formatPath } from './paths.ts';
import { prefs } from './prefs.svelte.ts';

export type Failure = { key: 'failure.model' | 'failure.crashed' | 'failure.threw' | 'failure.timeout'; detail: string };

/** What the person is told when a call to the worker fails (the engine's reason, or the model's message). */
export function failureOf(e: unknown): Failure {
  if (e instanceof EngineFailed) return { key: `failure.${e.reason}`, detail: e.message };
  return { key: 'failure.model', detail: e instanceof Error ? e.message : String(e) };
}

/** Where an example file is, in the page's language. */
export function exampleUrl(base: string, file: string, lang: string): string {
  return `${base}examples/${lang === 'fr' ? 'fr/' : ''}${file}`;
}

export const EXAMPLES = [
  { file: 'mix-buy-cloud-decentralised.json', key: 'example.mix' },
  { file: 'fr-buy-8xh100-colocation.json', key: 'example.frBuy' },
  { file: 'cloud-h100-on-demand.json', key: 'example.cloud' },
  { file: 'decentralised-h100-vast.json', key: 'example.decentralised' },
  { file: 'ma-startup-train-7b.json', key: 'example.morocco' },
] as const;

class Planner {
  /** The scenario as edited: it may hold invalid values (NaN) while the person types. */
  scenario = $state<Scenario>((prefs.lang === 'fr' ? defaultExampleFr : defaultExampleEn) as unknown as Scenario);
  /** The last good evaluation, kept when a later input is invalid. */
  result = $state.raw<EvaluationResult | null>(null);
  /** The scenario (a plain copy) that `result` was computed from: the uncertainty runs on it. */
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

  #controller: AbortController | null = null;

  /** Evaluates the current scenario; a newer call cancels this one. */
  async evaluate(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.running = true;
    try {
      const plain = snapshot(this.scenario);
      const r = await engine.evaluate(plain, { signal: controller.signal });
      if (controller.signal.aborted) return;
      if (r.ok) {
        this.result = r.result;
        this.evaluated = plain;
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
    } catch (e) {
      if (e instanceof EngineAborted || controller.signal.aborted) return;
      this.failure = failureOf(e);
      this.stale = this.result !== null;
    } finally {
      if (this.#controller === controller) this.running = false;
    }
  }

  /** Replaces the scenario being edited (an example, a library entry, a link). */
  open(s: Scenario): void {
    // The figures shown are out of date until this scenario is evaluated.
    if (this.result) this.stale = true;
    this.scenario = s;
    this.issues = [];
  }

  issueAt(path: string): ScenarioIssue | undefined {
    return this.issuesByPath.get(path)?.[0];
  }
}

export const planner = new Planner();
