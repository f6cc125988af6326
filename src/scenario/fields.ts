// The field table: every numeric input of a scenario, defined once — where it sits (the kinds of
// object that have it), its unit, the bounds it accepts, whether it is a whole number, may be null,
// may be given a range, its label, and where the catalog's figure for it comes from.
// Environment-free and zod-free: the page reads it without loading the validator.
//
// Derived from it: the zod schema's numeric fields (schema.ts), the bounds of ranges, the lists of
// rangeable and whole-number inputs (below), the labels (ui/editor/field-labels.ts), the editor rows'
// label and unit (ui/editor/field-props.ts) and which fields the catalog prefills (suggest.ts).
// Adding a numeric field: a row here, the model that reads it, its label in en.ts and fr.ts (and,
// the format being saved for years, a version and a migration).
import type { MessageKey } from '../i18n/en.ts';
import type { messages as ownAcceleratorMessages } from '../i18n/areas/own-accelerator.ts';
import { SHIPPED_DIE_AREA_MM2, SHIPPED_TDP_W } from '../catalog/shipped-range.ts';

/** Longest plan, in months. */
const HORIZON_MONTHS = 120;

/**
 * The kinds of object a field can sit in. Settings and the Monte Carlo's settings are one object
 * each; a workload and an option are one of their kinds; a purchase's hosting and financing too.
 */
export const KIND_PLACE = {
  settings: 'settings',
  uncertainty: 'uncertainty',
  gpuHours: 'workload',
  training: 'workload',
  inference: 'workload',
  buy: 'option',
  cloud: 'option',
  decentralised: 'option',
  onPrem: 'hosting',
  colocation: 'hosting',
  loan: 'financing',
  goals: 'goals',
  // own accelerators (issue 12): accelerators the catalog lacks, defined by the person
  ownAccelerators: 'ownAccelerators',
  // pool (issue 15): the pool, and a member of it beyond the first
  pool: 'pool',
  poolMember: 'poolMember',
  // footprint (issue 12): an option's known energy, host parts and electricity contract (optional sub-object)
  footprint: 'footprint',
  // tokens (issue 15): an inference workload's daily load profile and per-token throughputs (optional sub-object)
  tokens: 'tokens',
  // failures (issue 15): an option's failure rates, checkpoints and interruptions (optional sub-object)
  failures: 'failures',
} as const;
export type FieldKind = keyof typeof KIND_PLACE;
export type FieldPlace = (typeof KIND_PLACE)[FieldKind];

/** How a unit is shown: a message (given the scenario's currency as `{currency}`), a symbol, the currency itself, or nothing. */
export type UnitDisplay = { key: MessageKey } | { text: string } | 'currency' | null;

/** Units of the fields. `ccy…` units are amounts in the scenario's own currency. */
export const UNITS = {
  count: null,
  dimensionless: null,
  ratio: { text: '×' },
  hoursPerDay: { key: 'unit.hoursPerDay' },
  fraction: { text: '0–1' },
  pct: { text: '%' },
  pctPerMonth: { key: 'unit.pctPerMonth' },
  pctPerYear: { key: 'unit.pctPerYear' },
  months: { key: 'unit.months' },
  monthIndex: { key: 'unit.monthIndex' },
  years: { key: 'unit.years' },
  ccy: 'currency',
  ccyPerMonth: { key: 'unit.perMonth' },
  ccyPerYear: { key: 'unit.perYear' },
  ccyPerKWh: { key: 'unit.perKWh' },
  ccyPerKWMonth: { key: 'unit.perKWMonth' },
  ccyPerGpuHour: { key: 'unit.perGpuHour' },
  usdPerCcy: { key: 'unit.usdPer' },
  gpuHours: { key: 'unit.gpuHours' },
  billion: { key: 'unit.billion' },
  tokensPerSecond: { key: 'unit.tokensPerSecond' },
  W: { text: 'W' },
  gCO2ePerKWh: { text: 'gCO2e/kWh' },
  LPerKWh: { text: 'L/kWh' },
  kgCO2e: { text: 'kgCO2e' },
  kW: { text: 'kW' },
  L: { text: 'L' },
  hhi: { text: 'HHI' },
  // own accelerators (issue 12)
  mm2: { text: 'mm²' },
  GB: { text: 'GB' },
  TFLOPS: { text: 'TFLOPS' },
  tpp: { text: 'TPP' },
  nm: { text: 'nm' },
  // footprint (issue 12)
  kWh: { text: 'kWh' },
  WPerCore: { text: 'W/core' },
  WPerGB: { text: 'W/GB' },
  // failures (issue 15)
  hours: { text: 'h' },
  minutes: { text: 'min' },
  perGpuYear: { key: 'unit.perGpuYear' },
  perDay: { key: 'unit.perDay' },
} as const satisfies Record<string, UnitDisplay>;
export type Unit = keyof typeof UNITS;

/**
 * Where the catalog's figure for a field comes from. `prefill`: written into the field when an
 * option is created (and offered back when overridden); `whenEmpty`: the field may be left empty
 * (null) and the catalog's figure is then used.
 */
export interface CatalogSource {
  use: 'prefill' | 'whenEmpty';
  from: string;
}

export interface FieldSpec {
  /** The kinds of object that have the field (all in one place: see KIND_PLACE). */
  kinds: readonly FieldKind[];
  unit: Unit;
  min: number;
  max: number;
  /** Whole numbers only (a sampled value is rounded). */
  integer?: true;
  /** Null allowed: "use the catalog's figure" (or, for the exchange rate, "USD or the catalog's rate"). */
  nullable?: true;
  /** A range may be put on it: it changes what the Monte Carlo reports. */
  rangeable?: true;
  /**
   * The value a new option (or hosting, or loan) starts with, before the catalog prefills it: a
   * neutral figure (0, none) where the catalog has none, so it reads as the person's own input.
   * Settings, workload and the Monte Carlo start from the defaults in defaults.ts.
   */
  default?: number | null;
  /** A key of en.ts, or of the area dictionary of a form loaded on demand (own accelerators: areas/own-accelerator.ts). */
  label: MessageKey | keyof (typeof ownAcceleratorMessages)['en'];
  catalog?: CatalogSource;
}

const OPTIONS = ['buy', 'cloud', 'decentralised'] as const;
const RENTED = ['cloud', 'decentralised'] as const;
const MONEY_MAX = 1e12;

/**
 * Every numeric field of the format. The order is the order of the lists derived below (the
 * rangeable inputs of each kind, the catalog fields an option is prefilled with: a GPU's price
 * before the server cost derived from it).
 */
export const FIELDS = {
  // ------------------------------------------------------------ settings
  horizonMonths: { kinds: ['settings'], unit: 'months', min: 1, max: HORIZON_MONTHS, integer: true, label: 'settings.horizon' },
  /** US dollars per unit of `currency`, entered by the person; null for USD or to use the catalog's rate. */
  usdPerCurrencyUnit: {
    kinds: ['settings'], unit: 'usdPerCcy', min: 1e-6, max: 1e6, nullable: true, label: 'settings.rate',
    catalog: { use: 'whenEmpty', from: 'catalog.exchangeRates (dated rate of the currency)' },
  },
  /** Annual discount rate for NPV. */
  discountRatePctPerYear: { kinds: ['settings'], unit: 'pctPerYear', min: 0, max: 100, rangeable: true, label: 'settings.discountRate' },

  // ------------------------------------------------------------ workload
  /** GPU-hours needed in the first month. */
  gpuHoursPerMonth: { kinds: ['gpuHours'], unit: 'gpuHours', min: 0, max: 1e10, rangeable: true, label: 'workload.gpuHoursPerMonth' },
  /** Model parameters N, in billions. */
  parametersBillion: { kinds: ['training'], unit: 'billion', min: 0.001, max: 1e5, rangeable: true, label: 'workload.parameters' },
  /** Training tokens D, in billions. */
  tokensBillion: { kinds: ['training'], unit: 'billion', min: 0.001, max: 1e8, rangeable: true, label: 'workload.tokens' },
  /** Model-FLOPs utilisation, in percent of dense BF16 peak. */
  mfuPct: { kinds: ['training'], unit: 'pct', min: 1, max: 100, rangeable: true, label: 'workload.mfu' },
  /** Months the run must finish in, from the start of the plan; demand is spread evenly over them. */
  deadlineMonths: { kinds: ['training'], unit: 'months', min: 1, max: HORIZON_MONTHS, integer: true, rangeable: true, label: 'workload.deadline' },
  /** Sustained average load, in tokens per second. */
  tokensPerSecond: { kinds: ['inference'], unit: 'tokensPerSecond', min: 0, max: 1e10, rangeable: true, label: 'workload.tokensPerSecond' },
  /** Tokens per second one reference GPU delivers for this model. */
  tokensPerSecondPerGpu: { kinds: ['inference'], unit: 'tokensPerSecond', min: 1e-3, max: 1e9, rangeable: true, label: 'workload.tokensPerSecondPerGpu' },
  /** Compound monthly growth of demand, in percent. */
  growthPctPerMonth: { kinds: ['gpuHours', 'inference'], unit: 'pctPerMonth', min: -50, max: 100, rangeable: true, label: 'workload.growth' },

  // ------------------------------------------------------------ options: price and count
  gpuCount: { kinds: ['buy'], unit: 'count', min: 1, max: 1_000_000, integer: true, rangeable: true, default: 8, label: 'buy.gpuCount' },
  /** Price per GPU if ordered in month 0; an order in a later month pays it × (1 + trend)^orderMonth. */
  unitPriceCcyPerGpu: {
    kinds: ['buy'], unit: 'ccy', min: 0, max: 1e8, rangeable: true, default: 0, label: 'buy.unitPrice',
    catalog: { use: 'prefill', from: 'accelerator.purchasePriceUsd (typical street price)' },
  },
  /** Hourly price per GPU in month 0. */
  priceCcyPerGpuHour: {
    kinds: RENTED, unit: 'ccyPerGpuHour', min: 0, max: 10000, rangeable: true, default: 0, label: 'rent.price',
    catalog: { use: 'prefill', from: 'catalog.cloudPrices (provider, region, pricing model) or catalog.decentralisedPrices (market)' },
  },
  /** Compound monthly change of a price (−2 for prices falling 2 % a month); a reservation fixes it for its term. */
  priceTrendPctPerMonth: { kinds: OPTIONS, unit: 'pctPerMonth', min: -20, max: 20, rangeable: true, default: 0, label: 'field.priceTrend' },

  // ------------------------------------------------------------ options: a purchase
  /** Month (0-based) the hardware is ordered and paid; it is usable `leadTimeMonths` later. */
  orderMonth: { kinds: ['buy'], unit: 'monthIndex', min: 0, max: HORIZON_MONTHS - 1, integer: true, rangeable: true, default: 0, label: 'buy.orderMonth' },
  /** Servers, networking and installation for the whole cluster. */
  serverAndNetworkCcy: {
    kinds: ['buy'], unit: 'ccy', min: 0, max: 1e11, rangeable: true, default: 0, label: 'buy.serverAndNetwork',
    catalog: { use: 'prefill', from: 'constants epoch-chip-to-server × epoch-server-to-cluster (from the GPU price)' },
  },
  importDutyPct: { kinds: ['buy'], unit: 'pct', min: 0, max: 100, rangeable: true, default: 0, label: 'buy.importDuty' },
  vatPct: { kinds: ['buy'], unit: 'pct', min: 0, max: 100, rangeable: true, default: 0, label: 'buy.vat' },
  /** Months between the order and the first usable month. */
  leadTimeMonths: { kinds: ['buy'], unit: 'months', min: 0, max: 60, integer: true, rangeable: true, default: 0, label: 'buy.leadTime' },
  /** Share of the installed capacity that can actually be scheduled. */
  maxUtilisationPct: { kinds: ['buy'], unit: 'pct', min: 1, max: 100, rangeable: true, default: 100, label: 'buy.maxUtilisation' },
  /** Power drawn by an idle GPU (e-footprint: 50 W). */
  idlePowerWPerGpu: {
    kinds: ['buy'], unit: 'W', min: 0, max: 5000, rangeable: true, default: 0, label: 'fp.idlePower',
    catalog: { use: 'prefill', from: 'constant efootprint-idle-w-per-gpu' },
  },
  /** Facility cost per month (space, cooling capacity, security), excluding electricity. */
  facilityCcyPerMonth: { kinds: ['onPrem'], unit: 'ccyPerMonth', min: 0, max: 1e9, rangeable: true, default: 0, label: 'buy.facilityCost' },
  /** Colocation price per kW of contracted IT power per month, excluding metered electricity. */
  colocationCcyPerKWMonth: {
    kinds: ['colocation'], unit: 'ccyPerKWMonth', min: 0, max: 1e6, rangeable: true, default: 0, label: 'buy.colocationPrice',
    catalog: { use: 'prefill', from: 'catalog.colocationPrices (global market)' },
  },
  electricityCcyPerKWh: {
    kinds: ['buy'], unit: 'ccyPerKWh', min: 0, max: 100, rangeable: true, default: 0, label: 'buy.electricity',
    catalog: { use: 'prefill', from: 'catalog.electricityPrices (the grid country, its region, or the world average)' },
  },
  maintenanceCcyPerYear: {
    kinds: ['buy'], unit: 'ccyPerYear', min: 0, max: MONEY_MAX, rangeable: true, default: 0, label: 'buy.maintenance',
    catalog: { use: 'prefill', from: 'support contract per GPU (hardware-prices-2026)' },
  },
  staffCcyPerYear: { kinds: ['buy'], unit: 'ccyPerYear', min: 0, max: MONEY_MAX, rangeable: true, default: 0, label: 'buy.staff' },
  annualRatePct: { kinds: ['loan'], unit: 'pctPerYear', min: 0, max: 100, rangeable: true, default: 0, label: 'buy.loanRate' },
  termMonths: { kinds: ['loan'], unit: 'months', min: 1, max: 360, integer: true, rangeable: true, default: 36, label: 'buy.loanTerm' },
  /** Straight-line depreciation life, for the accounting view. */
  depreciationYears: {
    kinds: ['buy'], unit: 'years', min: 1, max: 20, default: 4, label: 'buy.depreciation',
    catalog: { use: 'prefill', from: 'constant boavizta-server-life-hours' },
  },
  /** Resale value at the end of the horizon, in percent of the GPUs' purchase price. */
  resalePctOfGpuPrice: {
    kinds: ['buy'], unit: 'pct', min: 0, max: 100, rangeable: true, default: 0, label: 'buy.resale',
    catalog: { use: 'prefill', from: 'constant epoch-depreciation-oom-per-year (over the horizon)' },
  },

  // ------------------------------------------------------------ options: rented capacity
  /**
   * Share of the demand left after owned and reserved capacity that this option serves, in
   * percent. Shares of pay-as-you-go options add up to 100.
   */
  demandSharePct: { kinds: RENTED, unit: 'pct', min: 0, max: 100, default: 0, label: 'rent.share' },
  egressCcyPerMonth: { kinds: RENTED, unit: 'ccyPerMonth', min: 0, max: 1e10, rangeable: true, default: 0, label: 'rent.egress' },
  storageCcyPerMonth: { kinds: RENTED, unit: 'ccyPerMonth', min: 0, max: 1e10, rangeable: true, default: 0, label: 'rent.storage' },
  /** Average utilisation of the provider's hardware, to allocate embodied carbon per hour used. */
  providerUtilisationPct: {
    kinds: RENTED, unit: 'pct', min: 1, max: 100, rangeable: true, default: 85, label: 'fp.providerUtilisation',
    catalog: { use: 'prefill', from: 'constant bloom-utilisation' },
  },

  // ------------------------------------------------------------ options: power, footprint, throughput
  /** Average power per GPU when busy. Null: the catalog's TDP for the accelerator. */
  powerWPerGpu: {
    kinds: OPTIONS, unit: 'W', min: 1, max: 10000, nullable: true, rangeable: true, default: null, label: 'fp.power',
    catalog: { use: 'whenEmpty', from: 'accelerator.tdpW' },
  },
  /** Busy power as a fraction of `powerWPerGpu` (Epoch AI: 0.75 of TDP on average). */
  busyPowerFraction: {
    kinds: OPTIONS, unit: 'fraction', min: 0.05, max: 1, rangeable: true, default: 1, label: 'fp.busyFraction',
    catalog: { use: 'prefill', from: 'constant epoch-power-to-tdp' },
  },
  /** Power of the rest of the server (CPUs, memory, fans), per server. */
  hostPowerWPerServer: { kinds: OPTIONS, unit: 'W', min: 0, max: 100000, rangeable: true, default: 0, label: 'fp.hostPower' },
  gpusPerServer: { kinds: OPTIONS, unit: 'count', min: 1, max: 64, integer: true, rangeable: true, default: 8, label: 'fp.gpusPerServer' },
  /** Power usage effectiveness of the facility. */
  pue: {
    kinds: OPTIONS, unit: 'dimensionless', min: 1, max: 4, rangeable: true, default: 1, label: 'fp.pue',
    catalog: { use: 'prefill', from: "cloud provider's fleet PUE, else constant pue-cloud-average (cloud) or pue-unknown" },
  },
  /**
   * Grid carbon intensity when the person knows it (a supplier's factor, a PPA).
   * Null: the location-based figure of the option's country from the catalog.
   */
  gridGCO2ePerKWh: {
    kinds: OPTIONS, unit: 'gCO2ePerKWh', min: 0, max: 3000, nullable: true, rangeable: true, default: null, label: 'fp.grid',
    catalog: { use: 'whenEmpty', from: "country.gridGCO2ePerKWh (the option's country, else the world)" },
  },
  /** Embodied carbon per GPU card. Null: the catalog's figure, or none. */
  embodiedKgCO2ePerGpu: {
    kinds: OPTIONS, unit: 'kgCO2e', min: 0, max: 100000, nullable: true, rangeable: true, default: null, label: 'fp.embodiedGpu',
    catalog: { use: 'whenEmpty', from: 'accelerator.embodiedKgCO2ePerGpu' },
  },
  /** Embodied carbon of one server without its GPUs. Null: the catalog's figure. */
  embodiedKgCO2ePerServer: {
    kinds: OPTIONS, unit: 'kgCO2e', min: 0, max: 1e6, nullable: true, rangeable: true, default: null, label: 'fp.embodiedServer',
    catalog: { use: 'whenEmpty', from: 'catalog.embodiedServers: the newest 8-GPU row (defaultEmbodiedServer)' },
  },
  /** Life over which embodied carbon is amortised. */
  embodiedLifeYears: {
    kinds: OPTIONS, unit: 'years', min: 0.5, max: 20, rangeable: true, default: 6, label: 'fp.embodiedLife',
    catalog: { use: 'prefill', from: 'constant bloom-lifetime-years' },
  },
  /**
   * Useful work per GPU-hour relative to the workload's reference accelerator (1 = same).
   * Null: the ratio of dense BF16 peaks from the catalog.
   */
  throughputVsReference: {
    kinds: OPTIONS, unit: 'ratio', min: 0.001, max: 1000, nullable: true, rangeable: true, default: null, label: 'fp.throughput',
    catalog: { use: 'whenEmpty', from: 'accelerator.bf16DenseTflops, option ÷ reference' },
  },
  /** On-site water use effectiveness, litres per kWh of IT energy. */
  wueLPerKWh: {
    kinds: OPTIONS, unit: 'LPerKWh', min: 0, max: 50, default: 0, label: 'fp.wue',
    catalog: { use: 'prefill', from: "cloud provider's fleet WUE, else catalog.wue average US data centre" },
  },
  /** Water consumed off site to generate each kWh (EWIF). */
  offsiteWaterLPerKWh: {
    kinds: OPTIONS, unit: 'LPerKWh', min: 0, max: 200, default: 0, label: 'fp.offsiteWater',
    catalog: { use: 'prefill', from: 'catalog.electricityWater li-2025-us' },
  },

  // ------------------------------------------------------------ options: a cloud, a market
  /** GPUs reserved (paid whether used or not); only for 1- and 3-year reservations. */
  committedGpus: { kinds: ['cloud'], unit: 'count', min: 0, max: 1_000_000, integer: true, rangeable: true, default: 0, label: 'rent.committedGpus' },
  /** Extra GPU-hours lost to interruptions and restarts on spot capacity. */
  spotInterruptionOverheadPct: { kinds: ['cloud'], unit: 'pct', min: 0, max: 500, rangeable: true, default: 0, label: 'rent.spotOverhead' },
  /** Platform or protocol fee, in percent of the price. */
  platformFeePct: {
    kinds: ['decentralised'], unit: 'pct', min: 0, max: 100, rangeable: true, default: 0, label: 'rent.fee',
    catalog: { use: 'prefill', from: "the market's feePct" },
  },
  /** Extra GPU-hours for re-runs, checkpoints and unreliable hosts. */
  reliabilityOverheadPct: { kinds: ['decentralised'], unit: 'pct', min: 0, max: 500, rangeable: true, default: 0, label: 'rent.reliabilityOverhead' },
  /** Share of the price paid in the network's own (volatile) token. */
  tokenPaymentPct: { kinds: ['decentralised'], unit: 'pct', min: 0, max: 100, default: 0, label: 'rent.tokenShare' },

  // ------------------------------------------------------------ goals (the optimiser: docs/methodology.md, "The optimiser")
  /** Largest capital spend (the capex category, undiscounted, over the horizon); null: no limit. */
  capexBudgetCcy: { kinds: ['goals'], unit: 'ccy', min: 0, max: MONEY_MAX, nullable: true, label: 'goals.capexBudget' },
  /** Largest cost paid in any one month; null: no limit. */
  maxMonthlyOutflowCcy: { kinds: ['goals'], unit: 'ccyPerMonth', min: 0, max: MONEY_MAX, nullable: true, label: 'goals.maxMonthlyOutflow' },
  /** For "most demand served": the most the plan may cost over the horizon (undiscounted); null: no budget. */
  spendBudgetCcy: { kinds: ['goals'], unit: 'ccy', min: 0, max: MONEY_MAX, nullable: true, label: 'goals.spendBudget' },
  /** Power available at the site for owned hardware (IT power at full load × PUE); null: no limit. */
  sitePowerKW: { kinds: ['goals'], unit: 'kW', min: 0, max: 1e7, nullable: true, label: 'goals.sitePower' },
  /** Largest CO2e (operational, location-based, plus embodied) over the horizon; null: no cap. */
  co2eCapKg: { kinds: ['goals'], unit: 'kgCO2e', min: 0, max: 1e12, nullable: true, label: 'goals.co2eCap' },
  /** Largest water consumption (on site plus off site) over the horizon; null: no cap. */
  waterCapL: { kinds: ['goals'], unit: 'L', min: 0, max: 1e13, nullable: true, label: 'goals.waterCap' },
  /** Largest share of the plan's spend with any one provider; null: no limit. */
  maxProviderSharePct: { kinds: ['goals'], unit: 'pct', min: 0, max: 100, nullable: true, label: 'goals.maxProviderShare' },
  /** Largest HHI of the plan's spend at the chosen tier (0–10,000); null: no limit. */
  maxHhi: { kinds: ['goals'], unit: 'hhi', min: 0, max: 10000, nullable: true, label: 'goals.maxHhi' },

  // ------------------------------------------------------------ own accelerators (issue 12; null: unknown)
  /** Logic die area; bounds: the smallest and largest die of the catalog's shipped parts (shipped-range.ts). */
  dieAreaMm2: { kinds: ['ownAccelerators'], unit: 'mm2', min: SHIPPED_DIE_AREA_MM2[0], max: SHIPPED_DIE_AREA_MM2[1], nullable: true, label: 'own.dieArea' },
  /** Memory on the card (HBM, GDDR). */
  memoryGB: { kinds: ['ownAccelerators'], unit: 'GB', min: 1, max: 10_000, nullable: true, label: 'own.memory' },
  /** Vendor power figure; bounds: the lowest and highest TDP of the catalog's shipped parts (shipped-range.ts). */
  tdpW: { kinds: ['ownAccelerators'], unit: 'W', min: SHIPPED_TDP_W[0], max: SHIPPED_TDP_W[1], nullable: true, label: 'own.tdp' },
  /** Peak dense (no sparsity) BF16 throughput. */
  bf16DenseTflops: { kinds: ['ownAccelerators'], unit: 'TFLOPS', min: 0.001, max: 1e6, nullable: true, label: 'own.bf16' },
  /** Total processing performance (ECCN 3A090) when the person knows it; null: derived from the BF16 peak. */
  tpp: { kinds: ['ownAccelerators'], unit: 'tpp', min: 0, max: 1e8, nullable: true, label: 'own.tpp' },
  /** Process node of the logic die, in nanometres. */
  processNodeNm: { kinds: ['ownAccelerators'], unit: 'nm', min: 1, max: 1000, nullable: true, label: 'own.node' },
  /** Product carbon footprint of one card; null: from die area and memory (LLMCarbon carbon per area). */
  productKgCO2ePerGpu: { kinds: ['ownAccelerators'], unit: 'kgCO2e', min: 0, max: 100_000, nullable: true, label: 'own.pcf' },
  // ------------------------------------------------------------ footprint (issue 12): options.*.footprint, optional
  /** Energy the person knows (a meter, a provider's report): replaces the derived energy; period and scope in the sub-object. */
  measuredEnergyKWh: { kinds: ['footprint'], unit: 'kWh', min: 0, max: 1e13, nullable: true, rangeable: true, default: null, label: 'fp.measuredEnergy' },
  /** Idle and overhead energy around the job (nodes, network, storage), same period and scope; added to the energy. */
  overheadEnergyKWh: { kinds: ['footprint'], unit: 'kWh', min: 0, max: 1e13, nullable: true, rangeable: true, default: null, label: 'fp.overheadEnergy' },
  /** CPU cores per server: host power = cores × W per core + memory GB × W per GB (Green Algorithms). */
  hostCpuCores: { kinds: ['footprint'], unit: 'count', min: 0, max: 100000, integer: true, nullable: true, default: null, label: 'fp.cpuCores' },
  /** Green Algorithms: "Any" CPU = 12 W per core (methods.md §1.1). */
  hostCpuWPerCore: { kinds: ['footprint'], unit: 'WPerCore', min: 0, max: 1000, default: 12, label: 'fp.cpuWPerCore' },
  /** Memory per server, GB. */
  hostMemoryGB: { kinds: ['footprint'], unit: 'GB', min: 0, max: 1e6, nullable: true, default: null, label: 'fp.memoryGB' },
  /** Green Algorithms: 0.3725 W per GB of memory available (constant ga-memory-w-per-gb, methods.md §1.1). */
  hostMemoryWPerGB: { kinds: ['footprint'], unit: 'WPerGB', min: 0, max: 100, default: 0.3725, label: 'fp.memoryWPerGB' },
  /** Market-based (GHG Protocol Scope 2): the supplier's own factor for all of the option's electricity; null: none. */
  marketSupplierGCO2ePerKWh: { kinds: ['footprint'], unit: 'gCO2ePerKWh', min: 0, max: 3000, nullable: true, default: null, label: 'fp.supplierFactor' },
  /** Share of the electricity covered by PPAs or certificates. */
  marketCoveredPct: { kinds: ['footprint'], unit: 'pct', min: 0, max: 100, default: 0, label: 'fp.coveredPct' },
  /** Factor of the covered electricity (0 for wind, solar, hydro certificates). */
  marketCoveredGCO2ePerKWh: { kinds: ['footprint'], unit: 'gCO2ePerKWh', min: 0, max: 3000, default: 0, label: 'fp.coveredFactor' },
  /** Residual-mix factor of the rest; null: the grid factor (said so in the result). */
  marketResidualGCO2ePerKWh: { kinds: ['footprint'], unit: 'gCO2ePerKWh', min: 0, max: 3000, nullable: true, default: null, label: 'fp.residualFactor' },
  /** Offsets bought: shown apart, never subtracted. */
  offsetsKgCO2e: { kinds: ['footprint'], unit: 'kgCO2e', min: 0, max: 1e12, nullable: true, default: null, label: 'fp.offsets' },

  // ------------------------------------------------------------ tokens (issue 15): workload.tokens of an inference workload, optional
  /** Peak load, tokens per second: capacity is sized for it (the average is the workload's tokens per second). */
  peakTokensPerSecond: { kinds: ['tokens'], unit: 'tokensPerSecond', min: 0, max: 1e10, rangeable: true, label: 'tokens.peak' },
  /** Hours a day at the peak: bounds the average (the rest of the day at the load that gives the average); changes no result. */
  hoursAtPeakPerDay: { kinds: ['tokens'], unit: 'hoursPerDay', min: 0, max: 24, label: 'tokens.hoursAtPeak' },
  // The three below split the cost of a token into input and output: a range on them moves the Monte Carlo's input and output cost per million tokens.
  /** Input (prompt) tokens per second one reference GPU processes, when known; null: not known. */
  inputTokensPerSecondPerGpu: { kinds: ['tokens'], unit: 'tokensPerSecond', min: 1e-3, max: 1e9, nullable: true, rangeable: true, label: 'tokens.inputPerGpu' },
  /** Output (generated) tokens per second one reference GPU produces, when known; null: not known. */
  outputTokensPerSecondPerGpu: { kinds: ['tokens'], unit: 'tokensPerSecond', min: 1e-3, max: 1e9, nullable: true, rangeable: true, label: 'tokens.outputPerGpu' },
  /** Share of the load's tokens that are input tokens, in percent; needed with the two throughputs. */
  inputTokenSharePct: { kinds: ['tokens'], unit: 'pct', min: 0, max: 100, nullable: true, rangeable: true, label: 'tokens.inputShare' },
  // ------------------------------------------------------------ failures (issue 15): options.*.failures, optional; null: not given
  /** Hardware failures per GPU per calendar year, in percent (a failed GPU is out for the repair time). */
  gpuFailuresPctPerYear: { kinds: ['failures'], unit: 'pctPerYear', min: 0, max: 1000, nullable: true, rangeable: true, default: null, label: 'fail.gpuFailures' },
  /** Hours a failed GPU is out of service (repair or swap). */
  repairHours: { kinds: ['failures'], unit: 'hours', min: 0, max: 8760, nullable: true, rangeable: true, default: null, label: 'fail.repairHours' },
  /** Owned: what one failure costs (a replacement part, a repair); 0 under warranty. */
  replacementCcyPerFailure: { kinds: ['failures'], unit: 'ccy', min: 0, max: 1e8, nullable: true, rangeable: true, default: null, label: 'fail.replacementCost' },
  /** Training: interruptions of a job per GPU per year, all causes (the whole job stops at each). */
  interruptionsPerGpuYear: { kinds: ['failures'], unit: 'perGpuYear', min: 0, max: 1000, nullable: true, rangeable: true, default: null, label: 'fail.interruptions' },
  /** Training: GPUs the job runs on at once; null on a purchase: its GPU count. */
  jobGpuCount: { kinds: ['failures'], unit: 'count', min: 1, max: 1_000_000, integer: true, nullable: true, rangeable: true, default: null, label: 'fail.jobGpus' },
  /** Training: time to write one checkpoint (δ). */
  checkpointMinutes: { kinds: ['failures'], unit: 'minutes', min: 0, max: 100_000, nullable: true, rangeable: true, default: null, label: 'fail.checkpoint' },
  /** Training: time to restart from the last checkpoint after an interruption (R). */
  restartMinutes: { kinds: ['failures'], unit: 'minutes', min: 0, max: 100_000, nullable: true, rangeable: true, default: null, label: 'fail.restart' },
  /** Spot: interruptions (capacity taken back) per GPU per day of use. */
  spotInterruptionsPerDay: { kinds: ['failures'], unit: 'perDay', min: 0, max: 1440, nullable: true, rangeable: true, default: null, label: 'fail.spotRate' },
  /** Spot: work lost at each interruption, in minutes of GPU time. */
  spotLostMinutesPerInterruption: { kinds: ['failures'], unit: 'minutes', min: 0, max: 100_000, nullable: true, rangeable: true, default: null, label: 'fail.spotLost' },
  /** Decentralised: the lowest host reliability accepted (the share of a host's work that completes). */
  hostReliabilityFloorPct: { kinds: ['failures'], unit: 'pct', min: 1, max: 100, nullable: true, rangeable: true, default: null, label: 'fail.hostFloor' },
  /** Decentralised: share of the work run again (verification, redundancy). */
  rerunPct: { kinds: ['failures'], unit: 'pct', min: 0, max: 500, nullable: true, rangeable: true, default: null, label: 'fail.rerun' },

  // ------------------------------------------------------------ the Monte Carlo
  /** Samples per run. */
  samples: { kinds: ['uncertainty'], unit: 'count', min: 1_000, max: 100_000, integer: true, label: 'uncertainty.samples' },
  /** Seed of the random generator: the same seed gives the same numbers. */
  seed: { kinds: ['uncertainty'], unit: 'count', min: 0, max: 4_294_967_295, integer: true, label: 'uncertainty.seed' },

  // ------------------------------------------------------------ pool (issue 15: members sharing the options; workers/models/pool.ts)
  /** Month (0-based) the member's workload starts; its growth and a training deadline count from there. */
  memberStartMonth: { kinds: ['poolMember'], unit: 'monthIndex', min: 0, max: HORIZON_MONTHS - 1, integer: true, default: 0, label: 'pool.startMonth' },
  /** Months the member's demand lasts from its start; null: to the end of the horizon. */
  memberActiveMonths: { kinds: ['poolMember'], unit: 'months', min: 1, max: HORIZON_MONTHS, integer: true, nullable: true, default: null, label: 'pool.activeMonths' },
  /**
   * The member's share of the shared (owned and reserved) options' cost under the "committed share" rule; null: not set.
   * Rangeable: it moves only the pool's split (the pool's Monte Carlo per member), no option's figure (SPLIT_RANGEABLE_FIELDS).
   */
  committedSharePct: { kinds: ['poolMember'], unit: 'pct', min: 0, max: 100, nullable: true, rangeable: true, default: null, label: 'pool.committedShare' },
  /** The first member's (the scenario's workload's) share under the "committed share" rule; null: not set. Rangeable as a member's. */
  firstMemberCommittedSharePct: { kinds: ['pool'], unit: 'pct', min: 0, max: 100, nullable: true, rangeable: true, label: 'pool.committedShare' },
} as const satisfies Record<string, FieldSpec>;

export type FieldName = keyof typeof FIELDS;
type Table = typeof FIELDS;

/** The names of the fields an object of `kind` has, as a type. */
export type FieldsOf<K extends FieldKind> = { [N in FieldName]: K extends Table[N]['kinds'][number] ? N : never }[FieldName];
/** Whether field `N` may be null, as a type. */
export type IsNullable<N extends FieldName> = Table[N] extends { nullable: true } ? true : false;

/** A value of field `N`: a number, or null where the field allows it. */
export type FieldValue<N extends FieldName> = IsNullable<N> extends true ? number | null : number;

const NAMES = Object.keys(FIELDS) as FieldName[];
const spec = (name: FieldName): FieldSpec => FIELDS[name];

/** The fields an object of `kind` has, in the table's order. */
export function fieldsOf<K extends FieldKind>(kind: K): FieldsOf<K>[] {
  return NAMES.filter((n) => spec(n).kinds.includes(kind)) as FieldsOf<K>[];
}

/** The starting values of the numeric fields of a new object of `kind` (an option, a hosting, a loan). */
export function startValues<K extends FieldKind>(kind: K): { [N in FieldsOf<K>]: FieldValue<N> } {
  return Object.fromEntries(
    fieldsOf(kind).map((n) => {
      const v = spec(n).default;
      if (v === undefined) throw new Error(`the field table gives "${n}" no starting value`);
      return [n, v];
    }),
  ) as { [N in FieldsOf<K>]: FieldValue<N> };
}

/** Where a field sits in a scenario, as a path with `*` for an option's index: "options.*.hosting.facilityCcyPerMonth". */
export function fieldPath(name: FieldName): string {
  const place = KIND_PLACE[spec(name).kinds[0]!];
  const prefix = {
    settings: 'settings', uncertainty: 'uncertainty', goals: 'goals', workload: 'workload', option: 'options.*', hosting: 'options.*.hosting', financing: 'options.*.financing',
    ownAccelerators: 'ownAccelerators.*', pool: 'pool', poolMember: 'pool.members.*', footprint: 'options.*.footprint', tokens: 'workload.tokens', failures: 'options.*.failures',
  }[place];
  return `${prefix}.${name}`;
}

// ---------------------------------------------------------------- ranges

/** What a range is on: the settings, a kind of workload or a kind of option (a purchase's hosting and financing belong to it). */
export const RANGE_HOLDERS = ['settings', 'gpuHours', 'training', 'inference', 'buy', 'cloud', 'decentralised'] as const;
export type RangeHolder = (typeof RANGE_HOLDERS)[number];

const HOLDER_OF: Partial<Record<FieldKind, RangeHolder>> = {
  settings: 'settings',
  gpuHours: 'gpuHours',
  training: 'training',
  inference: 'inference',
  buy: 'buy',
  cloud: 'cloud',
  decentralised: 'decentralised',
  onPrem: 'buy',
  colocation: 'buy',
  loan: 'buy',
  // tokens (issue 15): the sub-object belongs to the inference workload
  tokens: 'inference',
};
/** footprint (issue 12): an option's footprint sub-object belongs to whichever kind of option holds it. */
const OPTION_HOLDERS: readonly RangeHolder[] = ['buy', 'cloud', 'decentralised'];
/**
 * failures (issue 15): the failures' figures that only one kind of option has (the schema refuses
 * them on another: failures-check.ts); the others belong to every kind of option.
 */
export const FAILURE_FIELD_HOLDERS: Partial<Record<FieldName, readonly RangeHolder[]>> = {
  // Repairs take capacity from owned and reserved GPUs; pay as you go, the provider's other GPUs serve.
  gpuFailuresPctPerYear: ['buy', 'cloud'],
  repairHours: ['buy', 'cloud'],
  replacementCcyPerFailure: ['buy'],
  spotInterruptionsPerDay: ['cloud'],
  spotLostMinutesPerInterruption: ['cloud'],
  hostReliabilityFloorPct: ['decentralised'],
  rerunPct: ['decentralised'],
};
/** An option's sub-objects (footprint; failures, issue 15) belong to the kinds of option that hold them. */
const inOption = (n: FieldName, k: FieldKind, holder: RangeHolder): boolean =>
  (k === 'footprint' && OPTION_HOLDERS.includes(holder)) || (k === 'failures' && (FAILURE_FIELD_HOLDERS[n] ?? OPTION_HOLDERS).includes(holder));

/**
 * The inputs a range may be put on, by holder: those that change what the Monte Carlo reports
 * (each option's cost, NPV and CO2e when it serves the demand alone). Demand shares, water and
 * depreciation, for instance, change none of it, so a range on them would only mislead.
 */
export const RANGEABLE_FIELDS: Record<RangeHolder, readonly FieldName[]> = {
  settings: rangeable('settings'),
  gpuHours: rangeable('gpuHours'),
  training: rangeable('training'),
  inference: rangeable('inference'),
  buy: rangeable('buy'),
  cloud: rangeable('cloud'),
  decentralised: rangeable('decentralised'),
};

function rangeable(holder: RangeHolder): FieldName[] {
  return NAMES.filter((n) => spec(n).rangeable && spec(n).kinds.some((k) => HOLDER_OF[k] === holder || inOption(n, k, holder)));
}

/**
 * pool (issue 15): the holders of the committed shares (the pool: the first member's; a member beyond
 * the first: its own). A range on a share moves only the split of the shared options' cost among the
 * members — the pool's Monte Carlo per member sees it; no option's cost, NPV or CO2e changes, so the
 * kernel (the options' Monte Carlo and tornado) has no slot for it.
 */
export const SPLIT_HOLDERS = ['pool', 'poolMember'] as const;
export type SplitHolder = (typeof SPLIT_HOLDERS)[number];
export const SPLIT_RANGEABLE_FIELDS: Record<SplitHolder, readonly FieldName[]> = {
  pool: NAMES.filter((n) => spec(n).rangeable && spec(n).kinds.includes('pool' as never)),
  poolMember: NAMES.filter((n) => spec(n).rangeable && spec(n).kinds.includes('poolMember' as never)),
};

/** Whether a range may be put on `field` of a holder (settings, a workload kind, an option kind; a pool's or a member's share). */
export function isRangeable(holder: RangeHolder | SplitHolder, field: string): boolean {
  return (holder === 'pool' || holder === 'poolMember' ? SPLIT_RANGEABLE_FIELDS[holder] : RANGEABLE_FIELDS[holder]).includes(field as FieldName);
}

/** pool (issue 15): whether a range is on a committed share (it moves only the pool's split). */
export function isShareRange(r: { target: string; field: string }): boolean {
  return (r.target === 'pool' && r.field === 'firstMemberCommittedSharePct') || (r.target === 'member' && r.field === 'committedSharePct');
}

/** What each input a range may be put on accepts, [min, max]. */
export const RANGE_BOUNDS: Readonly<Record<string, readonly [number, number]>> = Object.fromEntries(
  NAMES.filter((n) => spec(n).rangeable).map((n) => [n, [spec(n).min, spec(n).max] as const]),
);

/** Fields that hold a whole number: sampled values are rounded. */
export const INTEGER_FIELDS: ReadonlySet<string> = new Set(NAMES.filter((n) => spec(n).integer));

// ---------------------------------------------------------------- the catalog

/** The fields of an option the catalog prefills, by option kind, in the order they are filled. */
export const PREFILLED_FIELDS: Record<(typeof OPTIONS)[number], readonly FieldName[]> = {
  buy: prefilled('buy'),
  cloud: prefilled('cloud'),
  decentralised: prefilled('decentralised'),
};

function prefilled(kind: (typeof OPTIONS)[number]): FieldName[] {
  return NAMES.filter((n) => spec(n).catalog?.use === 'prefill' && spec(n).kinds.some((k) => k === kind || HOLDER_OF[k] === kind));
}

// ---------------------------------------------------------------- engine slots (speed)

/**
 * Every numeric field an object of a range holder has, in the table's order (a purchase's hosting
 * and financing belong to it): the Monte Carlo gives each its own slot (workers/models/uncertainty/plan.ts).
 */
export function holderFields(holder: RangeHolder): FieldName[] {
  return NAMES.filter((n) => spec(n).kinds.some((k) => HOLDER_OF[k] === holder || inOption(n, k, holder)));
}

/** Where a field of an option sits in it: the option itself, its hosting or its financing. */
export function fieldPlace(name: FieldName): FieldPlace {
  return KIND_PLACE[spec(name).kinds[0]!];
}
