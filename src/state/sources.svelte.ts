// Whether the catalog's sources (loaded on demand, see src/catalog/sources.ts) are there yet: the
// source notes read it so that they show each title and link as soon as it arrives.
import { loadSources, sourcesLoaded } from '../catalog/sources.ts';

export class CatalogSources {
  ready: boolean;
  failed = $state(false);
  readonly #load: () => Promise<void>;

  /** `load` and `loaded` are the catalog's (given by the tests). */
  constructor(load: () => Promise<void> = loadSources, loaded: () => boolean = sourcesLoaded) {
    this.#load = load;
    this.ready = $state(loaded());
  }

  /** Starts loading them (once); `ready` turns true when they are in. */
  request(): void {
    if (this.ready) return;
    this.#load().then(
      () => (this.ready = true),
      () => (this.failed = true),
    );
  }
}

export const catalogSources = new CatalogSources();
