// Numbers, money, units and dates for a language, with Intl. Environment-free.
import type { Lang } from './translate.ts';

const LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR' };

export function locale(lang: Lang): string {
  return LOCALE[lang];
}

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], options);
    cache.set(key, f);
  }
  return f;
}

/** A number with up to `digits` significant decimals for small values, grouped. */
export function formatNumber(lang: Lang, x: number, maxFractionDigits?: number): string {
  const abs = Math.abs(x);
  const digits = maxFractionDigits ?? (abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
  return nf(lang, { maximumFractionDigits: digits }).format(x);
}

/** `minDigits`: figures compared in one sentence keep the same number of decimals ("72.1 %, 24.0 %"). */
export function formatPercent(lang: Lang, fraction: number, digits = 0, minDigits = 0): string {
  return nf(lang, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: minDigits }).format(fraction);
}

/** Money in the scenario's currency: cents below 100, whole units above, compact above 10 million. */
export function formatMoney(lang: Lang, x: number, currency: string, opts: { compact?: boolean } = {}): string {
  const abs = Math.abs(x);
  if (opts.compact && abs >= 1e6) {
    return nf(lang, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 2 }).format(x);
  }
  return nf(lang, { style: 'currency', currency, maximumFractionDigits: abs < 100 ? 2 : 0, minimumFractionDigits: abs < 100 ? 2 : 0 }).format(x);
}

/** Energy with a readable unit: kWh, MWh or GWh. */
export function formatEnergy(lang: Lang, kWh: number): string {
  const abs = Math.abs(kWh);
  if (abs >= 1e6) return `${formatNumber(lang, kWh / 1e6, 2)} GWh`;
  if (abs >= 1e3) return `${formatNumber(lang, kWh / 1e3, 1)} MWh`;
  return `${formatNumber(lang, kWh, 0)} kWh`;
}

/** Mass of CO2e: kg below a tonne, then t. */
export function formatCO2e(lang: Lang, kg: number): string {
  if (Math.abs(kg) >= 1000) return `${formatNumber(lang, kg / 1000, kg >= 1e5 ? 0 : 1)} tCO2e`;
  return `${formatNumber(lang, kg, 0)} kgCO2e`;
}

/** Water: litres below a cubic metre, then m³. */
export function formatWater(lang: Lang, litres: number): string {
  if (Math.abs(litres) >= 1000) return `${formatNumber(lang, litres / 1000, litres >= 1e5 ? 0 : 1)} m³`;
  return `${formatNumber(lang, litres, 0)} L`;
}

export function formatGpuHours(lang: Lang, h: number): string {
  return formatNumber(lang, h, 0);
}

// Intl formatters are costly to create: one per language and style.
const monthFormats = new Map<Lang, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();

/** "Jan 2027" for month `m` (0-based) of a plan that starts in `startMonth` (YYYY-MM). */
export function formatMonth(lang: Lang, startMonth: string, m: number): string {
  const [y, mo] = startMonth.split('-').map(Number) as [number, number];
  let f = monthFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(lang, f);
  }
  return f.format(new Date(Date.UTC(y, mo - 1 + m, 1)));
}

/** A date or timestamp for a person ("22 Nov 2026, 14:05"). */
export function formatDateTime(lang: Lang, iso: string): string {
  let f = dateTimeFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(lang, f);
  }
  return f.format(new Date(iso));
}

const regionNames = new Map<Lang, Intl.DisplayNames>();
/** A country's name in the language, from its ISO 3166 alpha-2 code ("001" = world). */
export function countryName(lang: Lang, iso2: string, fallback: string): string {
  let dn = regionNames.get(lang);
  if (!dn) {
    dn = new Intl.DisplayNames([LOCALE[lang]], { type: 'region' });
    regionNames.set(lang, dn);
  }
  try {
    return dn.of(iso2) ?? fallback;
  } catch {
    return fallback;
  }
}

// Reading typed numbers, and writing numbers into inputs: parse-number.ts (it inverts numberToInput).
