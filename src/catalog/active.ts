// The catalog the defaults are drawn from: the built-in one, or the built-in one with a team's
// imported catalog laid over it (its rows used before the built-in rows of the items it covers;
// see team.ts). Environment-free: one module-level value, replaced as a whole.
import { builtInCatalog } from './built-in.ts';
import type { Catalog } from './types.ts';

export { builtInCatalog };

let active: Catalog = builtInCatalog;
/** The team catalog laid over the built-in one, when there is one: what the page shows of it. */
export interface TeamInfo {
  name: string;
  date: string;
  contentHash: string;
}
let team: TeamInfo | null = null;
const listeners = new Set<() => void>();

export function activeTeam(): TeamInfo | null {
  return team;
}

export function activeCatalog(): Catalog {
  return active;
}

/** Replaces the active catalog (null: back to the built-in one) and tells the listeners. */
export function setActiveCatalog(c: Catalog | null, info: TeamInfo | null = null): void {
  active = c ?? builtInCatalog;
  team = c ? info : null;
  for (const l of listeners) l();
}

export function onActiveCatalogChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** What a scenario records of the catalog behind its figures (format version 3). */
export function catalogRecord(c: Catalog = active): { version: string; contentHash: string } {
  return { version: c.version, contentHash: c.contentHash };
}
