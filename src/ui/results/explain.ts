// Why the deterministic view, the Monte Carlo and the tornado can give different answers to the
// same question (who is cheapest, does owning pay), worked out from the results themselves. Pure.
//
// The three answer at different values of the uncertain inputs: the deterministic view at the
// values typed in the editor, the tornado's baseline at every range's median, the Monte Carlo
// across the ranges. When they disagree, the input that explains it is the one whose move from
// its typed value to its median shifts the answer most towards the uncertain side: the tornado's
// slope (result at P95 − result at P5, over P95 − P5) times (median − typed value).
import type { Range, Scenario } from '../../scenario/schema.ts';
// Bounds from the field table, not from zod: this module is in the page's first chunk.
import { INTEGER_FIELDS, RANGE_BOUNDS } from '../../scenario/fields.ts';
import { valueOf } from '../../scenario/ranges.ts';
import type { EvaluationResult } from '../../../workers/models/types.ts';
import { clippedQuantile, compileDistribution } from '../../../workers/models/uncertainty/distributions.ts';
import type { MonteCarloResult } from '../../../workers/models/uncertainty/montecarlo.ts';
import type { Outputs, TornadoResult } from '../../../workers/models/uncertainty/tornado.ts';

/** Where a typed value sits in the range the person gave it (P5 to P95). */
export type Position = 'belowRange' | 'bottom' | 'belowMedian' | 'aboveMedian' | 'top' | 'aboveRange';

export interface Driver {
  range: Range;
  typed: number;
  /** The range's 5th and 95th percentiles as typed, and the median the tornado and Monte Carlo centre on. */
  low: number;
  high: number;
  median: number;
  position: Position;
}

export type Explanation =
  | {
      question: 'cheapest';
      /** Cheapest per useful GPU-hour at the typed values. */
      typedId: string;
      /** Most often cheapest in the Monte Carlo, and in what share of samples. */
      likelyId: string;
      pLikely: number;
      driver: Driver | null;
    }
  | {
      question: 'breakEven';
      ownedId: string;
      /** Whether owning pays within the horizon at the typed values, and the utilisation it needs there. */
      typedBreaksEven: boolean;
      typedUtilisation: number | null;
      /** Share of Monte Carlo samples in which it pays within the horizon. */
      pBreakEven: number;
      /** Utilisation it needs with every input at its median (the tornado's baseline). */
      medianUtilisation: number | null;
      driver: Driver | null;
    };

export interface ExplainInput {
  /** The deterministic result, at the typed values. */
  result: EvaluationResult;
  /** The scenario the three were computed from. */
  scenario: Scenario;
  monteCarlo: MonteCarloResult;
  tornado: TornadoResult | null;
}

/** Position of `x` in [low, high]: the bottom and top fifths are the range's ends. */
export function positionIn(x: number, low: number, high: number): Position {
  if (x < low) return 'belowRange';
  if (x > high) return 'aboveRange';
  const p = high > low ? (x - low) / (high - low) : 0.5;
  if (p <= 0.2) return 'bottom';
  if (p >= 0.8) return 'top';
  return p < 0.5 ? 'belowMedian' : 'aboveMedian';
}

function typedAndMedian(s: Scenario, r: Range): { typed: number; median: number } | null {
  const typed = valueOf(s, r);
  const b = RANGE_BOUNDS[r.field];
  if (typed === null || !b) return null;
  const bounds = { min: b[0], max: r.field === 'orderMonth' ? Math.min(b[1], s.settings.horizonMonths - 1) : b[1], integer: INTEGER_FIELDS.has(r.field) };
  // The same distribution the Monte Carlo and the tornado draw from.
  const median = clippedQuantile(compileDistribution(r.shape, r.low, r.high, typed, bounds), 0.5);
  return { typed, median };
}

/**
 * The input that moves `margin` most in the direction `towards` (−1: down, +1: up) when it goes
 * from its typed value to its median, or null if none does.
 */
function findDriver(s: Scenario, tornado: TornadoResult | null, margin: (o: Outputs) => number | null, towards: -1 | 1): Driver | null {
  if (!tornado) return null;
  let best: Driver | null = null;
  let bestShift = 0;
  for (const bar of tornado.bars) {
    const tm = typedAndMedian(s, bar.range);
    if (!tm) continue;
    const lo = margin(bar.atLow);
    const hi = margin(bar.atHigh);
    if (lo === null || hi === null || !(bar.highValue > bar.lowValue)) continue;
    const slope = (hi - lo) / (bar.highValue - bar.lowValue);
    const shift = slope * (tm.median - tm.typed) * towards;
    if (shift > bestShift + 1e-12) {
      bestShift = shift;
      best = { range: bar.range, typed: tm.typed, low: bar.range.low, high: bar.range.high, median: tm.median, position: positionIn(tm.typed, bar.range.low, bar.range.high) };
    }
  }
  return best;
}

/** Every question on which the three views disagree, with the input that explains it (if one does). */
export function explainDisagreements({ result, scenario, monteCarlo, tornado }: ExplainInput): Explanation[] {
  if (monteCarlo.scenarioId !== result.scenarioId || (tornado && tornado.scenarioId !== result.scenarioId)) return [];
  const out: Explanation[] = [];
  const index = (id: string) => result.options.findIndex((o) => o.id === id);

  // Who is cheapest per useful GPU-hour, each option alone.
  let typedId: string | null = null;
  let typedRate = Infinity;
  for (const o of result.options) {
    const rate = o.alone.totals.costPerUsefulGpuHourCcy;
    if (rate !== null && rate < typedRate) {
      typedRate = rate;
      typedId = o.id;
    }
  }
  const likely = monteCarlo.options.reduce((a, o) => (o.pCheapest > a.pCheapest ? o : a), monteCarlo.options[0]!);
  if (typedId !== null && likely && likely.id !== typedId && index(likely.id) >= 0) {
    const i = index(typedId);
    const j = index(likely.id);
    // Per useful GPU-hour at each bar's ends, over the hours served at the typed values.
    const servedI = result.options[i]!.alone.totals.servedRefGpuHours;
    const servedJ = result.options[j]!.alone.totals.servedRefGpuHours;
    const margin = (o: Outputs) => (servedI > 0 && servedJ > 0 ? o.cost[j]! / servedJ - o.cost[i]! / servedI : null);
    // At the typed values the likely option costs more (margin > 0): look for what brings it down.
    out.push({ question: 'cheapest', typedId, likelyId: likely.id, pLikely: likely.pCheapest, driver: findDriver(scenario, tornado, margin, -1) });
  }

  // Does owning pay within the horizon: each owned option.
  for (const mc of monteCarlo.options) {
    if (mc.pBreakEven === null) continue;
    const i = index(mc.id);
    const o = result.options[i];
    const option = scenario.options[i];
    if (!o || option?.kind !== 'buy') continue;
    const typedBreaksEven = o.breakEven?.month != null;
    const maxU = option.maxUtilisationPct / 100;
    const medianU = tornado?.baseline.breakEvenUtilisation[i] ?? null;
    const medianBreaksEven = medianU !== null && medianU <= maxU;
    const likelyBreaksEven = mc.pBreakEven >= 0.5;
    if (typedBreaksEven === likelyBreaksEven && (!tornado || typedBreaksEven === medianBreaksEven)) continue;
    // Break-even utilisation (never = beyond any utilisation): lower means owning pays sooner.
    const margin = (x: Outputs) => x.breakEvenUtilisation[i] ?? null;
    out.push({
      question: 'breakEven',
      ownedId: mc.id,
      typedBreaksEven,
      typedUtilisation: o.breakEven?.utilisation ?? null,
      pBreakEven: mc.pBreakEven,
      medianUtilisation: medianU,
      driver: findDriver(scenario, tornado, margin, typedBreaksEven ? 1 : -1),
    });
  }
  return out;
}
