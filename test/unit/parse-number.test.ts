// Issue 10, path 1: numbers are read the way the page writes them; what the page formats reads back
// as the same number (fast-check); input with two readings is reported, never guessed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/i18n/format.ts';
import { numberSymbols, numberToInput, parseNumber } from '../../src/i18n/parse-number.ts';

const read = (text: string, lang: 'en' | 'fr') => parseNumber(text, lang);

describe('the page’s symbols come from Intl', () => {
  it('English groups with a comma, French with a narrow no-break space', () => {
    expect(numberSymbols('en')).toEqual({ group: ',', decimal: '.' });
    expect(numberSymbols('fr')).toEqual({ group: '\u202f', decimal: ',' });
  });
});

describe('English page', () => {
  it.each([
    ['30,000', 30000],
    ['10,000', 10000],
    ['4,672', 4672],
    ['1,234,567.25', 1234567.25],
    ['2.5', 2.5],
    ['.5', 0.5],
    ['12', 12],
    ['-3', -3],
    ['\u22123.5', -3.5],
    ['1e3', 1000],
    ['1.5e-7', 1.5e-7],
    ['30 000', 30000],
    ['1,500', 1500],
    ['1.500', 1.5],
  ])('"%s" is %d, read the page’s way', (text, n) => expect(read(text, 'en')).toEqual({ kind: 'number', value: n, convention: 'page' }));

  it.each([
    // Pasted from a French (or German) spreadsheet: only one reading is possible; it is reported.
    ['1,5', 1.5],
    ['0,195', 0.195],
    ['1.234,5', 1234.5],
    ['30 000,5', 30000.5],
    ['30\u202f000,5', 30000.5],
    ['1.234.567', 1234567],
  ])('"%s" is %d, read the other convention’s way and said so', (text, n) =>
    expect(read(text, 'en')).toMatchObject({ kind: 'number', value: n, convention: 'other' }),
  );
  it('says which mark it read the other way', () => {
    expect(read('1,5', 'en')).toEqual({ kind: 'number', value: 1.5, convention: 'other', mark: ',', markIs: 'decimal' });
    expect(read('1.234.567', 'en')).toEqual({ kind: 'number', value: 1234567, convention: 'other', mark: '.', markIs: 'groups' });
    expect(read('2.5', 'fr')).toEqual({ kind: 'number', value: 2.5, convention: 'other', mark: '.', markIs: 'decimal' });
  });
});

describe('French page', () => {
  it.each([
    ['30 000', 30000],
    ['30\u00a0000', 30000],
    ['30\u202f000', 30000],
    ['2,5', 2.5],
    ['1,500', 1.5],
    ['4 672', 4672],
    ['-2,5', -2.5],
    ['1 234 567,25', 1234567.25],
    ['1.234,5', 1234.5],
    ['1,5e-7', 1.5e-7],
  ])('"%s" is %d, read the page’s way', (text, n) => expect(read(text, 'fr')).toEqual({ kind: 'number', value: n, convention: 'page' }));

  it.each([
    ['2.5', 2.5],
    ['1,234.5', 1234.5],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
  ])('"%s" is %d, read the other convention’s way and said so', (text, n) =>
    expect(read(text, 'fr')).toMatchObject({ kind: 'number', value: n, convention: 'other' }),
  );

  it('"1.500" has two readings: it is reported, not guessed', () => {
    expect(read('1.500', 'fr')).toEqual({ kind: 'ambiguous', readings: [1500, 1.5] });
    expect(read('30.000', 'fr')).toEqual({ kind: 'ambiguous', readings: [30000, 30] });
  });
});

describe('not numbers', () => {
  it.each(['', ' ', 'eight', '1,2,3x', '--1', '12abc', '1 2', '1,2,3', '1..5', '$30', ',', '.', '1.2.3,4.5', 'e5'])('"%s"', (text) => {
    for (const lang of ['en', 'fr'] as const) {
      expect(['invalid', 'empty']).toContain(read(text, lang).kind);
    }
  });
});

describe('what the page writes reads back as the same number (format → parse = identity)', () => {
  for (const lang of ['en', 'fr'] as const) {
    it(`inputs, ${lang}: every finite number`, () => {
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
          const r = read(numberToInput(lang, x), lang);
          expect(r).toEqual({ kind: 'number', value: x === 0 ? 0 : x, convention: 'page' });
        }),
        { numRuns: 2000 },
      );
    });

    it(`grouped figures, ${lang}: formatNumber with 0 to 6 decimals`, () => {
      fc.assert(
        fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (n, digits) => {
          const x = n / 10 ** digits;
          const text = formatNumber(lang, x, digits);
          expect(read(text, lang)).toEqual({ kind: 'number', value: x === 0 ? 0 : x, convention: 'page' });
        }),
        { numRuns: 2000 },
      );
    });

    it(`grouped figures, ${lang}: formatNumber's default digits`, () => {
      fc.assert(
        fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
          const text = formatNumber(lang, x);
          const r = read(text, lang);
          expect(r.kind).toBe('number');
          // Intl rounded it; the reading is that rounded value, never a different magnitude.
          if (r.kind === 'number') expect(Math.abs(r.value - x)).toBeLessThanOrEqual(0.0005 * Math.max(1, Math.abs(x)) + 0.5);
        }),
        { numRuns: 1000 },
      );
    });
  }
});
