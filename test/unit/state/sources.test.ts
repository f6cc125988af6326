// The catalog's sources load on demand: `ready` says whether they are in, `failed` that a load failed.
import { describe, expect, it } from 'vitest';
import { CatalogSources } from '../../../src/state/sources.svelte.ts';
import { countedLoader, settle } from './deferred.ts';

describe('CatalogSources', () => {
  it('starts ready when the sources are already in, and then loads nothing', () => {
    const { load, calls } = countedLoader<void>();
    const sources = new CatalogSources(load, () => true);
    expect(sources.ready).toBe(true);
    sources.request();
    expect(calls).toHaveLength(0);
  });

  it('is not ready until the load resolves, then ready without a failure', async () => {
    const { load, calls } = countedLoader<void>();
    const sources = new CatalogSources(load, () => false);
    expect(sources.ready).toBe(false);
    sources.request();
    expect(calls).toHaveLength(1);
    await settle();
    expect(sources.ready).toBe(false);
    calls[0]!.resolve();
    await settle();
    expect(sources.ready).toBe(true);
    expect(sources.failed).toBe(false);
    sources.request();
    expect(calls).toHaveLength(1);
  });

  it('a failed load says so and stays not ready; a later request tries again', async () => {
    const { load, calls } = countedLoader<void>();
    const sources = new CatalogSources(load, () => false);
    sources.request();
    calls[0]!.reject(new Error('chunk failed'));
    await settle();
    expect(sources.failed).toBe(true);
    expect(sources.ready).toBe(false);
    sources.request();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve();
    await settle();
    expect(sources.ready).toBe(true);
  });

  it('by default loads the built-in catalog’s sources', async () => {
    const { builtInCatalog } = await import('../../../src/catalog/active.ts');
    const sources = new CatalogSources();
    sources.request();
    await settle();
    await import('../../../src/catalog/sources.ts').then((m) => m.loadSources());
    await settle();
    expect(sources.ready).toBe(true);
    expect(Object.keys(builtInCatalog.sources).length).toBeGreaterThan(0);
  });
});
