// Changing a scenario's currency: every amount converted at the scenario's rate, in one step, or
// (chosen explicitly) the numbers kept and only the label changed. No scenario ever holds amounts
// in two currencies. Money fields are found by name: `Ccy` in a field's name means "in the
// scenario's currency" (README, "Scenario format"); a range is converted when its field is one.
// (A field table with units, src/scenario/fields.ts, was not there when this was written.)
// Environment-free.
import type { Currency } from './constants.ts';
import type { Scenario } from './schema.ts';

/** Is this field an amount in the scenario's currency? */
export function isMoneyField(field: string): boolean {
  return /Ccy/.test(field);
}

/** US dollars per unit of the scenario's own currency as the scenario states it (1 for USD), or null. */
export function scenarioUsdPerUnit(s: Pick<Scenario['settings'], 'currency' | 'usdPerCurrencyUnit'>): number | null {
  if (s.currency === 'USD') return 1;
  const r = s.usdPerCurrencyUnit;
  return r !== null && Number.isFinite(r) && r > 0 ? r : null;
}

/**
 * Units of `to` per unit of the scenario's currency: (USD per unit of from) ÷ (USD per unit of to).
 * Null when either rate is missing.
 */
export function conversionFactor(s: Scenario, to: Currency, toUsdPerUnit: number | null): number | null {
  const from = scenarioUsdPerUnit(s.settings);
  const target = to === 'USD' ? 1 : toUsdPerUnit !== null && Number.isFinite(toUsdPerUnit) && toUsdPerUnit > 0 ? toUsdPerUnit : null;
  return from === null || target === null ? null : from / target;
}

/** An amount times the factor, without binary noise (12 significant digits: far below any figure's precision). */
export function scaleAmount(x: number, factor: number): number {
  if (!Number.isFinite(x)) return x;
  const y = x * factor;
  return y === 0 ? 0 : Number(y.toPrecision(12));
}

/** Multiplies every money field of a JSON object tree in place; returns how many it changed. */
function scaleTree(node: unknown, factor: number): number {
  if (Array.isArray(node)) return node.reduce((n: number, x) => n + scaleTree(x, factor), 0);
  if (node === null || typeof node !== 'object') return 0;
  let n = 0;
  const o = node as Record<string, unknown>;
  for (const [k, v] of Object.entries(o)) {
    if (typeof v === 'number' && isMoneyField(k)) {
      o[k] = scaleAmount(v, factor);
      n += 1;
    } else if (v !== null && typeof v === 'object') {
      n += scaleTree(v, factor);
    }
  }
  return n;
}

export interface CurrencyChange {
  to: Currency;
  /** US dollars per unit of `to` (ignored for USD). */
  toUsdPerUnit: number | null;
  /** The day that rate was read, if known. */
  rateDate?: string | null;
  mode: 'convert' | 'relabel';
}

export type CurrencyChangeResult =
  | { ok: true; scenario: Scenario; converted: number; factor: number | null }
  | { ok: false; reason: 'noFromRate' | 'noToRate' };

/**
 * The scenario in another currency, as a new object (the input is untouched): converted — every
 * money field of every option and the low and high of every range on one — or relabelled.
 */
export function changeCurrency(s: Scenario, change: CurrencyChange): CurrencyChangeResult {
  const out = copyPlain(s);
  const rate = change.to === 'USD' ? null : change.toUsdPerUnit;
  let converted = 0;
  let factor: number | null = null;
  if (change.mode === 'convert') {
    if (scenarioUsdPerUnit(s.settings) === null) return { ok: false, reason: 'noFromRate' };
    factor = conversionFactor(s, change.to, change.toUsdPerUnit);
    if (factor === null) return { ok: false, reason: 'noToRate' };
    converted += scaleTree(out.options, factor);
    for (const r of out.uncertainty.ranges) {
      if (!isMoneyField(r.field)) continue;
      r.low = scaleAmount(r.low, factor);
      r.high = scaleAmount(r.high, factor);
      converted += 2;
    }
  }
  out.settings.currency = change.to;
  out.settings.usdPerCurrencyUnit = change.to === 'USD' ? null : (rate ?? (change.to === s.settings.currency ? s.settings.usdPerCurrencyUnit : null));
  out.settings.exchangeRateDate = change.to === 'USD' ? null : (change.rateDate ?? null);
  return { ok: true, scenario: out, converted, factor };
}

/** A deep copy of a scenario that keeps NaN (an input being typed), unlike JSON. */
export function copyPlain<T>(x: T): T {
  if (Array.isArray(x)) return x.map(copyPlain) as T;
  if (x === null || typeof x !== 'object') return x;
  return Object.fromEntries(Object.entries(x as Record<string, unknown>).map(([k, v]) => [k, copyPlain(v)])) as T;
}
