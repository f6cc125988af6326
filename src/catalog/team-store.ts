// The team catalog kept between visits: the imported file's text, name, date and content hash in
// the library's `meta` store (IndexedDB, src/storage/library.ts), read back through the same
// parser as an import (team.ts) — a stored file that no longer reads is reported, never applied.
// Storage is injected (the Library, or a fake in the tests). Environment-free.
import { parseTeamCatalog, withTeamCatalog, type TeamCatalog } from './team.ts';
import type { Catalog } from './types.ts';

import { TEAM_CATALOG_KEY } from './team-key.ts';

export { TEAM_CATALOG_KEY };

export interface StoredTeamCatalog {
  text: string;
  name: string;
  date: string;
  contentHash: string;
  importedAt: string;
}

/** What the store needs of the storage: a strict put (a failed write is reported) and a get. */
export interface MetaStore {
  getMeta<T>(key: string): Promise<T | undefined>;
  putMeta(key: string, value: unknown): Promise<{ ok: true } | { ok: false; detail: string }>;
}

export type TeamApplied = { ok: true; catalog: Catalog; team: TeamCatalog; stored: StoredTeamCatalog } | { ok: false; message: string };

/**
 * Reads an imported file and, when the whole file is valid, stores it (replacing the one stored
 * before). A bad file is refused with the message naming its row; nothing stored changes.
 */
export async function importTeamCatalog(store: MetaStore, text: string, builtIn: Catalog, now: Date): Promise<TeamApplied> {
  const r = parseTeamCatalog(text, builtIn);
  if (!r.ok) return r;
  const stored: StoredTeamCatalog = { text, name: r.catalog.file.name, date: r.catalog.file.date, contentHash: r.catalog.contentHash, importedAt: now.toISOString() };
  const w = await store.putMeta(TEAM_CATALOG_KEY, stored);
  if (!w.ok) return { ok: false, message: `the catalog could not be stored (${w.detail})` };
  return { ok: true, catalog: withTeamCatalog(builtIn, r.catalog), team: r.catalog, stored };
}

/** The stored team catalog laid over the built-in one; null when none is stored; a message when it no longer reads. */
export async function loadTeamCatalog(store: MetaStore, builtIn: Catalog): Promise<TeamApplied | null> {
  const stored = await store.getMeta<StoredTeamCatalog | null>(TEAM_CATALOG_KEY);
  if (!stored || typeof stored.text !== 'string') return null;
  const r = parseTeamCatalog(stored.text, builtIn);
  if (!r.ok) return { ok: false, message: `the stored team catalog "${stored.name}" no longer reads: ${r.message}` };
  return { ok: true, catalog: withTeamCatalog(builtIn, r.catalog), team: r.catalog, stored };
}

export async function removeTeamCatalog(store: MetaStore): Promise<{ ok: true } | { ok: false; detail: string }> {
  return store.putMeta(TEAM_CATALOG_KEY, null);
}
