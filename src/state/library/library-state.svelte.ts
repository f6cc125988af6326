// The library on the page: the saved scenarios, autosave of the one being edited, and the link
// between tabs. Each job has its file here: the list (index.svelte.ts), autosave
// (autosave.svelte.ts), tab sync (tab-sync.ts), and what to do with a link or an import
// (policy.ts); this class ties them to the planner's document. Rows are read through the one load
// path (in the evaluator worker) once at start; after that the list is updated in place. Nothing
// is saved before the library has loaded; a save never overwrites a newer copy; a full disk or a
// browser without IndexedDB is told to the person and the edit stays in memory. The storage, the
// engine, the channel and localStorage are injected, so the tests fake them.
import { newId } from '../../scenario/defaults.ts';
import type { LoadError } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { Library, LibraryRecord, StorageError } from '../../storage/library.ts';
import type { Planner } from '../evaluation.svelte.ts';
import { Autosave, takePendingEdit, writePendingEdit, type KeyValueStore } from './autosave.svelte.ts';
import { LibraryIndex, type LoadValue } from './index.svelte.ts';
import { editableScenario, importOpening, linkOpening, sameContent, summarise } from './policy.ts';
import { TabSync, type Channel, type TabMessage } from './tab-sync.ts';

/** Meta key of the scenario opened last. Never rename. */
const LAST_OPENED = 'lastOpenedId';

export type Origin = 'library' | 'example' | 'new' | 'link' | 'import';

/** A scenario from a link whose id is already saved with different content: the person chooses. */
export interface LinkConflict {
  saved: LibraryRecord;
}

export interface LibraryDeps {
  planner: Planner;
  loadValue: LoadValue;
  openStorage: () => ReturnType<typeof Library.open>;
  channel: () => Channel | null;
  keyValue: () => KeyValueStore | null;
  autosaveDelayMs?: number;
}

export class LibraryState {
  status = $state<'loading' | 'ready' | 'unavailable'>('loading');
  problem = $state.raw<StorageError | null>(null);
  /** Another tab saved a newer copy of the scenario being edited while this one had unsaved edits. */
  conflict = $state.raw<LibraryRecord | null>(null);
  linkConflict = $state.raw<LinkConflict | null>(null);
  origin = $state<Origin>('example');
  /** Revision of the stored copy the editor started from (null: not saved yet). */
  revision = $state<number | null>(null);
  /** The last deleted record, offered back. */
  deleted = $state.raw<LibraryRecord | null>(null);
  /** The list; null until the storage has opened. */
  index = $state.raw<LibraryIndex | null>(null);
  readonly autosave: Autosave;
  readonly tabs = new TabSync();

  /** Counts scenarios put in the editor, so start-up never replaces one the person opened meanwhile. */
  opened = 0;

  #lib: Library | null = null;
  readonly #planner: Planner;

  constructor(private readonly deps: LibraryDeps) {
    this.#planner = deps.planner;
    this.autosave = new Autosave(deps.planner.doc, () => this.save(), deps.autosaveDelayMs);
  }

  get available(): boolean {
    return this.#lib !== null;
  }
  get records(): LibraryRecord[] {
    return this.index?.records ?? [];
  }
  get setAsideCount(): number {
    return this.index?.setAsideCount ?? 0;
  }
  get saving(): boolean {
    return this.autosave.saving;
  }
  /** An edit is waiting to be saved (the autosave delay has not elapsed yet). */
  get dirty(): boolean {
    return this.autosave.dirty;
  }
  get lastSavedAt(): string | null {
    return this.autosave.lastSavedAt;
  }

  get #doc() {
    return this.#planner.doc;
  }

  /** Opens the database and reads the list (once). */
  async init(): Promise<void> {
    const opened = await this.deps.openStorage();
    if (!opened.ok) {
      this.status = 'unavailable';
      this.problem = opened.error;
      return;
    }
    this.#lib = opened.library;
    this.tabs.start(this.deps.channel(), (m) => void this.#onMessage(m));
    await this.recoverPendingEdit();
    const index = new LibraryIndex(opened.library, this.deps.loadValue);
    await index.load();
    this.index = index;
    this.status = 'ready';
  }

  /** The open storage, for other stored data (the team catalog); null until opened or when unavailable. */
  get storage(): Library | null {
    return this.#lib ?? null;
  }

  async lastOpenedId(): Promise<string | undefined> {
    return this.#lib?.getMeta<string>(LAST_OPENED);
  }

  /** Puts a scenario in the editor and remembers where it came from. */
  adopt(s: Scenario, origin: Origin, revision: number | null): void {
    this.opened += 1;
    this.autosave.cancel();
    this.origin = origin;
    this.revision = revision;
    this.conflict = null;
    this.linkConflict = null;
    this.#planner.open(s);
    this.autosave.markClean();
    void this.#lib?.setMeta(LAST_OPENED, s.id);
  }

  /** Opens a stored scenario through the load path. */
  async openRecord(id: string): Promise<{ ok: true } | { ok: false; error: LoadError | { kind: 'missing' } }> {
    await this.flush();
    const row = await this.#lib?.get(id);
    if (!row) return { ok: false, error: { kind: 'missing' } };
    const r = await this.deps.loadValue(row.scenario);
    // A draft saved while a field was invalid opens too: the editor shows what to fix.
    const s = editableScenario(r);
    if (!s && !r.ok) {
      await this.index?.setAside(id, r.error.kind);
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

  /** Called after every edit (each revision of the document): saves shortly after the last one. */
  noteEdit(): void {
    if (this.status !== 'ready' || this.linkConflict) return;
    this.autosave.noteEdit();
  }

  /** Saves now whatever is pending (page hidden, another scenario opened). */
  flush(): Promise<void> {
    return this.autosave.flush();
  }

  /** Saves the scenario being edited. Returns false when it could not be saved. */
  async save(): Promise<boolean> {
    this.autosave.cancel();
    if (!this.#lib || this.linkConflict) return false;
    const now = new Date().toISOString();
    const opened = this.opened;
    const revision = this.#doc.revision;
    const s = this.#doc.snapshot();
    s.updatedAt = now;
    const result = this.#planner.result;
    const summary = result && result.scenarioId === s.id && !this.#planner.stale ? summarise(result, s.options.length) : null;
    this.autosave.saving = true;
    const record = { id: s.id, scenario: s, name: s.name, updatedAt: now, summary };
    const r = await this.#lib.save(record, this.revision);
    this.autosave.saving = false;
    // Another scenario was opened while this one was being written: the editor's state is its own.
    const same = opened === this.opened;
    if (r.ok) {
      this.index?.put({ ...record, revision: r.revision });
      this.tabs.saved(s.id, r.revision);
      if (!same) return true;
      this.revision = r.revision;
      this.origin = 'library';
      this.problem = null;
      this.autosave.lastSavedAt = now;
      this.#doc.markSaved(now);
      this.autosave.markClean(revision);
      void this.#lib.setMeta(LAST_OPENED, s.id);
      return true;
    }
    // A newer copy met here (a tab that could not tell us): the list shows it.
    if ('conflict' in r) this.index?.put(r.conflict);
    if (!same) return false;
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
      this.openUnsaved(this.#doc.snapshot(), 'new');
      await this.save();
    }
  }

  /** Opens a scenario from a share link: never writes anything until the person edits or saves. */
  async openFromLink(s: Scenario): Promise<void> {
    const saved = await this.#lib?.get(s.id);
    const opening = linkOpening(saved, s);
    if (opening === 'saved') return this.adopt(s, 'library', saved!.revision);
    this.adopt(s, 'link', null);
    if (opening === 'conflict') this.linkConflict = { saved: saved! };
  }

  /** The person's answer when a link's scenario differs from their saved one with the same id. */
  async resolveLink(choice: 'copy' | 'replace' | 'keepMine'): Promise<void> {
    const c = this.linkConflict;
    if (!c) return;
    this.linkConflict = null;
    if (choice === 'keepMine') {
      await this.openRecord(c.saved.id);
    } else if (choice === 'copy') {
      this.openUnsaved(this.#doc.snapshot(), 'link');
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
    const opening = importOpening(existing, s);
    if (opening === 'same') return (await this.openRecord(s.id)).ok;
    if (opening === 'newId') this.openUnsaved(s, 'import');
    else this.adopt(s, 'import', null);
    return this.save();
  }

  /** Opens a new scenario. It is saved (and listed) once the person types something in it. */
  async newScenario(s: Scenario): Promise<void> {
    await this.flush();
    this.openUnsaved(s, 'new');
  }

  async duplicate(suffix: string): Promise<void> {
    await this.flush();
    const s = this.#doc.snapshot();
    this.openUnsaved({ ...s, name: `${s.name}${suffix}`.slice(0, 120) }, 'new');
    await this.save();
  }

  async rename(id: string, name: string): Promise<void> {
    if (!this.#lib) return;
    if (id === this.#doc.scenario.id) {
      // A metadata edit: saved, and no model runs again.
      this.#doc.rename(name);
      await this.save();
      return;
    }
    const r = await this.#lib.rename(id, name, new Date().toISOString());
    if (!r.ok) return;
    const row = await this.#lib.get(id);
    if (row) this.index?.put(row);
    this.tabs.saved(id, r.revision);
  }

  async remove(id: string): Promise<void> {
    if (!this.#lib) return;
    const current = id === this.#doc.scenario.id;
    // A pending autosave of this scenario must not bring it back.
    if (current) this.autosave.cancel();
    const row = await this.#lib.delete(id);
    if (!row) return;
    this.deleted = row;
    if (current) {
      this.autosave.cancel();
      this.revision = null;
      this.origin = 'new';
    }
    this.index?.drop(id);
    this.tabs.deleted(id);
  }

  async undoDelete(): Promise<void> {
    const row = this.deleted;
    if (!row || !this.#lib) return;
    this.deleted = null;
    await this.#lib.restore(row);
    if (row.id === this.#doc.scenario.id) this.revision = row.revision;
    this.index?.put(row);
    this.tabs.saved(row.id, row.revision);
  }

  /** Stored rows for the compare view and the library export (from the list: no second read). */
  async rows(ids?: readonly string[]): Promise<LibraryRecord[]> {
    const all = this.records;
    return ids ? ids.map((id) => all.find((r) => r.id === id)).filter((r): r is LibraryRecord => r !== undefined) : all;
  }

  /** Imports loaded scenarios: never overwrites; an id already used by different content gets a new id. */
  async importScenarios(list: Scenario[]): Promise<number> {
    if (!this.#lib) return 0;
    let count = 0;
    for (const s of list) {
      const existing = await this.#lib.get(s.id);
      const opening = importOpening(existing, s);
      if (opening === 'same') continue;
      const id = opening === 'newId' ? newId() : s.id;
      const record = { id, scenario: { ...s, id }, name: s.name, updatedAt: s.updatedAt, summary: null };
      const r = await this.#lib.save(record, null);
      if (r.ok) {
        count++;
        this.index?.put({ ...record, revision: r.revision });
        this.tabs.saved(id, r.revision);
      } else if ('error' in r) {
        this.problem = r.error;
        break;
      }
    }
    return count;
  }

  async #onMessage(m: TabMessage): Promise<void> {
    await this.index?.reload(m.id);
    if (m.id !== this.#doc.scenario.id) return;
    if (m.type === 'deleted') {
      this.revision = null;
      this.origin = 'new';
      return;
    }
    if (this.revision !== null && m.revision <= this.revision) return;
    if (!this.autosave.pending && !this.autosave.unsaved) {
      // No unsaved edit here: follow the other tab.
      await this.openRecord(m.id);
    } else {
      const theirs = await this.#lib?.get(m.id);
      if (theirs) this.conflict = theirs;
    }
  }

  /**
   * The page is going away (pagehide): an IndexedDB write started now may not finish, so the
   * unsaved edit is also written synchronously to localStorage and saved at the next start.
   */
  flushOnExit(): void {
    // Unsaved if the document moved on since it was opened or last saved (a save may be under way:
    // not yet committed). Before anything is opened, only an edit of the page's starting scenario
    // counts: leaving during start-up must not save the example into the library.
    if (this.status !== 'ready' || this.linkConflict || !this.autosave.unsaved) return;
    const s = this.#doc.snapshot();
    writePendingEdit(this.deps.keyValue(), { id: s.id, baseRevision: this.revision, scenario: s, at: new Date().toISOString() });
    void this.flush();
  }

  /** Saves an edit left in localStorage by a page that closed before its save finished. */
  async recoverPendingEdit(): Promise<void> {
    const pending = takePendingEdit(this.deps.keyValue());
    if (!pending || !this.#lib) return;
    const r = await this.deps.loadValue(pending.scenario);
    const s = editableScenario(r);
    if (!s) return;
    const stored = await this.#lib.get(pending.id);
    if (sameContent(stored, s)) {
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

