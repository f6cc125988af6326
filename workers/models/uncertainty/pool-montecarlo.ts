// The Monte Carlo of a pool (issue 15): what each member pays in the pool and alone across the
// uncertain inputs. Each sample writes its draws into a copy of the scenario and runs the one pool
// evaluation (pool.ts: the mix serving every member's demand, the split, each member alone), so a
// member's figures in a sample are exactly what the page shows for those inputs. Slower than the
// options' Monte Carlo (one evaluation of the costs per member per sample): it runs fewer samples.
// Pure and deterministic for a given seed. Methods: docs/methodology.md, "Pooling".
import { setValue } from '../../../src/scenario/ranges.ts';
import { isShareRange } from '../../../src/scenario/constants.ts';
import type { Range, Scenario } from '../../../src/scenario/schema.ts';
import { poolSplit, sampledShares, splitReuse } from '../pool.ts';
import { fillSamples } from './distributions.ts';
import { stats, type Stats } from './montecarlo.ts';
import { distributionOf } from './plan.ts';
import { Random } from './random.ts';

/**
 * At most this many samples: each is one evaluation of the costs of the pool, and of each member alone
 * and of the shared capacity unless no range touches them (pool.ts, splitReuse): about 2–10 ms a sample
 * for three members on a loaded 2-core machine, so 1,000 take a few seconds (the full evaluation with
 * its dependency indicators, copied per sample, took 12–50 ms).
 */
export const POOL_SAMPLES = 1000;

/** onProgress hears (done, total) every this many samples (and at the end). */
export const POOL_PROGRESS_EVERY = 25;

export interface PoolRunOptions {
  samples?: number;
  seed?: number;
  onProgress?: ((done: number, total: number) => void) | null;
}

export interface MemberOutcome {
  name: string;
  /** Its cost in the pool (its part of the shared options and what it used of the others). */
  inPoolCcy: Stats;
  /** What it would pay alone with the same options (its best option alone, or the mix). */
  aloneCcy: Stats;
  /** Alone minus in the pool. */
  savingCcy: Stats;
  /** Share of samples in which it pays less in the pool than alone. */
  pSaves: number;
}

export interface PoolMonteCarloResult {
  scenarioId: string;
  samples: number;
  seed: number;
  currency: string;
  uncertainInputs: number;
  members: MemberOutcome[];
  /** The pool's cost, and the sum of what the members would pay alone. */
  poolCcy: Stats;
  aloneCcy: Stats;
}

/** Runs `samples` (at most POOL_SAMPLES; the scenario's count otherwise) pool evaluations; null without a pool. */
export function runPoolMonteCarlo(s: Scenario, options: PoolRunOptions = {}): PoolMonteCarloResult | null {
  const steps = poolMonteCarloSteps(s, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The pool's Monte Carlo sample by sample: it yields the samples done after every sample but the
 * last, and returns runPoolMonteCarlo's result. The simulator worker pauses between steps so that
 * a cancel reaches it (issue 11), as for the options' Monte Carlo (monteCarloSteps).
 */
export function* poolMonteCarloSteps(s: Scenario, options: PoolRunOptions = {}): Generator<number, PoolMonteCarloResult | null, void> {
  if (!s.pool) return null;
  const onProgress = options.onProgress ?? null;
  const n = Math.min(options.samples ?? s.uncertainty.samples, POOL_SAMPLES);
  const seed = options.seed ?? s.uncertainty.seed;
  const rng = new Random(seed);
  const ranges = s.uncertainty.ranges;
  // Every input's draws, one column each (the same generator order as a chunk of the options' Monte Carlo).
  const draws = ranges.map((r) => {
    const column = new Float64Array(n);
    fillSamples(distributionOf(s, r).dist, rng, column, n);
    return column;
  });
  const count = s.pool.members.length + 1;
  const inPool = Array.from({ length: count }, () => new Float64Array(n));
  const alone = Array.from({ length: count }, () => new Float64Array(n));
  const saving = Array.from({ length: count }, () => new Float64Array(n));
  const pool = new Float64Array(n);
  const aloneSum = new Float64Array(n);
  let names: string[] = [];
  // One copy of the scenario (a JSON document: its copy is its JSON read back); each sample writes
  // every drawn input into it, so no input keeps a previous sample's value.
  const sample = JSON.parse(JSON.stringify(s)) as Scenario;
  // Ranges on committed shares: the members without one take the rest (sampledShares), written over every share.
  const shareRanges = ranges.map((r, j) => ({ r, j })).filter(({ r }) => isShareRange(r));
  const memberOf = (r: Range) => (r.target === 'pool' ? 0 : r.memberIndex! + 1);
  const stated = shareRanges.length > 0 ? [s.pool.firstMemberCommittedSharePct, ...s.pool.members.map((m) => m.committedSharePct)].map((v) => v ?? 0) : [];
  const drawn: (number | null)[] = stated.map(() => null);
  const reuse = splitReuse(s);
  for (let k = 0; k < n; k++) {
    ranges.forEach((r, j) => {
      if (!setValue(sample, r, draws[j]![k]!)) throw new Error(`range on "${r.field}" has no input`);
    });
    if (shareRanges.length > 0) {
      for (const { r, j } of shareRanges) drawn[memberOf(r)] = draws[j]![k]!;
      const shares = sampledShares(stated, drawn);
      sample.pool!.firstMemberCommittedSharePct = shares[0]!;
      sample.pool!.members.forEach((m, i) => (m.committedSharePct = shares[i + 1]!));
    }
    const p = poolSplit(sample, reuse);
    names = p.members.map((m) => m.name);
    p.members.forEach((m, j) => {
      inPool[j]![k] = m.inPoolCcy;
      alone[j]![k] = m.aloneCcy;
      saving[j]![k] = m.savingCcy;
    });
    pool[k] = p.poolCcy;
    aloneSum[k] = p.aloneCcy;
    const done = k + 1;
    if (onProgress !== null && done % POOL_PROGRESS_EVERY === 0 && done < n) onProgress(done, n);
    if (done < n) yield done;
  }
  onProgress?.(n, n);
  return {
    scenarioId: s.id,
    samples: n,
    seed,
    currency: s.settings.currency,
    uncertainInputs: ranges.length,
    members: names.map((name, j) => ({
      name,
      inPoolCcy: stats(inPool[j]!, n),
      aloneCcy: stats(alone[j]!, n),
      savingCcy: stats(saving[j]!, n),
      pSaves: saving[j]!.reduce((a, v) => a + (v > 0 ? 1 : 0), 0) / n,
    })),
    poolCcy: stats(pool, n),
    aloneCcy: stats(aloneSum, n),
  };
}
