// Edits of the scenario that touch several fields at once: adding, duplicating, removing and
// moving options, prefilling from a catalog price, splitting shares. They mutate the scenario
// in place (the editor's reactive state).
import { catalog, type CloudPrice, type DecentralisedPrice } from '../../catalog/index.ts';
import { MAX_OPTIONS, isPayAsYouGo } from '../../scenario/constants.ts';
import { applySuggestions, clone, newBuyOption, newCloudOption, newDecentralisedOption, newOptionId } from '../../scenario/defaults.ts';
import { pruneRanges } from '../../scenario/ranges.ts';
import type { Scenario, SupplyOption } from '../../scenario/schema.ts';
import { convertMoney, roundSuggestion, type SuggestContext } from '../../scenario/suggest.ts';

export function context(s: Scenario): SuggestContext {
  return { settings: s.settings, workload: s.workload };
}

export function addOption(s: Scenario, kind: SupplyOption['kind']): SupplyOption | null {
  if (s.options.length >= MAX_OPTIONS) return null;
  const taken = s.options.map((o) => o.id);
  const acc = s.workload.referenceAcceleratorId;
  const ctx = context(s);
  const o = kind === 'buy' ? newBuyOption(ctx, taken, acc) : kind === 'cloud' ? newCloudOption(ctx, taken, acc) : newDecentralisedOption(ctx, taken, acc);
  if (o.kind === 'buy') o.gridCountry = s.settings.plannerCountry;
  // The first pay-as-you-go option takes all the remaining demand; later ones start at 0 %.
  if (o.kind !== 'buy') o.demandSharePct = s.options.some(isPayAsYouGo) ? 0 : 100;
  s.options.push(o);
  return o;
}

export function duplicateOption(s: Scenario, index: number): void {
  const o = s.options[index];
  if (!o || s.options.length >= MAX_OPTIONS) return;
  const copy = clone(o);
  copy.id = newOptionId(o.kind, s.options.map((x) => x.id));
  copy.name = `${o.name} (2)`;
  if (copy.kind !== 'buy') copy.demandSharePct = 0;
  s.options.splice(index + 1, 0, copy);
}

export function removeOption(s: Scenario, index: number): SupplyOption | undefined {
  if (s.options.length <= 1) return undefined;
  const [removed] = s.options.splice(index, 1);
  // Its ranges go with it.
  pruneRanges(s);
  return removed;
}

export function moveOption(s: Scenario, index: number, delta: -1 | 1): void {
  const to = index + delta;
  if (to < 0 || to >= s.options.length) return;
  const [o] = s.options.splice(index, 1);
  s.options.splice(to, 0, o!);
}

/** Splits the remaining demand evenly among the pay-as-you-go options (integers adding up to 100). */
export function splitSharesEvenly(s: Scenario): void {
  const payg = s.options.filter(isPayAsYouGo);
  payg.forEach((o, i) => {
    o.demandSharePct = Math.floor(100 / payg.length) + (i < 100 % payg.length ? 1 : 0);
  });
}

/** Prefills a cloud option from a catalog price row. */
export function applyCloudPrice(s: Scenario, index: number, row: CloudPrice): void {
  const o = s.options[index];
  if (!o || o.kind !== 'cloud') return;
  const provider = catalog.cloudProviders.find((p) => p.id === row.providerId);
  o.provider = provider?.name ?? row.providerId;
  o.region = row.region;
  o.regionCountry = row.regionCountry;
  if (row.pricingModel === 'onDemand' || row.pricingModel === 'spot' || row.pricingModel === 'reserved1y' || row.pricingModel === 'reserved3y') {
    o.pricingModel = row.pricingModel;
  }
  if (o.pricingModel === 'reserved1y' || o.pricingModel === 'reserved3y') {
    o.demandSharePct = 0;
    if (o.committedGpus < 1) o.committedGpus = 8;
  } else {
    o.committedGpus = 0;
  }
  if (o.pricingModel !== 'spot') o.spotInterruptionOverheadPct = 0;
  const price = row.pricePerGpuHour === null ? null : convertMoney(row.pricePerGpuHour, row.currency, s.settings);
  if (price !== null) o.priceCcyPerGpuHour = roundSuggestion(price);
  Object.assign(o, applySuggestions(o, context(s), ['pue', 'wueLPerKWh']));
}

/** Prefills a decentralised option from a catalog offer. */
export function applyMarketPrice(s: Scenario, index: number, row: DecentralisedPrice): void {
  const o = s.options[index];
  if (!o || o.kind !== 'decentralised') return;
  const market = catalog.decentralisedMarkets.find((m) => m.id === row.marketId);
  o.market = market?.name ?? row.marketId;
  o.hostCountry = row.hostCountry;
  const price = row.pricePerGpuHour === null ? null : convertMoney(row.pricePerGpuHour, row.currency, s.settings);
  if (price !== null) o.priceCcyPerGpuHour = roundSuggestion(price);
  Object.assign(o, applySuggestions(o, context(s), ['platformFeePct']));
}
