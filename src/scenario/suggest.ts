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
import type { Currency, Settings, SupplyOption, Workload } from './schema.ts';

export interface Suggestion {
  value: number;
  /** Provenance of the figure (or of the constant it is derived from). */
  cited: Cited;
  /** How the value was derived from the cited figure, in English, when it is not taken as is. */
  derivation?: string;
}

export interface SuggestContext {
  settings: Pick<Settings, 'currency' | 'usdPerCurrencyUnit' | 'horizonMonths' | 'plannerCountry'>;
  workload?: Workload;
}

/** US dollars per unit of the scenario's currency: 1 for USD, the person's or the catalog's rate, else null. */
export function usdPerUnit(settings: Pick<Settings, 'currency' | 'usdPerCurrencyUnit'>): number | null {
  if (settings.currency === 'USD') return 1;
  if (settings.usdPerCurrencyUnit !== null) return settings.usdPerCurrencyUnit;
  return catalog.exchangeRates.find((r) => r.currency === settings.currency)?.usdPerUnit ?? null;
}

/** Converts an amount in `from` currency into the scenario's currency, or null when no rate is known. */
export function convertMoney(amount: number, from: string, settings: SuggestContext['settings']): number | null {
  if (from === settings.currency) return amount;
  if (from !== 'USD') return null;
  const rate = usdPerUnit(settings);
  return rate === null ? null : amount / rate;
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
const GPP_REGION: Record<string, string> = {
  ...Object.fromEntries(
    ['FRA', 'DEU', 'GBR', 'IRL', 'NLD', 'SWE', 'NOR', 'FIN', 'ESP', 'ITA', 'POL', 'ISL', 'CHE', 'DNK', 'BEL', 'AUT', 'PRT', 'CZE', 'BGR'].map(
      (c) => [c, 'Europe'],
    ),
  ),
  ...Object.fromEntries(['USA', 'CAN', 'MEX'].map((c) => [c, 'North America'])),
  ...Object.fromEntries(['BRA', 'CHL', 'PER'].map((c) => [c, 'South America'])),
  ...Object.fromEntries(['MAR', 'ZAF', 'COD', 'RWA', 'NGA'].map((c) => [c, 'Africa'])),
  ...Object.fromEntries(
    ['CHN', 'IND', 'JPN', 'KOR', 'TWN', 'SGP', 'MYS', 'IDN', 'HKG', 'ARE', 'SAU', 'ISR', 'TUR', 'VNM', 'MAC', 'TJK'].map((c) => [c, 'Asia']),
  ),
  AUS: 'Australia',
  NZL: 'Australia',
};

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
  return catalog.cloudPrices.filter(
    (p) =>
      p.acceleratorId === acceleratorId &&
      (!provider || p.providerId === provider.id) &&
      (!pricingModel || p.pricingModel === pricingModel) &&
      p.pricePerGpuHour !== null,
  );
}

function suggestCloudPrice(o: Extract<SupplyOption, { kind: 'cloud' }>, ctx: SuggestContext): Suggestion | null {
  const rows = cloudPricesFor(o.acceleratorId, o.provider, o.pricingModel);
  const row = rows.find((r) => r.region === o.region) ?? rows[0];
  if (!row) return null;
  const v = convertMoney(row.pricePerGpuHour as number, row.currency, ctx.settings);
  if (v === null) return null;
  const derivation = `${row.region}${row.instanceType ? `, ${row.instanceType}` : ''}${row.excludesHost ? '; GPU only, the VM host is billed separately' : ''}`;
  return { value: v, cited: row, derivation };
}

/** A market's priced offers for an accelerator, on-demand offers first (interruptible ones are cheaper but can stop). */
export function marketOffers(marketId: string, acceleratorId: string): DecentralisedPrice[] {
  const rows = catalog.decentralisedPrices.filter((p) => p.marketId === marketId && p.acceleratorId === acceleratorId && p.pricePerGpuHour !== null);
  const onDemand = (p: DecentralisedPrice) => (/on-demand/i.test(p.pricingModel) ? 0 : 1);
  return [...rows].sort((a, b) => onDemand(a) - onDemand(b));
}

function suggestMarketPrice(o: Extract<SupplyOption, { kind: 'decentralised' }>, ctx: SuggestContext): Suggestion | null {
  const market = findMarket(o.market);
  if (!market) return null;
  const rows = marketOffers(market.id, o.acceleratorId);
  const row = rows.find((r) => o.hostCountry !== null && r.hostCountry === o.hostCountry) ?? rows[0];
  if (!row) return null;
  const v = convertMoney(row.pricePerGpuHour as number, row.currency, ctx.settings);
  return v === null ? null : { value: v, cited: row, derivation: `single offer${row.location ? `, ${row.location}` : ''}` };
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
      // Li et al. (2025): US average water consumed per kWh generated (no country factors in the data).
      const row = catalog.electricityWater.find((r) => r.id === 'li-2025-us');
      return row && row.value !== null ? { value: row.value, cited: row, derivation: 'US average (no per-country figure)' } : null;
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
        const p = accelerator(o.acceleratorId)?.purchasePriceUsd;
        if (!p || p.typical === null) return null;
        const v = convertMoney(p.typical, 'USD', ctx.settings);
        return v === null ? null : { value: v, cited: p, derivation: 'typical street price' };
      }
      case 'serverAndNetworkCcy': {
        // Epoch AI: cluster cost = chip price × 1.64 (chip→server) × 1.23 (server→cluster).
        const f = constant('epoch-chip-to-server').value * constant('epoch-server-to-cluster').value;
        return {
          value: o.unitPriceCcyPerGpu * o.gpuCount * (f - 1),
          cited: constant('epoch-chip-to-server'),
          derivation: `GPU price × ${o.gpuCount} × (1.64 × 1.23 − 1)`,
        };
      }
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
}

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
