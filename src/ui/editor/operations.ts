// Edits of the scenario that touch several fields at once: adding, duplicating, removing and
// moving options, prefilling from a catalog price, splitting shares. They mutate the scenario
// in place (the editor's reactive state).
import { catalog, type CloudPrice, type DecentralisedPrice } from '../../catalog/index.ts';
import { MAX_OPTIONS, isPayAsYouGo } from '../../scenario/constants.ts';
import { applySuggestions, newBuyOption, newCloudOption, newDecentralisedOption, newOptionId } from '../../scenario/defaults.ts';
import { pruneRanges } from '../../scenario/ranges.ts';
import type { CloudOption, DecentralisedOption, Scenario, SupplyOption } from '../../scenario/schema.ts';
import { copyPlain } from '../../scenario/convert-currency.ts';
import { followCatalog, markMissing, rateMissing, type FollowResult } from '../../scenario/follow-catalog.ts';
import { convertMoney, roundSuggestion, type SuggestContext } from '../../scenario/suggest.ts';
import { gaps } from './gaps.svelte.ts';
import { rulesLoader } from '../../state/rules.svelte.ts';
import { applyDutyDefault } from '../../scenario/duty-default.ts';

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
  // A tariff on buying this accelerator into the planner's country (when the rules are loaded: the editor requests them).
  if (o.kind === 'buy' && rulesLoader.mod) applyDutyDefault(rulesLoader.mod, o, s.settings);
  // The first pay-as-you-go option takes all the remaining demand; later ones start at 0 %.
  if (o.kind !== 'buy') o.demandSharePct = s.options.some(isPayAsYouGo) ? 0 : 100;
  markNewOption(s, o);
  s.options.push(o);
  return o;
}

export function duplicateOption(s: Scenario, index: number): void {
  const o = s.options[index];
  if (!o || s.options.length >= MAX_OPTIONS) return;
  // A copy that keeps a field being typed or waiting for a catalog figure (NaN) as it is, gap included.
  const copy = copyPlain(o) as SupplyOption;
  copy.id = newOptionId(o.kind, s.options.map((x) => x.id));
  for (const field of gaps.fieldsOf(s, o.id)) if (Number.isNaN((o as unknown as Record<string, unknown>)[field])) gaps.set(s, copy.id, field, gapOf(s, o.id, field));
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

/** The price of a row picked from the catalog, or — when it cannot be converted (no rate) — a gap, never the old price. */
function setPrice(s: Scenario, o: CloudOption | DecentralisedOption, price: number | null): void {
  const usable = price !== null && Number.isFinite(price) && !rateMissing(context(s));
  o.priceCcyPerGpuHour = usable ? roundSuggestion(price) : Number.NaN;
  gaps.set(s, o.id, 'priceCcyPerGpuHour', usable ? null : 'noRate');
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
  setPrice(s, o, row.pricePerGpuHour === null ? null : convertMoney(row.pricePerGpuHour, row.currency, s.settings));
  Object.assign(o, applySuggestions(o, context(s), ['pue', 'wueLPerKWh']));
}

/** Prefills a decentralised option from a catalog offer. */
export function applyMarketPrice(s: Scenario, index: number, row: DecentralisedPrice): void {
  const o = s.options[index];
  if (!o || o.kind !== 'decentralised') return;
  const market = catalog.decentralisedMarkets.find((m) => m.id === row.marketId);
  o.market = market?.name ?? row.marketId;
  o.hostCountry = row.hostCountry;
  setPrice(s, o, row.pricePerGpuHour === null ? null : convertMoney(row.pricePerGpuHour, row.currency, s.settings));
  Object.assign(o, applySuggestions(o, context(s), ['platformFeePct']));
}

// ---------------------------------------------------------------- issue 10: catalog follows, no silent zero

function gapOf(s: Scenario, optionId: string, field: string) {
  const i = s.options.findIndex((x) => x.id === optionId);
  return gaps.atPath(s, `options.${i}.${field}`) ?? 'noFigure';
}

/** Records what a follow found: gaps to show, gaps filled. */
function recordFollow(s: Scenario, o: SupplyOption, r: FollowResult): void {
  for (const g of r.gaps) gaps.set(s, o.id, g.field, g.reason);
  for (const f of r.filled) gaps.set(s, o.id, f, null);
  // Not shown (the field still holds a number): only remembered, so that it follows its input.
  for (const f of r.waiting) gaps.set(s, o.id, f, 'noFigure');
}

/**
 * Edits one option; then every field that held the catalog's figure takes the figure for the
 * option as edited (a new accelerator, provider, region, pricing model, market, country, or the
 * GPU price a derived field comes from), or says the catalog has none.
 */
export function editOption(s: Scenario, index: number, edit: (o: SupplyOption) => void): void {
  const o = s.options[index];
  if (!o) return;
  const before = copyPlain(o) as SupplyOption;
  const ctx = context(s);
  edit(o);
  recordFollow(s, o, followCatalog(before, ctx, o, ctx, gaps.fieldsOf(s, o.id)));
}

/** Edits the settings (the exchange rate): catalog prices converted at the rate follow it; gaps waiting for it are filled. */
export function editSettings(s: Scenario, edit: (settings: Scenario['settings']) => void): void {
  const beforeCtx = { settings: copyPlain(s.settings), workload: s.workload };
  edit(s.settings);
  const ctx = context(s);
  for (const o of s.options) {
    const before = copyPlain(o) as SupplyOption;
    recordFollow(s, o, followCatalog(before, beforeCtx, o, ctx, gaps.fieldsOf(s, o.id)));
  }
}

/** Puts a currency change (or its undo) in place: the settings, options and ranges together, one step. */
export function replaceMoney(s: Scenario, next: Pick<Scenario, 'settings' | 'options' | 'uncertainty'>): void {
  s.settings = copyPlain(next.settings);
  s.options = copyPlain(next.options);
  s.uncertainty = copyPlain(next.uncertainty);
}

/** Money fields of a new option that the catalog could not fill are gaps (NaN with a reason), never 0. */
function markNewOption(s: Scenario, o: SupplyOption): void {
  for (const g of markMissing(o, context(s))) gaps.set(s, o.id, g.field, g.reason);
}
