// Supplier dependency: concentration per supply-chain tier, export-control exposure, critical
// minerals. Pure. Methods: docs/methodology.md §7–9.
import { catalog, constant, type ShareTable } from '../../src/catalog/index.ts';
import { acceleratorFacts, acceleratorName, type AcceleratorScope } from '../../src/catalog/accelerators.ts';
import { acceleratorTpp, importDutyForPurchase, jurisdictionByName, rules } from '../../src/catalog/rules.ts';
import type { Scenario, SupplyOption } from '../../src/scenario/schema.ts';
import { computeCountry, meets3A090a, optionExportMonths, rank, ruleTimeline, type OptionExportMonths } from './export-exposure.ts';
import type {
  ConcentrationBand,
  DependencyResult,
  DependencyTier,
  ExportExposure,
  JurisdictionExposure,
  MineralExposure,
  Sentence,
  TierConcentration,
} from './types.ts';

// footprint (issue 12): the vendor's country last — the catalog has none (only an own accelerator gives it), so it reads "unknown" there.
export const TIERS: readonly DependencyTier[] = ['acceleratorVendor', 'foundry', 'hbm', 'provider', 'providerJurisdiction', 'computeCountry', 'fabCountry', 'vendorCountry'];

export const UNKNOWN = 'unknown';

type Shares = Map<string, number>;

/** Herfindahl–Hirschman index: HHI = Σ sᵢ², shares in percent, 0–10,000 (DOJ/FTC). */
export function hhi(sharesPct: Iterable<number>): number {
  let h = 0;
  for (const s of sharesPct) h += s * s;
  return h;
}

/**
 * Bounds of the HHI of a table that lists only the largest shares (summing to S < 100 %): at least
 * Σ s², at most Σ s² + (100 − S) × the smallest listed share (the rest in pieces no larger).
 */
export function hhiBounds(sharesPct: readonly number[]): { lower: number; upper: number; complete: boolean } {
  const lower = hhi(sharesPct);
  const sum = sharesPct.reduce((a, b) => a + b, 0);
  const rest = Math.max(0, 100 - sum);
  const smallest = sharesPct.length ? Math.min(...sharesPct) : 100;
  return { lower, upper: lower + rest * Math.min(smallest, rest), complete: rest < 0.5 };
}

/** Bands of the 2023 Merger Guidelines (> 1,800 highly concentrated) and the DOJ's 1,000 lower band. */
export function band(h: number): ConcentrationBand {
  // DOJ/FTC 2023 Merger Guidelines: HHI > 1,800 highly concentrated; 1,000–1,800 moderately.
  if (h > constant('hhi-highly-concentrated').value) return 'high';
  if (h >= constant('hhi-moderately-concentrated').value) return 'moderate';
  return 'unconcentrated';
}

const TIER_TABLE: Partial<Record<DependencyTier, string>> = {
  acceleratorVendor: 'dc-gpu-2023',
  foundry: 'foundry-4q24',
  hbm: 'hbm-2023e',
  provider: 'cloud-iaas-2023',
};

function table(id: string): ShareTable | undefined {
  return catalog.supplyChain.find((t) => t.id === id);
}

function even(names: readonly string[]): Shares {
  const m: Shares = new Map();
  for (const n of names) m.set(n, (m.get(n) ?? 0) + 1 / names.length);
  return m;
}

/**
 * Country whose law governs the provider: its headquarters (provider-jurisdictions.json, sourced),
 * the planner's own for owned hardware, or null when the provider or its headquarters is unknown.
 */
export function providerHeadquarters(o: SupplyOption, planner: string): string | null {
  if (o.kind === 'buy') return planner;
  const j = o.kind === 'cloud' ? jurisdictionByName('cloud', o.provider, catalog.cloudProviders) : jurisdictionByName('market', o.market, catalog.decentralisedMarkets);
  return j?.headquarters ?? null;
}

/** Who supplies one option, tier by tier, as fractions summing to 1. */
export function optionSuppliers(o: SupplyOption, planner: string, scope?: AcceleratorScope): Record<DependencyTier, Shares> {
  // An own accelerator gives its vendor, foundry and the foundry's country; what it leaves empty is unknown.
  const acc = acceleratorFacts(o.acceleratorId, scope);
  const hbmTable = table('hbm-2023e');
  let hbm: Shares = new Map([[UNKNOWN, 1]]);
  const hbmNames = acc?.hbmSuppliers ?? [];
  if (hbmNames.length > 0) {
    // HBM suppliers weighted by their market shares (TrendForce 2023E), renormalised over those listed.
    const weights = hbmNames.map((n) => hbmTable?.shares.find((s) => s.name === n)?.pct ?? 0);
    const total = weights.reduce((a, b) => a + b, 0);
    hbm = total > 0 ? new Map(hbmNames.map((n, i) => [n, weights[i]! / total])) : even(hbmNames);
  }
  const place = computeCountry(o);
  const provider = o.kind === 'buy' ? 'owned' : o.kind === 'cloud' ? o.provider.trim() : o.market.trim();
  return {
    acceleratorVendor: new Map([[acc?.vendor ?? UNKNOWN, 1]]),
    // Several foundries or fab countries listed for one chip: split evenly (the data gives no split).
    foundry: acc?.foundries.length ? even(acc.foundries) : new Map([[UNKNOWN, 1]]),
    hbm,
    provider: new Map([[provider, 1]]),
    providerJurisdiction: new Map([[providerHeadquarters(o, planner) ?? UNKNOWN, 1]]),
    computeCountry: new Map([[place ?? UNKNOWN, 1]]),
    fabCountry: acc?.fabCountries.length ? even(acc.fabCountries) : new Map([[UNKNOWN, 1]]),
    // The vendor's headquarters country: an own accelerator's, as the person gave it; the reference data has none for catalog parts.
    vendorCountry: new Map([[acc?.vendorCountry ?? UNKNOWN, 1]]),
  };
}

function concentration(tier: DependencyTier, shares: Shares, scope: 'option' | 'portfolio'): TierConcentration {
  const list = [...shares.entries()]
    .filter(([, f]) => f > 0)
    .map(([name, f]) => ({ name, pct: f * 100 }))
    .sort((a, b) => b.pct - a.pct || a.name.localeCompare(b.name));
  const h = hhi(list.map((s) => s.pct));
  const t = TIER_TABLE[tier] ? table(TIER_TABLE[tier]!) : undefined;
  const bounds = t ? hhiBounds(t.shares.map((s) => s.pct)) : null;
  const marketHhi = t && bounds ? { value: bounds.lower, lowerBound: !bounds.complete, upperBound: bounds.upper, tableId: t.id } : null;
  const top = list[0];
  const sentence: Sentence = {
    key: `dep.sentence.${scope}`,
    params: { tier, hhi: Math.round(h), band: band(h), top: top?.name ?? UNKNOWN, topPct: top ? top.pct : 0, suppliers: list.length },
  };
  return { tier, hhi: h, band: band(h), shares: list, marketHhi, sentence };
}

/** Concentration of one option's suppliers, tier by tier. */
export function optionConcentration(o: SupplyOption, planner: string, scope?: AcceleratorScope): TierConcentration[] {
  const s = optionSuppliers(o, planner, scope);
  return TIERS.map((t) => concentration(t, s[t], 'option'));
}

/** Spend-weighted concentration of a portfolio of options (weights sum to 1). */
export function portfolioConcentration(options: readonly SupplyOption[], weights: readonly number[], planner: string, scope?: AcceleratorScope): TierConcentration[] {
  const suppliers = options.map((o) => optionSuppliers(o, planner, scope));
  return TIERS.map((tier) => {
    const mix: Shares = new Map();
    suppliers.forEach((s, i) => {
      for (const [name, f] of s[tier]) mix.set(name, (mix.get(name) ?? 0) + f * weights[i]!);
    });
    return concentration(tier, mix, 'portfolio');
  });
}

// ---------------------------------------------------------------- export controls

/**
 * Tier of a country under the AI Diffusion rule: 1 (US and 18 partners), 3 (D:5 and Macau, as
 * named), else 2. History only: the rule was rescinded on 2025-05-13 and grades nothing.
 */
export function plannerTier(iso3: string): 1 | 2 | 3 {
  const aid = rules.events.find((e) => e.id === 'us-bis-2025-01-15-ai-diffusion');
  const tier1 = (aid?.appliesTo.tier1ISO3 as string[] | undefined) ?? [];
  if (tier1.includes(iso3)) return 1;
  const named = rules.events.find((e) => e.id === 'us-bis-2023-10-17-advanced-computing')?.destinations;
  if (Array.isArray(named) && named.includes(iso3)) return 3;
  return 2;
}

/** Total processing performance: TPP = 2 × MacTOPS × bit length = max(BF16 TFLOPS × 16, FP8 TFLOPS × 8) (ECCN 3A090, Oct 2023). */
export function tpp(acceleratorId: string, scope?: AcceleratorScope): number | null {
  return acceleratorTpp(acceleratorId, scope);
}

/** Whether an accelerator meets ECCN 3A090.a: TPP ≥ 4,800, or TPP ≥ 1,600 with performance density ≥ 5.92. */
export function isControlled(acceleratorId: string, scope?: AcceleratorScope): boolean | null {
  return meets3A090a(acceleratorId, scope);
}

function exportExposure(o: SupplyOption, s: Scenario, months: OptionExportMonths): ExportExposure {
  const t = months.tpp;
  const h100Tpp = acceleratorTpp('nvidia-h100-sxm');
  // H100-equivalents = count × TPP ÷ TPP of one H100 (the unit of the BIS caps).
  const h100 = o.kind === 'buy' && t !== null && h100Tpp ? (o.gpuCount * t) / h100Tpp : null;
  const first = months.segments[0]!;
  const sentence: Sentence =
    months.segments.length === 1
      ? first.sentence
      : {
          key: 'export.changesOverHorizon',
          params: { option: o.name, accelerator: acceleratorName(o.acceleratorId, s), segments: months.segments.length, level: months.level },
        };
  return {
    optionId: o.id,
    acceleratorId: o.acceleratorId,
    tpp: t,
    controlled: months.controlled,
    h100Equivalents: h100,
    level: months.level,
    sentence,
    memoryBandwidthGBps: months.memoryBandwidthGBps,
    months: months.months,
    segments: months.segments,
    duty: o.kind === 'buy' ? importDutyForPurchase(o, s.settings, s) : null,
  };
}

// ---------------------------------------------------------------- whose law reaches the compute

function jurisdictionExposure(o: SupplyOption, planner: string): JurisdictionExposure {
  const j =
    o.kind === 'cloud'
      ? jurisdictionByName('cloud', o.provider, catalog.cloudProviders)
      : o.kind === 'decentralised'
        ? jurisdictionByName('market', o.market, catalog.decentralisedMarkets)
        : undefined;
  const hq = providerHeadquarters(o, planner);
  const place = computeCountry(o);
  const differs = hq === null || place === null ? null : hq !== place;
  const provider = o.kind === 'buy' ? null : o.kind === 'cloud' ? o.provider : o.market;
  let key: string;
  if (o.kind === 'buy') key = differs ? 'juris.ownedAbroad' : 'juris.owned';
  else if (hq === null) key = 'juris.unknown';
  else if (place === null) key = 'juris.placeUnknown';
  else if (!differs) key = 'juris.same';
  // The US CLOUD Act (18 U.S.C. § 2713) lets US authorities compel a US provider to disclose data it controls wherever it is stored.
  else key = hq === 'USA' ? 'juris.differsUS' : 'juris.differs';
  return {
    optionId: o.id,
    providerId: o.kind === 'buy' ? 'owned' : (j?.id ?? null),
    headquarters: hq,
    computeCountry: place,
    differs,
    qualifications: j?.qualifications ?? [],
    sources: j?.sources ?? [],
    sourceList: [...(j?.sources ?? []), ...(j?.qualifications ?? []).flatMap((q) => q.sources)]
      .filter((k, i, all) => all.indexOf(k) === i)
      .map((k) => rules.sources[k])
      .filter((x): x is NonNullable<typeof x> => x !== undefined),
    sentence: { key, params: { option: o.name, provider, hq, country: place, planner, qualifications: (j?.qualifications ?? []).map((q) => q.name).join(', ') } },
  };
}

// ---------------------------------------------------------------- critical minerals

function mineralExposure(id: string, planner: string): MineralExposure | null {
  const m = catalog.criticalMinerals.find((x) => x.id === id);
  if (!m) return null;
  const top = [...m.producers].sort((a, b) => b.pct - a.pct)[0];
  // HHI of producer-country shares (USGS MCS 2025): exact when the source lists every producing
  // country, else bounded (only the largest producers are listed).
  const shares = m.producers.map((p) => p.pct);
  const bounds = !m.producers.length ? null : m.producersComplete ? { lower: hhi(shares), upper: hhi(shares) } : hhiBounds(shares);
  const exact = bounds !== null && m.producersComplete;
  const h = bounds?.lower ?? null;
  const certain = bounds && band(bounds.lower) === band(bounds.upper) ? band(bounds.lower) : null;
  // A country's export restrictions do not apply to a planner inside it.
  const controls = m.exportControls
    .filter((c) => c.by !== planner && (c.against === 'all' || c.against.includes(planner)))
    .map(({ by, what, date }) => ({ by, what, date }));
  return {
    mineralId: m.id,
    topProducer: top?.iso3 ?? null,
    topPct: top?.pct ?? null,
    hhiLowerBound: h,
    hhiUpperBound: bounds?.upper ?? null,
    band: certain,
    // minerals without truncation (issue 12)
    hhiExact: exact,
    controlsAgainstPlanner: controls,
    sentence: {
      key: h === null ? 'mineral.noShares' : `mineral.${controls.length ? 'controlled' : 'concentrated'}${exact ? 'Exact' : ''}`,
      params: {
        mineral: m.id,
        top: top?.iso3 ?? null,
        topPct: top?.pct ?? null,
        hhi: h === null ? null : Math.round(h),
        hhiMax: bounds ? Math.round(bounds.upper) : null,
        controls: controls.length,
      },
    },
  };
}

/** Every dependency indicator; `mixWeights` are the options' shares of the mix's spend. */
export function dependency(s: Scenario, mixWeights: readonly number[], token: { spendCcy: number; totalCcy: number }): DependencyResult {
  const planner = s.settings.plannerCountry;
  const tier = plannerTier(planner);
  const monthly = s.options.map((o) => optionExportMonths(o, s));
  const exposures = s.options.map((o, i) => exportExposure(o, s, monthly[i]!));
  const worst = exposures.reduce<ExportExposure['level']>(
    (w, e) => (rank(e.level) > rank(w) ? e.level : w),
    'low',
  );
  const timeline = ruleTimeline(s, monthly);
  return {
    perOption: s.options.map((o) => ({ optionId: o.id, tiers: optionConcentration(o, planner, s) })),
    portfolio: portfolioConcentration(s.options, mixWeights, planner, s),
    plannerTier: tier,
    exportControls: exposures,
    exportSentence: {
      key: 'export.summary.events',
      params: { country: planner, level: worst, changes: timeline.changes.length, statusAsOf: timeline.statusAsOf, dataThrough: timeline.dataThrough },
    },
    ruleTimeline: timeline,
    jurisdiction: s.options.map((o) => jurisdictionExposure(o, planner)),
    minerals: catalog.criticalMinerals
      .map((m) => mineralExposure(m.id, s.settings.plannerCountry))
      .filter((x): x is MineralExposure => x !== null),
    token: tokenExposure(token.spendCcy, token.totalCcy),
  };
}

function tokenExposure(spendCcy: number, totalCcy: number): DependencyResult['token'] {
  // Share of the mix's spend paid in the networks' own tokens, whose price can swing.
  const pct = totalCcy > 0 ? (100 * spendCcy) / totalCcy : 0;
  return { spendCcy, pctOfSpend: pct, sentence: { key: pct > 0 ? 'dep.token' : 'dep.noToken', params: { pct } } };
}
