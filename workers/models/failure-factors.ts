// Failures as cost (issue 15): the factors the kernel applies, read from an option's block (its
// failures' slots: NaN where not given) with the scalar formulas of failures.ts. Pure.
// Goodput divides throughput (useful reference GPU-hours per GPU-hour run); the schedulable share
// multiplies capacity beside the maximum utilisation; replacements add to the yearly upkeep.
import { BUY_LAYOUT, RENTED_LAYOUT } from './uncertainty/plan.ts';
import * as failures from './failures.ts';

// Re-bound to module constants: under a CommonJS compilation (tsx) each use of an imported function calls a getter.
const { hostUsefulFraction, jobCheckpointing, replacementCcyPerYear, schedulableFraction, spotUsefulFraction } = failures;

type Layout = typeof BUY_LAYOUT;
/** A slot of a layout; a failures field the layout lacks is a defect of this file. */
const at = (l: Layout, name: string): number => {
  const s = l.slot[name];
  if (s === undefined) throw new Error(`no slot "${name}" in this block`);
  return s;
};
const job = (l: Layout) => ({
  failures: at(l, 'gpuFailuresPctPerYear'),
  repair: at(l, 'repairHours'),
  interruptions: at(l, 'interruptionsPerGpuYear'),
  jobGpus: at(l, 'jobGpuCount'),
  checkpoint: at(l, 'checkpointMinutes'),
  restart: at(l, 'restartMinutes'),
  training: at(l, 'failTraining'),
});
const FB = { ...job(BUY_LAYOUT), replacement: at(BUY_LAYOUT, 'replacementCcyPerFailure') };
const FR = {
  ...job(RENTED_LAYOUT),
  spotRate: at(RENTED_LAYOUT, 'spotInterruptionsPerDay'),
  spotLost: at(RENTED_LAYOUT, 'spotLostMinutesPerInterruption'),
  floor: at(RENTED_LAYOUT, 'hostReliabilityFloorPct'),
  rerun: at(RENTED_LAYOUT, 'rerunPct'),
};
const GPUS = at(BUY_LAYOUT, 'gpuCount');

/** A training job's goodput at Daly's interval (1 when the workload is not training or the job's figures are not given). */
function jobGoodput(p: Float64Array, S: number, k: number, f: ReturnType<typeof job>, jobGpusIfNone: number): number {
  if (p[f.training * S + k] !== 1) return 1;
  const g = p[f.jobGpus * S + k]!;
  const c = jobCheckpointing(p[f.interruptions * S + k]!, g === g ? g : jobGpusIfNone, p[f.checkpoint * S + k]!, p[f.restart * S + k]!);
  return c ? c.goodput : 1;
}

/** Owned: useful work per GPU-hour run (the job's goodput; the job runs on the purchase's GPUs unless given). */
export function ownedGoodput(p: Float64Array, S: number, k: number): number {
  return jobGoodput(p, S, k, FB, p[GPUS * S + k]!);
}

/** Owned: share of the installed capacity left after repairs. */
export function ownedSchedulable(p: Float64Array, S: number, k: number): number {
  return schedulableFraction(p[FB.failures * S + k]!, p[FB.repair * S + k]!);
}

/** Owned: replacement and repair spend a year. */
export function ownedReplacementCcyPerYear(p: Float64Array, S: number, k: number): number {
  return replacementCcyPerYear(p[GPUS * S + k]!, p[FB.failures * S + k]!, p[FB.replacement * S + k]!);
}

/** Rented: useful work per GPU-hour paid: the job's goodput × spot work kept × decentralised hosts' useful share. */
export function rentedGoodput(p: Float64Array, S: number, k: number): number {
  const spot = spotUsefulFraction(p[FR.spotRate * S + k]!, p[FR.spotLost * S + k]!);
  return jobGoodput(p, S, k, FR, Number.NaN) * spot * hostUsefulFraction(p[FR.floor * S + k]!, p[FR.rerun * S + k]!);
}

/** Rented, reserved: share of the committed GPUs available after repairs. */
export function rentedSchedulable(p: Float64Array, S: number, k: number): number {
  return schedulableFraction(p[FR.failures * S + k]!, p[FR.repair * S + k]!);
}
