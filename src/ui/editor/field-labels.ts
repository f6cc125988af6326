// The label of each input a range may be put on (the editor's own labels), for the list of ranges
// and the tornado. A unit test checks that every entry of RANGEABLE_FIELDS has one.
import type { MessageKey } from '../../i18n/en.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { Range, Scenario } from '../../scenario/schema.ts';

export const FIELD_LABELS: Record<string, MessageKey> = {
  discountRatePctPerYear: 'settings.discountRate',
  gpuHoursPerMonth: 'workload.gpuHoursPerMonth',
  growthPctPerMonth: 'workload.growth',
  parametersBillion: 'workload.parameters',
  tokensBillion: 'workload.tokens',
  mfuPct: 'workload.mfu',
  deadlineMonths: 'workload.deadline',
  tokensPerSecond: 'workload.tokensPerSecond',
  tokensPerSecondPerGpu: 'workload.tokensPerSecondPerGpu',
  gpuCount: 'buy.gpuCount',
  unitPriceCcyPerGpu: 'buy.unitPrice',
  priceTrendPctPerMonth: 'field.priceTrend',
  orderMonth: 'buy.orderMonth',
  serverAndNetworkCcy: 'buy.serverAndNetwork',
  importDutyPct: 'buy.importDuty',
  vatPct: 'buy.vat',
  leadTimeMonths: 'buy.leadTime',
  maxUtilisationPct: 'buy.maxUtilisation',
  idlePowerWPerGpu: 'fp.idlePower',
  facilityCcyPerMonth: 'buy.facilityCost',
  colocationCcyPerKWMonth: 'buy.colocationPrice',
  electricityCcyPerKWh: 'buy.electricity',
  maintenanceCcyPerYear: 'buy.maintenance',
  staffCcyPerYear: 'buy.staff',
  annualRatePct: 'buy.loanRate',
  termMonths: 'buy.loanTerm',
  resalePctOfGpuPrice: 'buy.resale',
  powerWPerGpu: 'fp.power',
  busyPowerFraction: 'fp.busyFraction',
  hostPowerWPerServer: 'fp.hostPower',
  gpusPerServer: 'fp.gpusPerServer',
  pue: 'fp.pue',
  gridGCO2ePerKWh: 'fp.grid',
  embodiedKgCO2ePerGpu: 'fp.embodiedGpu',
  embodiedKgCO2ePerServer: 'fp.embodiedServer',
  embodiedLifeYears: 'fp.embodiedLife',
  throughputVsReference: 'fp.throughput',
  priceCcyPerGpuHour: 'rent.price',
  egressCcyPerMonth: 'rent.egress',
  storageCcyPerMonth: 'rent.storage',
  providerUtilisationPct: 'fp.providerUtilisation',
  committedGpus: 'rent.committedGpus',
  spotInterruptionOverheadPct: 'rent.spotOverhead',
  platformFeePct: 'rent.fee',
  reliabilityOverheadPct: 'rent.reliabilityOverhead',
};

/** "Cloud H100 — Price per GPU-hour", "Workload — GPU-hours a month": what a range is on. */
export function rangeLabel(r: Pick<Range, 'target' | 'optionId' | 'field'>, s: Pick<Scenario, 'options'>, t: Translator): string {
  const key = FIELD_LABELS[r.field];
  const field = key ? t(key) : r.field;
  if (r.target === 'settings') return `${t('settings.title')} — ${field}`;
  if (r.target === 'workload') return `${t('workload.title')} — ${field}`;
  const o = s.options.find((x) => x.id === r.optionId);
  return `${o?.name ?? r.optionId} — ${field}`;
}
