// Reading a number the way the page writes it, and writing one so that it reads back the same.
// The page's group and decimal symbols are Intl's own (`formatToParts`): in English "30,000" is
// thirty thousand and "2.5" two and a half; in French "30 000" (space, no-break space or narrow
// no-break space) and "2,5". Input in the other convention (a value pasted from a spreadsheet) is
// read when only one reading is possible, and the reading is reported; input with two possible
// readings ("1.500" on the French page) is never guessed. Environment-free.
import { locale } from './format.ts';
import type { Lang } from './translate.ts';

export interface NumberSymbols {
  group: string;
  decimal: string;
}

const symbolCache = new Map<Lang, NumberSymbols>();

/** The page's group and decimal symbols, from Intl. */
export function numberSymbols(lang: Lang): NumberSymbols {
  let s = symbolCache.get(lang);
  if (!s) {
    const parts = new Intl.NumberFormat(locale(lang)).formatToParts(1234567.5);
    s = { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
    symbolCache.set(lang, s);
  }
  return s;
}

export type ParsedNumber =
  | { kind: 'empty' }
  | { kind: 'invalid' }
  /** `convention` "page": read the page's way; "other": read the other convention's way (say so). */
  | { kind: 'number'; value: number; convention: 'page' }
  /** Read the other convention's way (say so): `mark` was taken as the decimal separator or as thousands separators. */
  | { kind: 'number'; value: number; convention: 'other'; mark: ',' | '.'; markIs: 'decimal' | 'groups' }
  /** Two readings are possible: [grouped thousands, decimal], in that order. Ask; never guess. */
  | { kind: 'ambiguous'; readings: [number, number] };

/** Spaces that group digits: space, no-break space, narrow no-break space, thin space, apostrophes. */
const SPACES = /[\u0020\u00a0\u202f\u2009'\u2019]/g;

/**
 * The digits of an integer part whose groups are separated by `marks` (already one character, "|"):
 * one chunk of any length, or a first chunk of 1–3 digits followed by chunks of exactly 3. Null otherwise.
 */
function groupedDigits(s: string): string | null {
  const chunks = s.split('|');
  if (chunks.some((c) => !/^\d*$/.test(c))) return null;
  if (chunks.length === 1) return chunks[0]!;
  const [first, ...rest] = chunks as [string, ...string[]];
  if (!/^[1-9]\d{0,2}$/.test(first)) return null;
  return rest.every((c) => /^\d{3}$/.test(c)) ? chunks.join('') : null;
}

/** The number from an integer part (grouped by `groupChar` and spaces) and a fraction part. */
function build(sign: string, intPart: string, groupChar: string | null, frac: string | null, exp: string): number | null {
  let marked = intPart.replace(SPACES, '|');
  if (groupChar) marked = marked.split(groupChar).join('|');
  const digits = groupedDigits(marked);
  if (digits === null) return null;
  if (frac !== null && !/^\d*$/.test(frac)) return null;
  if (digits === '' && (frac === null || frac === '')) return null;
  return Number(`${sign}${digits || '0'}.${frac || '0'}${exp}`);
}

/** Reads a number typed or pasted on a page in `lang`. */
export function parseNumber(text: string, lang: Lang): ParsedNumber {
  const s = text.trim();
  if (s === '') return { kind: 'empty' };
  const m = /^([+\-\u2212]?)\s*(.*?)((?:e[+-]?\d+)?)$/i.exec(s);
  if (!m) return { kind: 'invalid' };
  const sign = m[1] === '' || m[1] === '+' ? '' : '-';
  const body = m[2]!;
  const exp = m[3]!;
  if (body === '' || !/^[\d.,\u0020\u00a0\u202f\u2009'\u2019]+$/.test(body) || /^[^\d.,]|[^\d.,]$/.test(body)) return { kind: 'invalid' };

  const decimal = numberSymbols(lang).decimal === ',' ? ',' : '.';
  const other = decimal === '.' ? ',' : '.';
  /** Is the other mark the page's own group symbol (English ",")? In French the page groups with a space. */
  const otherGroupsHere = numberSymbols(lang).group === other;
  const count = (c: string) => body.split(c).length - 1;
  const nDecimal = count(decimal);
  const nOther = count(other);
  const num = (v: number | null, how: 'page' | { mark: string; markIs: 'decimal' | 'groups' }): ParsedNumber => {
    if (v === null || !Number.isFinite(v)) return { kind: 'invalid' };
    if (how === 'page') return { kind: 'number', value: v, convention: 'page' };
    return { kind: 'number', value: v, convention: 'other', mark: how.mark as ',' | '.', markIs: how.markIs };
  };

  if (nDecimal === 0 && nOther === 0) return num(build(sign, body, null, null, exp), 'page');

  if (nDecimal > 0 && nOther > 0) {
    // Both marks: the last one separates the decimals (once), the other groups thousands.
    const last = body.lastIndexOf(decimal) > body.lastIndexOf(other) ? decimal : other;
    const group = last === decimal ? other : decimal;
    if (count(last) !== 1) return { kind: 'invalid' };
    const [intPart, frac] = body.split(last) as [string, string];
    return num(build(sign, intPart, group, frac, exp), last === decimal ? 'page' : { mark: last, markIs: 'decimal' });
  }

  if (nDecimal > 0) {
    // Only the page's decimal mark: once, it separates the decimals; more often, it can only group
    // thousands the other convention's way ("1,234,567" pasted on the French page).
    if (nDecimal === 1) {
      const [intPart, frac] = body.split(decimal) as [string, string];
      return num(build(sign, intPart, null, frac, exp), 'page');
    }
    return num(build(sign, body, decimal, null, exp), { mark: decimal, markIs: 'groups' });
  }

  // Only the other mark.
  const asGroups = build(sign, body, other, null, exp);
  const [intPart, frac] = body.split(other) as [string, string];
  const asDecimal = nOther === 1 ? build(sign, intPart, null, frac, exp) : null;
  if (asGroups !== null && otherGroupsHere) return num(asGroups, 'page');
  if (asGroups !== null && asDecimal !== null) return { kind: 'ambiguous', readings: [asGroups, asDecimal] };
  if (asGroups !== null) return num(asGroups, { mark: other, markIs: 'groups' });
  return num(asDecimal, { mark: other, markIs: 'decimal' });
}

/**
 * How a number is written in an input: every digit that tells it apart (JavaScript's shortest
 * round-trip form), no grouping, the page's decimal symbol. `parseNumber` reads it back exactly.
 */
export function numberToInput(lang: Lang, x: number): string {
  if (!Number.isFinite(x)) return '';
  const s = String(Object.is(x, -0) ? 0 : x);
  const decimal = numberSymbols(lang).decimal;
  return decimal === '.' ? s : s.replace('.', decimal);
}
