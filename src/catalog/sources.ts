// The built-in catalog's sources (titles, links, dates of the citations) are bundled apart from its
// figures: the first screen runs on the figures, and these load in a chunk of their own when a
// source is shown (the notes under the fields, the report, a team catalog's import). Until then
// `catalog.sources` is empty; `loadSources()` fills it, once, in place. Environment-free.
import { builtInCatalog } from './active.ts';

let loading: Promise<void> | null = null;

/** Fills the built-in catalog's `sources` (once; later calls return the same promise). */
export function loadSources(): Promise<void> {
  loading ??= import('./data/catalog.sources.json').then(
    (m) => void Object.assign(builtInCatalog.sources, m.default),
    (e: unknown) => {
      loading = null; // a failed chunk load may be retried
      throw e;
    },
  );
  return loading;
}

/** True once the sources are in `catalog.sources`. */
export function sourcesLoaded(): boolean {
  return Object.keys(builtInCatalog.sources).length > 0;
}
