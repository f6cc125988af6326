// Cost shares of an AI data centre's total capex (Bernstein, via hardware-prices-2026.json
// serverAndClusterCostShares) turned into a second, sourced estimate for a purchase: its servers
// and networking (networking + CPUs + storage, over the GPUs' share, × the GPU spend) and the size
// of a facility build (mechanical and electrical, over the GPUs' share). Shown beside the fields
// with the arithmetic, for the person to take or type over; never applied behind their back.
// The facility build is a one-off amount: the facility field is monthly, so it is context only.
// Environment-free.
import { activeCatalog } from '../catalog/active.ts';
import type { Cited, Confidence, HardwareFigure } from '../catalog/types.ts';
import type { BuyOption } from './schema.ts';

/** Row ids of the shares used (scripts/build-catalog.ts slugs of the reference's items). */
export const SHARE_IDS = {
  gpu: 'costshare-gpu-share-of-ai-data-centre-capex-gb200-nvl72-build',
  networking: 'costshare-networking-switches-cabling-dpus-nics-connectors',
  cpus: 'costshare-cpus',
  storage: 'costshare-storage',
  mechanicalElectrical: 'costshare-mechanical-and-electrical-generators-turbines-6-transformers-etc',
} as const;

export interface SharePart {
  id: keyof typeof SHARE_IDS;
  /** Percent of total capex, or [low, high] when the source gives a range. */
  pct: number | [number, number];
  row: HardwareFigure;
}

export interface ShareEstimate {
  /** Multiple of the GPU spend (central: a range's midpoint). */
  ratio: number;
  valueCcy: number;
  lowCcy: number;
  highCcy: number;
  parts: SharePart[];
  /** The shares' sources together, their weakest confidence, derived here. */
  cited: Cited;
}

export interface CostShareEstimates {
  /** GPU count × price per GPU, in the scenario's currency (the person's figures). */
  gpuSpendCcy: number;
  /** The GPUs' share of total capex, percent. */
  gpuSharePct: number;
  serverAndNetwork: ShareEstimate;
  facilityBuild: ShareEstimate;
}

const RANK: Record<Confidence, number> = { primary: 0, high: 0, secondary: 1, medium: 1, single: 2, low: 2 };

const pctOf = (r: HardwareFigure): number | [number, number] | null =>
  r.value !== null ? round(r.value * 100) : r.range ? [round(r.range[0] * 100), round(r.range[1] * 100)] : null;

function round(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

function estimate(parts: SharePart[], gpu: HardwareFigure, gpuSpendCcy: number): ShareEstimate {
  const lo = (p: SharePart) => (Array.isArray(p.pct) ? p.pct[0] : p.pct);
  const hi = (p: SharePart) => (Array.isArray(p.pct) ? p.pct[1] : p.pct);
  const gpuPct = (gpu.value as number) * 100;
  // Bernstein (AI Value Chain, 2025): each part's share of total capex ÷ the GPUs' share = its cost per unit of GPU spend.
  const sum = (f: (p: SharePart) => number) => parts.reduce((s, p) => s + f(p), 0);
  const low = sum(lo) / gpuPct;
  const high = sum(hi) / gpuPct;
  const ratio = (low + high) / 2;
  const rows = [gpu, ...parts.map((p) => p.row)];
  const weakest = rows.map((r) => r.confidence).reduce((a, b) => (RANK[b] > RANK[a] ? b : a));
  const asOf = rows.map((r) => r.asOf).filter((a): a is string => a !== null).sort()[0] ?? null;
  return {
    ratio,
    valueCcy: gpuSpendCcy * ratio,
    lowCcy: gpuSpendCcy * low,
    highCcy: gpuSpendCcy * high,
    parts,
    cited: { sources: [...new Set(rows.flatMap((r) => r.sources))], date: gpu.date, asOf, confidence: weakest, derived: true },
  };
}

/**
 * The cost-share estimates for a purchase, from its GPU count and price per GPU (as typed, in the
 * scenario's currency: shares are currency-free). Null when the price is missing or the catalog
 * has no shares (a team catalog cannot remove them, but the check costs nothing).
 */
export function costShareEstimates(o: Pick<BuyOption, 'gpuCount' | 'unitPriceCcyPerGpu'>): CostShareEstimates | null {
  const gpuSpendCcy = o.gpuCount * o.unitPriceCcyPerGpu;
  if (!Number.isFinite(gpuSpendCcy) || gpuSpendCcy <= 0) return null;
  const rows = activeCatalog().hardwareFigures;
  const row = (id: keyof typeof SHARE_IDS) => rows.find((r) => r.id === SHARE_IDS[id]);
  const gpu = row('gpu');
  if (!gpu || gpu.value === null || gpu.value <= 0) return null;
  const part = (id: keyof typeof SHARE_IDS): SharePart | null => {
    const r = row(id);
    const pct = r ? pctOf(r) : null;
    return r && pct !== null ? { id, pct, row: r } : null;
  };
  const it = (['networking', 'cpus', 'storage'] as const).map(part);
  const me = part('mechanicalElectrical');
  if (it.some((p) => p === null) || !me) return null;
  return {
    gpuSpendCcy,
    gpuSharePct: round(gpu.value * 100),
    serverAndNetwork: estimate(it as SharePart[], gpu, gpuSpendCcy),
    facilityBuild: estimate([me], gpu, gpuSpendCcy),
  };
}
