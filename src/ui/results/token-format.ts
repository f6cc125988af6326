// tokens (issue 15): how the price of a token is written in the tables (options and mix, pool
// members): money with three significant digits, kWh per thousand tokens in Wh and kg in g (the
// figures are small), and a figure the model could not give written as `none` — never a zero.
import { locale } from '../../i18n/format.ts';
import type { Lang } from '../../i18n/translate.ts';

export interface TokenFormat {
  sig(x: number): string;
  money(x: number | null): string;
  wh(x: number | null): string;
  g(x: number | null): string;
}

export function tokenFormat(lang: Lang, currency: string, none: string): TokenFormat {
  const sig = (x: number) => new Intl.NumberFormat(locale(lang), { maximumSignificantDigits: 3 }).format(x);
  return {
    sig,
    money: (x) => (x === null ? none : new Intl.NumberFormat(locale(lang), { style: 'currency', currency, maximumSignificantDigits: 3 }).format(x)),
    wh: (x) => (x === null ? none : `${sig(x * 1000)} Wh`),
    g: (x) => (x === null ? none : `${sig(x * 1000)} gCO2e`),
  };
}
