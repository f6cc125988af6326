// The page's language: the one remembered, else the browser's; switched only once its messages are
// in; remembered where the storage allows, and switched anyway where it does not.
import { describe, expect, it, vi } from 'vitest';
import type { Dictionary, Lang } from '../../../src/i18n/translate.ts';
import { Prefs, type PrefsEnv } from '../../../src/state/prefs.svelte.ts';
import { deferred, type Deferred } from './deferred.ts';

// The module's own instance reads the browser's language as it loads: Node 20 has no navigator.
vi.hoisted(() => {
  if (!('navigator' in globalThis)) Object.defineProperty(globalThis, 'navigator', { value: { language: 'en' }, configurable: true });
});

const KEY = 'compute-planner.lang';

/** A fake page: a storage (or one that throws), a browser language, dictionaries loaded on demand. */
function fakeEnv(opts: { saved?: string; browser?: string; storageThrows?: boolean } = {}) {
  const store = new Map<string, string>(opts.saved === undefined ? [] : [[KEY, opts.saved]]);
  const loads: { lang: Lang; d: Deferred<Dictionary> }[] = [];
  const page = { lang: '' };
  const env: PrefsEnv = {
    storage: () => {
      if (opts.storageThrows) throw new DOMException('denied', 'SecurityError');
      return { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) };
    },
    browserLanguage: () => opts.browser ?? 'en-GB',
    loadDictionary: (lang) => {
      const d = deferred<Dictionary>();
      loads.push({ lang, d });
      return d.promise;
    },
    setDocumentLang: (lang) => (page.lang = lang),
  };
  return { env, store, loads, page };
}

const dict = (hello: string) => ({ 'test.hello': hello }) as unknown as Dictionary;

describe('Prefs', () => {
  it('starts in the remembered language, else the browser’s (French for any fr-*), else English', () => {
    expect(new Prefs(fakeEnv({ saved: 'fr', browser: 'en-US' }).env).lang).toBe('fr');
    expect(new Prefs(fakeEnv({ saved: 'en', browser: 'fr-FR' }).env).lang).toBe('en');
    expect(new Prefs(fakeEnv({ browser: 'FR-ca' }).env).lang).toBe('fr');
    expect(new Prefs(fakeEnv({ browser: 'de-DE' }).env).lang).toBe('en');
    // A remembered value that is not a language is ignored.
    expect(new Prefs(fakeEnv({ saved: 'de', browser: 'fr' }).env).lang).toBe('fr');
  });

  it('where the storage cannot be read, starts in the browser’s language', () => {
    expect(new Prefs(fakeEnv({ saved: 'en', browser: 'fr-BE', storageThrows: true }).env).lang).toBe('fr');
  });

  it('before init, keys show themselves; init loads the starting language and applies it to the page', async () => {
    const { env, loads, page } = fakeEnv({ browser: 'fr-FR' });
    const prefs = new Prefs(env);
    expect(prefs.t('test.hello')).toBe('test.hello');
    const done = prefs.init();
    expect(loads.map((l) => l.lang)).toEqual(['fr']);
    loads[0]!.d.resolve(dict('bonjour'));
    await done;
    expect(prefs.t('test.hello')).toBe('bonjour');
    expect(page.lang).toBe('fr');
  });

  it('switches only once the new messages are in, then applies and remembers the language', async () => {
    const { env, loads, page, store } = fakeEnv({ browser: 'en-GB' });
    const prefs = new Prefs(env);
    const init = prefs.init();
    loads[0]!.d.resolve(dict('hello'));
    await init;
    const switching = prefs.setLang('fr');
    await new Promise((r) => setTimeout(r, 0));
    // Not half-switched while the French messages load.
    expect(prefs.lang).toBe('en');
    expect(prefs.t('test.hello')).toBe('hello');
    expect(page.lang).toBe('en');
    expect(store.has(KEY)).toBe(false);
    loads[1]!.d.resolve(dict('bonjour'));
    await switching;
    expect(prefs.lang).toBe('fr');
    expect(prefs.t('test.hello')).toBe('bonjour');
    expect(page.lang).toBe('fr');
    expect(store.get(KEY)).toBe('fr');
    // The next start opens in the remembered language.
    expect(new Prefs(env).lang).toBe('fr');
  });

  it('a failed load of the messages leaves the language as it was', async () => {
    const { env, loads, page, store } = fakeEnv({ browser: 'en-GB' });
    const prefs = new Prefs(env);
    const switching = prefs.setLang('fr');
    loads[0]!.d.reject(new Error('chunk failed'));
    await expect(switching).rejects.toThrow('chunk failed');
    expect(prefs.lang).toBe('en');
    expect(page.lang).toBe('');
    expect(store.has(KEY)).toBe(false);
  });

  it('where the storage cannot be written, the page still switches', async () => {
    const { env, loads, page } = fakeEnv({ browser: 'en-GB', storageThrows: true });
    const prefs = new Prefs(env);
    const switching = prefs.setLang('fr');
    loads[0]!.d.resolve(dict('bonjour'));
    await switching;
    expect(prefs.lang).toBe('fr');
    expect(page.lang).toBe('fr');
    expect(prefs.t('test.hello')).toBe('bonjour');
  });
});
