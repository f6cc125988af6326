// The report's question and answer: which option (or, for a comparison, which plan) costs least
// per useful GPU-hour, at what cost and footprint, with what odds and what dependency. Words only:
// every figure is one the evaluation already computed.
import { formatCO2e, formatEnergy, formatGpuHours, formatNumber, formatPercent, formatWater } from '../../i18n/format.ts';
import { renderSentence } from '../../i18n/sentences.ts';
import type { Lang, Translator } from '../../i18n/translate.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { EvaluationResult } from '../../../workers/models/types.ts';
import type { MonteCarloResult } from '../../../workers/models/uncertainty/montecarlo.ts';
import { money, perHour } from '../results/format-result.ts';

export interface Evaluated {
  scenario: Scenario;
  result: EvaluationResult;
}

export interface Answer {
  question: string;
  /** The answer in one sentence, then the figures behind it. */
  answer: string;
  points: { label: string; text: string }[];
}

const byPerHour = (a: number | null, b: number | null) => (a ?? Infinity) - (b ?? Infinity);

function dependencyText(r: EvaluationResult, t: Translator, lang: Lang): string {
  // A tier whose suppliers are all unknown says nothing about concentration: not the headline's.
  const worst = [...r.dependency.portfolio].filter((x) => x.shares.some((s) => s.name !== 'unknown')).sort((a, b) => b.hhi - a.hhi)[0];
  const tier = worst ? t('headline.dependency', { tier: t(`tier.${worst.tier}`), hhi: formatNumber(lang, worst.hhi, 0), band: t(`band.${worst.band}`) }) : '';
  return [tier, renderSentence(r.dependency.exportSentence, t, lang)].filter(Boolean).join(' — ');
}

/** footprint (issue 12): operational emissions both ways (GHG Protocol Scope 2), embodied apart, offsets apart and never subtracted. */
function footprint(x: EvaluationResult['mix']['totals'], t: Translator, lang: Lang): string {
  const text = t('report.footprint', {
    energy: formatEnergy(lang, x.facilityEnergyKWh),
    location: formatCO2e(lang, x.operationalKgCO2e),
    market: formatCO2e(lang, x.marketKgCO2e),
    embodied: formatCO2e(lang, x.embodiedKgCO2e),
    water: formatWater(lang, x.onsiteWaterL + x.offsiteWaterL),
  });
  return x.offsetsKgCO2e === null ? text : `${text} ${t('report.offsets', { offsets: formatCO2e(lang, x.offsetsKgCO2e) })}`;
}

/** The open scenario: which option, alone, costs least per useful GPU-hour; the mix; the odds. */
export function scenarioAnswer(e: Evaluated, mc: MonteCarloResult | null, t: Translator, lang: Lang): Answer {
  const r = e.result;
  const ranked = [...r.options].sort((a, b) => byPerHour(a.alone.totals.costPerUsefulGpuHourCcy, b.alone.totals.costPerUsefulGpuHourCcy));
  const best = ranked[0];
  const demand = r.demandRefGpuHours.reduce((a, b) => a + b, 0);
  const points: Answer['points'] = [];
  let answer = t('report.noAnswer');
  if (best && best.alone.totals.costPerUsefulGpuHourCcy !== null) {
    const x = best.alone.totals;
    answer = t('report.answerOption', {
      name: best.name,
      perHour: perHour(lang, t, x.costPerUsefulGpuHourCcy, r.currency),
      total: money(lang, x.costCcy, r.currency),
      months: r.months,
      co2e: formatCO2e(lang, x.operationalKgCO2e + x.embodiedKgCO2e),
    });
    if (demand > 0 && x.servedRefGpuHours < demand * 0.999)
      answer += ` ${t('report.servesPart', { pct: formatPercent(lang, x.servedRefGpuHours / demand) })}`;
  }
  const m = r.mix.totals;
  const unmet = m.unmetRefGpuHours > 1e-6 ? ` ${t('report.unmet', { hours: formatGpuHours(lang, m.unmetRefGpuHours) })}` : '';
  points.push({
    label: r.options.length > 1 ? t('report.theMix') : t('report.cost'),
    text: `${t('report.mixCost', { total: money(lang, m.costCcy, r.currency), npv: money(lang, m.npvCcy, r.currency), perHour: perHour(lang, t, m.costPerUsefulGpuHourCcy, r.currency) })}${unmet}`,
  });
  points.push({ label: t('report.footprintLabel'), text: footprint(m, t, lang) });
  if (mc && mc.options.length > 0) {
    const likely = mc.options.reduce((a, b) => (b.pCheapest > a.pCheapest ? b : a));
    const owned = mc.options.filter((o) => o.pBreakEven !== null);
    const breakEven = owned.map((o) => t('report.breakEvenOdds', { name: o.name, pct: formatPercent(lang, o.pBreakEven!) })).join(' ');
    points.push({
      label: t('report.odds'),
      text: `${t('report.oddsCheapest', { name: likely.name, pct: formatPercent(lang, likely.pCheapest), samples: formatNumber(lang, mc.samples) })} ${breakEven}`.trim(),
    });
  } else {
    points.push({ label: t('report.odds'), text: t('report.noOdds') });
  }
  points.push({ label: t('report.dependency'), text: dependencyText(r, t, lang) });
  return { question: t(r.options.length > 1 ? 'report.questionOptions' : 'report.questionOne', { name: e.scenario.name }), answer, points };
}

/** A comparison: which plan (each scenario's mix) costs least per useful GPU-hour. */
export function comparisonAnswer(list: Evaluated[], t: Translator, lang: Lang): Answer {
  const ranked = [...list].sort((a, b) => byPerHour(a.result.mix.totals.costPerUsefulGpuHourCcy, b.result.mix.totals.costPerUsefulGpuHourCcy));
  const best = ranked[0];
  const currencies = new Set(list.map((e) => e.result.currency));
  const points: Answer['points'] = list.map((e) => ({
    label: e.scenario.name,
    text: `${t('report.mixCost', {
      total: money(lang, e.result.mix.totals.costCcy, e.result.currency),
      npv: money(lang, e.result.mix.totals.npvCcy, e.result.currency),
      perHour: perHour(lang, t, e.result.mix.totals.costPerUsefulGpuHourCcy, e.result.currency),
    })} ${footprint(e.result.mix.totals, t, lang)} ${t('report.dependency')}: ${dependencyText(e.result, t, lang)}`,
  }));
  let answer = t('report.noAnswer');
  if (currencies.size > 1) answer = t('report.otherCurrencies');
  else if (best && best.result.mix.totals.costPerUsefulGpuHourCcy !== null)
    answer = t('report.answerPlan', {
      name: best.scenario.name,
      perHour: perHour(lang, t, best.result.mix.totals.costPerUsefulGpuHourCcy, best.result.currency),
      total: money(lang, best.result.mix.totals.costCcy, best.result.currency),
      co2e: formatCO2e(lang, best.result.mix.totals.operationalKgCO2e + best.result.mix.totals.embodiedKgCO2e),
    });
  points.push({ label: t('report.odds'), text: t('report.oddsEach') });
  return { question: t('report.questionPlans', { names: list.map((e) => e.scenario.name).join(', ') }), answer, points };
}
