// Whether the catalog's sources (loaded on demand, see src/catalog/sources.ts) are there yet: the
// source notes read it so that they show each title and link as soon as it arrives.
import { loadSources, sourcesLoaded } from '../catalog/sources.ts';

class CatalogSources {
  ready = $state(sourcesLoaded());
  failed = $state(false);

  /** Starts loading them (once); `ready` turns true when they are in. */
  request(): void {
    if (this.ready) return;
    loadSources().then(
      () => (this.ready = true),
      () => (this.failed = true),
    );
  }
}

export const catalogSources = new CatalogSources();
