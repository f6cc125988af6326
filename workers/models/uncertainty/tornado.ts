// Sensitivity: each uncertain input swung from its 5th to its 95th percentile with every other
// input at its median, through the kernel (kernel.ts) the evaluation runs. Pure. Methods: docs/methodology.md §12.
import type { Range, Scenario } from '../../../src/scenario/schema.ts';
import { Kernel } from '../kernel.ts';
import { clippedQuantile } from './distributions.ts';
import { compilePlan } from './plan.ts';
import { hasMemberRanges, otherMembersDemand, otherMembersDemandSamples } from '../pool.ts';

/** What the tornado can be sorted by, per option. */
export interface Outputs {
  /** Per option (in the scenario's order): total cost, NPV, CO2e (kg), break-even utilisation (owned only). */
  cost: number[];
  npv: number[];
  co2eKg: number[];
  breakEvenUtilisation: (number | null)[];
}

export interface TornadoBar {
  range: Range;
  /** The input's value at its 5th and 95th percentiles (clipped to what it accepts). */
  lowValue: number;
  highValue: number;
  atLow: Outputs;
  atHigh: Outputs;
}

export interface TornadoResult {
  scenarioId: string;
  /** Every input at its median. */
  baseline: Outputs;
  bars: TornadoBar[];
}

/**
 * The tornado as one kernel run of 2k + 1 samples: sample 0 has every input at its median, samples
 * 2i + 1 and 2i + 2 swing input i to its 5th and 95th percentiles.
 */
export function tornado(s: Scenario): TornadoResult {
  const ranges = s.uncertainty.ranges;
  const samples = 2 * ranges.length + 1;
  const plan = compilePlan(s, samples);
  const quantiles = plan.inputs.map((input) => ({
    median: clippedQuantile(input.dist, 0.5),
    low: clippedQuantile(input.dist, 0.05),
    high: clippedQuantile(input.dist, 0.95),
  }));
  plan.inputs.forEach((input, i) => {
    const at = input.slot * samples;
    input.block.fill(quantiles[i]!.median, at, at + samples);
  });
  plan.inputs.forEach((input, i) => {
    const at = input.slot * samples;
    input.block[at + 2 * i + 1] = quantiles[i]!.low;
    input.block[at + 2 * i + 2] = quantiles[i]!.high;
  });
  const kernel = new Kernel(plan);
  kernel.prepare(samples);
  // pool (issue 15): every member's demand — each sample's own when a member's input has a range.
  const extraDemand = hasMemberRanges(s) ? otherMembersDemandSamples(plan, samples, new Float64Array(samples * plan.months)) : otherMembersDemand(s);
  kernel.run(samples, { extraDemand });
  const outputs = (k: number): Outputs => ({
    cost: kernel.options.map((c) => c.cost[k]!),
    npv: kernel.options.map((c) => c.npv[k]!),
    co2eKg: kernel.options.map((c) => c.co2eKg[k]!),
    breakEvenUtilisation: kernel.options.map((c, i) => (plan.options[i]!.kind === 0 && kernel.rentals.length > 0 && !Number.isNaN(c.utilisation[k]!) ? c.utilisation[k]! : null)),
  });
  return {
    scenarioId: s.id,
    baseline: outputs(0),
    bars: ranges.map((range, i) => ({
      range,
      lowValue: quantiles[i]!.low,
      highValue: quantiles[i]!.high,
      atLow: outputs(2 * i + 1),
      atHigh: outputs(2 * i + 2),
    })),
  };
}
