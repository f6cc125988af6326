// What a number input says about how it read the text (issue 10: numbers are read the page's way):
// a text in the other language's convention ("1,5" on the English page) is read when only one
// reading is possible, and the input says which. Written once for every number input
// (NumberField.svelte, the ends of a range in RangeControl.svelte, the own-accelerator form).
import { formatNumber } from '../../i18n/format.ts';
import type { ParsedNumber } from '../../i18n/parse-number.ts';
import type { Lang, Translator } from '../../i18n/translate.ts';

/** "Read as 1.5 (the comma taken as the decimal separator)." for a reading in the other convention; null otherwise. */
export function readAsNote(t: Translator, lang: Lang, r: ParsedNumber): string | null {
  if (r.kind !== 'number' || r.convention !== 'other') return null;
  const mark = t(r.mark === ',' ? 'number.comma' : 'number.point');
  return t(r.markIs === 'decimal' ? 'number.readAsDecimal' : 'number.readAsGroups', { value: formatNumber(lang, r.value, 20), mark });
}

/**
 * Whether a note about the value `read` (in `lang`, with the scenario opened `opens` times) still
 * holds for the value the input now shows: the input's own value coming back keeps it; another
 * value, language or scenario ends it.
 */
export function noteHolds(read: { value: number; lang: Lang; opens: number } | null, value: number, lang: Lang, opens: number): boolean {
  return read !== null && read.value === value && read.lang === lang && read.opens === opens;
}
