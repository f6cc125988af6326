import { describe, expect, it } from 'vitest';
import { catalog } from '../../src/catalog/index.ts';
import { loadSources, sourcesLoaded } from '../../src/catalog/sources.ts';

/** Every source key cited by a figure of the catalog. */
function citedKeys(o: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(o)) o.forEach((x) => citedKeys(x, out));
  else if (o && typeof o === 'object') {
    for (const [k, v] of Object.entries(o)) {
      if (k === 'sources' && Array.isArray(v)) v.forEach((x) => typeof x === 'string' && out.add(x));
      else if (k !== 'sources') citedKeys(v, out);
    }
  }
  return out;
}

describe('the catalog’s sources, bundled apart from its figures', () => {
  it('are not in the bundled figures until loaded, then every cited key has its title', async () => {
    expect(sourcesLoaded()).toBe(false);
    expect(Object.keys(catalog.sources)).toHaveLength(0);
    const first = loadSources();
    expect(loadSources()).toBe(first);
    await first;
    expect(sourcesLoaded()).toBe(true);
    const keys = citedKeys(catalog);
    expect(keys.size).toBeGreaterThan(0);
    for (const k of keys) expect(catalog.sources[k]?.title, k).toBeTruthy();
  });
});
