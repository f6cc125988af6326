// failures (issue 15): what an option's failures do, for the results: the goodput, the capacity
// left after repairs, the job's checkpointing, and the cost per useful GPU-hour nominal (every
// GPU-hour run counted as useful) beside goodput-adjusted (only the useful ones). Pure.
import type { SupplyOption } from '../../src/scenario/schema.ts';
import { ownedGoodput, ownedReplacementCcyPerYear, ownedSchedulable, rentedGoodput, rentedSchedulable } from './failure-factors.ts';
import { jobCheckpointing, type JobCheckpointing } from './failures.ts';
import type { FailuresResult, OptionRun } from './types.ts';
import { perUsefulHour } from './run.ts';

/** The failures' figures of an option (sample 0 of its block), or null when it has no failures sub-object. */
export function failuresResultOf(o: SupplyOption, p: Float64Array, training: boolean, alone: OptionRun): FailuresResult | null {
  const f = o.failures;
  if (!f) return null;
  const owned = o.kind === 'buy';
  const goodput = owned ? ownedGoodput(p, 1, 0) : rentedGoodput(p, 1, 0);
  const jobGpus = f.jobGpuCount ?? (owned ? o.gpuCount : null);
  const nan = (x: number | null) => x ?? Number.NaN;
  const job: JobCheckpointing | null =
    training && jobGpus !== null ? jobCheckpointing(nan(f.interruptionsPerGpuYear), jobGpus, nan(f.checkpointMinutes), nan(f.restartMinutes)) : null;
  const cost = alone.totals.costCcy;
  const served = alone.totals.servedRefGpuHours;
  const adjusted = perUsefulHour(cost, served);
  return {
    goodputFraction: goodput,
    schedulableFraction: owned ? ownedSchedulable(p, 1, 0) : rentedSchedulable(p, 1, 0),
    replacementCcyPerYear: owned ? ownedReplacementCcyPerYear(p, 1, 0) : 0,
    job,
    // Nominal: the same cost over the GPU-hours run (served ÷ goodput), as if every hour run were useful.
    nominalCostPerUsefulGpuHourCcy: adjusted === null ? null : adjusted * goodput,
    costPerUsefulGpuHourCcy: adjusted,
  };
}
