// The Monte Carlo in steps (issue 11): the simulator runs it chunk by chunk, pausing between
// chunks so that a cancel message reaches it — a cooperative cancel, the worker not terminated.
// The steps are the synchronous run's own: the same figures, bit for bit.
import { describe, expect, it } from 'vitest';
import { simulatorApi, cancelMonteCarlo } from '../../../workers/api.ts';
import { CHUNK, monteCarloSteps, runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';
import { cloud, scenario } from '../helpers.ts';
import { withRanges } from '../state/scenarios.ts';

const s = withRanges(scenario([cloud({ priceCcyPerGpuHour: 2 })]));

describe('the Monte Carlo in steps', () => {
  it('yields once per chunk and ends on the synchronous run, bit for bit', () => {
    const samples = 10 * CHUNK + 17;
    const steps = monteCarloSteps(s, { samples, seed: 7 });
    let yields = 0;
    let r = steps.next();
    for (; !r.done; r = steps.next()) yields += 1;
    // The last chunk ends the run (its result) rather than yielding.
    expect(yields).toBe(10);
    expect(r.value).toEqual(runMonteCarlo(s, { samples, seed: 7 }));
  });

  it('a run stopped between chunks does no more work, and a run beside it is not disturbed', () => {
    const samples = 8 * CHUNK;
    const heard: number[] = [];
    const stopped = monteCarloSteps(s, { samples, seed: 3, onProgress: (done) => heard.push(done) });
    stopped.next();
    // Another run goes on while the first is suspended (its buffer and generator are its own).
    const beside = monteCarloSteps(s, { samples, seed: 9 });
    let r = beside.next();
    while (!r.done) r = beside.next();
    expect(r.value).toEqual(runMonteCarlo(s, { samples, seed: 9 }));
    expect(stopped.return(undefined as never).done).toBe(true);
    expect(heard).toEqual([]);
  });
});

describe('the simulator worker’s Monte Carlo', () => {
  const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));

  it('pauses between chunks, and a cancel sent meanwhile ends the run before it would have finished', async () => {
    let pauses = 0;
    const pause = async () => {
      pauses += 1;
      // A cancel message handled during the second pause.
      if (pauses === 2) cancelMonteCarlo();
      await macrotask();
    };
    // A slice of 0 ms: a pause after every chunk.
    const r = await simulatorApi.monteCarlo(s, { samples: 100 * CHUNK }, undefined, () => performance.now(), pause, 0);
    expect(r).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(pauses).toBe(2);
  });

  it('a cancel stops only the runs started before it', async () => {
    cancelMonteCarlo();
    const r = await simulatorApi.monteCarlo(s, { samples: 4 * CHUNK, seed: 5 }, undefined, () => 0, macrotask, 0);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.result).toEqual(runMonteCarlo(s, { samples: 4 * CHUNK, seed: 5 }));
  });
});
