// What a number input says of how it read a text (src/ui/fields/reading-note.ts): the other
// convention's reading in words, and whether that note still holds for the value shown.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { parseNumber } from '../../src/i18n/parse-number.ts';
import { translatorOf } from '../../src/i18n/translate.ts';
import { noteHolds, readAsNote } from '../../src/ui/fields/reading-note.ts';

const tEn = translatorOf(en);
const tFr = translatorOf(fr);

describe('readAsNote', () => {
  it('says how a text in the other convention was read', () => {
    expect(readAsNote(tEn, 'en', parseNumber('-1,5', 'en'))).toBe('Read as -1.5 (the comma taken as the decimal separator).');
    expect(readAsNote(tEn, 'en', parseNumber('4 672,5', 'en'))).toBe('Read as 4,672.5 (the comma taken as the decimal separator).');
    expect(readAsNote(tFr, 'fr', parseNumber('3,600.5', 'fr'))).toBe('Lu comme 3\u202f600,5 (séparateur décimal : point).');
  });
  it('says nothing of a text read the page’s way, empty, invalid or with two readings', () => {
    for (const [text, lang] of [['30,000', 'en'], ['2,5', 'fr'], ['', 'en'], ['abc', 'fr'], ['1.500', 'fr']] as const) {
      expect(readAsNote(lang === 'en' ? tEn : tFr, lang, parseNumber(text, lang))).toBeNull();
    }
  });
});

describe('noteHolds', () => {
  const read = { value: -1.5, lang: 'en' as const, opens: 3 };
  it('holds for the input’s own value coming back', () => {
    expect(noteHolds(read, -1.5, 'en', 3)).toBe(true);
  });
  it('ends with another value, language or scenario, or without a note', () => {
    expect(noteHolds(read, -2.5, 'en', 3)).toBe(false);
    expect(noteHolds(read, -1.5, 'fr', 3)).toBe(false);
    expect(noteHolds(read, -1.5, 'en', 4)).toBe(false);
    expect(noteHolds(null, -1.5, 'en', 3)).toBe(false);
  });
});
