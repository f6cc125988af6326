// Messages of a part of the page that loads on demand (the optimiser, the report, the first
// visit…): they live in src/i18n/areas/<area>.ts, beside the view that uses them, so they are
// downloaded with that view instead of with the first screen. Environment-free.
import { fill, type Lang, type Translator } from './translate.ts';

/** One area's messages in both languages (a test checks the same keys and placeholders). */
export type AreaMessages = { readonly en: Readonly<Record<string, string>>; readonly fr: Readonly<Record<string, string>> };

/** A translator that looks in the area's messages first, then in the page's dictionary. */
export function areaTranslator(base: Translator, lang: Lang, area: AreaMessages): Translator {
  const dict = area[lang];
  return (key, params) => (Object.hasOwn(dict, key) ? fill(dict[key]!, params) : base(key, params));
}
