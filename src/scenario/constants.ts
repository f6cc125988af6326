// Constants and small helpers of the scenario format that do not need zod, so the page can use
// them without loading the validator (validation runs in the worker). Environment-free.
// The types come from schema.ts (type-only imports are erased).
import type { CloudOption, DecentralisedOption, SupplyOption } from './schema.ts';

/** Identifies a scenario document. Never change: every saved file and link carries it. */
export const SCENARIO_FORMAT = 'compute-planner/scenario';
/** The format version this app writes. Older versions are migrated; newer ones are refused. */
export const SCENARIO_VERSION = 1;

export const CURRENCIES = ['USD', 'EUR', 'MAD'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const MAX_OPTIONS = 6;
export const MAX_HORIZON_MONTHS = 120;

export const CLOUD_PRICING_MODELS = ['onDemand', 'reserved1y', 'reserved3y', 'spot'] as const;
export type CloudPricingModel = (typeof CLOUD_PRICING_MODELS)[number];

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
