// Offers for an item — an accelerator rented by pricing model, hired on a market, or bought —
// chosen the same way everywhere: the newest observation of each item, the freshest class of rows
// (never an old row when a newer one exists), the planner's country or region first, and the
// spread of what is left with the rows behind it. Environment-free.
import { freshestClass, latestPerItem, type Freshness } from './freshness.ts';
import { activeCatalog } from './active.ts';
import { regionOf } from './regions.ts';
import { spreadOf, type Spread } from './spread.ts';
import type { CloudPrice, CloudPricingModel, DecentralisedPrice, PurchasePrice } from './types.ts';

/** How close the offers are to the planner: their country, their region, or anywhere. */
export type Proximity = 'country' | 'region' | 'world';

export interface OfferSet<T> {
  /** The offers kept, with their spread (values in the row's own currency unless `value` converts). */
  spread: Spread<T>;
  freshness: Freshness;
  proximity: Proximity;
  /** The country or region matched ("FRA", "Europe"), when proximity is not world. */
  place: string | null;
}

/**
 * The country of a cloud row: its region's country, or — when the row does not state its region —
 * the one country of every other row of the same provider that states one (e.g. Verda, whose
 * stated regions are all in Finland). Null when unknown or several. Used for the regional
 * preference only: an option never takes an inferred country as its region's country.
 */
export function cloudRowPlace(row: CloudPrice, rows: readonly CloudPrice[]): { iso3: string | null; inferred: boolean } {
  if (row.regionCountry) return { iso3: row.regionCountry, inferred: false };
  const stated = new Set(rows.filter((r) => r.providerId === row.providerId && r.regionCountry).map((r) => r.regionCountry));
  return stated.size === 1 ? { iso3: [...stated][0]!, inferred: true } : { iso3: null, inferred: false };
}

/** Keeps the rows of the nearest place that has any: the country, then its region, then all. */
export function nearest<T>(
  rows: readonly T[],
  placeOf: (r: T) => string | null,
  country: string | null,
  minCount = 1,
): { rows: T[]; proximity: Proximity; place: string | null } {
  if (country) {
    const same = rows.filter((r) => placeOf(r) === country);
    if (same.length >= minCount) return { rows: same, proximity: 'country', place: country };
    const region = regionOf(country);
    if (region) {
      const near = rows.filter((r) => regionOf(placeOf(r)) === region);
      if (near.length >= minCount) return { rows: near, proximity: 'region', place: region };
    }
  }
  return { rows: [...rows], proximity: 'world', place: null };
}

function offerSet<T extends CloudPrice | DecentralisedPrice | PurchasePrice>(
  rows: T[],
  key: (r: T) => string,
  placeOf: (r: T) => string | null,
  country: string | null,
  value: (r: T) => number | null,
  minCount = 1,
): OfferSet<T> | null {
  const fresh = freshestClass(latestPerItem(rows, key), activeCatalog().compiled);
  if (!fresh.freshness) return null;
  const near = nearest(fresh.rows, placeOf, country, minCount);
  const spread = spreadOf(near.rows, value);
  return spread ? { spread, freshness: fresh.freshness, proximity: near.proximity, place: near.place } : null;
}

const cloudKey = (r: CloudPrice) => [r.providerId, r.acceleratorId, r.pricingModel, r.pricingModelText, r.region, r.instanceType ?? '', r.basis].join('|');

/** Cloud rows comparable as GPU rental prices: not managed serving, not a GPU-only price without its host. */
export function comparableCloudRows(acceleratorId: string, pricingModel: CloudPricingModel, providerId?: string, region?: string): CloudPrice[] {
  return activeCatalog().cloudPrices.filter(
    (p) =>
      p.acceleratorId === acceleratorId &&
      p.pricingModel === pricingModel &&
      (providerId === undefined || p.providerId === providerId) &&
      (region === undefined || p.region === region) &&
      p.pricePerGpuHour !== null &&
      p.basis !== 'managed' &&
      !p.excludesHost,
  );
}

/** Cloud offers for an accelerator and pricing model (optionally one provider), nearest to `country`. */
export function cloudOffers(
  acceleratorId: string,
  pricingModel: CloudPricingModel,
  country: string | null,
  value: (r: CloudPrice) => number | null,
  providerId?: string,
  minCount = 1,
  region?: string,
): OfferSet<CloudPrice> | null {
  const all = activeCatalog().cloudPrices;
  return offerSet(comparableCloudRows(acceleratorId, pricingModel, providerId, region), cloudKey, (r) => cloudRowPlace(r, all).iso3, country, value, minCount);
}

/** True for offers that can be interrupted (spot, interruptible): not compared with on-demand ones. */
export function interruptible(p: DecentralisedPrice): boolean {
  return /spot|interruptible/i.test(p.pricingModel);
}

const marketKey = (r: DecentralisedPrice) => [r.marketId, r.acceleratorId, r.pricingModel, r.location ?? '', r.basis].join('|');

/** Uninterruptible market offers for an accelerator (optionally one market), nearest to `country`. */
export function marketOffersNear(
  acceleratorId: string,
  country: string | null,
  value: (r: DecentralisedPrice) => number | null,
  marketId?: string,
  minCount = 1,
): OfferSet<DecentralisedPrice> | null {
  const rows = activeCatalog().decentralisedPrices.filter(
    (p) => p.acceleratorId === acceleratorId && (marketId === undefined || p.marketId === marketId) && p.pricePerGpuHour !== null && !interruptible(p),
  );
  return offerSet(rows, marketKey, (r) => r.hostCountry, country, value, minCount);
}

const purchaseKey = (r: PurchasePrice) => [r.acceleratorId ?? '', r.item, r.sources.join(',')].join('|');

/** New per-GPU purchase prices of an accelerator (not a manufacturer's cost, not a used card). */
export function purchaseOffers(acceleratorId: string, value: (r: PurchasePrice) => number | null): OfferSet<PurchasePrice> | null {
  const rows = activeCatalog().purchasePrices.filter(
    (p) => p.acceleratorId === acceleratorId && p.condition === 'new' && p.scope === 'gpu' && p.value !== null,
  );
  return offerSet(rows, purchaseKey, () => null, null, value);
}
