// Message lookup and formatting, for a given language. Environment-free (the command line can
// use it too); the page binds it to the current language in src/state/prefs.svelte.ts.
import { en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';

export const LANGUAGES = ['en', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];

export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { en, fr };

export type Params = Record<string, string | number | boolean | null | undefined>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message for `key` with `{name}` placeholders filled. Unknown keys show themselves (a test forbids them). */
export function translate(lang: Lang, key: string, params: Params = {}): string {
  const template = isMessageKey(key) ? DICTIONARIES[lang][key] : key;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? '' : String(v);
  });
}

export type Translator = (key: string, params?: Params) => string;

export function translator(lang: Lang): Translator {
  return (key, params) => translate(lang, key, params);
}
