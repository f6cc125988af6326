// Types of the reference catalog. The data itself is generated from ../shared/reference by
// scripts/build-catalog.ts into src/catalog/data/*.json; the app never reads ../shared.
// Environment-free: imported by the page, the worker and the command line.

/**
 * high / medium / low: the 2024–2025 reference files. primary / secondary / single: the 2026
 * files (UPDATE-2026.md): the publisher's own page or data; several secondary pages agreeing;
 * one secondary page only, a stored file whose repository is unknown, or a third party's average.
 */
export type Confidence = 'high' | 'medium' | 'low' | 'primary' | 'secondary' | 'single';

/** One source, as listed in a reference file's `sources` map. */
export interface Source {
  key: string;
  title: string;
  url: string;
  /** Date of the data or publication, as the source gives it ("2025-02", "2019 data"). */
  date: string;
  /** Date the copy was read, when known (YYYY-MM-DD). */
  seen?: string;
  /** What the source supports. */
  what?: string;
  /** A public GitHub file served by the search index without its repository or path (url is ''). */
  storedFileId?: string;
  /** How the figure was read when not from the publisher directly ("transcription of https://…"). */
  via?: string;
}

/** Provenance carried by every catalog figure. */
export interface Cited {
  /** Keys into `Catalog.sources`; at least one. */
  sources: string[];
  /** The date exactly as the reference gives it ("post-June-2025 catalog snapshot", "H2 2024"). */
  date: string;
  /**
   * The earliest month the figure can be from, normalised to YYYY-MM ("H2 2024" → 2024-07,
   * "2025-2026" → 2025-01), or null when undated. Drives the "possibly stale" flag.
   */
  asOf: string | null;
  confidence: Confidence;
  note?: string;
  /** True when the value was computed (a mean, a division, a cross rate), by the reference or here. */
  derived?: true;
}

/** A number with its unit and provenance. `value` is null when the sources only give a range. */
export interface CitedNumber extends Cited {
  value: number | null;
  unit: string;
  /** [low, high] when sources disagree or give a range. */
  range?: [number, number];
}

export interface CitedText extends Cited {
  value: string;
}

export type AcceleratorVendor = 'NVIDIA' | 'AMD' | 'Intel' | 'Google' | 'AWS' | 'Huawei';
export type Foundry = 'TSMC' | 'SMIC' | 'Samsung' | 'Intel';
export type HbmSupplier = 'SK hynix' | 'Samsung' | 'Micron';

export interface Accelerator {
  id: string;
  name: string;
  vendor: AcceleratorVendor;
  /** Sold only as a cloud service (TPU, Trainium): it cannot be bought. */
  cloudOnly: boolean;
  launchYear: number | null;
  memoryGB: CitedNumber | null;
  /** Peak dense (no sparsity) BF16 tensor throughput. */
  bf16DenseTflops: CitedNumber | null;
  fp8DenseTflops: CitedNumber | null;
  /** Vendor power figure per GPU (max TDP / TGP / typical board power; see note). */
  tdpW: CitedNumber | null;
  dieAreaMm2: CitedNumber | null;
  foundry: (Cited & { value: Foundry[] }) | null;
  /** ISO 3166-1 alpha-3 codes of the countries where the logic die is made. */
  fabCountries: (Cited & { value: string[] }) | null;
  hbmSuppliers: (Cited & { value: HbmSupplier[] }) | null;
  purchasePriceUsd:
    | (Cited & { typical: number | null; low: number | null; high: number | null; unit: string; points: CitedNumber[] })
    | null;
  /** Embodied (manufacturing) carbon per card; `alternatives` lists other published figures. */
  embodiedKgCO2ePerGpu: (CitedNumber & { alternatives: CitedNumber[] }) | null;
}

export type CloudPricingModel = 'onDemand' | 'spot' | 'reserved1y' | 'reserved3y' | 'capacityBlock' | 'committed';

export interface CloudProvider {
  id: string;
  name: string;
  /** Hyperscaler (AWS, GCP, Azure, Oracle) or specialised GPU cloud. */
  kind: 'hyperscaler' | 'gpuCloud';
  /** Provider PUE from the reference data, when published. */
  pue: CitedNumber | null;
  /** Provider on-site WUE (L/kWh), when published. */
  wueLPerKWh: CitedNumber | null;
}

export interface CloudPrice extends Cited {
  id: string;
  providerId: string;
  acceleratorId: string;
  pricingModel: CloudPricingModel;
  region: string;
  /** ISO3 of the region's country, inferred from the region name; null when unknown or several. */
  regionCountry: string | null;
  instanceType: string | null;
  gpusPerInstance: number | null;
  /** Per GPU-hour in `currency`; null when only a range is known. */
  pricePerGpuHour: number | null;
  range?: [number, number];
  currency: 'USD' | 'EUR';
  /** True for GCP rows: the accelerator price excludes the VM host. */
  excludesHost: boolean;
  /** The pricing model exactly as the reference gives it ("on-demand (Secure Cloud)"). */
  pricingModelText: string;
  /**
   * list: a provider's own price; average: a third party's mean of listed offers; managed: a
   * managed-serving price (not comparable with bare GPU rental, never in a spread); termNotStated:
   * a reservation whose term is not given.
   */
  basis: 'list' | 'average' | 'managed' | 'termNotStated';
  /** The reference file the row comes from. */
  file: string;
}

export interface DecentralisedMarket {
  id: string;
  name: string;
  type: string;
  /** How it is paid, as the reference says it ("AKT or USDC"). */
  payment: CitedText | null;
  /** Whether part of the price can be or must be paid in the network's own token. */
  tokenPayment: 'none' | 'optional' | 'required' | 'unknown';
  /** Platform fee as a percentage of the price, when published. */
  feePct: CitedNumber | null;
  /** Facts about reliability (SLA, reputation scores), as short texts. */
  reliability: CitedText[];
}

export interface DecentralisedPrice extends Cited {
  id: string;
  marketId: string;
  acceleratorId: string;
  pricingModel: string;
  pricePerGpuHour: number | null;
  range?: [number, number];
  currency: 'USD';
  /** Where the host is, as listed ("Texas, US"); the country when a single one is named. */
  location: string | null;
  hostCountry: string | null;
  /** list: the market's own price or median; average: a third party's mean of listed offers. */
  basis: 'list' | 'average';
  file: string;
}

export interface Country {
  /** ISO 3166-1 alpha-3, or "WLD" for the world average. */
  iso3: string;
  /** ISO 3166-1 alpha-2, for Intl.DisplayNames; "001" (UN M49 world) for WLD. */
  iso2: string;
  name: string;
  /** Recommended grid carbon intensity (gCO2e/kWh, location-based), or null when not in the data. */
  gridGCO2ePerKWh: CitedNumber | null;
  /** Every value the reference lists for this grid. */
  gridValues: CitedNumber[];
  /** Data year of the recommended grid value, when the reference gives it (grid-2026: 2025). */
  gridDataYear?: number;
  /** Water consumed off site per kWh generated in this country (grid-2026 `waterOffsite`). */
  offsiteWaterLPerKWh?: CitedNumber;
}

export interface Subnational {
  code: string;
  name: string;
  gridGCO2ePerKWh: CitedNumber;
}

export interface ElectricityPrice extends CitedNumber {
  id: string;
  region: string;
  sector: string;
  currency: 'USD' | 'EUR' | 'CNY';
}

export interface OperatorFigure extends CitedNumber {
  id: string;
  operator: string;
}

export interface ColocationPrice extends CitedNumber {
  id: string;
  market: string;
}

export interface EmbodiedServer extends CitedNumber {
  id: string;
  item: string;
}

/** One published market-share table (a supply-chain tier). */
export interface ShareTable extends Cited {
  id: string;
  tier: 'acceleratorVendor' | 'foundry' | 'hbm' | 'cloud' | 'packaging';
  title: string;
  /** Shares in percent; may not sum to 100 when only the top names are published. */
  shares: { name: string; pct: number }[];
}

export interface CriticalMineral extends Cited {
  id: string;
  name: string;
  /** Where it is used in computing hardware (from the seed document), if stated. */
  use: string | null;
  worldTotal: { value: number; unit: string } | null;
  /** Producing countries (ISO3) and shares in percent: every one, or only the largest (see producersComplete). */
  producers: { iso3: string; pct: number }[];
  /** True when the source lists every producing country (the shares add up to 100 %): the HHI is exact, not a range. */
  producersComplete: boolean;
  /** Export restrictions by a producing country, each with its date. */
  exportControls: { by: string; what: string; date: string; against: string[] | 'all' }[];
}

export interface ExportControlRegime extends Cited {
  id: string;
  title: string;
  /** Federal Register citation. */
  citation: string | null;
  status: 'inForce' | 'rescinded';
}

export interface ExportControlData {
  /** Total processing performance thresholds of ECCN 3A090.a (Oct 2023 rule). */
  tppThreshold: number;
  tppThresholdWithDensity: number;
  densityThreshold: number;
  /** Tier 1 (License Exception AIA) of the AI Diffusion framework, ISO3. */
  tier1: string[];
  /** Tier 3 countries named in the reference (Country Group D:5 is longer; see note). */
  tier3Named: string[];
  regimes: ExportControlRegime[];
  /** Per-country and per-consignee caps of the (rescinded) AI Diffusion rule, in H100-equivalents. */
  caps: { id: string; h100Equivalents: number; tpp: number; what: string }[];
  /** TPP of one H100, used to express caps in H100-equivalents. */
  h100Tpp: number;
  cited: Cited;
}

export interface ExchangeRate extends Cited {
  currency: string;
  usdPerUnit: number;
  /** daily, monthly-average, annual-average or annual-tax-conversion-rate. */
  period: string;
}

/** A purchase price observation (hardware-prices-2026.json, and gpus.json's dated points). */
export interface PurchasePrice extends CitedNumber {
  id: string;
  item: string;
  acceleratorId: string | null;
  /** What one `value` buys: one GPU, an 8-GPU server (or board), a rack. */
  scope: 'gpu' | 'server' | 'rack';
  /** Per-GPU equivalent in USD, when the reference gives or derives one. */
  perGpuUsd: number | null;
  /** new, used, or cost (a manufacturer's cost, not a price). */
  condition: 'new' | 'used' | 'cost';
}

/** A hardware or operations figure (cost shares, support contracts, maintenance, failure rates). */
export interface HardwareFigure extends CitedNumber {
  id: string;
  section: 'costShare' | 'support' | 'reliability';
  item: string;
}

/** A published market price index, as context (its values are dated points). */
export interface MarketIndex extends Cited {
  id: string;
  name: string;
  publisher: string;
  acceleratorId: string | null;
  basis: string;
  unit: string;
  values: { value: number; date: string; asOf: string | null; note?: string }[];
}

/** A method constant (PUE default, Epoch factors, BLOOM allocation...) with its source. */
export interface MethodConstant extends CitedNumber {
  id: string;
  label: string;
}

export interface Catalog {
  /** The catalog's build date: the newest compile date of the reference files (YYYY-MM-DD). */
  compiled: string;
  /** Version of the catalog format and data ("2026-12-01"); recorded in scenarios. */
  version: string;
  /** SHA-256 (first 16 hex digits) of the catalog serialised with contentHash ''; recorded in scenarios. */
  contentHash: string;
  /** Compile date of each reference file read. */
  referenceFiles: Record<string, string>;
  sources: Record<string, Source>;
  accelerators: Accelerator[];
  cloudProviders: CloudProvider[];
  cloudPrices: CloudPrice[];
  decentralisedMarkets: DecentralisedMarket[];
  decentralisedPrices: DecentralisedPrice[];
  countries: Country[];
  subnational: Subnational[];
  electricityPrices: ElectricityPrice[];
  pue: OperatorFigure[];
  wue: OperatorFigure[];
  /** Water consumed off site per kWh of electricity generated (EWIF). */
  electricityWater: OperatorFigure[];
  colocationPrices: ColocationPrice[];
  embodiedServers: EmbodiedServer[];
  supplyChain: ShareTable[];
  criticalMinerals: CriticalMineral[];
  exportControls: ExportControlData;
  /** The latest dated exchange rate to USD per currency (exchange-rates.json `latest`). */
  exchangeRates: ExchangeRate[];
  purchasePrices: PurchasePrice[];
  hardwareFigures: HardwareFigure[];
  marketIndices: MarketIndex[];
  constants: MethodConstant[];
}
