// Constants and small helpers of the scenario format that do not need zod, so the page can use
// them without loading the validator (validation runs in the worker). Environment-free.
// The types come from schema.ts (type-only imports are erased).
import { FIELDS } from './fields.ts';
import type { CloudOption, DecentralisedOption, SupplyOption, Uncertainty } from './schema.ts';

export { INTEGER_FIELDS, RANGE_BOUNDS, RANGEABLE_FIELDS, isRangeable, isShareRange } from './fields.ts';

/** Identifies a scenario document. Never change: every saved file and link carries it. */
export const SCENARIO_FORMAT = 'compute-planner/scenario';
/** The format version this app writes. Older versions are migrated; newer ones are refused. */
export const SCENARIO_VERSION = 10;

export const CURRENCIES = ['USD', 'EUR', 'MAD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const MAX_OPTIONS = 6;
export const MAX_HORIZON_MONTHS = FIELDS.horizonMonths.max;

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
// pool (issue 15, format 9, optional): 'member' is a pool member's workload or committed share (pool.members[memberIndex]);
// 'pool' the pool's own input, the first member's committed share. Readers before them reject such a range on its field.
export const RANGE_TARGETS = ['settings', 'workload', 'option', 'member', 'pool'] as const;
export const MIN_SAMPLES = FIELDS.samples.min;
export const MAX_SAMPLES = FIELDS.samples.max;
export const DEFAULT_SAMPLES = 10_000;
/**
 * Samples of the first look (issue 11: the first run shown after the page opens ≤ 10 ms of worker
 * time): when nothing is shown yet, a run this size (same seed) is shown at once, labelled with its
 * own sample count, and the run of the scenario's samples replaces it.
 */
export const FIRST_LOOK_SAMPLES = MIN_SAMPLES;
export const MAX_RANGES = 40;

export const DEFAULT_UNCERTAINTY: Uncertainty = { samples: DEFAULT_SAMPLES, seed: 1, ranges: [] };

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

/** What the optimiser looks for (goals): lowest net present cost, lowest 95th-percentile cost, most demand served for a budget. */
export const OBJECTIVES = ['lowestNpv', 'lowestP95', 'mostServed'] as const;
export type Objective = (typeof OBJECTIVES)[number];
/** Tiers a concentration limit may be set on (workers/models/dependency.ts TIERS). */
export const GOAL_TIERS = ['acceleratorVendor', 'foundry', 'hbm', 'provider', 'computeCountry', 'fabCountry'] as const;

// pool (issue 15): members sharing the supply options (workers/models/pool.ts)
/** How the cost of the shared (owned and reserved) options is split among a pool's members. */
export const SPLIT_RULES = ['gpuHours', 'committedShare', 'equal'] as const;
export type SplitRule = (typeof SPLIT_RULES)[number];
/** Members of a pool besides the first (whose workload is the scenario's). */
export const MAX_POOL_MEMBERS = 7;
