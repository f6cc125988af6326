// tokens (issue 15): the tables of the price of a token write their figures one way (options, mix,
// pool members): three significant digits, Wh and g per thousand tokens, and a missing figure as a word.
import { describe, expect, it } from 'vitest';
import { tokenFormat } from '../../src/ui/results/token-format.ts';

describe('the price of a token, written', () => {
  it('in English and French, a missing figure as the word given', () => {
    const en = tokenFormat('en', 'USD', '—none—');
    expect(en.money(1.23456)).toBe('US$1.23');
    expect(en.wh(0.0123456)).toBe('12.3 Wh');
    expect(en.g(0.5)).toBe('500 gCO2e');
    expect(en.sig(12345)).toBe('12,300');
    for (const f of [en.money, en.wh, en.g]) expect(f(null)).toBe('—none—');
    const fr = tokenFormat('fr', 'EUR', 'aucun');
    expect(fr.money(1.23456)).toBe('1,23\u00a0€');
    expect(fr.wh(0.0123456)).toBe('12,3 Wh');
    expect(fr.money(null)).toBe('aucun');
  });
});
