// Failures as cost (issue 15): what failures, interruptions and lost work do to capacity and to
// the cost of a useful GPU-hour. Pure scalar functions, no DOM, no globals; each cites its source.
// A figure not given (NaN: the option's failures leave it empty) changes nothing: its factor is 1.

/** Hours in a calendar year (365 days). */
export const HOURS_PER_YEAR = 8760;

const given = (x: number): boolean => x === x;

/** Share of GPU time lost to repairs: failures per GPU-year × repair hours ÷ 8,760 h (≥ 1: no capacity left). */
export function repairDownFraction(failuresPctPerYear: number, repairHours: number): number {
  // Steady-state unavailability with the rate counted per calendar year: λ · MTTR (reliability engineering, availability = 1 − λ·MTTR).
  if (!given(failuresPctPerYear) || !given(repairHours)) return 0;
  return ((failuresPctPerYear / 100) * repairHours) / HOURS_PER_YEAR;
}

/** Share of installed capacity left schedulable after repairs (0 when failures leave none). */
export function schedulableFraction(failuresPctPerYear: number, repairHours: number): number {
  // Capacity × (1 − time in repair) (availability, λ·MTTR).
  return Math.max(0, 1 - repairDownFraction(failuresPctPerYear, repairHours));
}

/** Replacement and repair spend a year: GPUs × failures per GPU-year × cost per failure (0 under warranty). */
export function replacementCcyPerYear(gpus: number, failuresPctPerYear: number, costCcyPerFailure: number): number {
  // Expected failures in a year = fleet × annual failure rate (hardware-prices-2026, reliability).
  if (!given(failuresPctPerYear) || !given(costCcyPerFailure)) return 0;
  return gpus * (failuresPctPerYear / 100) * costCcyPerFailure;
}

/** Mean time between interruptions of the whole job, hours: 8,760 ÷ (interruptions per GPU-year × the job's GPUs). */
export function jobMtbfHours(interruptionsPerGpuYear: number, jobGpus: number): number {
  // Independent GPU failures: the job's rate is the sum of its GPUs' rates (Llama 3: 419 interruptions / 16,384 GPUs / 54 days).
  return HOURS_PER_YEAR / (interruptionsPerGpuYear * jobGpus);
}

/** Young's optimal checkpoint interval, hours: √(2 δ M) (δ: checkpoint time, M: mean time between interruptions). */
export function youngIntervalHours(checkpointHours: number, mtbfHours: number): number {
  // Young, J. W. (1974), "A first order approximation to the optimum checkpoint interval", CACM 17(9).
  return Math.sqrt(2 * checkpointHours * mtbfHours);
}

/** Daly's optimal checkpoint interval, hours: √(2δM)·[1 + ⅓√(δ/2M) + ⅑(δ/2M)] − δ for δ < 2M, else M. */
export function dalyIntervalHours(checkpointHours: number, mtbfHours: number): number {
  // Daly, J. T. (2006), "A higher order estimate of the optimum checkpoint interval for restart dumps", FGCS 22(3), eq. 37.
  const d = checkpointHours;
  const m = mtbfHours;
  if (d >= 2 * m) return m;
  const x = d / (2 * m);
  return Math.sqrt(2 * d * m) * (1 + Math.sqrt(x) / 3 + x / 9) - d;
}

/** Goodput: useful time ÷ wall time at checkpoint interval τ: τ ÷ (M·e^(R/M)·(e^((τ+δ)/M) − 1)); e^(−R/M) when δ = 0. */
export function dalyGoodput(intervalHours: number, checkpointHours: number, restartHours: number, mtbfHours: number): number {
  // Daly (2006), expected wall-clock time T_w = M·e^(R/M)·(e^((τ+δ)/M) − 1)·T_s/τ, eq. 12; goodput = T_s / T_w.
  const m = mtbfHours;
  if (!(m < Infinity)) return 1;
  if (intervalHours <= 0) return Math.exp(-restartHours / m);
  return intervalHours / (m * Math.exp(restartHours / m) * Math.expm1((intervalHours + checkpointHours) / m));
}

/** A training job's checkpointing figures: M, Young's and Daly's intervals, and the goodput at Daly's interval. */
export interface JobCheckpointing {
  mtbfHours: number;
  youngHours: number;
  dalyHours: number;
  goodput: number;
}

/** The job's checkpointing from the per-GPU interruption rate, its GPUs, checkpoint and restart minutes; null when not given. */
export function jobCheckpointing(interruptionsPerGpuYear: number, jobGpus: number, checkpointMinutes: number, restartMinutes: number): JobCheckpointing | null {
  if (!given(interruptionsPerGpuYear) || !given(jobGpus) || !given(checkpointMinutes) || !given(restartMinutes)) return null;
  const m = jobMtbfHours(interruptionsPerGpuYear, jobGpus);
  const d = checkpointMinutes / 60;
  const dalyHours = m < Infinity ? dalyIntervalHours(d, m) : Infinity;
  return { mtbfHours: m, youngHours: youngIntervalHours(d, m), dalyHours, goodput: dalyGoodput(dalyHours, d, restartMinutes / 60, m) };
}

/** Spot: share of the work kept: 1 − interruptions per day × hours lost per interruption ÷ 24 (≤ 0: nothing is kept). */
export function spotUsefulFraction(interruptionsPerDay: number, lostMinutesPerInterruption: number): number {
  // Work lost = interruptions × work since the last save (the person's figures; spot reclaim notices, AWS/GCP).
  if (!given(interruptionsPerDay) || !given(lostMinutesPerInterruption)) return 1;
  return 1 - (interruptionsPerDay * lostMinutesPerInterruption) / 60 / 24;
}

/** Decentralised: share of paid host time that is useful: reliability floor ÷ (1 + re-run share). */
export function hostUsefulFraction(reliabilityFloorPct: number, rerunPct: number): number {
  // At the floor, a share (1 − floor) of a host's work fails and is paid again; re-runs are paid on top (worst case at the floor).
  const floor = given(reliabilityFloorPct) ? reliabilityFloorPct / 100 : 1;
  const rerun = given(rerunPct) ? rerunPct / 100 : 0;
  return floor / (1 + rerun);
}
