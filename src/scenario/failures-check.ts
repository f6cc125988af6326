// failures (issue 15): an option's failures that cannot be priced, each on its field — figures
// that go together, figures for another kind of option or workload, failures that leave no
// schedulable capacity, a checkpoint longer than the interval it implies. Called by the schema's
// cross-field checks (schema.ts); nothing is changed in the person's data.
import { jobCheckpointing, repairDownFraction, spotUsefulFraction } from '../../workers/models/failures.ts';
import type { FieldName } from './fields.ts';
import { isReserved, type OptionFailures, type SupplyOption } from './schema.ts';

type Issue = (field: FieldName, key: string, message: string, params?: Record<string, unknown>) => void;

const JOB: readonly FieldName[] = ['interruptionsPerGpuYear', 'jobGpuCount', 'checkpointMinutes', 'restartMinutes'];
const SPOT: readonly FieldName[] = ['spotInterruptionsPerDay', 'spotLostMinutesPerInterruption'];
const HOSTS: readonly FieldName[] = ['hostReliabilityFloorPct', 'rerunPct'];

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * What the options serve, for the job's figures: all training (the scenario's workload and every
 * pool member's), none, or a mix — goodput divides every GPU-hour an option runs, so it is only
 * honest when every hour served is the training job's (the kernel has one goodput per option).
 */
export type JobDemand = 'training' | 'none' | 'mixed';

export function jobDemandOf(kinds: readonly ('gpuHours' | 'training' | 'inference')[]): JobDemand {
  const training = kinds.filter((k) => k === 'training').length;
  return training === 0 ? 'none' : training === kinds.length ? 'training' : 'mixed';
}

export function failuresIssues(o: SupplyOption, demand: JobDemand, issue: Issue): void {
  const f = o.failures as OptionFailures;
  const v = (n: FieldName): number | null => (f as unknown as Record<string, number | null>)[n] ?? null;
  const has = (n: FieldName) => v(n) !== null;
  const required = (n: FieldName) => {
    if (!has(n)) issue(n, 'failureRequired', 'Enter this figure too: the failures it goes with cannot be priced without it.');
  };
  const onlyFor = (names: readonly FieldName[], ok: boolean, key: string, message: string) => {
    for (const n of names) if (has(n) && !ok) issue(n, key, message);
  };
  const owned = o.kind === 'buy';
  const spot = o.kind === 'cloud' && o.pricingModel === 'spot';
  onlyFor(['replacementCcyPerFailure'], owned, 'failureOwnedOnly', 'Only owned hardware pays for its replacements: leave it empty.');
  onlyFor(SPOT, spot, 'failureSpotOnly', 'Only spot capacity is taken back: leave it empty.');
  onlyFor(HOSTS, o.kind === 'decentralised', 'failureDecentralisedOnly', 'Only a decentralised market has host reliability: leave it empty.');
  onlyFor(['gpuFailuresPctPerYear', 'repairHours'], owned || isReserved(o), 'failureCapacityOnly', 'Pay-as-you-go capacity lost to a repair is replaced by the provider’s other GPUs: only owned or reserved GPUs lose hours to repairs. Leave it empty.');
  const training = demand === 'training';
  if (demand === 'mixed') onlyFor(JOB, false, 'failureMixedDemand', 'These options also serve work that is not training: job interruptions would lower all of it. Leave it empty, or price them in a scenario of the training run alone.');
  else onlyFor(JOB, training, 'failureTrainingOnly', 'Checkpoints and job interruptions are for a training workload: leave it empty.');

  // Hardware failures: a rate with its repair time (and, owned, its cost); they must leave some capacity.
  if (has('gpuFailuresPctPerYear') || has('repairHours') || (owned && has('replacementCcyPerFailure'))) {
    required('gpuFailuresPctPerYear');
    required('repairHours');
    if (owned) required('replacementCcyPerFailure');
  }
  if (has('gpuFailuresPctPerYear') && has('repairHours')) {
    const down = repairDownFraction(v('gpuFailuresPctPerYear')!, v('repairHours')!);
    if (down >= 1) {
      issue('gpuFailuresPctPerYear', 'failureNoCapacity', `These failures and repair times leave no schedulable capacity: ${round(down * 100, 1)} % of the time in repair.`, {
        downPct: round(down * 100, 1),
      });
    }
  }

  // A training job: interruptions, checkpoint and restart together (and the job's GPUs when rented).
  if (training && JOB.some(has)) {
    required('interruptionsPerGpuYear');
    required('checkpointMinutes');
    required('restartMinutes');
    if (!owned) required('jobGpuCount');
    if (owned && has('jobGpuCount') && v('jobGpuCount')! > o.gpuCount) {
      issue('jobGpuCount', 'jobGpusOverOwned', `The job cannot run on more GPUs than the ${o.gpuCount} bought.`, { gpuCount: o.gpuCount });
    }
    const gpus = v('jobGpuCount') ?? (owned ? o.gpuCount : null);
    if (has('interruptionsPerGpuYear') && has('checkpointMinutes') && has('restartMinutes') && gpus !== null) {
      const c = jobCheckpointing(v('interruptionsPerGpuYear')!, gpus, v('checkpointMinutes')!, v('restartMinutes')!)!;
      if (v('checkpointMinutes')! > 0 && v('checkpointMinutes')! / 60 >= c.dalyHours) {
        const intervalMinutes = round(c.dalyHours * 60, 1);
        issue('checkpointMinutes', 'checkpointOverInterval', `The checkpoint takes longer than the interval it implies (${intervalMinutes} min between checkpoints): the job would do no useful work.`, {
          intervalMinutes,
        });
      }
    }
  }

  // Spot: a rate with the work lost at each; they must leave some work kept.
  if (spot && SPOT.some(has)) {
    SPOT.forEach(required);
    if (SPOT.every(has) && spotUsefulFraction(v('spotInterruptionsPerDay')!, v('spotLostMinutesPerInterruption')!) <= 0) {
      issue('spotInterruptionsPerDay', 'spotNoWorkKept', 'At this rate, the work lost at each interruption takes all of the time: no work is kept.');
    }
  }
}
