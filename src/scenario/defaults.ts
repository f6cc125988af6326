// New scenarios and new supply options, prefilled from the catalog's suggestions. Fields the
// catalog cannot suggest start at a neutral value (0, or none) and are the person's own input.
// Environment-free.
import { accelerator, catalog } from '../catalog/index.ts';
import { DEFAULT_UNCERTAINTY, SCENARIO_FORMAT, SCENARIO_VERSION, type CloudPricingModel } from './constants.ts';
import type {
  BuyOption,
  CloudOption,
  DecentralisedOption,
  Scenario,
  Settings,
  SupplyOption,
  Workload,
} from './schema.ts';
import { catalogRecord } from '../catalog/active.ts';
import { medianRow } from '../catalog/spread.ts';
import { cloudOfferSet, marketOfferSet, roundSuggestion, suggestField, type SuggestContext } from './suggest.ts';

/** Deep copy of JSON data (scenarios are plain JSON). */
export function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

export const DEFAULT_ACCELERATOR = 'nvidia-h100-sxm';

/** A random scenario id (UUID v4): Web Crypto exists in browsers, workers and Node ≥ 19. */
export function newId(): string {
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();
}

/** A short id for an option, unique within `taken`. */
export function newOptionId(kind: SupplyOption['kind'], taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) {
    const candidate = `${kind}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Fills every catalog-suggested field of `o` (used by the factories and by "reset to catalog"). */
export function applySuggestions<T extends SupplyOption>(o: T, ctx: SuggestContext, fields?: readonly string[]): T {
  const out: Record<string, unknown> = clone(o);
  const names = fields ?? suggestedFieldNames(o);
  for (const field of names) {
    const s = suggestField(out as unknown as SupplyOption, field, ctx);
    if (s === null) continue;
    if (field === 'colocationCcyPerKWMonth') {
      const hosting = out.hosting as { kind: string; colocationCcyPerKWMonth?: number };
      if (hosting.kind === 'colocation') hosting.colocationCcyPerKWMonth = roundSuggestion(s.value);
    } else {
      out[field] = roundSuggestion(s.value);
    }
  }
  return out as T;
}

function suggestedFieldNames(o: SupplyOption): string[] {
  // Order matters: the server cost is derived from the GPU price.
  const common = ['pue', 'wueLPerKWh', 'offsiteWaterLPerKWh', 'busyPowerFraction', 'embodiedLifeYears'];
  if (o.kind === 'buy')
    return [
      'unitPriceCcyPerGpu',
      'serverAndNetworkCcy',
      'colocationCcyPerKWMonth',
      'idlePowerWPerGpu',
      'electricityCcyPerKWh',
      'depreciationYears',
      'resalePctOfGpuPrice',
      'maintenanceCcyPerYear',
      ...common,
    ];
  if (o.kind === 'cloud') return ['priceCcyPerGpuHour', 'providerUtilisationPct', ...common];
  return ['priceCcyPerGpuHour', 'platformFeePct', 'providerUtilisationPct', ...common];
}

const footprintDefaults = {
  throughputVsReference: null,
  powerWPerGpu: null,
  busyPowerFraction: 1,
  hostPowerWPerServer: 0,
  gpusPerServer: 8,
  pue: 1,
  gridGCO2ePerKWh: null,
  wueLPerKWh: 0,
  offsiteWaterLPerKWh: 0,
  embodiedKgCO2ePerGpu: null,
  embodiedKgCO2ePerServer: null,
  embodiedLifeYears: 6,
};

export function newBuyOption(ctx: SuggestContext, taken: Iterable<string>, acceleratorId = DEFAULT_ACCELERATOR): BuyOption {
  const base: BuyOption = {
    kind: 'buy',
    id: newOptionId('buy', taken),
    name: `${accelerator(acceleratorId)?.name ?? acceleratorId} — buy`,
    acceleratorId,
    ...footprintDefaults,
    gpuCount: 8,
    unitPriceCcyPerGpu: 0,
    priceTrendPctPerMonth: 0,
    orderMonth: 0,
    serverAndNetworkCcy: 0,
    importDutyPct: 0,
    vatPct: 0,
    vatRecoverable: true,
    leadTimeMonths: 0,
    maxUtilisationPct: 100,
    idlePowerWPerGpu: 0,
    hosting: { kind: 'colocation', colocationCcyPerKWMonth: 0 },
    electricityCcyPerKWh: 0,
    gridCountry: ctx.settings.plannerCountry,
    maintenanceCcyPerYear: 0,
    staffCcyPerYear: 0,
    depreciationYears: 4,
    financing: { kind: 'cash' },
    resalePctOfGpuPrice: 0,
  };
  return applySuggestions(base, ctx);
}

export function newCloudOption(
  ctx: SuggestContext,
  taken: Iterable<string>,
  acceleratorId = DEFAULT_ACCELERATOR,
  pricingModel: CloudPricingModel = 'onDemand',
): CloudOption {
  // The median of the freshest offers for this accelerator and pricing model, nearest to the
  // planner (their country, then their region, then anywhere) names the provider and region.
  const set = cloudOfferSet({ acceleratorId, pricingModel, provider: null, regionCountry: null }, ctx);
  const row = set ? medianRow(set.spread).row : undefined;
  const provider = catalog.cloudProviders.find((p) => p.id === row?.providerId);
  const base: CloudOption = {
    kind: 'cloud',
    id: newOptionId('cloud', taken),
    name: `${accelerator(acceleratorId)?.name ?? acceleratorId} — ${provider?.name ?? 'cloud'}`,
    acceleratorId,
    ...footprintDefaults,
    priceCcyPerGpuHour: 0,
    priceTrendPctPerMonth: 0,
    demandSharePct: 0,
    providerUtilisationPct: 85,
    egressCcyPerMonth: 0,
    storageCcyPerMonth: 0,
    provider: provider?.name ?? 'Cloud provider',
    region: row?.region ?? '',
    regionCountry: row?.regionCountry ?? null,
    pricingModel,
    committedGpus: 0,
    spotInterruptionOverheadPct: 0,
  };
  return applySuggestions(base, ctx);
}

export function newDecentralisedOption(
  ctx: SuggestContext,
  taken: Iterable<string>,
  acceleratorId = DEFAULT_ACCELERATOR,
): DecentralisedOption {
  // The median of the freshest uninterruptible offers for this accelerator, nearest to the planner,
  // names the market and the hosts' country.
  const set = marketOfferSet({ acceleratorId, market: null, hostCountry: null }, ctx);
  const row = set ? medianRow(set.spread).row : undefined;
  const market = catalog.decentralisedMarkets.find((m) => m.id === row?.marketId) ?? catalog.decentralisedMarkets[0];
  const base: DecentralisedOption = {
    kind: 'decentralised',
    id: newOptionId('decentralised', taken),
    name: `${accelerator(acceleratorId)?.name ?? acceleratorId} — ${market?.name ?? 'market'}`,
    acceleratorId,
    ...footprintDefaults,
    priceCcyPerGpuHour: 0,
    priceTrendPctPerMonth: 0,
    demandSharePct: 0,
    providerUtilisationPct: 85,
    egressCcyPerMonth: 0,
    storageCcyPerMonth: 0,
    market: market?.name ?? 'Market',
    platformFeePct: 0,
    reliabilityOverheadPct: 0,
    tokenPaymentPct: 0,
    hostCountry: row?.hostCountry ?? null,
  };
  return applySuggestions(base, ctx);
}

export const DEFAULT_SETTINGS: Settings = {
  horizonMonths: 36,
  startMonth: '2027-01',
  currency: 'USD',
  usdPerCurrencyUnit: null,
  exchangeRateDate: null,
  discountRatePctPerYear: 8,
  plannerCountry: 'FRA',
};

export const DEFAULT_WORKLOAD: Workload = {
  kind: 'gpuHours',
  referenceAcceleratorId: DEFAULT_ACCELERATOR,
  gpuHoursPerMonth: 4000,
  growthPctPerMonth: 0,
};

/** A new, valid scenario with one option of the given kind. */
export function newScenario(name: string, now: Date, kind: SupplyOption['kind'] = 'buy', settings: Settings = DEFAULT_SETTINGS): Scenario {
  const ctx: SuggestContext = { settings };
  const option =
    kind === 'buy' ? newBuyOption(ctx, []) : kind === 'cloud' ? newCloudOption(ctx, []) : newDecentralisedOption(ctx, []);
  if (option.kind !== 'buy') option.demandSharePct = 100;
  const at = now.toISOString();
  return {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    id: newId(),
    name,
    notes: '',
    createdAt: at,
    updatedAt: at,
    settings: clone(settings),
    workload: clone(DEFAULT_WORKLOAD),
    options: [option],
    uncertainty: clone(DEFAULT_UNCERTAINTY),
    catalog: catalogRecord(),
  };
}
