// Shared formatting of result figures for the results, compare and export views.
import { formatCO2e, formatEnergy, formatGpuHours, formatMoney, formatPercent, formatWater, formatMonth } from '../../i18n/format.ts';
import type { Lang, Translator } from '../../i18n/translate.ts';
import type { BreakEven, OptionTotals } from '../../../workers/models/types.ts';

export function money(lang: Lang, x: number | null, currency: string, compact = false): string {
  return x === null ? '—' : formatMoney(lang, x, currency, { compact });
}

export function perHour(lang: Lang, t: Translator, x: number | null, currency: string): string {
  return x === null ? t('results.nothingServed') : `${formatMoney(lang, x, currency)} / ${t('unit.gpuHourShort')}`;
}

export interface Row {
  key: string;
  value: (x: OptionTotals) => string;
}

export function totalsRows(lang: Lang, t: Translator, currency: string): Row[] {
  return [
    { key: 'results.totalCost', value: (x) => money(lang, x.costCcy, currency) },
    { key: 'results.npv', value: (x) => money(lang, x.npvCcy, currency) },
    { key: 'results.costPerHour', value: (x) => perHour(lang, t, x.costPerUsefulGpuHourCcy, currency) },
    { key: 'results.served', value: (x) => `${formatGpuHours(lang, x.servedRefGpuHours)} ${t('unit.gpuHours')}` },
    { key: 'results.energy', value: (x) => formatEnergy(lang, x.facilityEnergyKWh) },
    { key: 'results.opLocation', value: (x) => formatCO2e(lang, x.operationalKgCO2e) },
    // footprint (issue 12): market-based beside location-based (GHG Protocol Scope 2).
    { key: 'results.opMarket', value: (x) => formatCO2e(lang, x.marketKgCO2e) },
    { key: 'results.embodied', value: (x) => formatCO2e(lang, x.embodiedKgCO2e) },
    { key: 'results.water', value: (x) => formatWater(lang, x.onsiteWaterL + x.offsiteWaterL) },
  ];
}

export function breakEvenText(lang: Lang, t: Translator, b: BreakEven | null, reason: string | null, startMonth: string, rentalName: string): string {
  if (!b) return reason === 'noRental' ? t('breakEven.noRental') : '—';
  const u =
    b.utilisation === null
      ? t('breakEven.never', { rental: rentalName })
      : b.utilisationNote === 'aboveMaximum'
        ? t('breakEven.above', { u: formatPercent(lang, b.utilisation), rental: rentalName })
        : t('breakEven.at', { u: formatPercent(lang, b.utilisation), rental: rentalName });
  const m = b.month === null ? t('breakEven.noMonth') : t('breakEven.month', { month: formatMonth(lang, startMonth, b.month) });
  return `${u} ${m}`;
}
