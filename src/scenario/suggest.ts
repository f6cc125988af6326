// Catalog-backed suggestions for scenario fields: the value the editor prefills, and where it
// comes from. A field with no suggestion is the person's own input. Environment-free.
import {
  accelerator,
  catalog,
  constant,
  country,
  type Cited,
  type CloudPrice,
  type CloudProvider,
  type DecentralisedMarket,
  type DecentralisedPrice,
  type ElectricityPrice,
} from '../catalog/index.ts';
import { PREFILLED_FIELDS } from './fields.ts';
import { activeCatalog } from '../catalog/active.ts';
import { freshness, type Freshness } from '../catalog/freshness.ts';
import { cloudOffers, cloudRowPlace, marketOffersNear, purchaseOffers, type OfferSet } from '../catalog/offers.ts';
import { REGION_OF_COUNTRY } from '../catalog/regions.ts';
import { medianRow } from '../catalog/spread.ts';
import type { CloudPricingModel } from './constants.ts';
import type { Currency, Settings, SupplyOption, Workload } from './schema.ts';

export interface Suggestion {
  value: number;
  /** Provenance of the figure (or of the constant it is derived from). */
  cited: Cited;
  /** How the value was derived from the cited figure, in English, when it is not taken as is. */
  derivation?: string;
  /** The source itself, when its key is not one of the catalog's (a rule's source: src/catalog/rules.ts). */
  source?: { title: string; url: string | null };
}

export interface SuggestContext {
  settings: Pick<Settings, 'currency' | 'usdPerCurrencyUnit' | 'horizonMonths' | 'plannerCountry'>;
  workload?: Workload;
}

/**
 * US dollars per unit of the scenario's currency: 1 for USD, else the scenario's own rate (the
 * shipped rate is prefilled into it, never read behind its back), else null — a missing rate.
 */
export function usdPerUnit(settings: Pick<Settings, 'currency' | 'usdPerCurrencyUnit'>): number | null {
  if (settings.currency === 'USD') return 1;
  return settings.usdPerCurrencyUnit;
}

/**
 * Converts an amount in `from` currency into the scenario's currency, or null when no rate is
 * known. A catalog amount in a currency other than USD (older EUR-billed rows) goes through USD at
 * the catalog's latest dated rate for that currency.
 */
export function convertMoney(amount: number, from: string, settings: SuggestContext['settings']): number | null {
  if (from === settings.currency) return amount;
  const rate = usdPerUnit(settings);
  if (rate === null) return null;
  const fromUsd = from === 'USD' ? 1 : (activeCatalog().exchangeRates.find((r) => r.currency === from)?.usdPerUnit ?? null);
  return fromUsd === null ? null : (amount * fromUsd) / rate;
}

/** The catalog's latest dated rate for a currency (USD per unit), or null when it ships none. */
export function suggestExchangeRate(currency: string): Suggestion | null {
  if (currency === 'USD') return null;
  const r = activeCatalog().exchangeRates.find((x) => x.currency === currency);
  return r ? { value: r.usdPerUnit, cited: r, derivation: `${r.period}, ${r.date}` } : null;
}

/** The settings with the shipped rate and its date filled in when the currency is not USD and no rate is set. */
export function withShippedRate<T extends Pick<Settings, 'currency' | 'usdPerCurrencyUnit' | 'exchangeRateDate'>>(settings: T): T {
  if (settings.currency === 'USD' || settings.usdPerCurrencyUnit !== null) return settings;
  const r = activeCatalog().exchangeRates.find((x) => x.currency === settings.currency);
  if (!r) return settings;
  // exchangeRateDate is a day; an annual rate ("2025") keeps its date in the source note only.
  return { ...settings, usdPerCurrencyUnit: r.usdPerUnit, exchangeRateDate: /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null };
}

/** Freshness of a cited figure against the active catalog's build date. */
export function freshnessOf(c: Pick<Cited, 'asOf'>): Freshness {
  return freshness(c.asOf, activeCatalog().compiled);
}

function fromConstant(id: string, scale = 1, derivation?: string): Suggestion {
  const c = constant(id);
  return { value: c.value * scale, cited: c, ...(derivation ? { derivation } : {}) };
}

export function findCloudProvider(name: string): CloudProvider | undefined {
  const key = name.trim().toLowerCase();
  return catalog.cloudProviders.find((p) => p.id === key || p.name.toLowerCase() === key);
}

export function findMarket(name: string): DecentralisedMarket | undefined {
  const key = name.trim().toLowerCase();
  return catalog.decentralisedMarkets.find((m) => m.id === key || m.name.toLowerCase() === key);
}

// ---------------------------------------------------------------- electricity by country

/** Regions of the GlobalPetrolPrices business tariffs, by country (ISO3). */
const GPP_REGION = REGION_OF_COUNTRY;

/** Country-level electricity rows (EUR, Eurostat via the reference), by ISO3. */
const COUNTRY_REGION_NAME: Record<string, string> = {
  FRA: 'France',
  DEU: 'Germany',
  IRL: 'Ireland',
  FIN: 'Finland',
  SWE: 'Sweden',
  DNK: 'Denmark',
};

/** Electricity tariffs that apply to a country, most specific first. */
export function electricityCandidates(iso3: string): ElectricityPrice[] {
  const rows = catalog.electricityPrices;
  const out: ElectricityPrice[] = [];
  const name = COUNTRY_REGION_NAME[iso3];
  if (name) out.push(...rows.filter((r) => r.region === name && r.value !== null));
  const region = GPP_REGION[iso3];
  if (region) out.push(...rows.filter((r) => r.region === region && r.value !== null));
  out.push(...rows.filter((r) => r.region === 'World average' && r.value !== null));
  return out;
}

function suggestElectricity(iso3: string, ctx: SuggestContext): Suggestion | null {
  // Most specific first; at the same level, a figure already in the scenario's currency first.
  const level = (r: ElectricityPrice) => (COUNTRY_REGION_NAME[iso3] === r.region ? 0 : GPP_REGION[iso3] === r.region ? 1 : 2);
  const candidates = [...electricityCandidates(iso3)].sort(
    (a, b) => level(a) - level(b) || Number(a.currency !== ctx.settings.currency) - Number(b.currency !== ctx.settings.currency),
  );
  for (const row of candidates) {
    const v = convertMoney(row.value as number, row.currency, ctx.settings);
    if (v === null) continue;
    const derivation =
      row.currency === ctx.settings.currency ? `${row.region}, ${row.sector}` : `${row.region}, ${row.sector}; converted from ${row.currency}`;
    return { value: v, cited: row, derivation };
  }
  return null;
}

// ---------------------------------------------------------------- prices

/** Catalog cloud prices for an accelerator, optionally at one provider and pricing model. */
export function cloudPricesFor(acceleratorId: string, providerName?: string, pricingModel?: string): CloudPrice[] {
  const provider = providerName ? findCloudProvider(providerName) : undefined;
  // A provider the catalog does not know has no catalog price (never another provider's).
  if (providerName && !provider) return [];
  return activeCatalog().cloudPrices.filter(
    (p) =>
      p.acceleratorId === acceleratorId &&
      (!provider || p.providerId === provider.id) &&
      (!pricingModel || p.pricingModel === pricingModel) &&
      p.pricePerGpuHour !== null,
  );
}

/** How a suggested price was chosen, in English (shown after the value, before its source). */
function offerDerivation(set: OfferSet<unknown>, what: string): string {
  const where = set.proximity === 'world' ? 'all places' : set.place;
  return `${what}; median of ${set.spread.count} ${set.freshness} offer${set.spread.count === 1 ? '' : 's'} (${where})`;
}

/**
 * The cloud offers that price an option: its provider's when the option names one the catalog
 * knows (else every provider's), for its accelerator and pricing model, nearest to its region's
 * country (or the planner's).
 */
export function cloudOfferSet(
  o: Pick<Extract<SupplyOption, { kind: 'cloud' }>, 'acceleratorId' | 'pricingModel' | 'provider' | 'regionCountry'> | { acceleratorId: string; pricingModel: CloudPricingModel; provider: null; regionCountry: string | null },
  ctx: SuggestContext,
  minCount = 1,
): OfferSet<CloudPrice> | null {
  let providerId: string | undefined;
  if (o.provider !== null) {
    const p = findCloudProvider(o.provider);
    if (!p) return null;
    providerId = p.id;
  }
  const country = o.regionCountry ?? ctx.settings.plannerCountry;
  return cloudOffers(o.acceleratorId, o.pricingModel, country, (r) => convertMoney(r.pricePerGpuHour as number, r.currency, ctx.settings), providerId, minCount);
}

function suggestCloudPrice(o: Extract<SupplyOption, { kind: 'cloud' }>, ctx: SuggestContext): Suggestion | null {
  const set = cloudOfferSet(o, ctx);
  if (!set) return null;
  // The provider's offers in the option's own region when it prices that region (the freshest of
  // them: an old row only when the region has no newer one); else the median of the nearest offers.
  const provider = findCloudProvider(o.provider)!;
  const value = (r: CloudPrice) => convertMoney(r.pricePerGpuHour as number, r.currency, ctx.settings);
  const inRegion = o.region === '' ? null : cloudOffers(o.acceleratorId, o.pricingModel, null, value, provider.id, 1, o.region);
  const pick = inRegion ? medianRow(inRegion.spread) : medianRow(set.spread);
  const row = pick.row;
  const place = cloudRowPlace(row, activeCatalog().cloudPrices);
  const what = `${row.region}${row.instanceType ? `, ${row.instanceType}` : ''}${row.excludesHost ? '; GPU only, the VM host is billed separately' : ''}${
    place.inferred ? `; region not stated (the provider's other listed regions are in ${place.iso3})` : ''}${
    row.currency !== ctx.settings.currency ? `; converted from ${row.currency}` : ''}`;
  const n = inRegion?.spread.count ?? 0;
  return { value: pick.value, cited: row, derivation: inRegion ? (n > 1 ? `${what}; median of ${n} offers in this region` : what) : offerDerivation(set, what) };
}

/** A market's priced offers for an accelerator, on-demand offers first (interruptible ones are cheaper but can stop). */
export function marketOffers(marketId: string, acceleratorId: string): DecentralisedPrice[] {
  const rows = activeCatalog().decentralisedPrices.filter((p) => p.marketId === marketId && p.acceleratorId === acceleratorId && p.pricePerGpuHour !== null);
  const onDemand = (p: DecentralisedPrice) => (/on-demand/i.test(p.pricingModel) ? 0 : 1);
  return [...rows].sort((a, b) => onDemand(a) - onDemand(b));
}

/** The market offers that price an option: its market's (or every market's when null), nearest to its hosts' country. */
export function marketOfferSet(
  o: { acceleratorId: string; market: string | null; hostCountry: string | null },
  ctx: SuggestContext,
  minCount = 1,
): OfferSet<DecentralisedPrice> | null {
  let marketId: string | undefined;
  if (o.market !== null) {
    const m = findMarket(o.market);
    if (!m) return null;
    marketId = m.id;
  }
  return marketOffersNear(o.acceleratorId, o.hostCountry ?? ctx.settings.plannerCountry, (r) => convertMoney(r.pricePerGpuHour as number, r.currency, ctx.settings), marketId, minCount);
}

function suggestMarketPrice(o: Extract<SupplyOption, { kind: 'decentralised' }>, ctx: SuggestContext): Suggestion | null {
  const set = marketOfferSet(o, ctx);
  if (!set) return null;
  const pick = medianRow(set.spread);
  const what = `${pick.row.pricingModel}${pick.row.location ? `, ${pick.row.location}` : ''}`;
  return { value: pick.value, cited: pick.row, derivation: offerDerivation(set, what) };
}

/** New per-GPU purchase prices of the option's accelerator, in the scenario's currency. */
export function purchaseOfferSet(acceleratorId: string, ctx: SuggestContext) {
  return purchaseOffers(acceleratorId, (r) => convertMoney(r.value as number, 'USD', ctx.settings));
}

// ---------------------------------------------------------------- field suggestions

/** Fields of an option that the catalog can suggest, by option kind (the field table's `catalog: prefill`). */
export const SUGGESTED_FIELDS = PREFILLED_FIELDS;

/** The catalog's suggestion for one field of an option, or null when it is the person's own input. */
export function suggestField(o: SupplyOption, field: string, ctx: SuggestContext): Suggestion | null {
  switch (field) {
    case 'busyPowerFraction':
      // Epoch AI (Cottier et al. 2024): average power ≈ 0.75 × TDP for GPUs.
      return fromConstant('epoch-power-to-tdp');
    case 'embodiedLifeYears':
      // BLOOM (Luccioni et al. 2023) / Boavizta e-footprint: 6-year replacement period.
      return fromConstant('bloom-lifetime-years');
    case 'offsiteWaterLPerKWh': {
      // The country's off-site water per kWh (grid-2026, EcoLogits/WRI or derived); else Li et al.
      // (2025): US average water consumed per kWh generated.
      const iso3 = gridCountryOf(o);
      const w = iso3 ? country(iso3)?.offsiteWaterLPerKWh : undefined;
      if (w && w.value !== null) {
        // footprint (issue 12): the reference has off-site water per country only; a grid zone takes its country's, said so.
        const place = `${country(iso3!)?.name ?? iso3}${w.derived ? ', derived' : ''}`;
        return { value: w.value, cited: w, derivation: o.gridZone ? `${place}, national figure (none per grid zone)` : place };
      }
      const row = catalog.electricityWater.find((r) => r.id === 'li-2025-us');
      return row && row.value !== null ? { value: row.value, cited: row, derivation: 'US average (no figure for this country)' } : null;
    }
    case 'providerUtilisationPct':
      // BLOOM: embodied impact allocated over 85 % average usage.
      return fromConstant('bloom-utilisation', 100);
    case 'pue':
      return suggestPue(o);
    case 'wueLPerKWh':
      return suggestWue(o);
  }
  if (o.kind === 'buy') {
    switch (field) {
      case 'unitPriceCcyPerGpu': {
        // The median of the freshest new per-GPU purchase prices, cited by the row it is.
        const set = purchaseOfferSet(o.acceleratorId, ctx);
        if (!set) return null;
        const pick = medianRow(set.spread);
        return { value: pick.value, cited: pick.row, derivation: offerDerivation(set, pick.row.item) };
      }
      case 'serverAndNetworkCcy': {
        const chipToServer = constant('epoch-chip-to-server');
        if (o.gpuCount <= o.gpusPerServer) {
          // One server: Epoch AI's chip-to-server factor only (server cost per chip = chip price × 1.64);
          // the server-to-cluster factor (1.23) is the cluster network of a large cluster.
          return {
            value: o.unitPriceCcyPerGpu * o.gpuCount * (chipToServer.value - 1),
            cited: chipToServer,
            derivation: `one server: GPU price × ${o.gpuCount} × (${chipToServer.value} − 1)`,
          };
        }
        // Epoch AI: cluster cost = chip price × 1.64 (chip→server) × 1.23 (server→cluster).
        const f = chipToServer.value * constant('epoch-server-to-cluster').value;
        return {
          value: o.unitPriceCcyPerGpu * o.gpuCount * (f - 1),
          cited: chipToServer,
          derivation: `several servers: GPU price × ${o.gpuCount} × (1.64 × 1.23 − 1)`,
        };
      }
      case 'maintenanceCcyPerYear':
        return suggestSupport(o, ctx);
      case 'colocationCcyPerKWMonth': {
        const row = catalog.colocationPrices.find((r) => r.value !== null && r.market.startsWith('global'));
        if (!row) return null;
        const v = convertMoney(row.value as number, 'USD', ctx.settings);
        return v === null ? null : { value: v, cited: row, derivation: row.market };
      }
      case 'idlePowerWPerGpu':
        return fromConstant('efootprint-idle-w-per-gpu');
      case 'electricityCcyPerKWh':
        return suggestElectricity(o.gridCountry, ctx);
      case 'depreciationYears':
        // Boavizta API default server life: 35,040 h = 4 years.
        return fromConstant('boavizta-server-life-hours', 1 / 8760, '35,040 h ÷ 8,760 h');
      case 'resalePctOfGpuPrice': {
        // Epoch AI: GPU value falls 0.14 orders of magnitude a year: value = 10^(−0.14 t).
        const years = ctx.settings.horizonMonths / 12;
        const r = constant('epoch-depreciation-oom-per-year');
        return { value: 100 * 10 ** (-r.value * years), cited: r, derivation: `10^(−0.14 × ${round(years, 2)} years)` };
      }
    }
    return null;
  }
  if (field === 'priceCcyPerGpuHour') return o.kind === 'cloud' ? suggestCloudPrice(o, ctx) : suggestMarketPrice(o, ctx);
  if (o.kind === 'decentralised' && field === 'platformFeePct') {
    const fee = findMarket(o.market)?.feePct;
    return fee && fee.value !== null ? { value: fee.value, cited: fee } : null;
  }
  return null;
}

/**
 * Yearly support of a purchase: NVIDIA AI Enterprise (with Business Standard support) per GPU per
 * year, except for the accelerators it is bundled with for 5 years (H100 PCIe/NVL, H200 NVL).
 */
function suggestSupport(o: Extract<SupplyOption, { kind: 'buy' }>, ctx: SuggestContext): Suggestion | null {
  const row = activeCatalog().hardwareFigures.find((h) => h.section === 'support' && /^NVIDIA AI Enterprise/.test(h.item) && h.value !== null);
  // A catalog NVIDIA part only: an own accelerator's vendor is the person's text, not NVIDIA's subscription.
  if (!row || accelerator(o.acceleratorId)?.vendor !== 'NVIDIA') return null;
  if (o.acceleratorId === 'nvidia-h100-pcie') return { value: 0, cited: row, derivation: 'bundled for 5 years with H100 PCIe/NVL' };
  const v = convertMoney((row.value as number) * o.gpuCount, 'USD', ctx.settings);
  return v === null ? null : { value: v, cited: row, derivation: `${row.value} USD per GPU per year × ${o.gpuCount} (software and support subscription)` };
}

function suggestPue(o: SupplyOption): Suggestion | null {
  if (o.kind === 'cloud') {
    const p = findCloudProvider(o.provider)?.pue;
    if (p && p.value !== null) return { value: p.value, cited: p, derivation: 'provider fleet average' };
    return fromConstant('pue-cloud-average', 1, 'public-cloud average (IDC)');
  }
  // Unknown facility: Uptime Institute 2024 survey average, the Green Algorithms default.
  return fromConstant('pue-unknown');
}

function suggestWue(o: SupplyOption): Suggestion | null {
  if (o.kind === 'cloud') {
    const w = findCloudProvider(o.provider)?.wueLPerKWh;
    if (w && w.value !== null) return { value: w.value, cited: w, derivation: 'provider fleet average' };
  }
  const avg = catalog.wue.find((r) => r.operator.startsWith('average US data center'));
  return avg && avg.value !== null ? { value: avg.value, cited: avg, derivation: 'average US data centre (LBNL)' } : null;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Rounds a suggested value for a field: 6 significant digits, at most 6 decimals (catalog figures are shorter). */
export function roundSuggestion(x: number): number {
  if (x === 0) return 0;
  const digits = Math.max(0, Math.min(6, 5 - Math.floor(Math.log10(Math.abs(x)))));
  return round(x, digits);
}

export type { Currency };

// ---------------------------------------------------------------- ranges

export interface RangeSuggestion {
  low: number;
  high: number;
  cited: Cited;
  /** What the range is, in English ("marketplace range", "lowest and highest of 3 published figures"). */
  derivation: string;
  /** The rows behind a spread of offers. */
  rows?: Cited[];
}

/** Fewest offers from which their spread is offered as a range. */
export const MIN_SPREAD_OFFERS = 3;

/** The country whose grid powers an option, when known. */
function gridCountryOf(o: SupplyOption): string | null {
  return o.kind === 'buy' ? o.gridCountry : o.kind === 'cloud' ? o.regionCountry : o.hostCountry;
}

/**
 * A range the catalog itself gives for a field: a published price range for the option's market
 * or provider and accelerator, or the spread of the published grid intensities of its country.
 * Null when the catalog has none (the range is then the person's judgement alone).
 */
export function suggestRange(o: SupplyOption, field: string, ctx: SuggestContext): RangeSuggestion | null {
  if (field === 'priceCcyPerGpuHour' && o.kind !== 'buy') {
    // The spread of the market around the option: every provider's (or market's) offers for its
    // accelerator (and pricing model), nearest to it, as P5–P95 when there are at least 3.
    // A provider or market the catalog does not know gets no catalog range (as it gets no price).
    if (o.kind === 'cloud' ? !findCloudProvider(o.provider) : !findMarket(o.market)) return null;
    const set: OfferSet<CloudPrice | DecentralisedPrice> | null = o.kind === 'cloud'
      ? cloudOfferSet({ acceleratorId: o.acceleratorId, pricingModel: o.pricingModel, provider: null, regionCountry: o.regionCountry }, ctx, MIN_SPREAD_OFFERS)
      : marketOfferSet({ acceleratorId: o.acceleratorId, market: null, hostCountry: o.hostCountry }, ctx, MIN_SPREAD_OFFERS);
    if (set && set.spread.count >= MIN_SPREAD_OFFERS && set.spread.p95 > set.spread.p5) {
      const where = set.proximity === 'world' ? 'all places' : set.place;
      return {
        low: roundSuggestion(set.spread.p5),
        high: roundSuggestion(set.spread.p95),
        cited: medianRow(set.spread).row,
        derivation: `P5–P95 of ${set.spread.count} ${set.freshness} offers (${where}); the source shown is the median offer's`,
        rows: set.spread.rows.map((x) => x.row),
      };
    }
    let row: (CloudPrice | DecentralisedPrice) | undefined;
    if (o.kind === 'decentralised') {
      const market = findMarket(o.market);
      row = market && catalog.decentralisedPrices.find((p) => p.marketId === market.id && p.acceleratorId === o.acceleratorId && p.range);
    } else {
      const provider = findCloudProvider(o.provider);
      row = provider && catalog.cloudPrices.find((p) => p.providerId === provider.id && p.acceleratorId === o.acceleratorId && p.pricingModel === o.pricingModel && p.range);
    }
    if (!row?.range) return null;
    const low = convertMoney(row.range[0], row.currency, ctx.settings);
    const high = convertMoney(row.range[1], row.currency, ctx.settings);
    return low === null || high === null ? null : { low, high, cited: row, derivation: row.pricingModel };
  }
  if (field === 'gridGCO2ePerKWh') {
    const iso3 = gridCountryOf(o);
    const c = iso3 ? country(iso3) : undefined;
    const values = (c?.gridValues ?? []).filter((v) => v.value !== null);
    if (!c || values.length < 2 || !c.gridGCO2ePerKWh) return null;
    const numbers = values.map((v) => v.value as number);
    return {
      low: Math.min(...numbers),
      high: Math.max(...numbers),
      cited: c.gridGCO2ePerKWh,
      derivation: `lowest and highest of ${values.length} published figures for ${c.name}`,
    };
  }
  return null;
}
