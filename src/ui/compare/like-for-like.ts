// Whether compared scenarios compare like with like: the demand they serve, their horizon and
// their currency; and, when currencies differ, the factor that puts each scenario's amounts in
// US dollars at its own dated exchange rate (or null for all when one of them has none). Pure.
import type { Settings } from '../../scenario/schema.ts';
import type { EvaluationResult } from '../../../workers/models/types.ts';

/** Relative difference under which two demands count as the same (rounding of typed figures). */
export const SAME_DEMAND = 0.005;

export interface Compared {
  id: string;
  name: string;
  currency: string;
  /** US dollars per unit of the currency as the scenario states it (null: no rate), and its date. */
  usdPerCurrencyUnit: number | null;
  exchangeRateDate: string | null;
  months: number;
  /** Reference GPU-hours asked for over the horizon, and served by the mix. */
  demandRefGpuHours: number;
  servedRefGpuHours: number;
}

export function compared(id: string, name: string, settings: Pick<Settings, 'usdPerCurrencyUnit' | 'exchangeRateDate'>, r: EvaluationResult): Compared {
  return {
    id,
    name,
    currency: r.currency,
    usdPerCurrencyUnit: r.currency === 'USD' ? 1 : settings.usdPerCurrencyUnit,
    exchangeRateDate: r.currency === 'USD' ? null : settings.exchangeRateDate,
    months: r.months,
    demandRefGpuHours: r.demandRefGpuHours.reduce((a, b) => a + b, 0),
    servedRefGpuHours: r.mix.totals.servedRefGpuHours,
  };
}

export interface LikeForLike {
  demandDiffers: boolean;
  horizonDiffers: boolean;
  currencyDiffers: boolean;
  /**
   * When currencies differ and every scenario has a dated rate: US dollars per unit of each
   * scenario's amounts (by id); null when the currencies are the same or cannot be converted.
   */
  toUsd: Map<string, number> | null;
  /** Currencies differ and at least one scenario has no dated rate: amounts are not converted. */
  unconvertible: boolean;
}

function differs(a: number, b: number): boolean {
  return Math.abs(a - b) > SAME_DEMAND * Math.max(Math.abs(a), Math.abs(b));
}

export function likeForLike(items: readonly Compared[]): LikeForLike {
  const first = items[0];
  if (!first) return { demandDiffers: false, horizonDiffers: false, currencyDiffers: false, toUsd: null, unconvertible: false };
  const demandDiffers = items.some((x) => differs(x.servedRefGpuHours, first.servedRefGpuHours) || differs(x.demandRefGpuHours, first.demandRefGpuHours));
  const horizonDiffers = items.some((x) => x.months !== first.months);
  const currencyDiffers = items.some((x) => x.currency !== first.currency);
  let toUsd: Map<string, number> | null = null;
  let unconvertible = false;
  if (currencyDiffers) {
    const dated = items.every((x) => x.currency === 'USD' || (x.usdPerCurrencyUnit !== null && x.exchangeRateDate !== null));
    if (dated) toUsd = new Map(items.map((x) => [x.id, x.usdPerCurrencyUnit!]));
    else unconvertible = true;
  }
  return { demandDiffers, horizonDiffers, currencyDiffers, toUsd, unconvertible };
}

/** The scenarios' ids grouped by currency, in order of first appearance: one chart each when amounts are not converted. */
export function byCurrency(items: readonly Compared[]): { currency: string; ids: string[] }[] {
  const groups: { currency: string; ids: string[] }[] = [];
  for (const x of items) {
    const g = groups.find((y) => y.currency === x.currency);
    if (g) g.ids.push(x.id);
    else groups.push({ currency: x.currency, ids: [x.id] });
  }
  return groups;
}
