// The team catalog between visits: restored from storage when the page opens (the validator loads
// only when one is stored), imported and removed from the catalog panel. The catalog itself is the
// active catalog (src/catalog/active.ts); this module ties it to the stored copy.
import { builtInCatalog, setActiveCatalog } from '../catalog/active.ts';
import { TEAM_CATALOG_KEY } from '../catalog/team-key.ts';
import type { MetaStore } from '../catalog/team-store.ts';
import { loadSources } from '../catalog/sources.ts';

/** Why a stored team catalog was not applied (it no longer reads), for the catalog panel; null when none. */
export let storedTeamProblem: string | null = null;

function info(stored: { name: string; date: string; contentHash: string }) {
  return { name: stored.name, date: stored.date, contentHash: stored.contentHash };
}

/** Applies the stored team catalog, if any. */
export async function restoreTeamCatalog(store: MetaStore | null): Promise<void> {
  if (!store) return;
  const stored = await store.getMeta<unknown>(TEAM_CATALOG_KEY);
  if (!stored) return;
  const { loadTeamCatalog } = await import('../catalog/team-store.ts');
  await loadSources().catch(() => undefined);
  const r = await loadTeamCatalog(store, builtInCatalog);
  if (!r) return;
  if (!r.ok) {
    storedTeamProblem = r.message;
    return;
  }
  setActiveCatalog(r.catalog, info(r.stored));
}

/** Imports a file: stored and applied when the whole file is valid, else the message naming the row (nothing changes). */
export async function importTeamFile(store: MetaStore | null, text: string): Promise<{ ok: true; stored: boolean } | { ok: false; message: string }> {
  const [{ importTeamCatalog }, { parseTeamCatalog, withTeamCatalog }] = await Promise.all([import('../catalog/team-store.ts'), import('../catalog/team.ts')]);
  await loadSources();
  if (!store) {
    // No storage (a private mode without IndexedDB): for this session only.
    const r = parseTeamCatalog(text, builtInCatalog);
    if (!r.ok) return r;
    setActiveCatalog(withTeamCatalog(builtInCatalog, r.catalog), info({ name: r.catalog.file.name, date: r.catalog.file.date, contentHash: r.catalog.contentHash }));
    return { ok: true, stored: false };
  }
  const r = await importTeamCatalog(store, text, builtInCatalog, new Date());
  if (!r.ok) return r;
  storedTeamProblem = null;
  setActiveCatalog(r.catalog, info(r.stored));
  return { ok: true, stored: true };
}

export async function removeTeamFile(store: MetaStore | null): Promise<{ ok: true } | { ok: false; detail: string }> {
  if (store) {
    const { removeTeamCatalog } = await import('../catalog/team-store.ts');
    const r = await removeTeamCatalog(store);
    if (!r.ok) return r;
  }
  storedTeamProblem = null;
  setActiveCatalog(null);
  return { ok: true };
}
