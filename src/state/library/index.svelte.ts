// The library's list: the stored rows, read (and checked through the load path) once at start,
// then updated in place after this tab's own saves, renames and deletions — one row re-read when
// another tab says it changed one. Rows that cannot be loaded are set aside and counted.
import type { LoadResult } from '../../scenario/load.ts';
import type { LibraryRecord } from '../../storage/library.ts';
import { isEditable } from './policy.ts';

/** What the list needs of the storage (the Library class, or a fake). */
export interface IndexStorage {
  list(): Promise<LibraryRecord[]>;
  get(id: string): Promise<LibraryRecord | undefined>;
  setAside(id: string, reason: string, now: string): Promise<void>;
  listSetAside(): Promise<unknown[]>;
}

/** The load path, run in the evaluator worker (or a fake). */
export type LoadValue = (value: unknown) => Promise<LoadResult>;

/** Most recently changed first, as the storage lists them. */
function newestFirst(a: LibraryRecord, b: LibraryRecord): number {
  return a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id.localeCompare(b.id);
}

export class LibraryIndex {
  records = $state.raw<LibraryRecord[]>([]);
  /** How many stored rows could not be loaded and were set aside (kept, not deleted). */
  setAsideCount = $state(0);
  /** How many rows were read through the load path (each once, at start or when another tab changed it). */
  rowsChecked = 0;

  constructor(
    private readonly storage: IndexStorage,
    private readonly loadValue: LoadValue,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** Reads every row once; rows that cannot be loaded are set aside. */
  async load(): Promise<void> {
    const rows = await this.storage.list();
    const good: LibraryRecord[] = [];
    for (const row of rows) if (await this.#check(row)) good.push(row);
    this.records = good;
    this.setAsideCount = (await this.storage.listSetAside()).length;
  }

  /** A row this tab has just written (its content is known good): put in place. */
  put(row: LibraryRecord): void {
    this.records = [...this.records.filter((r) => r.id !== row.id), row].sort(newestFirst);
  }

  /** A row this tab has just deleted. */
  drop(id: string): void {
    if (this.records.some((r) => r.id === id)) this.records = this.records.filter((r) => r.id !== id);
  }

  /** A row another tab changed (or deleted): re-read that row only. */
  async reload(id: string): Promise<void> {
    const row = await this.storage.get(id);
    if (!row) return this.drop(id);
    if (await this.#check(row)) return this.put(row);
    this.drop(id);
    this.setAsideCount = (await this.storage.listSetAside()).length;
  }

  /** A row the editor could not open: set aside and out of the list. */
  async setAside(id: string, reason: string): Promise<void> {
    await this.storage.setAside(id, reason, this.now());
    this.drop(id);
    this.setAsideCount = (await this.storage.listSetAside()).length;
  }

  async #check(row: LibraryRecord): Promise<boolean> {
    this.rowsChecked += 1;
    const r = await this.loadValue(row.scenario).catch(() => null);
    if (r && isEditable(r)) return true;
    await this.storage.setAside(row.id, r && !r.ok ? r.error.kind : 'unreadable', this.now());
    return false;
  }
}
