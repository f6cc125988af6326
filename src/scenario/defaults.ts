// New scenarios and new supply options, prefilled from the catalog's suggestions. Fields the
// catalog cannot suggest start at a neutral value (0, or none) and are the person's own input.
// Environment-free.
import { accelerator, catalog } from '../catalog/index.ts';
import { PREFILLED_FIELDS, startValues } from './fields.ts';
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
import { cloudOfferSet, marketOfferSet, roundSuggestion, suggestField, usdPerUnit, type SuggestContext } from './suggest.ts';

/**
 * The context in which a new option's offer (provider and region, market and hosts) is chosen: the
 * scenario's own, or — while its exchange rate is missing — the catalog's currencies, so that the
 * choice of offer never depends on the rate. Its price stays a gap until the rate is typed.
 */
function offerContext(ctx: SuggestContext): SuggestContext {
  return usdPerUnit(ctx.settings) === null ? { ...ctx, settings: { ...ctx.settings, currency: 'USD', usdPerCurrencyUnit: null } } : ctx;
}

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
  // In the field table's order: the server cost is derived from the GPU price.
  const names = fields ?? PREFILLED_FIELDS[o.kind];
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

export function newBuyOption(ctx: SuggestContext, taken: Iterable<string>, acceleratorId = DEFAULT_ACCELERATOR): BuyOption {
  const base: BuyOption = {
    kind: 'buy',
    id: newOptionId('buy', taken),
    name: `${accelerator(acceleratorId)?.name ?? acceleratorId} — buy`,
    acceleratorId,
    ...startValues('buy'),
    vatRecoverable: true,
    hosting: { kind: 'colocation', ...startValues('colocation') },
    gridCountry: ctx.settings.plannerCountry,
    financing: { kind: 'cash' },
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
  const set = cloudOfferSet({ acceleratorId, pricingModel, provider: null, regionCountry: null }, offerContext(ctx));
  const row = set ? medianRow(set.spread).row : undefined;
  const provider = catalog.cloudProviders.find((p) => p.id === row?.providerId);
  const base: CloudOption = {
    kind: 'cloud',
    id: newOptionId('cloud', taken),
    name: `${accelerator(acceleratorId)?.name ?? acceleratorId} — ${provider?.name ?? 'cloud'}`,
    acceleratorId,
    ...startValues('cloud'),
    provider: provider?.name ?? 'Cloud provider',
    region: row?.region ?? '',
    regionCountry: row?.regionCountry ?? null,
    pricingModel,
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
  const set = marketOfferSet({ acceleratorId, market: null, hostCountry: null }, offerContext(ctx));
  const row = set ? medianRow(set.spread).row : undefined;
  const market = catalog.decentralisedMarkets.find((m) => m.id === row?.marketId) ?? catalog.decentralisedMarkets[0];
  const base: DecentralisedOption = {
    kind: 'decentralised',
    id: newOptionId('decentralised', taken),
    name: `${accelerator(acceleratorId)?.name ?? acceleratorId} — ${market?.name ?? 'market'}`,
    acceleratorId,
    ...startValues('decentralised'),
    market: market?.name ?? 'Market',
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

/**
 * A workload of the given kind at an example of scale, in `referenceAcceleratorId` (the editor's
 * "way demand is stated" and the first visit's start): 8 GPUs busy 80 % of the time (8 × 730 h ×
 * 0.8 = 4,672 GPU-hours a month); the Llama 2 7B pre-training recipe (7 B parameters, 2 T tokens,
 * 40 % MFU, 6 months or the horizon); 5,000 tokens a second served at 2,500 per GPU. Every figure
 * is shown in the editor for the person to change.
 */
export function exampleWorkload(kind: Workload['kind'], referenceAcceleratorId: string, horizonMonths: number): Workload {
  if (kind === 'gpuHours') return { kind, referenceAcceleratorId, gpuHoursPerMonth: 4672, growthPctPerMonth: 0 };
  if (kind === 'training')
    return { kind, referenceAcceleratorId, parametersBillion: 7, tokensBillion: 2000, mfuPct: 40, deadlineMonths: Math.min(6, horizonMonths) };
  return { kind, referenceAcceleratorId, tokensPerSecond: 5000, tokensPerSecondPerGpu: 2500, growthPctPerMonth: 0 };
}

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
