// Supplier dependency: concentration per supply-chain tier, export-control exposure, critical
// minerals. Pure. Methods: docs/methodology.md §7–9.
import { accelerator, catalog, constant, type ShareTable } from '../../src/catalog/index.ts';
import type { Scenario, SupplyOption } from '../../src/scenario/schema.ts';
import type {
  ConcentrationBand,
  DependencyResult,
  DependencyTier,
  ExportExposure,
  MineralExposure,
  Sentence,
  TierConcentration,
} from './types.ts';

export const TIERS: readonly DependencyTier[] = ['acceleratorVendor', 'foundry', 'hbm', 'provider', 'computeCountry', 'fabCountry'];

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

/** Who supplies one option, tier by tier, as fractions summing to 1. */
export function optionSuppliers(o: SupplyOption): Record<DependencyTier, Shares> {
  const acc = accelerator(o.acceleratorId);
  const hbmTable = table('hbm-2023e');
  let hbm: Shares = new Map([[UNKNOWN, 1]]);
  const hbmNames = acc?.hbmSuppliers?.value ?? [];
  if (hbmNames.length > 0) {
    // HBM suppliers weighted by their market shares (TrendForce 2023E), renormalised over those listed.
    const weights = hbmNames.map((n) => hbmTable?.shares.find((s) => s.name === n)?.pct ?? 0);
    const total = weights.reduce((a, b) => a + b, 0);
    hbm = total > 0 ? new Map(hbmNames.map((n, i) => [n, weights[i]! / total])) : even(hbmNames);
  }
  const place = o.kind === 'buy' ? o.gridCountry : o.kind === 'cloud' ? o.regionCountry : o.hostCountry;
  const provider = o.kind === 'buy' ? 'owned' : o.kind === 'cloud' ? o.provider.trim() : o.market.trim();
  return {
    acceleratorVendor: new Map([[acc?.vendor ?? UNKNOWN, 1]]),
    // Several foundries or fab countries listed for one chip: split evenly (the data gives no split).
    foundry: acc?.foundry?.value.length ? even(acc.foundry.value) : new Map([[UNKNOWN, 1]]),
    hbm,
    provider: new Map([[provider, 1]]),
    computeCountry: new Map([[place ?? UNKNOWN, 1]]),
    fabCountry: acc?.fabCountries?.value.length ? even(acc.fabCountries.value) : new Map([[UNKNOWN, 1]]),
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
export function optionConcentration(o: SupplyOption): TierConcentration[] {
  const s = optionSuppliers(o);
  return TIERS.map((t) => concentration(t, s[t], 'option'));
}

/** Spend-weighted concentration of a portfolio of options (weights sum to 1). */
export function portfolioConcentration(options: readonly SupplyOption[], weights: readonly number[]): TierConcentration[] {
  const suppliers = options.map(optionSuppliers);
  return TIERS.map((tier) => {
    const mix: Shares = new Map();
    suppliers.forEach((s, i) => {
      for (const [name, f] of s[tier]) mix.set(name, (mix.get(name) ?? 0) + f * weights[i]!);
    });
    return concentration(tier, mix, 'portfolio');
  });
}

// ---------------------------------------------------------------- export controls

/** AI Diffusion tier of a country: 1 (US and 18 partners), 3 (named arms-embargoed), else 2. */
export function plannerTier(iso3: string): 1 | 2 | 3 {
  const ec = catalog.exportControls;
  if (ec.tier1.includes(iso3)) return 1;
  if (ec.tier3Named.includes(iso3)) return 3;
  return 2;
}

/** Total processing performance: TPP = 2 × MacTOPS × bit length = max(BF16 TFLOPS × 16, FP8 TFLOPS × 8) (ECCN 3A090, Oct 2023). */
export function tpp(acceleratorId: string): number | null {
  const acc = accelerator(acceleratorId);
  const bf16 = acc?.bf16DenseTflops?.value;
  const fp8 = acc?.fp8DenseTflops?.value;
  // BIS 88 FR 73458: TPP = 2 × MacTOPS × bit length of the operation, the highest over precisions.
  const candidates = [bf16 != null ? bf16 * 16 : null, fp8 != null ? fp8 * 8 : null].filter((x): x is number => x !== null);
  return candidates.length ? Math.max(...candidates) : null;
}

/** Whether an accelerator meets ECCN 3A090.a: TPP ≥ 4,800, or TPP ≥ 1,600 with performance density ≥ 5.92. */
export function isControlled(acceleratorId: string): boolean | null {
  const t = tpp(acceleratorId);
  if (t === null) return null;
  const ec = catalog.exportControls;
  if (t >= ec.tppThreshold) return true;
  const area = accelerator(acceleratorId)?.dieAreaMm2?.value;
  if (t >= ec.tppThresholdWithDensity) {
    if (area == null) return null;
    // Performance density = TPP ÷ die area in mm² (88 FR 73458).
    return t / area >= ec.densityThreshold;
  }
  return false;
}

function exportExposure(o: SupplyOption, tier: 1 | 2 | 3, planner: string): ExportExposure {
  const acc = accelerator(o.acceleratorId);
  const t = tpp(o.acceleratorId);
  const controlled = isControlled(o.acceleratorId);
  const h100 = o.kind === 'buy' && t !== null ? (o.gpuCount * t) / catalog.exportControls.h100Tpp : null;
  let level: ExportExposure['level'];
  let key: string;
  if (acc?.vendor === 'Huawei' && planner === 'CHN') {
    // A domestic supply for a planner in China: US export licences do not govern it.
    level = 'low';
    key = 'export.huaweiDomestic';
  } else if (acc?.vendor === 'Huawei') {
    // BIS guidance of 13 May 2025: using Huawei Ascend chips anywhere risks violating General Prohibition 10.
    level = 'high';
    key = 'export.huawei';
  } else if (controlled === null) {
    level = 'unknown';
    key = 'export.unknown';
  } else if (!controlled) {
    level = 'low';
    key = 'export.notControlled';
  } else if (tier === 3) {
    level = 'high';
    key = o.kind === 'buy' ? 'export.tier3Buy' : 'export.tier3Rent';
  } else if (tier === 2) {
    level = 'medium';
    key = o.kind === 'buy' ? 'export.tier2Buy' : 'export.tier2Rent';
  } else {
    level = 'low';
    key = 'export.tier1';
  }
  const cap = catalog.exportControls.caps.find((c) => c.id === 'lpp-consignee');
  return {
    optionId: o.id,
    acceleratorId: o.acceleratorId,
    tpp: t,
    controlled,
    h100Equivalents: h100,
    level,
    sentence: {
      key,
      params: {
        option: o.name,
        accelerator: acc?.name ?? o.acceleratorId,
        tpp: t === null ? null : Math.round(t),
        h100: h100 === null ? null : Math.round(h100 * 10) / 10,
        lppCap: cap?.h100Equivalents ?? null,
      },
    },
  };
}

// ---------------------------------------------------------------- critical minerals

function mineralExposure(id: string, planner: string): MineralExposure | null {
  const m = catalog.criticalMinerals.find((x) => x.id === id);
  if (!m) return null;
  const top = [...m.producers].sort((a, b) => b.pct - a.pct)[0];
  // HHI of producer-country shares (USGS MCS 2025), bounded: only the largest producers are listed.
  const bounds = m.producers.length ? hhiBounds(m.producers.map((p) => p.pct)) : null;
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
    controlsAgainstPlanner: controls,
    sentence: {
      key: h === null ? 'mineral.noShares' : controls.length ? 'mineral.controlled' : 'mineral.concentrated',
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
  const tier = plannerTier(s.settings.plannerCountry);
  const exposures = s.options.map((o) => exportExposure(o, tier, s.settings.plannerCountry));
  const worst = exposures.reduce<ExportExposure['level']>(
    (w, e) => (rank(e.level) > rank(w) ? e.level : w),
    'low',
  );
  return {
    perOption: s.options.map((o) => ({ optionId: o.id, tiers: optionConcentration(o) })),
    portfolio: portfolioConcentration(s.options, mixWeights),
    plannerTier: tier,
    exportControls: exposures,
    exportSentence: { key: `export.summary.tier${tier}`, params: { country: s.settings.plannerCountry, level: worst } },
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

function rank(l: ExportExposure['level']): number {
  return l === 'high' ? 3 : l === 'medium' ? 2 : l === 'unknown' ? 1 : 0;
}
