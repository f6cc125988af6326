// tokens (issue 15): an inference workload's daily load profile and the per-token figures, from the
// totals the kernel already produces. Pure. Methods: docs/methodology.md, "The price of a token".
// Capacity is sized for the peak (GPUs held = peak ÷ throughput of one GPU); energy follows the
// load (busy fraction = average ÷ peak); the cost of a token is the cost of the GPU time it takes.
import type { Workload } from '../../src/scenario/schema.ts';
import type { MixResult, OptionRun, OptionTotals, TokenFigures, TokensResult } from './types.ts';

const SECONDS_PER_HOUR = 3600;

/** GPUs held to serve the peak: peak tokens/s ÷ tokens/s of one reference GPU. */
export function peakGpus(peakTokensPerSecond: number, tokensPerSecondPerGpu: number): number {
  // Sized for the peak (issue 15 method, docs/methodology.md "The price of a token"): GPUs = peak ÷ per-GPU throughput, no queueing margin.
  return peakTokensPerSecond / tokensPerSecondPerGpu;
}

/** Share of the held GPU-hours that are busy: average ÷ peak (1 when the peak is the average, or no load). */
export function busyFraction(averageTokensPerSecond: number, peakTokensPerSecond: number): number {
  // Utilisation = mean load ÷ capacity (the definition of utilisation); capacity is the peak, so ρ = average ÷ peak.
  return peakTokensPerSecond > averageTokensPerSecond ? averageTokensPerSecond / peakTokensPerSecond : 1; // a peak at or below the average: busy all the time
}

/** Load outside the peak hours, tokens/s: what makes the day's average with H hours at the peak. */
export function offPeakTokensPerSecond(averageTokensPerSecond: number, peakTokensPerSecond: number, hoursAtPeakPerDay: number): number {
  // Two-level daily profile: 24·avg = H·peak + (24 − H)·off-peak.
  return hoursAtPeakPerDay >= 24 ? peakTokensPerSecond : (24 * averageTokensPerSecond - hoursAtPeakPerDay * peakTokensPerSecond) / (24 - hoursAtPeakPerDay);
}

/** Tokens one held reference GPU-hour delivers on average: throughput × 3,600 s × busy fraction. */
export function tokensPerRefGpuHour(tokensPerSecondPerGpu: number, busy: number): number {
  // Tokens = throughput (tokens/s) × seconds busy; a held hour is busy a `busy` share of its seconds.
  return tokensPerSecondPerGpu * SECONDS_PER_HOUR * busy;
}

/** Cost per million tokens: cost ÷ tokens × 10⁶ (null when no token is served). */
export function costPerMillionTokens(costCcy: number, tokens: number): number | null {
  // Unit cost = total cost ÷ units produced (average-cost pricing), per 10⁶ tokens.
  return tokens > 0 ? (costCcy / tokens) * 1e6 : null;
}

/** A quantity (kWh, kgCO2e) per thousand tokens (null when no token is served). */
export function perThousandTokens(total: number, tokens: number): number | null {
  // Intensity = total ÷ functional units (ISO 14040 functional unit: 1,000 tokens).
  return tokens > 0 ? (total / tokens) * 1e3 : null;
}

/**
 * The weights that split a token's blended cost into input and output: each kind of token costs the
 * GPU time it takes, 1 ÷ its throughput, so c_in = c · t_in ÷ (s·t_in + (1 − s)·t_out) and likewise
 * for output, with s the share of input tokens; s·c_in + (1 − s)·c_out = c.
 */
export function inputOutputWeights(inputTokensPerSecondPerGpu: number, outputTokensPerSecondPerGpu: number, inputSharePct: number): { input: number; output: number } {
  return {
    input: tokenKindWeight(inputTokensPerSecondPerGpu, inputTokensPerSecondPerGpu, outputTokensPerSecondPerGpu, inputSharePct),
    output: tokenKindWeight(outputTokensPerSecondPerGpu, inputTokensPerSecondPerGpu, outputTokensPerSecondPerGpu, inputSharePct),
  };
}

/** One kind's weight (inputOutputWeights): its GPU time per token ÷ the blended GPU time per token; no allocation (the Monte Carlo calls it per sample). */
export function tokenKindWeight(kindTokensPerSecondPerGpu: number, inputTokensPerSecondPerGpu: number, outputTokensPerSecondPerGpu: number, inputSharePct: number): number {
  // Cost allocated by GPU-seconds per token (activity-based costing), t = 1 ÷ throughput.
  const s = inputSharePct / 100;
  return 1 / kindTokensPerSecondPerGpu / (s / inputTokensPerSecondPerGpu + (1 - s) / outputTokensPerSecondPerGpu);
}

/** The per-token figures of a run's totals, given the tokens a served reference GPU-hour delivers and the input/output weights (null: not known). */
export function tokenFigures(
  t: Pick<OptionTotals, 'costCcy' | 'servedRefGpuHours' | 'facilityEnergyKWh' | 'operationalKgCO2e' | 'embodiedKgCO2e'>,
  tokensPerHour: number,
  weights: { input: number; output: number } | null,
): TokenFigures {
  const tokens = t.servedRefGpuHours * tokensPerHour;
  const cost = costPerMillionTokens(t.costCcy, tokens);
  return {
    tokens,
    costPerMillionCcy: cost,
    inputCostPerMillionCcy: cost === null || weights === null ? null : cost * weights.input,
    outputCostPerMillionCcy: cost === null || weights === null ? null : cost * weights.output,
    facilityKWhPerThousand: perThousandTokens(t.facilityEnergyKWh, tokens),
    // CO2e as the page totals it: location-based operational plus embodied.
    kgCO2ePerThousand: perThousandTokens(t.operationalKgCO2e + t.embodiedKgCO2e, tokens),
  };
}

/** How a workload's served reference GPU-hours turn into tokens, and its input/output weights (null without a load profile). */
export function tokenRate(w: Workload): { busy: number; perHour: number; weights: { input: number; output: number } | null } | null {
  if (w.kind !== 'inference' || !w.tokens) return null;
  const p = w.tokens;
  const busy = busyFraction(w.tokensPerSecond, p.peakTokensPerSecond);
  const weights =
    p.inputTokensPerSecondPerGpu !== null && p.outputTokensPerSecondPerGpu !== null && p.inputTokenSharePct !== null
      ? inputOutputWeights(p.inputTokensPerSecondPerGpu, p.outputTokensPerSecondPerGpu, p.inputTokenSharePct)
      : null;
  return { busy, perHour: tokensPerRefGpuHour(w.tokensPerSecondPerGpu, busy), weights };
}

/** The per-token results of an evaluation of workload `w` (null without a load profile, or in a pool of several members). */
export function tokensResult(w: Workload, pooled: boolean, options: readonly { alone: OptionRun; inMix: OptionRun }[], mix: MixResult): TokensResult | null {
  const rate = tokenRate(w);
  if (rate === null || pooled || w.kind !== 'inference' || !w.tokens) return null;
  const p = w.tokens;
  const { busy, perHour, weights } = rate;
  return {
    peakGpus: peakGpus(p.peakTokensPerSecond, w.tokensPerSecondPerGpu),
    busyFraction: busy,
    offPeakTokensPerSecond: offPeakTokensPerSecond(w.tokensPerSecond, p.peakTokensPerSecond, p.hoursAtPeakPerDay),
    options: options.map((o) => ({ alone: tokenFigures(o.alone.totals, perHour, weights), inMix: tokenFigures(o.inMix.totals, perHour, weights) })),
    mix: tokenFigures(mix.totals, perHour, weights),
  };
}
