// Result types of the models. Plain data: it crosses the worker boundary and is written to JSON
// by the command-line evaluator. Money is in the scenario's currency (`currency`).
import type { DayStatus, DutySuggestion, EventEffect, EventStatus, RuleSource, StatusChange } from '../../src/catalog/rules.ts';

export const COST_CATEGORIES = [
  'capex',
  'interest',
  'energy',
  'hosting',
  'maintenance',
  'rent',
  'fees',
  'egressStorage',
  'commitmentBeyondHorizon',
  'resale',
] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

export type ByCategory = Record<CostCategory, number>;

/** A sentence for a person, as a dictionary key and its parameters (the page and CLI translate it). */
export interface Sentence {
  key: string;
  params: Record<string, string | number | boolean | null>;
}

export interface Footprint {
  /** Energy drawn by the IT equipment (GPUs and hosts), kWh. */
  itEnergyKWh: number;
  /** IT energy × PUE, kWh. */
  facilityEnergyKWh: number;
  /** Location-based operational emissions, kgCO2e. */
  operationalKgCO2e: number;
  /** Share of manufacturing emissions allocated to this use, kgCO2e. */
  embodiedKgCO2e: number;
  /** Water evaporated on site (WUE × IT energy), litres. */
  onsiteWaterL: number;
  /** Water consumed off site to generate the electricity (PUE × EWIF × IT energy), litres. */
  offsiteWaterL: number;
}

// footprint (issue 12): the parts of the footprint and where each figure comes from.
/** Energy by component, kWh; they add up to the facility energy. */
export interface EnergyByComponent {
  /** Accelerators (busy and idle), derived from GPU-hours × watts. */
  acceleratorsKWh: number;
  /** Hosts (CPUs, memory, fans), derived. */
  hostKWh: number;
  /** IT energy the person typed (a meter, a report), not split into parts. */
  measuredKWh: number;
  /** Idle and overhead energy the person typed (nodes, network, storage). */
  overheadKWh: number;
  /** Facility overhead: IT energy × (PUE − 1). */
  facilityOverheadKWh: number;
}

export interface FootprintParts {
  /** Market-based operational emissions (GHG Protocol Scope 2), kgCO2e; operationalKgCO2e is location-based. */
  marketKgCO2e: number;
  energyByComponent: EnergyByComponent;
  /** Offsets the person typed, kgCO2e: shown apart, never subtracted; null when none. */
  offsetsKgCO2e: number | null;
}

/** Per option: whether its energy was measured or estimated and from what, and the bases of its emission figures. */
export interface FootprintBasis {
  energy: 'measured' | 'derived';
  /** The person's note on the measured figure (a meter, a report), or "". */
  energySource: string;
  energyPeriod: 'total' | 'perMonth';
  energyScope: 'it' | 'facility';
  overheadTyped: boolean;
  hostFromParts: boolean;
  /** footprint (issue 12): the job runs on the hosts' CPUs only (energy from the host parts, the server's embodied carbon only). */
  cpuOnly: boolean;
  /** Market-based from: the supplier's factor, a contract (PPA or certificates share), or no contract (the grid factor). */
  market: 'supplier' | 'contract' | 'noContract';
  /** What the uncovered rest is counted at: the residual mix the person gave, or the grid factor. */
  rest: 'residual' | 'grid' | null;
  /** Data year, sources and date of the catalog's grid figure; null / empty when the person typed it or the catalog does not say. */
  gridDataYear: number | null;
  gridSources: string[];
  gridAsOf: string | null;
  /** footprint (issue 12): life-cycle or direct; null when the person typed the figure or the source does not say. */
  gridMetric: 'lifeCycle' | 'direct' | null;
  /** The sub-national zone whose figure was used, or null (national). */
  gridZone: string | null;
}

export interface OptionTotals extends Footprint, FootprintParts {
  /** Everything paid over the horizon (undiscounted), net of resale. */
  costCcy: number;
  /** Present value of the monthly costs at the scenario's discount rate. */
  npvCcy: number;
  byCategory: ByCategory;
  /** Reference-accelerator GPU-hours of demand served. */
  servedRefGpuHours: number;
  /** GPU-hours the option's own accelerators ran (including re-runs and interruptions). */
  usedGpuHours: number;
  /** costCcy ÷ servedRefGpuHours; null when nothing was served. */
  costPerUsefulGpuHourCcy: number | null;
}

/** One option run against one allocation of demand (alone, or its part of the mix). */
export interface OptionRun {
  optionId: string;
  /** Per month: reference GPU-hours served. */
  servedRefGpuHours: number[];
  /** Per month: total cost. */
  costCcy: number[];
  /** Per month and category. */
  costByCategory: Record<CostCategory, number[]>;
  /** Per month: cumulative cost. */
  cumulativeCostCcy: number[];
  totals: OptionTotals;
  /** Accounting view (not part of the cash total): straight-line depreciation of owned hardware. */
  depreciation: { perMonthCcy: number[]; bookValueAtEndCcy: number } | null;
}

export interface GridUsed {
  /** ISO3 of the country whose grid intensity was used, or "WLD". */
  country: string;
  gCO2ePerKWh: number;
  /** True when the world average was used because the country is unknown or has no figure. */
  assumedWorld: boolean;
  /** True when the person gave the intensity (then `country` is where the option runs). */
  fromPerson: boolean;
  // catalog (issue 12): the sub-national zone and the data year of the figure used (src/catalog/grid.ts).
  zone?: string | null;
  dataYear?: number | null;
  // footprint (issue 12): life-cycle or direct (null: the person's figure, or a source that does not say), and the figure's sources and month.
  metric?: 'lifeCycle' | 'direct' | null;
  sources?: string[];
  asOf?: string | null;
}

export interface BreakEven {
  /** The rental that would do the owned hardware's full work for least, and its average cost per useful reference GPU-hour. */
  rentalOptionId: string;
  rentalCcyPerRefGpuHour: number;
  /** Utilisation of the owned capacity (0–1) at which owning costs the same as renting; null if never. */
  utilisation: number | null;
  /** Why there is no break-even utilisation: renting is cheaper even at full use, or it is above the schedulable maximum. */
  utilisationNote: 'never' | 'aboveMaximum' | null;
  /** First month (0-based) when cumulative renting cost reaches cumulative owning cost, at this option's use; null if not in the horizon. */
  month: number | null;
}

export interface OptionResult {
  id: string;
  name: string;
  kind: 'buy' | 'cloud' | 'decentralised';
  acceleratorId: string;
  /** Reference GPU-hours per own GPU-hour used for conversion, and whether the person set it. */
  throughputVsReference: number;
  throughputFromCatalog: boolean;
  grid: GridUsed;
  /** The option serving the whole workload alone. */
  alone: OptionRun;
  /** The option's part of the mix. */
  inMix: OptionRun;
  breakEven: BreakEven | null;
  breakEvenReason: 'notOwned' | 'noRental' | null;
  // own accelerators (issue 12)
  /** Embodied kgCO2e per GPU card the models used (0 when none is known: see embodiedFrom). */
  embodiedKgCO2ePerGpu: number;
  /** Where it comes from: the option's field, a product footprint, die area and memory (an own accelerator), or none. */
  embodiedFrom: 'option' | 'product' | 'dieArea' | null;
  // footprint (issue 12)
  footprintBasis: FootprintBasis;
  /** failures (issue 15): what the option's failures do; absent when it has none (format 9, optional). */
  failures?: FailuresResult;
}

/** failures (issue 15): an option's failures in the results (workers/models/failures-result.ts). */
export interface FailuresResult {
  /** Useful work per GPU-hour run (job checkpoints and restarts, spot work lost, decentralised re-runs), 0–1. */
  goodputFraction: number;
  /** Share of the capacity left after repairs, 0–1. */
  schedulableFraction: number;
  /** Owned: replacement and repair spend a year (0 rented or under warranty). */
  replacementCcyPerYear: number;
  /** A training job's mean time between interruptions, Young's and Daly's intervals (hours) and goodput; null when not given. */
  job: { mtbfHours: number; youngHours: number; dalyHours: number; goodput: number } | null;
  /** Cost over the GPU-hours run, every one counted as useful (the option alone). */
  nominalCostPerUsefulGpuHourCcy: number | null;
  /** Cost over the useful GPU-hours only (the option alone): the figure the rest of the results use. */
  costPerUsefulGpuHourCcy: number | null;
}

export type ConcentrationBand = 'unconcentrated' | 'moderate' | 'high';

export type DependencyTier = 'acceleratorVendor' | 'foundry' | 'hbm' | 'provider' | 'providerJurisdiction' | 'computeCountry' | 'fabCountry' | 'vendorCountry';

export interface TierConcentration {
  tier: DependencyTier;
  /** Herfindahl–Hirschman index of the spend shares, 0–10,000. */
  hhi: number;
  band: ConcentrationBand;
  /** Suppliers and their shares in percent, largest first; "unknown" when the data does not say. */
  shares: { name: string; pct: number }[];
  /**
   * HHI of the published market table for this tier. When only the top names are published,
   * `value` is a lower bound and `upperBound` the highest HHI the unlisted rest allows.
   */
  marketHhi: { value: number; lowerBound: boolean; upperBound: number; tableId: string } | null;
  sentence: Sentence;
}

export type ExposureLevel = 'low' | 'medium' | 'high' | 'unknown';

export interface ExportExposure {
  optionId: string;
  acceleratorId: string;
  /** Total processing performance (TPP = TOPS × bit length), null when the peak is unknown. */
  tpp: number | null;
  /** Whether the accelerator meets ECCN 3A090.a thresholds. */
  controlled: boolean | null;
  /** H100-equivalents bought (TPP × count ÷ H100 TPP); null for rented options. */
  h100Equivalents: number | null;
  /** The worst level over the horizon's months. */
  level: ExposureLevel;
  sentence: Sentence;
  /** DRAM bandwidth in GB/s as [low, high], or null when unknown (rules.json, from gpus.json). */
  memoryBandwidthGBps: [number, number] | null;
  /** One entry per month of the horizon, from the events in force (or of unknown status) that month. */
  months: ExportMonth[];
  /** Runs of consecutive months that read alike, each with its sentence. */
  segments: ExportSegment[];
  /** For a purchase: the import duty a tariff event suggests for it at its order month, or null. */
  duty: DutySuggestion | null;
}

export interface ExportMonth {
  /** YYYY-MM. */
  month: string;
  level: ExposureLevel;
  /** Message key of the reason for the level. */
  key: string;
  /** Events (rules.json ids) that reach the option that month. */
  eventIds: string[];
}

export interface ExportSegment {
  from: string;
  to: string;
  fromIndex: number;
  toIndex: number;
  level: ExposureLevel;
  eventIds: string[];
  sentence: Sentence;
}

/** The dated events over the horizon: each month's statuses and the changes inside it. */
export interface RuleTimeline {
  /** Date of the events' statuses in the reference data, and its newest dated source. */
  statusAsOf: string;
  dataThrough: string;
  changes: (StatusChange & { touches: string[] })[];
  /** Every event of the reference data (history included), for display. */
  events: RuleEventSummary[];
  /** Per month, the events in force, suspended or of unknown status, and whom they touch ("planner" or option ids). */
  perMonth: { month: string; events: { eventId: string; status: DayStatus; touches: string[] }[] }[];
}

export interface RuleEventSummary {
  id: string;
  title: string;
  jurisdiction: string;
  authority: string;
  /** First day in force (YYYY-MM-DD), or null for announcements and proposals. */
  effective: string | null;
  /** Status on `RuleTimeline.statusAsOf`, and the reference's own words. */
  status: EventStatus;
  statusText: string;
  knownThrough: string | null;
  effect: EventEffect;
  confidence: 'primary' | 'secondary' | 'single';
  sources: RuleSource[];
}

/** Per option: whose law reaches the compute — the provider's headquarters against the compute country. */
export interface JurisdictionExposure {
  optionId: string;
  /** Catalog id of the provider or market, or null when the name is not in the catalog ("owned" for purchases). */
  providerId: string | null;
  /** ISO3 of the provider's headquarters (the planner's country for owned hardware), or null when unknown. */
  headquarters: string | null;
  computeCountry: string | null;
  /** True when they differ, null when either is unknown. */
  differs: boolean | null;
  qualifications: { name: string; scope: string; sources: string[] }[];
  sources: string[];
  /** The sources of the headquarters and qualifications, resolved. */
  sourceList: RuleSource[];
  sentence: Sentence;
}

export interface MineralExposure {
  mineralId: string;
  /** Largest producer and its share. */
  topProducer: string | null;
  topPct: number | null;
  /** HHI of the published producer shares: a lower bound, as only the largest producers are listed. */
  hhiLowerBound: number | null;
  /** The highest HHI the unlisted producers allow (none of them larger than the smallest listed). */
  hhiUpperBound: number | null;
  /** The band, when both bounds fall in the same one; null when the data cannot tell. */
  band: ConcentrationBand | null;
  /** Export restrictions in force that target the planner's country (or everyone). */
  controlsAgainstPlanner: { by: string; what: string; date: string }[];
  sentence: Sentence;
  // minerals without truncation (issue 12)
  /** True when the source lists every producing country: lower and upper bound are the one exact HHI. */
  hhiExact: boolean;
}

export interface DependencyResult {
  /** Per option (the option alone) and for the mix, weighted by spend. */
  perOption: { optionId: string; tiers: TierConcentration[] }[];
  portfolio: TierConcentration[];
  /** Planner's country under the AI Diffusion tiers: history only, the rule was rescinded and grades nothing. */
  plannerTier: 1 | 2 | 3;
  exportControls: ExportExposure[];
  exportSentence: Sentence;
  /** Export controls, tariffs and mineral measures as dated events over the horizon. */
  ruleTimeline: RuleTimeline;
  jurisdiction: JurisdictionExposure[];
  minerals: MineralExposure[];
  /** Spend paid in the decentralised networks' own tokens, in the mix. */
  token: { spendCcy: number; pctOfSpend: number; sentence: Sentence };
}

export interface MixResult {
  /** Per month: reference GPU-hours that no option could serve. */
  unmetRefGpuHours: number[];
  costCcy: number[];
  cumulativeCostCcy: number[];
  costByCategory: Record<CostCategory, number[]>;
  totals: OptionTotals & { unmetRefGpuHours: number };
}

export interface EvaluationResult {
  scenarioId: string;
  months: number;
  startMonth: string;
  currency: string;
  hoursPerMonth: number;
  /** Per month: reference GPU-hours of demand. */
  demandRefGpuHours: number[];
  options: OptionResult[];
  mix: MixResult;
  dependency: DependencyResult;
  /** Things a person must know to read the numbers (world-average grid, no embodied figure...). */
  warnings: Sentence[];
  /** pool (issue 15): the members' split, what each would pay alone, utilisation; absent for a one-member scenario. */
  pool?: PoolResult;
  /** tokens (issue 15): per-token results of an inference workload with a load profile (tokens.ts); absent otherwise. */
  tokens?: TokensResult;
}

// ---------------------------------------------------------------- pool (issue 15: workers/models/pool.ts)

export interface PoolMemberResult {
  name: string;
  /** Reference GPU-hours the member demands over the horizon. */
  demandRefGpuHours: number;
  /** In the pool: its part of the shared (owned, reserved) options' cost by the split rule, what it pays as used of the others, and their sum. */
  sharedCcy: number;
  payAsYouGoCcy: number;
  inPoolCcy: number;
  /** Its footprint in the pool: shared options by the split share, pay-as-you-go by the hours it used. */
  inPoolKgCO2e: number;
  inPoolFacilityKWh: number;
  /** Alone with the same options: the cheapest way that serves all its demand (the mix, or one option alone). */
  aloneCcy: number;
  /** "mix", or the id of the option that serves it for least alone. */
  aloneBest: string;
  /** False when no way serves all its demand alone (then the mix's cost, with demand unmet). */
  aloneServesAll: boolean;
  /** aloneCcy − inPoolCcy. */
  savingCcy: number;
  /**
   * tokens (issue 15): its price of a token in the pool (its cost, energy and CO2e in the pool ÷ the
   * tokens of its served hours) and alone (its best way alone); absent when its workload has no load profile.
   */
  tokens?: { inPool: TokenFigures; alone: TokenFigures };
}

export interface PoolResult {
  splitRule: 'gpuHours' | 'committedShare' | 'equal';
  /** True when splitting by GPU-hours found no hours on the shared options: split equally instead. */
  splitFellBackToEqual: boolean;
  members: PoolMemberResult[];
  /** Reference GPU-hours the owned and reserved options could serve over the horizon (0: the pool has none). */
  sharedCapacityRefGpuHours: number;
  /** Served ÷ capacity of the owned and reserved options: pooled, and with each member running the same options alone (null: no capacity). */
  utilisationPooled: number | null;
  utilisationAlone: number | null;
  poolCcy: number;
  aloneCcy: number;
  savingCcy: number;
}

// ---------------------------------------------------------------- tokens (issue 15: workers/models/tokens.ts)

/** The per-token figures of a run (an option alone, its part of the mix, or the mix). */
export interface TokenFigures {
  /** Tokens served over the horizon. */
  tokens: number;
  /** Cost per million tokens, blended; for input and for output tokens when their throughputs are known (else null). */
  costPerMillionCcy: number | null;
  inputCostPerMillionCcy: number | null;
  outputCostPerMillionCcy: number | null;
  /** Facility energy (IT × PUE) per thousand tokens, kWh. */
  facilityKWhPerThousand: number | null;
  /** CO2e (location-based operational plus embodied) per thousand tokens, kg. */
  kgCO2ePerThousand: number | null;
}

/** An inference workload's load profile and its per-token results; absent without a profile. */
export interface TokensResult {
  /** GPUs held for the peak (reference accelerator), busy share of them, load outside the peak hours. */
  peakGpus: number;
  busyFraction: number;
  offPeakTokensPerSecond: number;
  options: { alone: TokenFigures; inMix: TokenFigures }[];
  mix: TokenFigures;
}
