// The library: one IndexedDB record per scenario (idb). This module only stores and fetches
// rows; every row read back goes through the one load path (in the worker) before use.
// Saves are guarded by a revision number, so a tab holding an older copy never silently
// overwrites a newer one (it gets a conflict instead).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** Database name. Never rename: every saved scenario lives in it. Add a version step instead. */
export const DB_NAME = 'compute-planner';
/** Database schema version; each step is an `if (oldVersion < N)` block in `upgrade`. */
export const DB_VERSION = 1;
/** Store names. Never rename without a migration step in `upgrade`. */
export const SCENARIOS = 'scenarios';
export const META = 'meta';
export const SET_ASIDE = 'setAside';

/** Headline figures kept with a record, for the library list (they need no evaluation). */
export interface ScenarioSummary {
  currency: string;
  totalCostCcy: number;
  costPerUsefulGpuHourCcy: number | null;
  co2eKg: number;
  options: number;
}

export interface LibraryRecord {
  /** The scenario's id. */
  id: string;
  /** The scenario as saved (loaded through the load path when read). */
  scenario: unknown;
  name: string;
  /** When the scenario last changed (ISO 8601). */
  updatedAt: string;
  /** Incremented by every save; a save naming an older revision is refused as a conflict. */
  revision: number;
  summary: ScenarioSummary | null;
}

/** A row that could not be loaded, kept (never deleted) with the reason. */
export interface SetAsideRecord {
  key?: number;
  id: string;
  row: unknown;
  reason: string;
  setAsideAt: string;
}

interface PlannerDB extends DBSchema {
  scenarios: { key: string; value: LibraryRecord; indexes: { updatedAt: string } };
  meta: { key: string; value: unknown };
  setAside: { key: number; value: SetAsideRecord };
}

export type StorageError = { kind: 'quota' } | { kind: 'unavailable'; detail: string } | { kind: 'failed'; detail: string };

export type SaveResult =
  | { ok: true; revision: number }
  | { ok: false; conflict: LibraryRecord }
  /** The record this save started from is gone (deleted here or in another tab): not re-created. */
  | { ok: false; deleted: true }
  | { ok: false; error: StorageError };

function storageError(e: unknown): StorageError {
  const name = (e as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return { kind: 'quota' };
  if (name === 'InvalidStateError' || name === 'UnknownError') return { kind: 'unavailable', detail: String((e as Error).message ?? e) };
  return { kind: 'failed', detail: e instanceof Error ? e.message : String(e) };
}

export class Library {
  private constructor(private readonly db: IDBPDatabase<PlannerDB>) {}

  /** Opens the library, or says why it cannot (some private modes have no IndexedDB). */
  static async open(name = DB_NAME): Promise<{ ok: true; library: Library } | { ok: false; error: StorageError }> {
    try {
      if (typeof indexedDB === 'undefined') return { ok: false, error: { kind: 'unavailable', detail: 'no IndexedDB' } };
      const db = await openDB<PlannerDB>(name, DB_VERSION, {
        upgrade(database, oldVersion) {
          if (oldVersion < 1) {
            const scenarios = database.createObjectStore(SCENARIOS, { keyPath: 'id' });
            scenarios.createIndex('updatedAt', 'updatedAt');
            database.createObjectStore(META);
            database.createObjectStore(SET_ASIDE, { keyPath: 'key', autoIncrement: true });
          }
        },
      });
      return { ok: true, library: new Library(db) };
    } catch (e) {
      return { ok: false, error: { kind: 'unavailable', detail: e instanceof Error ? e.message : String(e) } };
    }
  }

  close(): void {
    this.db.close();
  }

  /** Every record, most recently changed first. */
  async list(): Promise<LibraryRecord[]> {
    const all = await this.db.getAll(SCENARIOS);
    return all.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id)));
  }

  get(id: string): Promise<LibraryRecord | undefined> {
    return this.db.get(SCENARIOS, id);
  }

  /**
   * Saves a record. `baseRevision` is the revision this copy started from (null for a new
   * record): when the stored record has moved on (another tab saved), nothing is written and
   * the newer record is returned as a conflict.
   */
  async save(record: Omit<LibraryRecord, 'revision'>, baseRevision: number | null): Promise<SaveResult> {
    try {
      const tx = this.db.transaction(SCENARIOS, 'readwrite');
      const current = await tx.store.get(record.id);
      if (current && current.revision !== baseRevision) {
        await tx.done;
        return { ok: false, conflict: current };
      }
      if (!current && baseRevision !== null) {
        await tx.done;
        return { ok: false, deleted: true };
      }
      const revision = (current?.revision ?? 0) + 1;
      await tx.store.put({ ...record, revision });
      await tx.done;
      return { ok: true, revision };
    } catch (e) {
      return { ok: false, error: storageError(e) };
    }
  }

  /** Deletes a record and returns it (to offer an undo). */
  async delete(id: string): Promise<LibraryRecord | undefined> {
    const tx = this.db.transaction(SCENARIOS, 'readwrite');
    const current = await tx.store.get(id);
    if (current) await tx.store.delete(id);
    await tx.done;
    return current;
  }

  /** Puts back a deleted record as it was (undo). */
  async restore(record: LibraryRecord): Promise<void> {
    await this.db.put(SCENARIOS, record);
  }

  /** Renames a stored scenario (its name in the record and in the scenario itself). */
  async rename(id: string, name: string, now: string): Promise<SaveResult> {
    const current = await this.get(id);
    if (!current) return { ok: false, error: { kind: 'failed', detail: 'not found' } };
    const scenario = typeof current.scenario === 'object' && current.scenario !== null ? { ...current.scenario, name, updatedAt: now } : current.scenario;
    return this.save({ ...current, scenario, name, updatedAt: now }, current.revision);
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.db.get(META, key)) as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    try {
      await this.db.put(META, value, key);
    } catch {
      // Preferences are not worth failing over.
    }
  }

  /** Writes a meta value and says whether it was written (for data the person imported, unlike preferences). */
  async putMeta(key: string, value: unknown): Promise<{ ok: true } | { ok: false; detail: string }> {
    try {
      await this.db.put(META, value, key);
      return { ok: true };
    } catch (e) {
      const err = storageError(e);
      return { ok: false, detail: err.kind === 'quota' ? 'storage full' : err.detail };
    }
  }

  /** Moves a row that cannot be loaded out of the library, keeping it (never deleted). */
  async setAside(id: string, reason: string, now: string): Promise<void> {
    const tx = this.db.transaction([SCENARIOS, SET_ASIDE], 'readwrite');
    const row = await tx.objectStore(SCENARIOS).get(id);
    if (row) {
      await tx.objectStore(SET_ASIDE).add({ id, row, reason, setAsideAt: now });
      await tx.objectStore(SCENARIOS).delete(id);
    }
    await tx.done;
  }

  listSetAside(): Promise<SetAsideRecord[]> {
    return this.db.getAll(SET_ASIDE);
  }
}
