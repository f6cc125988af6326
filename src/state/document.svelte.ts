// The scenario being edited, as a document whose methods are its only mutators. Each edit bumps
// `revision` (what autosave follows) and says what kind of edit it was: a `metadata` edit (the
// scenario's name or notes) changes no figure, so it does not bump `modelRevision` (what the
// evaluation follows) and a rename does not re-run a model. Opening another scenario bumps both.
//
// The editor writes through `scenario`, a view of the state: every write made through it — a
// `bind:`, an `onchange`, an operation such as `addOption(planner.scenario, …)` — is routed to the
// one method that applies it and bumps the revision (`#write`), so the components need no change
// and cannot forget. Writing the same value again is not an edit.
import { untrack } from 'svelte';
import type { Scenario } from '../scenario/schema.ts';

export type EditKind = 'numeric' | 'metadata';

/** Top-level fields whose edits change no figure of any model. */
const METADATA_FIELDS: ReadonlySet<string> = new Set(['name', 'notes', 'id', 'createdAt', 'updatedAt']);

/** The kind of an edit of the top-level field `field`. */
export function editKindOf(field: string): EditKind {
  return METADATA_FIELDS.has(field) ? 'metadata' : 'numeric';
}

/** View → the state it shows (to store state, never a view, when a view is assigned). */
const targetOf = new WeakMap<object, object>();

function isPlain(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return Array.isArray(v) || proto === Object.prototype || proto === null;
}

/** A value to store: views replaced by the state they show, inside plain objects too. */
function unwrap(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const target = targetOf.get(value);
  if (target) return target;
  if (!isPlain(value)) return value;
  if (Array.isArray(value)) return value.map(unwrap);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrap(v)]));
}

export class ScenarioDocument {
  #state: Scenario = $state() as Scenario;
  /** Bumped by every edit and every open: autosave follows it (never `updatedAt`). */
  revision = $state(0);
  /** Bumped by edits that change a model's inputs, and by every open: the evaluation follows it. */
  modelRevision = $state(0);
  /** What the last change was. */
  lastEdit = $state<EditKind | 'open'>('open');
  /** Bumped by every open (not by an edit): the option cards start folded again for another scenario. */
  opens = $state(0);
  /** State object → its view, so a view keeps its identity. */
  #views = new WeakMap<object, object>();

  constructor(initial: Scenario) {
    this.#state = initial;
  }

  /** The scenario, to read and to edit: writes through it are edits of this document. */
  get scenario(): Scenario {
    return this.#view(this.#state, null) as Scenario;
  }

  /** A plain copy (safe for postMessage and IndexedDB). */
  snapshot(): Scenario {
    return $state.snapshot(this.#state) as Scenario;
  }

  /** Replaces the scenario (an example, a library entry, a link): not an edit, but new figures. */
  open(s: Scenario): void {
    this.#state = s;
    untrack(() => {
      this.revision += 1;
      this.modelRevision += 1;
      this.lastEdit = 'open';
      this.opens += 1;
    });
  }

  /** Renames the scenario (a metadata edit: no model re-runs). */
  rename(name: string): void {
    this.scenario.name = name;
  }

  /** Records the time of a save. Not an edit: the revision stays, so nothing is saved again. */
  markSaved(updatedAt: string): void {
    this.#state.updatedAt = updatedAt;
  }

  /** Applies one edit and bumps the revisions: the one place they are bumped for an edit. */
  #write(field: string, apply: () => boolean): boolean {
    const ok = apply();
    const kind = editKindOf(field);
    untrack(() => {
      this.revision += 1;
      if (kind === 'numeric') this.modelRevision += 1;
      this.lastEdit = kind;
    });
    return ok;
  }

  #view(target: object, field: string | null): object {
    const cached = this.#views.get(target);
    if (cached) return cached;
    const fieldOf = (key: string | symbol) => field ?? String(key);
    const view = new Proxy(target, {
      get: (t, key) => {
        const v = Reflect.get(t, key);
        if (typeof key === 'symbol' || v === null || typeof v !== 'object') return v;
        return this.#view(v, fieldOf(key));
      },
      set: (t, key, value) => {
        if (typeof key === 'symbol') return Reflect.set(t, key, value);
        const stored = unwrap(value);
        if (Object.is(Reflect.get(t, key), stored)) return true;
        return this.#write(fieldOf(key), () => Reflect.set(t, key, stored));
      },
      deleteProperty: (t, key) => {
        if (typeof key === 'symbol' || !Reflect.has(t, key)) return Reflect.deleteProperty(t, key);
        return this.#write(fieldOf(key), () => Reflect.deleteProperty(t, key));
      },
    });
    this.#views.set(target, view);
    targetOf.set(view, target);
    return view;
  }
}
