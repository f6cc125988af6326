// How fresh a catalog figure is, against the catalog's build date (not today): a figure observed
// at most 6 months before the build is current, 6 to 12 months is flagged, older (or undated) is
// old. An old row is never chosen as a default when a newer row for the same item exists.
// Environment-free.
import type { Cited } from './types.ts';

export type Freshness = 'current' | 'flagged' | 'old';
export const FRESHNESS: readonly Freshness[] = ['current', 'flagged', 'old'];

/** Months up to which a figure is current, and up to which it is flagged (after: old). */
export const CURRENT_MONTHS = 6;
export const FLAGGED_MONTHS = 12;

/** Whole months from `asOf` (YYYY-MM) to `date` (YYYY-MM or YYYY-MM-DD); negative when `asOf` is later. */
export function monthsBetween(asOf: string, date: string): number {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const [ty, tm] = date.split('-').map(Number) as [number, number];
  return (ty - y) * 12 + (tm - m);
}

export function freshness(asOf: string | null, buildDate: string): Freshness {
  if (asOf === null) return 'old';
  const months = monthsBetween(asOf, buildDate);
  return months <= CURRENT_MONTHS ? 'current' : months <= FLAGGED_MONTHS ? 'flagged' : 'old';
}

export function freshnessCounts(rows: readonly Pick<Cited, 'asOf'>[], buildDate: string): Record<Freshness, number> {
  const out: Record<Freshness, number> = { current: 0, flagged: 0, old: 0 };
  for (const r of rows) out[freshness(r.asOf, buildDate)]++;
  return out;
}

/**
 * The rows of the freshest class present (current, else flagged, else old), so that an old row is
 * chosen only when no newer one exists.
 */
export function freshestClass<T extends Pick<Cited, 'asOf'>>(rows: readonly T[], buildDate: string): { rows: T[]; freshness: Freshness | null } {
  for (const f of FRESHNESS) {
    const picked = rows.filter((r) => freshness(r.asOf, buildDate) === f);
    if (picked.length) return { rows: picked, freshness: f };
  }
  return { rows: [], freshness: null };
}

/** For each item (rows with the same key), only its newest observations: a price series counts once. */
export function latestPerItem<T extends Pick<Cited, 'asOf' | 'date'>>(rows: readonly T[], key: (r: T) => string): T[] {
  const newest = new Map<string, string>();
  for (const r of rows) {
    const k = key(r);
    const d = r.asOf ?? '';
    if ((newest.get(k) ?? '\u0000') < d) newest.set(k, d);
  }
  const seen = new Set<string>();
  return rows.filter((r) => {
    const k = key(r);
    if ((r.asOf ?? '') !== newest.get(k)) return false;
    // Several rows of one item in the same month: keep the one with the latest exact date.
    const best = rows.filter((x) => key(x) === k && (x.asOf ?? '') === newest.get(k)).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
    if (best !== r || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
