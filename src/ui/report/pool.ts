// pool (issue 15): the report's table of a pool's members — each member's cost alone and in the
// pool, its saving and footprint, and, when the pool's Monte Carlo of the scenario is at hand, the
// 5th to 95th percentiles across the ranges; then the utilisation with and without pooling.
// Words only: every figure is one the evaluation (or the pool's Monte Carlo) computed.
import { formatCO2e, formatPercent } from '../../i18n/format.ts';
import type { Lang, Translator } from '../../i18n/translate.ts';
import type { EvaluationResult } from '../../../workers/models/types.ts';
import type { PoolMonteCarloResult } from '../../../workers/models/uncertainty/pool-montecarlo.ts';
import { money } from '../results/format-result.ts';

export interface PoolReport {
  head: string[];
  rows: string[][];
  /** The utilisation of owned and reserved capacity, pooled and alone (or why there is none). */
  utilisation: string;
}

/** The members' table of a pooled scenario's report (null without a pool). */
export function poolReport(r: EvaluationResult, mc: PoolMonteCarloResult | null, t: Translator, lang: Lang): PoolReport | null {
  const p = r.pool;
  if (!p) return null;
  const cur = r.currency;
  const band = mc && mc.scenarioId === r.scenarioId && mc.currency === cur && mc.members.length === p.members.length ? mc : null;
  const range = (x: { p5: number; p95: number }) => t('report.pool.band', { p5: money(lang, x.p5, cur), p95: money(lang, x.p95, cur) });
  const head = [t('report.pool.member'), t('report.pool.alone'), t('report.pool.inPool'), t('report.pool.saving'), t('report.pool.co2e')];
  const rows = p.members.map((m, j) => {
    const b = band?.members[j];
    return [
      m.name,
      b ? `${money(lang, m.aloneCcy, cur)} (${range(b.aloneCcy)})` : money(lang, m.aloneCcy, cur),
      b ? `${money(lang, m.inPoolCcy, cur)} (${range(b.inPoolCcy)})` : money(lang, m.inPoolCcy, cur),
      b ? `${money(lang, m.savingCcy, cur)} (${range(b.savingCcy)})` : money(lang, m.savingCcy, cur),
      formatCO2e(lang, m.inPoolKgCO2e),
    ];
  });
  rows.push([t('report.pool.total'), money(lang, p.aloneCcy, cur), money(lang, p.poolCcy, cur), money(lang, p.savingCcy, cur), '']);
  const utilisation =
    p.utilisationPooled !== null && p.utilisationAlone !== null
      ? t('report.pool.utilisation', { pooled: formatPercent(lang, p.utilisationPooled, 1), alone: formatPercent(lang, p.utilisationAlone, 1) })
      : t('report.pool.noCapacity');
  return { head, rows, utilisation: band ? `${utilisation} ${t('report.pool.bandNote', { samples: band.samples })}` : utilisation };
}
