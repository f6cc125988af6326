// The library on the page: the saved scenarios, autosave of the one being edited, and the
// link between tabs. Rows are read through the one load path (in the worker). Nothing is saved
// before the library has loaded; a save never overwrites a newer copy; a full disk or a
// browser without IndexedDB is told to the person and the edit stays in memory.
import { engine, snapshot } from '../engine/bridge.svelte.ts';
import { newId } from '../scenario/defaults.ts';
import type { LoadError, LoadResult } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';
import { Library, type LibraryRecord, type ScenarioSummary, type StorageError } from '../storage/library.ts';
import { planner } from './planner.svelte.ts';

/** How long after the last keystroke the scenario is saved. Flushed at once when the page is hidden. */
export const AUTOSAVE_DELAY_MS = 400;
/** BroadcastChannel name. Never rename: open tabs of different versions must still hear each other. */
export const CHANNEL_NAME = 'compute-planner';
/** Meta key of the scenario opened last. Never rename. */
const LAST_OPENED = 'lastOpenedId';

export type Origin = 'library' | 'example' | 'new' | 'link' | 'import';

/** A scenario from a link whose id is already saved with different content: the person chooses. */
export interface LinkConflict {
  saved: LibraryRecord;
}

/** localStorage key of an edit written while the page was closing. Never rename. */
const PENDING_KEY = 'compute-planner.pendingEdit';

interface PendingEdit {
  id: string;
  baseRevision: number | null;
  scenario: unknown;
  at: string;
}

type Message = { type: 'saved'; id: string; revision: number } | { type: 'deleted'; id: string };

/** Load results a person can still open in the editor: only field values are wrong, not the structure. */
export function isEditable(r: LoadResult): boolean {
  if (r.ok) return true;
  if (r.error.kind !== 'invalid') return false;
  return r.error.issues.every(
    (i) =>
      i.code === 'too_small' ||
      i.code === 'too_big' ||
      i.code === 'custom' ||
      i.code === 'invalid_format' ||
      (i.code === 'invalid_type' && i.params.expected === 'number' && (i.params.received === 'NaN' || i.params.received === 'null')),
  );
}

/** The scenario to open from a load result: the valid one, or the (migrated) document whose only faults are values. */
export function editableScenario(r: LoadResult): Scenario | null {
  if (r.ok) return r.scenario;
  return isEditable(r) && r.error.kind === 'invalid' ? (r.error.document as Scenario) : null;
}

export function summarise(result: NonNullable<typeof planner.result>, options: number): ScenarioSummary {
  const t = result.mix.totals;
  return {
    currency: result.currency,
    totalCostCcy: t.costCcy,
    costPerUsefulGpuHourCcy: t.costPerUsefulGpuHourCcy,
    co2eKg: t.operationalKgCO2e + t.embodiedKgCO2e,
    options,
  };
}

/** The JSON that decides whether the scenario changed (updatedAt alone is not a change). */
export function contentKey(s: Scenario): string {
  return JSON.stringify({ ...s, updatedAt: '' });
}

class LibraryState {
  status = $state<'loading' | 'ready' | 'unavailable'>('loading');
  records = $state.raw<LibraryRecord[]>([]);
  /** How many stored rows could not be loaded and were set aside (kept, not deleted). */
  setAsideCount = $state(0);
  problem = $state.raw<StorageError | null>(null);
  /** Another tab saved a newer copy of the scenario being edited while this one had unsaved edits. */
  conflict = $state.raw<LibraryRecord | null>(null);
  linkConflict = $state.raw<LinkConflict | null>(null);
  origin = $state<Origin>('example');
  /** Revision of the stored copy the editor started from (null: not saved yet). */
  revision = $state<number | null>(null);
  saving = $state(false);
  /** An edit is waiting to be saved (the autosave delay has not elapsed yet). */
  dirty = $state(false);
  lastSavedAt = $state<string | null>(null);
  /** The last deleted record, offered back. */
  deleted = $state.raw<LibraryRecord | null>(null);

  /** Counts scenarios put in the editor, so start-up never replaces one the person opened meanwhile. */
  opened = 0;

  #lib: Library | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #savedKey = '';
  /** The scenario the page started with (before anything was opened): not an edit of the person's. */
  #startKey = contentKey(planner.scenario);
  #channel: BroadcastChannel | null = null;

  get available(): boolean {
    return this.#lib !== null;
  }

  /** Opens the database and lists it. Returns the record to reopen, if any. */
  async init(): Promise<void> {
    const opened = await Library.open();
    if (!opened.ok) {
      this.status = 'unavailable';
      this.problem = opened.error;
      return;
    }
    this.#lib = opened.library;
    if (typeof BroadcastChannel !== 'undefined') {
      this.#channel = new BroadcastChannel(CHANNEL_NAME);
      this.#channel.onmessage = (e: MessageEvent<Message>) => void this.#onMessage(e.data);
    }
    await this.recoverPendingEdit();
    await this.refresh();
    this.status = 'ready';
  }

  /** Reloads the list; rows that cannot be loaded are set aside and counted. */
  async refresh(): Promise<void> {
    if (!this.#lib) return;
    const rows = await this.#lib.list();
    const good: LibraryRecord[] = [];
    for (const row of rows) {
      const r = await engine.loadValue(row.scenario).catch(() => null);
      if (r && isEditable(r)) good.push(row);
      else {
        await this.#lib.setAside(row.id, r && !r.ok ? r.error.kind : 'unreadable', new Date().toISOString());
      }
    }
    this.records = good;
    this.setAsideCount = (await this.#lib.listSetAside()).length;
  }

  async lastOpenedId(): Promise<string | undefined> {
    return this.#lib?.getMeta<string>(LAST_OPENED);
  }

  /** Puts a scenario in the editor and remembers where it came from. */
  adopt(s: Scenario, origin: Origin, revision: number | null): void {
    this.opened += 1;
    this.#cancelTimer();
    this.origin = origin;
    this.revision = revision;
    this.conflict = null;
    this.linkConflict = null;
    planner.open(s);
    this.#savedKey = contentKey(s);
    void this.#lib?.setMeta(LAST_OPENED, s.id);
  }

  /** Opens a stored scenario through the load path. */
  async openRecord(id: string): Promise<{ ok: true } | { ok: false; error: LoadError | { kind: 'missing' } }> {
    await this.flush();
    const row = await this.#lib?.get(id);
    if (!row) return { ok: false, error: { kind: 'missing' } };
    const r = await engine.loadValue(row.scenario);
    // A draft saved while a field was invalid opens too: the editor shows what to fix.
    const s = editableScenario(r);
    if (!s && !r.ok) {
      await this.#lib?.setAside(id, r.error.kind, new Date().toISOString());
      await this.refresh();
      return { ok: false, error: r.error };
    }
    this.adopt(s as Scenario, 'library', row.revision);
    return { ok: true };
  }

  /** Opens a scenario that is not in the library yet (example, new, import, link) under a fresh id. */
  openUnsaved(s: Scenario, origin: Origin): void {
    const now = new Date().toISOString();
    this.adopt({ ...s, id: newId(), createdAt: now, updatedAt: now }, origin, null);
  }

  /** Called after every edit: saves shortly after the last one. */
  noteEdit(): void {
    if (this.status !== 'ready' || this.linkConflict) return;
    if (contentKey(planner.scenario) === this.#savedKey) return;
    this.#cancelTimer();
    this.dirty = true;
    this.#timer = setTimeout(() => {
      // Saved meanwhile (by "Save" or a rename): nothing left to write.
      if (contentKey(planner.scenario) === this.#savedKey) this.#cancelTimer();
      else void this.save();
    }, AUTOSAVE_DELAY_MS);
  }

  /** Saves now whatever is pending (page hidden, another scenario opened). */
  async flush(): Promise<void> {
    if (this.#timer) {
      this.#cancelTimer();
      await this.save();
    }
  }

  /** Saves the scenario being edited. Returns false when it could not be saved. */
  async save(): Promise<boolean> {
    this.#cancelTimer();
    if (!this.#lib || this.linkConflict) return false;
    const now = new Date().toISOString();
    const s = snapshot(planner.scenario);
    s.updatedAt = now;
    const result = planner.result;
    const summary = result && result.scenarioId === s.id && !planner.stale ? summarise(result, s.options.length) : null;
    this.saving = true;
    const r = await this.#lib.save({ id: s.id, scenario: s, name: s.name, updatedAt: now, summary }, this.revision);
    this.saving = false;
    if (r.ok) {
      this.revision = r.revision;
      this.origin = 'library';
      this.problem = null;
      this.lastSavedAt = now;
      planner.scenario.updatedAt = now;
      this.#savedKey = contentKey(s);
      void this.#lib.setMeta(LAST_OPENED, s.id);
      this.#post({ type: 'saved', id: s.id, revision: r.revision });
      await this.refresh();
      return true;
    }
    if ('conflict' in r) {
      this.conflict = r.conflict;
      return false;
    }
    if ('deleted' in r) {
      // Deleted while this save was on its way: it stays deleted; the scenario stays open, unsaved.
      this.revision = null;
      this.origin = 'new';
      return false;
    }
    this.problem = r.error;
    return false;
  }

  /** Resolves a conflict with another tab: take their copy, or keep mine as a new scenario. */
  async resolveConflict(choice: 'theirs' | 'mine-as-copy'): Promise<void> {
    const theirs = this.conflict;
    if (!theirs) return;
    this.conflict = null;
    if (choice === 'theirs') {
      await this.openRecord(theirs.id);
    } else {
      const s = snapshot(planner.scenario);
      this.openUnsaved({ ...s, name: s.name }, 'new');
      await this.save();
    }
  }

  /** Opens a scenario from a share link: never writes anything until the person edits or saves. */
  async openFromLink(s: Scenario): Promise<void> {
    const saved = await this.#lib?.get(s.id);
    if (saved && JSON.stringify({ ...(saved.scenario as object), updatedAt: '' }) === contentKey(s)) {
      this.adopt(s, 'library', saved.revision);
      return;
    }
    this.adopt(s, 'link', null);
    if (saved) this.linkConflict = { saved };
  }

  /** The person's answer when a link's scenario differs from their saved one with the same id. */
  async resolveLink(choice: 'copy' | 'replace' | 'keepMine'): Promise<void> {
    const c = this.linkConflict;
    if (!c) return;
    this.linkConflict = null;
    if (choice === 'keepMine') {
      await this.openRecord(c.saved.id);
    } else if (choice === 'copy') {
      this.openUnsaved(snapshot(planner.scenario), 'link');
      await this.save();
    } else {
      this.revision = c.saved.revision;
      await this.save();
    }
  }

  /** Opens an imported scenario: same id when free, the saved copy when identical, a new id otherwise. */
  async openImported(s: Scenario): Promise<boolean> {
    await this.flush();
    const existing = await this.#lib?.get(s.id);
    if (existing && JSON.stringify({ ...(existing.scenario as object), updatedAt: '' }) === contentKey(s)) {
      return (await this.openRecord(s.id)).ok;
    }
    if (existing) {
      this.openUnsaved(s, 'import');
    } else {
      this.adopt(s, 'import', null);
    }
    return this.save();
  }

  async newScenario(s: Scenario): Promise<void> {
    await this.flush();
    this.openUnsaved(s, 'new');
    await this.save();
  }

  async duplicate(suffix: string): Promise<void> {
    await this.flush();
    const s = snapshot(planner.scenario);
    this.openUnsaved({ ...s, name: `${s.name}${suffix}`.slice(0, 120) }, 'new');
    await this.save();
  }

  async rename(id: string, name: string): Promise<void> {
    if (!this.#lib) return;
    if (id === planner.scenario.id) {
      planner.scenario.name = name;
      await this.save();
      return;
    }
    const r = await this.#lib.rename(id, name, new Date().toISOString());
    if (r.ok) this.#post({ type: 'saved', id, revision: r.revision });
    await this.refresh();
  }

  async remove(id: string): Promise<void> {
    if (!this.#lib) return;
    // A pending autosave of this scenario must not bring it back.
    if (id === planner.scenario.id) this.#cancelTimer();
    const row = await this.#lib.delete(id);
    if (!row) return;
    this.deleted = row;
    if (id === planner.scenario.id) {
      this.#cancelTimer();
      this.revision = null;
      this.origin = 'new';
    }
    this.#post({ type: 'deleted', id });
    await this.refresh();
  }

  async undoDelete(): Promise<void> {
    const row = this.deleted;
    if (!row || !this.#lib) return;
    this.deleted = null;
    await this.#lib.restore(row);
    if (row.id === planner.scenario.id) this.revision = row.revision;
    this.#post({ type: 'saved', id: row.id, revision: row.revision });
    await this.refresh();
  }

  /** Stored rows for the compare view and the library export. */
  async rows(ids?: readonly string[]): Promise<LibraryRecord[]> {
    if (!this.#lib) return [];
    const all = await this.#lib.list();
    return ids ? ids.map((id) => all.find((r) => r.id === id)).filter((r): r is LibraryRecord => r !== undefined) : all;
  }

  /** Imports loaded scenarios: never overwrites; an id already used by different content gets a new id. */
  async importScenarios(list: Scenario[]): Promise<number> {
    if (!this.#lib) return 0;
    let count = 0;
    for (const s of list) {
      const existing = await this.#lib.get(s.id);
      if (existing && JSON.stringify({ ...(existing.scenario as object), updatedAt: '' }) === contentKey(s)) continue;
      const id = existing ? newId() : s.id;
      const r = await this.#lib.save({ id, scenario: { ...s, id }, name: s.name, updatedAt: s.updatedAt, summary: null }, null);
      if (r.ok) count++;
      else if ('error' in r) {
        this.problem = r.error;
        break;
      }
    }
    await this.refresh();
    return count;
  }

  async #onMessage(m: Message): Promise<void> {
    await this.refresh();
    if (m.id !== planner.scenario.id) return;
    if (m.type === 'deleted') {
      this.revision = null;
      this.origin = 'new';
      return;
    }
    if (this.revision !== null && m.revision <= this.revision) return;
    if (this.#timer === null && contentKey(planner.scenario) === this.#savedKey) {
      // No unsaved edit here: follow the other tab.
      await this.openRecord(m.id);
    } else {
      const theirs = await this.#lib?.get(m.id);
      if (theirs) this.conflict = theirs;
    }
  }

  #post(m: Message): void {
    this.#channel?.postMessage(m);
  }

  #cancelTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.dirty = false;
  }

  /**
   * The page is going away (pagehide): an IndexedDB write started now may not finish, so the
   * unsaved edit is also written synchronously to localStorage and saved at the next start.
   */
  flushOnExit(): void {
    // Unsaved if it differs from what was last committed (a save may be under way: not yet committed).
    // Before anything is opened, only a change to the page's starting scenario is an edit: leaving
    // during start-up must not save the example into the library.
    const baseline = this.opened > 0 ? this.#savedKey : this.#startKey;
    if (this.status !== 'ready' || this.linkConflict || contentKey(planner.scenario) === baseline) return;
    try {
      const pending: PendingEdit = { id: planner.scenario.id, baseRevision: this.revision, scenario: snapshot(planner.scenario), at: new Date().toISOString() };
      localStorage.setItem(PENDING_KEY, JSON.stringify(pending));
    } catch {
      // No localStorage (private mode, full): the IndexedDB save below is the only chance.
    }
    void this.flush();
  }

  /** Saves an edit left in localStorage by a page that closed before its save finished. */
  async recoverPendingEdit(): Promise<void> {
    let pending: PendingEdit | null = null;
    try {
      const text = localStorage.getItem(PENDING_KEY);
      localStorage.removeItem(PENDING_KEY);
      pending = text ? (JSON.parse(text) as PendingEdit) : null;
    } catch {
      return;
    }
    if (!pending || !this.#lib) return;
    const r = await engine.loadValue(pending.scenario);
    const s = editableScenario(r);
    if (!s) return;
    const stored = await this.#lib.get(pending.id);
    if (stored && contentKey({ ...(stored.scenario as Scenario) }) === contentKey(s)) {
      // The closing page's own save finished after all; reopen it.
      await this.#lib.setMeta(LAST_OPENED, pending.id);
      return;
    }
    // Saved only where nothing newer was saved since; otherwise kept as a copy, never lost.
    const sameBase = (stored?.revision ?? null) === pending.baseRevision;
    const id = sameBase ? s.id : newId();
    const saved = await this.#lib.save({ id, scenario: { ...s, id }, name: s.name, updatedAt: pending.at, summary: null }, sameBase ? pending.baseRevision : null);
    if (saved.ok) await this.#lib.setMeta(LAST_OPENED, id);
  }
}

export const library = new LibraryState();
