// Constants and small helpers of the scenario format that do not need zod, so the page can use
// them without loading the validator (validation runs in the worker). Environment-free.
// The types come from schema.ts (type-only imports are erased).
import type { CloudOption, DecentralisedOption, SupplyOption, Uncertainty } from './schema.ts';

/** Identifies a scenario document. Never change: every saved file and link carries it. */
export const SCENARIO_FORMAT = 'compute-planner/scenario';
/** The format version this app writes. Older versions are migrated; newer ones are refused. */
export const SCENARIO_VERSION = 3;

export const CURRENCIES = ['USD', 'EUR', 'MAD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const MAX_OPTIONS = 6;
export const MAX_HORIZON_MONTHS = 120;

export const CLOUD_PRICING_MODELS = ['onDemand', 'reserved1y', 'reserved3y', 'spot'] as const;
export type CloudPricingModel = (typeof CLOUD_PRICING_MODELS)[number];

/** Largest scenario document accepted, in bytes of UTF-8 (a typical scenario is 3–6 KB). */
export const MAX_SCENARIO_BYTES = 1_000_000;
/** Deepest nesting accepted in a document (the format itself is 5 levels deep). */
export const MAX_DEPTH = 24;

/** Identifies a library export. Never change: every exported library file carries it. */
export const LIBRARY_FORMAT = 'compute-planner/library';
export const LIBRARY_VERSION = 1;
/** Largest library file accepted: 100 scenarios at the largest size a scenario may have. */
export const MAX_LIBRARY_BYTES = 100 * MAX_SCENARIO_BYTES;
export const MAX_LIBRARY_SCENARIOS = 500;

export interface LibraryFile {
  format: typeof LIBRARY_FORMAT;
  version: number;
  exportedAt: string;
  scenarios: unknown[];
}

export function libraryFile(scenarios: unknown[], exportedAt: string): LibraryFile {
  return { format: LIBRARY_FORMAT, version: LIBRARY_VERSION, exportedAt, scenarios };
}

export const DISTRIBUTION_SHAPES = ['normal', 'lognormal', 'uniform', 'triangular'] as const;
export type DistributionShape = (typeof DISTRIBUTION_SHAPES)[number];
export const RANGE_TARGETS = ['settings', 'workload', 'option'] as const;
export const MIN_SAMPLES = 1_000;
export const MAX_SAMPLES = 100_000;
export const DEFAULT_SAMPLES = 10_000;
export const MAX_RANGES = 40;

/** The footprint and throughput inputs every kind of option has. */
const FOOTPRINT_RANGEABLE = [
  'powerWPerGpu',
  'busyPowerFraction',
  'hostPowerWPerServer',
  'gpusPerServer',
  'pue',
  'gridGCO2ePerKWh',
  'embodiedKgCO2ePerGpu',
  'embodiedKgCO2ePerServer',
  'embodiedLifeYears',
  'throughputVsReference',
] as const;

const RENTED_RANGEABLE = [
  'priceCcyPerGpuHour',
  'priceTrendPctPerMonth',
  'egressCcyPerMonth',
  'storageCcyPerMonth',
  'providerUtilisationPct',
  ...FOOTPRINT_RANGEABLE,
] as const;

/**
 * The inputs a range may be put on: those that change what the Monte Carlo reports (each option's
 * cost, NPV and CO2e when it serves the demand alone). Demand shares, water and depreciation, for
 * instance, change none of it, so a range on them would only mislead.
 */
export const RANGEABLE_FIELDS = {
  settings: ['discountRatePctPerYear'],
  gpuHours: ['gpuHoursPerMonth', 'growthPctPerMonth'],
  training: ['parametersBillion', 'tokensBillion', 'mfuPct', 'deadlineMonths'],
  inference: ['tokensPerSecond', 'tokensPerSecondPerGpu', 'growthPctPerMonth'],
  buy: [
    'gpuCount',
    'unitPriceCcyPerGpu',
    'priceTrendPctPerMonth',
    'orderMonth',
    'serverAndNetworkCcy',
    'importDutyPct',
    'vatPct',
    'leadTimeMonths',
    'maxUtilisationPct',
    'idlePowerWPerGpu',
    'facilityCcyPerMonth',
    'colocationCcyPerKWMonth',
    'electricityCcyPerKWh',
    'maintenanceCcyPerYear',
    'staffCcyPerYear',
    'annualRatePct',
    'termMonths',
    'resalePctOfGpuPrice',
    ...FOOTPRINT_RANGEABLE,
  ],
  cloud: [...RENTED_RANGEABLE, 'committedGpus', 'spotInterruptionOverheadPct'],
  decentralised: [...RENTED_RANGEABLE, 'platformFeePct', 'reliabilityOverheadPct'],
} as const satisfies Record<string, readonly string[]>;

/**
 * What each input a range may be put on accepts, [min, max] — the schema's bounds, copied here
 * for the page (which does not load the validator); a unit test keeps them equal.
 */
export const RANGE_BOUNDS: Record<string, readonly [number, number]> = {
  discountRatePctPerYear: [0, 100],
  gpuHoursPerMonth: [0, 10_000_000_000],
  growthPctPerMonth: [-50, 100],
  gpuCount: [1, 1_000_000],
  unitPriceCcyPerGpu: [0, 100_000_000],
  priceTrendPctPerMonth: [-20, 20],
  orderMonth: [0, 119],
  serverAndNetworkCcy: [0, 100_000_000_000],
  importDutyPct: [0, 100],
  vatPct: [0, 100],
  leadTimeMonths: [0, 60],
  maxUtilisationPct: [1, 100],
  idlePowerWPerGpu: [0, 5000],
  colocationCcyPerKWMonth: [0, 1_000_000],
  electricityCcyPerKWh: [0, 100],
  maintenanceCcyPerYear: [0, 1_000_000_000_000],
  staffCcyPerYear: [0, 1_000_000_000_000],
  annualRatePct: [0, 100],
  termMonths: [1, 360],
  resalePctOfGpuPrice: [0, 100],
  powerWPerGpu: [1, 10_000],
  busyPowerFraction: [0.05, 1],
  hostPowerWPerServer: [0, 100_000],
  gpusPerServer: [1, 64],
  pue: [1, 4],
  gridGCO2ePerKWh: [0, 3000],
  embodiedKgCO2ePerGpu: [0, 100_000],
  embodiedKgCO2ePerServer: [0, 1_000_000],
  embodiedLifeYears: [0.5, 20],
  throughputVsReference: [0.001, 1000],
  priceCcyPerGpuHour: [0, 10_000],
  egressCcyPerMonth: [0, 10_000_000_000],
  storageCcyPerMonth: [0, 10_000_000_000],
  providerUtilisationPct: [1, 100],
  committedGpus: [0, 1_000_000],
  spotInterruptionOverheadPct: [0, 500],
  platformFeePct: [0, 100],
  reliabilityOverheadPct: [0, 500],
  parametersBillion: [0.001, 100_000],
  tokensBillion: [0.001, 100_000_000],
  mfuPct: [1, 100],
  deadlineMonths: [1, 120],
  facilityCcyPerMonth: [0, 1_000_000_000],
  tokensPerSecond: [0, 10_000_000_000],
  tokensPerSecondPerGpu: [0.001, 1_000_000_000],
};

/** Whether a range may be put on `field` of a holder (settings, a workload kind, an option kind). */
export function isRangeable(holder: keyof typeof RANGEABLE_FIELDS, field: string): boolean {
  return (RANGEABLE_FIELDS[holder] as readonly string[]).includes(field);
}

export const DEFAULT_UNCERTAINTY: Uncertainty = { samples: DEFAULT_SAMPLES, seed: 1, ranges: [] };

/** Fields that hold a whole number: sampled values are rounded. */
export const INTEGER_FIELDS: ReadonlySet<string> = new Set([
  'gpuCount',
  'gpusPerServer',
  'leadTimeMonths',
  'orderMonth',
  'committedGpus',
  'termMonths',
  'deadlineMonths',
  'horizonMonths',
]);

/** Tolerance on the sum of demand shares, in percentage points. */
export const SHARE_SUM_TOLERANCE = 0.01;

/** A reserved cloud option: committed GPUs paid whether used or not. */
export function isReserved(o: SupplyOption): boolean {
  return o.kind === 'cloud' && (o.pricingModel === 'reserved1y' || o.pricingModel === 'reserved3y');
}

/** Options paid per hour used (on-demand, spot, decentralised): they share the remaining demand. */
export function isPayAsYouGo(o: SupplyOption): o is CloudOption | DecentralisedOption {
  return o.kind === 'decentralised' || (o.kind === 'cloud' && !isReserved(o));
}
