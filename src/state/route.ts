// The view in the address: which view the page shows lives in the query (`?view=compare&ids=a,b`),
// the share payload in the fragment (`#scenario=v1.…`). The two never mix: the query names a view,
// the fragment carries a scenario, and a share link may carry both (`?view=report#scenario=v1.…`).
// The query rather than the path, so any static host (and `vite preview`, and the service worker's
// navigation fallback) serves the one index.html whatever the view — no server rewrite needed.
// Pure: no DOM, so the parse/format pair is tested in vitest.

export type View = 'planner' | 'library' | 'compare' | 'methodology' | 'report';

export const VIEWS: readonly View[] = ['planner', 'library', 'compare', 'methodology', 'report'];

/** The route: a view, and for Compare (and a comparison's report) the chosen scenarios, in order. */
export type Route = { view: View; ids: string[] };

/** Most scenarios Compare takes side by side. */
export const MAX_COMPARE = 4;

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Reads the query of an address (`?view=…&ids=…`); anything unknown is the planner. */
export function parseRoute(search: string): Route {
  const q = new URLSearchParams(search);
  const v = q.get('view');
  const view: View = v && (VIEWS as readonly string[]).includes(v) ? (v as View) : 'planner';
  const ids =
    view === 'compare' || view === 'report'
      ? [...new Set((q.get('ids') ?? '').split(',').filter((id) => ID.test(id)))].slice(0, MAX_COMPARE)
      : [];
  return { view, ids };
}

/** The query for a route (empty for the planner): `?view=compare&ids=a,b`. */
export function formatRoute(route: Route): string {
  if (route.view === 'planner') return '';
  const q = new URLSearchParams({ view: route.view });
  const ids = route.ids.filter((id) => ID.test(id)).slice(0, MAX_COMPARE);
  if ((route.view === 'compare' || route.view === 'report') && ids.length > 0) q.set('ids', ids.join(','));
  // Commas stay readable in the address.
  return `?${q.toString().replace(/%2C/g, ',')}`;
}

export function sameRoute(a: Route, b: Route): boolean {
  return a.view === b.view && a.ids.join(',') === b.ids.join(',');
}
