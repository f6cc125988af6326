// Message lookup and formatting. Environment-free (tests and the command line use it too). The
// page loads only the dictionary of the language in use, each in a chunk of its own.
import type { MessageKey } from './en.ts';

export const LANGUAGES = ['en', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];

export type Dictionary = Record<MessageKey, string>;
export type Params = Record<string, string | number | boolean | null | undefined>;
export type Translator = (key: string, params?: Params) => string;

/** `template` with its `{name}` placeholders filled. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? '' : String(v);
  });
}

/** Looks messages up in one dictionary. Unknown keys show themselves (a test forbids them). */
export function translatorOf(dict: Dictionary): Translator {
  return (key, params) => fill(Object.hasOwn(dict, key) ? dict[key as MessageKey] : key, params);
}

/** A language's messages, loaded on demand: only the language in use is downloaded. */
export function loadDictionary(lang: Lang): Promise<Dictionary> {
  return lang === 'fr' ? import('./fr.ts').then((m) => m.fr) : import('./en.ts').then((m) => m.en);
}
