// The uncertainty state (issue 11) with the simulator faked: one run at a time, a newer scenario
// stops the run in progress and runs next (the latest wins), a cancel settles at once and starts
// no tornado, a scenario without ranges stops the run and clears.
import { describe, expect, it } from 'vitest';
import { EngineAborted } from '../../../src/engine/worker-bridge.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import { Uncertainty, type SimulatorEngine } from '../../../src/state/uncertainty.svelte.ts';
import { simulatorApi, type MonteCarloResponse } from '../../../workers/api.ts';
import { deferred } from './fake-worker.ts';
import { cloud, scenario, withRanges } from './scenarios.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A simulator whose Monte Carlo waits for `release()`; records what it was asked. */
function fakeSimulator() {
  const runs: { s: Scenario; gate: ReturnType<typeof deferred<void>>; aborted: boolean }[] = [];
  let tornadoes = 0;
  const engine: SimulatorEngine = {
    warmUpMonteCarlo: async () => undefined,
    monteCarlo: (s, _request, _progress, options = {}) =>
      new Promise<MonteCarloResponse>((resolve, reject) => {
        const gate = deferred<void>();
        const run = { s, gate, aborted: false };
        runs.push(run);
        options.signal?.addEventListener('abort', () => {
          run.aborted = true;
          reject(new EngineAborted('cancelled'));
        });
        void gate.promise.then(() => resolve(simulatorApi.monteCarlo(s, { samples: 1000 })));
      }),
    sensitivity: async (s, options = {}) => {
      if (options.signal?.aborted) throw new EngineAborted('aborted before start');
      tornadoes += 1;
      return simulatorApi.tornado(s);
    },
  };
  return { engine, runs, tornadoes: () => tornadoes };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await sleep(10);
  if (!condition()) throw new Error('condition never met');
}

describe('Uncertainty', () => {
  it('a newer scenario stops the run in progress (not waited for) and runs next; the stopped run shows nothing', async () => {
    const sim = fakeSimulator();
    const u = new Uncertainty(sim.engine, 1);
    const a = withRanges(scenario([cloud({ priceCcyPerGpuHour: 2 })]));
    const b = withRanges(scenario([cloud({ priceCcyPerGpuHour: 3 })]));
    u.request(a);
    await until(() => sim.runs.length === 1);
    u.request(b);
    // b starts while a was never released: a was cancelled for it, not waited for.
    await until(() => sim.runs.length === 2);
    expect(sim.runs[0]!.aborted).toBe(true);
    expect(sim.runs[1]!.s).toBe(b);
    expect(sim.runs[1]!.aborted).toBe(false);
    // Superseded, not cancelled by the person.
    expect(u.cancelled).toBe(false);
    expect(u.running).toBe(true);
    // a's answer, were it to come now, is dropped.
    sim.runs[0]!.gate.resolve();
    await sleep(10);
    expect(u.result).toBeNull();
    sim.runs[1]!.gate.resolve();
    await until(() => !u.running && u.result !== null);
    // b's figures (a's price differs, so a's would not match).
    const expected = await simulatorApi.monteCarlo(b, { samples: 1000 });
    if (!expected.ok) throw new Error('b does not run');
    expect(u.result).toEqual(expected.result);
    expect(u.stale).toBe(false);
    expect(u.cancelled).toBe(false);
    expect(sim.tornadoes()).toBe(1);
  });

  it('of scenarios edited in one burst, only the latest runs', async () => {
    const sim = fakeSimulator();
    const u = new Uncertainty(sim.engine, 30);
    const a = withRanges(scenario([cloud({ priceCcyPerGpuHour: 2 })]));
    const b = withRanges(scenario([cloud({ priceCcyPerGpuHour: 3 })]));
    const c = withRanges(scenario([cloud({ priceCcyPerGpuHour: 4 })]));
    u.request(a);
    await until(() => sim.runs.length === 1);
    u.request(b);
    u.request(c);
    await until(() => sim.runs.length === 2);
    expect(sim.runs[1]!.s).toBe(c);
    sim.runs[1]!.gate.resolve();
    await until(() => !u.running && u.result !== null);
    await sleep(50);
    expect(sim.runs).toHaveLength(2);
    expect(sim.tornadoes()).toBe(1);
  });

  it('a scenario without ranges stops the run in progress and shows nothing', async () => {
    const sim = fakeSimulator();
    const u = new Uncertainty(sim.engine, 1);
    u.request(withRanges(scenario([cloud()])));
    await until(() => sim.runs.length === 1);
    u.request(scenario([cloud()]));
    await until(() => !u.running);
    expect(sim.runs[0]!.aborted).toBe(true);
    expect(u.cancelled).toBe(false);
    expect(u.stale).toBe(false);
    expect(u.result).toBeNull();
    expect(sim.tornadoes()).toBe(0);
  });

  it('a cancelled run settles at once, keeps what was shown (out of date), and starts no tornado', async () => {
    const sim = fakeSimulator();
    const u = new Uncertainty(sim.engine, 1);
    u.request(withRanges(scenario([cloud()])));
    await until(() => sim.runs.length === 1);
    u.cancel();
    await until(() => !u.running);
    expect(u.cancelled).toBe(true);
    expect(u.result).toBeNull();
    sim.runs[0]!.gate.resolve();
    await sleep(10);
    expect(sim.tornadoes()).toBe(0);
    expect(u.result).toBeNull();
  });

  it('a scenario without ranges clears the results', async () => {
    const sim = fakeSimulator();
    const u = new Uncertainty(sim.engine, 1);
    u.request(scenario([cloud()]));
    expect(u.result).toBeNull();
    expect(u.stale).toBe(false);
    expect(sim.runs).toHaveLength(0);
  });
});

/** A simulator that runs what it is asked (sample count included), each run waiting for `release()`. */
function askedSimulator() {
  const runs: { samples: number | undefined; gate: ReturnType<typeof deferred<void>> }[] = [];
  const engine: SimulatorEngine = {
    warmUpMonteCarlo: async () => undefined,
    monteCarlo: (s, request, _progress, options = {}) =>
      new Promise<MonteCarloResponse>((resolve, reject) => {
        const gate = deferred<void>();
        runs.push({ samples: request.samples, gate });
        options.signal?.addEventListener('abort', () => reject(new EngineAborted('cancelled')));
        void gate.promise.then(() => resolve(simulatorApi.monteCarlo(s, request)));
      }),
    sensitivity: async (s) => simulatorApi.tornado(s),
  };
  return { engine, runs };
}

/** A scenario with a range and `samples` samples. */
function sampled(samples: number): Scenario {
  const s = withRanges(scenario([cloud()]));
  return { ...s, uncertainty: { ...s.uncertainty, samples } };
}

describe('Uncertainty: the first look (issue 11)', () => {
  it('shows a first look of a few samples at once when nothing is shown, then the full run replaces it', async () => {
    const sim = askedSimulator();
    const u = new Uncertainty(sim.engine, 1, 1000);
    u.request(sampled(4000));
    await until(() => sim.runs.length === 1);
    expect(sim.runs[0]!.samples).toBe(1000);
    expect(u.runningSamples).toBe(1000);
    sim.runs[0]!.gate.resolve();
    await until(() => sim.runs.length === 2);
    // The first look is shown, with its own sample count and the full run's; never as the result.
    expect(u.firstLook?.samples).toBe(1000);
    expect(u.firstLookOf).toBe(4000);
    expect(u.result).toBeNull();
    expect(u.running).toBe(true);
    expect(u.runningSamples).toBe(4000);
    // The full run: the scenario's own samples.
    expect(sim.runs[1]!.samples).toBeUndefined();
    sim.runs[1]!.gate.resolve();
    await until(() => !u.running);
    expect(u.result?.samples).toBe(4000);
    expect(u.firstLook).toBeNull();
    expect(u.tornado).not.toBeNull();
  });

  it('runs no first look once results are shown, nor when the scenario asks for no more samples than a first look', async () => {
    const sim = askedSimulator();
    const u = new Uncertainty(sim.engine, 1, 1000);
    u.request(sampled(1000));
    await until(() => sim.runs.length === 1);
    expect(sim.runs[0]!.samples).toBeUndefined();
    sim.runs[0]!.gate.resolve();
    await until(() => !u.running && u.result !== null);
    u.request(sampled(4000));
    await until(() => sim.runs.length === 2);
    expect(sim.runs[1]!.samples).toBeUndefined();
    sim.runs[1]!.gate.resolve();
    await until(() => !u.running && u.result?.samples === 4000);
    expect(u.firstLook).toBeNull();
  });

  it('a full run cancelled after the first look leaves the first look shown, not out of date, and runs no second first look', async () => {
    const sim = askedSimulator();
    const u = new Uncertainty(sim.engine, 1, 1000);
    u.request(sampled(4000));
    await until(() => sim.runs.length === 1);
    sim.runs[0]!.gate.resolve();
    await until(() => sim.runs.length === 2);
    u.cancel();
    await until(() => !u.running);
    expect(u.cancelled).toBe(true);
    expect(u.firstLook?.samples).toBe(1000);
    expect(u.result).toBeNull();
    expect(u.stale).toBe(false);
    u.rerun();
    await until(() => sim.runs.length === 3);
    expect(sim.runs[2]!.samples).toBeUndefined();
  });

  it('an edit during the full run marks the first look out of date; the newer scenario gets a full run', async () => {
    const sim = askedSimulator();
    const u = new Uncertainty(sim.engine, 1, 1000);
    u.request(sampled(4000));
    await until(() => sim.runs.length === 1);
    sim.runs[0]!.gate.resolve();
    await until(() => sim.runs.length === 2);
    u.request(sampled(3000));
    expect(u.stale).toBe(true);
    await sleep(10);
    sim.runs[1]!.gate.resolve();
    await until(() => sim.runs.length === 3);
    expect(sim.runs[2]!.samples).toBeUndefined();
    sim.runs[2]!.gate.resolve();
    await until(() => !u.running && u.result !== null);
    expect(u.result?.samples).toBe(3000);
    expect(u.firstLook).toBeNull();
    expect(u.stale).toBe(false);
  });

  it('a scenario without ranges clears the first look', async () => {
    const sim = askedSimulator();
    const u = new Uncertainty(sim.engine, 1, 1000);
    u.request(sampled(4000));
    await until(() => sim.runs.length === 1);
    sim.runs[0]!.gate.resolve();
    await until(() => u.firstLook !== null);
    u.request(scenario([cloud()]));
    expect(u.firstLook).toBeNull();
    expect(u.stale).toBe(false);
  });
});
