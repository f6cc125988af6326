// The sentence of each explanation (explain.ts) in the page's language. Pure.
import { formatMoney, formatNumber, formatPercent } from '../../i18n/format.ts';
import type { Lang, Translator } from '../../i18n/translate.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { rangeLabel } from '../editor/field-labels.ts';
import type { Driver, Explanation } from './explain.ts';

/** An input's value as the editor shows it: amounts in the scenario's currency, percentages with %. */
function inputValue(lang: Lang, field: string, x: number, currency: string): string {
  if (field.includes('Ccy')) return formatMoney(lang, x, currency);
  if (field.includes('Pct')) return `${formatNumber(lang, x, 2)} %`;
  return formatNumber(lang, x, 2);
}

function why(d: Driver | null, s: Scenario, t: Translator, lang: Lang): string {
  if (!d) return t('explain.spread');
  const v = (x: number) => inputValue(lang, d.range.field, x, s.settings.currency);
  return t('explain.because', {
    input: rangeLabel(d.range, s, t),
    typed: v(d.typed),
    where: t(`explain.where.${d.position}`),
    low: v(d.low),
    high: v(d.high),
    median: v(d.median),
  });
}

export function explanationText(e: Explanation, s: Scenario, t: Translator, lang: Lang): string {
  const name = (id: string) => s.options.find((o) => o.id === id)?.name ?? id;
  const u = (x: number | null) => (x === null ? t('explain.uNever') : formatPercent(lang, x, 1));
  if (e.question === 'cheapest') {
    return t('explain.cheapest', { typed: name(e.typedId), likely: name(e.likelyId), pct: formatPercent(lang, e.pLikely, 1), why: why(e.driver, s, t, lang) });
  }
  return t(e.typedBreaksEven ? 'explain.breakEvenYesNo' : 'explain.breakEvenNoYes', {
    name: name(e.ownedId),
    u: u(e.typedUtilisation),
    pct: formatPercent(lang, e.pBreakEven, 1),
    uMedian: u(e.medianUtilisation),
    why: why(e.driver, s, t, lang),
  });
}
