// The dated rules load on demand, once: `mod` is null until they are in; a failed load may be retried.
import { describe, expect, it } from 'vitest';
import { RulesLoader } from '../../../src/state/rules.svelte.ts';
import { countedLoader, settle } from './deferred.ts';

type RulesModule = typeof import('../../../src/catalog/rules.ts');
const fakeRules = { ruleEvent: () => undefined } as unknown as RulesModule;

describe('RulesLoader', () => {
  it('holds no rules until the load resolves, then the loaded module', async () => {
    const { load, calls } = countedLoader<RulesModule>();
    const loader = new RulesLoader(load);
    expect(loader.mod).toBeNull();
    loader.request();
    await settle();
    expect(loader.mod).toBeNull();
    calls[0]!.resolve(fakeRules);
    await settle();
    expect(loader.mod).toBe(fakeRules);
    expect(loader.failed).toBe(false);
  });

  it('loads once: a request while loading or once loaded starts nothing', async () => {
    const { load, calls } = countedLoader<RulesModule>();
    const loader = new RulesLoader(load);
    loader.request();
    loader.request();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(fakeRules);
    await settle();
    loader.request();
    expect(calls).toHaveLength(1);
  });

  it('a failed load says so and may be retried', async () => {
    const { load, calls } = countedLoader<RulesModule>();
    const loader = new RulesLoader(load);
    loader.request();
    calls[0]!.reject(new Error('chunk failed'));
    await settle();
    expect(loader.failed).toBe(true);
    expect(loader.mod).toBeNull();
    loader.request();
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(fakeRules);
    await settle();
    expect(loader.mod).toBe(fakeRules);
  });

  it('by default loads the catalog’s rules module', async () => {
    const loader = new RulesLoader();
    loader.request();
    const real = await import('../../../src/catalog/rules.ts');
    await settle();
    expect(loader.mod?.ruleEvent).toBe(real.ruleEvent);
  });
});
