// pool (issue 15): the pool's Monte Carlo runs after the options' one. While it runs the page says
// so; when it fails (the model, a crash, a timeout) the failure is the pool's own, said beside the
// pool's table, and the options' figures stay shown and up to date; stopped between samples, nothing.
import { describe, expect, it } from 'vitest';
import { EngineFailed } from '../../../src/engine/worker-bridge.ts';
import { Uncertainty, type SimulatorEngine } from '../../../src/state/uncertainty.svelte.ts';
import { simulatorApi, type PoolMonteCarloResponse } from '../../../workers/api.ts';
import { poolCases } from '../models/pool-montecarlo-cases.ts';
import { deferred } from './fake-worker.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await sleep(10);
  if (!condition()) throw new Error('condition never met');
}

const pooled = poolCases()[1]!.scenario;

/** A simulator whose options' runs answer at once and whose pool run answers `answer` when released. */
function fake(answer: () => Promise<PoolMonteCarloResponse>) {
  const gate = deferred<void>();
  let poolRuns = 0;
  const engine: SimulatorEngine = {
    warmUpMonteCarlo: async () => undefined,
    monteCarlo: (s) => simulatorApi.monteCarlo(s, { samples: 1000 }),
    sensitivity: async (s) => simulatorApi.tornado(s),
    poolMonteCarlo: async () => {
      poolRuns += 1;
      await gate.promise;
      return answer();
    },
  };
  return { engine, release: () => gate.resolve(), poolRuns: () => poolRuns };
}

describe('the pool’s Monte Carlo in the uncertainty state', () => {
  it('says it runs, then shows its figures', async () => {
    const sim = fake(() => simulatorApi.poolMonteCarlo(pooled, { samples: 200 }));
    const u = new Uncertainty(sim.engine, 1);
    u.request(pooled);
    await until(() => sim.poolRuns() === 1);
    expect(u.result).not.toBeNull();
    expect(u.poolRunning).toBe(true);
    expect(u.pool).toBeNull();
    sim.release();
    await until(() => !u.running);
    expect(u.poolRunning).toBe(false);
    // The scenario's own workload is the first member; pool.members are the others.
    expect(u.pool?.members.length).toBe(pooled.pool!.members.length + 1);
    expect(u.poolFailure).toBeNull();
  });

  it('a model failure is the pool’s own: its message kept, the options’ figures shown and up to date', async () => {
    const sim = fake(async () => ({ ok: false, error: { kind: 'modelError', message: 'member 2 has no demand' } }));
    const u = new Uncertainty(sim.engine, 1);
    u.request(pooled);
    await until(() => sim.poolRuns() === 1);
    sim.release();
    await until(() => !u.running);
    expect(u.poolFailure).toEqual({ key: 'failure.model', detail: 'member 2 has no demand' });
    expect(u.pool).toBeNull();
    expect(u.result).not.toBeNull();
    expect(u.stale).toBe(false);
    expect(u.failure).toBeNull();
  });

  it('a crashed simulator during the pool run: said as a crash beside the pool, the options’ figures not marked stale', async () => {
    const sim = fake(async () => {
      throw new EngineFailed('crashed', 'the simulator stopped', 'simulator');
    });
    const u = new Uncertainty(sim.engine, 1);
    u.request(pooled);
    await until(() => sim.poolRuns() === 1);
    sim.release();
    await until(() => !u.running);
    expect(u.poolFailure?.key).toBe('failure.crashed');
    expect(u.stale).toBe(false);
    expect(u.failure).toBeNull();
    expect(u.result).not.toBeNull();
  });

  it('a pool run stopped between two samples (`cancelled`) shows nothing and says no failure', async () => {
    const sim = fake(async () => ({ ok: false, error: { kind: 'cancelled' } }));
    const u = new Uncertainty(sim.engine, 1);
    u.request(pooled);
    await until(() => sim.poolRuns() === 1);
    sim.release();
    await until(() => !u.running);
    expect(u.pool).toBeNull();
    expect(u.poolFailure).toBeNull();
    expect(u.poolRunning).toBe(false);
  });
});
