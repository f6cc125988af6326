// Risk-based re-ranking (issue 14, objective "lowest P95 cost"): each candidate plan's mix, per
// Monte Carlo sample, through the one kernel — the mix's allocation of each sample's own demand
// (serving.ts, the evaluation's rule), the kernel run with that allocation, the options' per-sample
// NPVs summed (as evaluate.ts sums the options' runs in the mix). No formula is written here.
//
// Common random numbers: every uncertain input draws from its own stream, seeded by the run's seed
// and the input's identity (target, option, field), so an input has the same value in sample k of
// every candidate, whatever other options the candidate keeps or drops. Same seed, same numbers.
// Pure and deterministic. Methods: docs/methodology.md, "The optimiser".
import type { Range, Scenario } from '../../../src/scenario/schema.ts';
import { Kernel, LANES } from '../kernel.ts';
import { allocateMix } from '../serving.ts';
import { demandSeries, demandTerms } from '../workload.ts';
import { fillSamples } from '../uncertainty/distributions.ts';
import { compilePlan } from '../uncertainty/plan.ts';
import { percentiles } from '../uncertainty/quantiles.ts';
import { Random } from '../uncertainty/random.ts';

/** The seed of one input's stream: the run's seed mixed with a hash (FNV-1a) of the input's identity. */
export function streamSeed(seed: number, r: Pick<Range, 'target' | 'optionId' | 'field'>): number {
  const key = `${r.target}/${r.optionId ?? ''}/${r.field}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h ^ Math.imul(seed | 0, 0x9e3779b1)) | 0;
}

/** The mix's NPV in each of `samples` samples (the scenario's options with their counts and shares as typed). */
export function mixNpvSamples(s: Scenario, samples: number, seed: number): Float64Array {
  const stride = Math.min(LANES, samples);
  const plan = compilePlan(s, stride);
  const kernel = new Kernel(plan);
  const months = plan.months;
  const out = new Float64Array(samples);
  const streams = plan.inputs.map((input) => new Random(streamSeed(seed, input.range)));
  const columns = plan.inputs.map((input) => input.block.subarray(input.slot * stride, input.slot * stride + stride));
  const served = plan.options.map(() => new Float64Array(months * stride));
  const demand = new Float64Array(months);
  const allocation = { served: plan.options.map(() => new Float64Array(months)), unmet: new Array<number>(months).fill(0) };
  for (let k0 = 0; k0 < samples; k0 += stride) {
    const size = Math.min(stride, samples - k0);
    for (let j = 0; j < columns.length; j++) fillSamples(plan.inputs[j]!.dist, streams[j]!, columns[j]!, size);
    kernel.prepare(size);
    // Each sample's own demand and capacities, allocated by the mix's rule.
    demandTerms(plan.workloadKind, plan.workload, stride, size, months, kernel.demand);
    for (let k = 0; k < size; k++) {
      demandSeries(kernel.demand, k, months, demand);
      const a = allocateMix(plan.resolved, kernel.options, demand, k, allocation);
      for (let i = 0; i < served.length; i++) {
        const col = served[i]!;
        const by = a.served[i]!;
        for (let m = 0; m < months; m++) col[m * stride + k] = by[m]!;
      }
    }
    kernel.run(size, { served });
    for (let k = 0; k < size; k++) {
      let npv = 0;
      for (const c of kernel.options) npv += c.npv[k]!;
      out[k0 + k] = npv;
    }
  }
  return out;
}

export interface RiskFigures {
  p95NpvCcy: number;
  p50NpvCcy: number;
  meanNpvCcy: number;
}

/** P95, P50 and mean of a mix's NPV over the samples. */
export function mixRisk(s: Scenario, samples: number, seed: number): RiskFigures {
  const v = mixNpvSamples(s, samples, seed);
  const [p50, p95] = percentiles(v, samples, [0.5, 0.95]) as [number, number];
  let sum = 0;
  for (let k = 0; k < samples; k++) sum += v[k]!;
  return { p95NpvCcy: p95, p50NpvCcy: p50, meanNpvCcy: sum / samples };
}
