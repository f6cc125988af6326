// The two bridges (issue 11): the evaluator is never terminated for a stale call (its stale
// answers are dropped), a cancelled simulation settles at once without killing the worker, and a
// crashed simulator is restarted while the evaluation goes on. Every pending call settles.
import { describe, expect, it } from 'vitest';
import { Engine, EngineAborted, EngineFailed } from '../../../src/engine/bridge.svelte.ts';
import { ScenarioDocument } from '../../../src/state/document.svelte.ts';
import { Planner } from '../../../src/state/evaluation.svelte.ts';
import { evaluatorApi, simulatorApi, type MonteCarloRequest, type MonteCarloResponse } from '../../../workers/api.ts';
import { CHUNK, runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import { deferred, fakeWorkers } from './fake-worker.ts';
import { WorkerBridge } from '../../../src/engine/worker-bridge.ts';
import { cloud, scenario, withRanges } from './scenarios.ts';

describe('the evaluator bridge', () => {
  it('drops a stale evaluation and keeps the same worker', async () => {
    // The first call answers after the second one: its answer must not be shown.
    const gates: Array<ReturnType<typeof deferred<void>>> = [];
    const evaluator = fakeWorkers(() => ({
      ...evaluatorApi,
      evaluate: async (input: unknown) => {
        const gate = deferred<void>();
        gates.push(gate);
        await gate.promise;
        return evaluatorApi.evaluate(input);
      },
    }));
    const simulator = fakeWorkers(() => simulatorApi);
    const engine = new Engine({ evaluator: evaluator.factory, simulator: simulator.factory });
    const doc = new ScenarioDocument(scenario([cloud({ priceCcyPerGpuHour: 2 })]));
    const planner = new Planner(doc, engine);

    const done = planner.evaluate();
    await until(() => gates.length === 1);
    // Edited while the first call is in flight: its answer is stale when it comes, and dropped.
    (doc.scenario.options[0] as { priceCcyPerGpuHour: number }).priceCcyPerGpuHour = 3;
    void planner.evaluate();
    (doc.scenario.options[0] as { priceCcyPerGpuHour: number }).priceCcyPerGpuHour = 4;
    void planner.evaluate();
    gates[0]!.resolve();
    await until(() => gates.length === 2);
    expect(planner.result).toBeNull();
    gates[1]!.resolve();
    await done;
    expect((planner.evaluated?.options[0] as { priceCcyPerGpuHour: number }).priceCcyPerGpuHour).toBe(4);
    // One call for the two edits made while the first was in flight.
    expect(gates).toHaveLength(2);
    expect(planner.running).toBe(false);
    expect(evaluator.made).toHaveLength(1);
    expect(evaluator.made[0]!.terminated).toBe(false);
  });

  it('hands on the validated scenario with the result', async () => {
    const evaluator = fakeWorkers(() => evaluatorApi);
    const engine = new Engine({ evaluator: evaluator.factory, simulator: fakeWorkers(() => simulatorApi).factory });
    const r = await engine.evaluate(scenario([cloud()]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.options[0]!.kind).toBe('cloud');
  });
});

describe('the simulator bridge', () => {
  it('settles a cancelled simulation at once, drops its answer, and keeps the worker for the next run', async () => {
    const gate = deferred<void>();
    let calls = 0;
    const simulator = fakeWorkers(() => ({
      ...simulatorApi,
      monteCarlo: async (s: Scenario) => {
        calls += 1;
        if (calls === 1) await gate.promise;
        return simulatorApi.monteCarlo(s, { samples: 1000 });
      },
    }));
    const engine = new Engine({ evaluator: fakeWorkers(() => evaluatorApi).factory, simulator: simulator.factory });
    const s = withRanges(scenario([cloud()]));
    const controller = new AbortController();
    const run = engine.monteCarlo(s, {}, null, { signal: controller.signal });
    controller.abort();
    await expect(run).rejects.toBeInstanceOf(EngineAborted);
    // Not started after a cancel (the tornado that would follow).
    await expect(engine.sensitivity(s, { signal: controller.signal })).rejects.toBeInstanceOf(EngineAborted);
    const next = engine.monteCarlo(s, {}, null);
    gate.resolve();
    const r = await next;
    expect(r.ok).toBe(true);
    expect(simulator.made).toHaveLength(1);
    expect(simulator.made[0]!.terminated).toBe(false);
    expect(engine.restarts).toBe(0);
  });

  it('a cancelled Monte Carlo is stopped by the worker between its chunks, and the next run starts on the same worker', async () => {
    // The worker's own step-wise run, pausing on a macrotask after every chunk (as the worker does).
    const answers: MonteCarloResponse[] = [];
    const macrotask = () => new Promise<void>((r) => setTimeout(r, 0));
    const simulator = fakeWorkers(() => ({
      ...simulatorApi,
      monteCarlo: async (s: Scenario, request?: MonteCarloRequest, onProgress?: (done: number, total: number) => void) => {
        const r = await simulatorApi.monteCarlo(s, request, onProgress, () => performance.now(), macrotask, 0);
        answers.push(r);
        return r;
      },
    }));
    const engine = new Engine({ evaluator: fakeWorkers(() => evaluatorApi).factory, simulator: simulator.factory });
    const s = withRanges(scenario([cloud()]));
    const controller = new AbortController();
    const long = engine.monteCarlo(s, { samples: 400 * CHUNK }, null, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(long).rejects.toBeInstanceOf(EngineAborted);
    const next = await engine.monteCarlo(s, { samples: 4 * CHUNK, seed: 2 }, null);
    expect(next.ok).toBe(true);
    // The worker ended the long run early (cancelled, not run to its end), then ran the next one.
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.kind))).toEqual(['cancelled', 'ok']);
    if (next.ok) expect(next.result).toEqual({ ...runMonteCarlo(s, { samples: 4 * CHUNK, seed: 2 }), elapsedMs: next.result.elapsedMs });
    expect(simulator.made).toHaveLength(1);
    expect(simulator.made[0]!.terminated).toBe(false);
    expect(engine.restarts).toBe(0);
  });

  it('a cancel after the run ended (here by a crash) starts no worker to carry it', async () => {
    const never = fakeWorkers(() => ({ ...simulatorApi, monteCarlo: () => new Promise(() => undefined) }));
    const engine = new Engine({ evaluator: fakeWorkers(() => evaluatorApi).factory, simulator: never.factory });
    const controller = new AbortController();
    const run = engine.monteCarlo(withRanges(scenario([cloud()])), {}, null, { signal: controller.signal });
    await until(() => never.made.length === 1);
    never.made[0]!.crash('gone');
    await expect(run).rejects.toBeInstanceOf(EngineFailed);
    controller.abort();
    await new Promise((r) => setTimeout(r, 20));
    expect(never.made).toHaveLength(1);
    expect(engine.simulator.starts).toBe(1);
  });

  it('restarts a crashed simulator while the evaluation goes on', async () => {
    const never = fakeWorkers(() => ({ ...simulatorApi, monteCarlo: () => new Promise(() => undefined) }));
    const real = fakeWorkers(() => simulatorApi);
    let starts = 0;
    const evaluator = fakeWorkers(() => evaluatorApi);
    const failures: EngineFailed[] = [];
    const engine = new Engine({
      evaluator: evaluator.factory,
      simulator: (onCrash) => (starts++ === 0 ? never.factory(onCrash) : real.factory(onCrash)),
    });
    engine.onFailure((e) => failures.push(e));
    const s = withRanges(scenario([cloud()]));
    const run = engine.monteCarlo(s, {}, null);
    const evaluation = engine.evaluate(s);
    await until(() => never.made.length === 1);
    never.made[0]!.crash('out of memory');
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineFailed);
    expect(error).toMatchObject({ reason: 'crashed', worker: 'simulator' });
    expect(never.made[0]!.terminated).toBe(true);
    expect((await evaluation).ok).toBe(true);
    expect(evaluator.made[0]!.terminated).toBe(false);
    // The next run starts a fresh simulator.
    expect((await engine.monteCarlo(s, { samples: 1000 }, null)).ok).toBe(true);
    expect(real.made).toHaveLength(1);
    expect(failures.map((f) => `${f.worker}:${f.reason}`)).toEqual(['simulator:crashed']);
    expect(engine.lastFailure?.reason).toBe('crashed');
  });
});

describe('a busy simulator', () => {
  it('is not judged dead while a long run answers between its chunks, cancelled or not', async () => {
    // Five chunks of 60 ms: the run takes longer than the 150 ms limit, but the worker reports
    // between chunks, so it is busy, not dead — it must be neither terminated nor restarted.
    const s = withRanges(scenario([cloud()]));
    const answer = simulatorApi.monteCarlo(s, { samples: 1000 });
    const simulator = fakeWorkers(() => ({
      ...simulatorApi,
      monteCarlo: async (_s: Scenario, _request?: unknown, onProgress?: (done: number, total: number) => void) => {
        for (let i = 1; i <= 5; i++) {
          await new Promise((r) => setTimeout(r, 60));
          onProgress?.(i, 5);
        }
        return answer;
      },
    }));
    const engine = new Engine({ evaluator: fakeWorkers(() => evaluatorApi).factory, simulator: simulator.factory });
    // Without a progress listener (the page may not show progress), and with one.
    expect((await engine.monteCarlo(s, {}, null, { timeoutMs: 150 })).ok).toBe(true);
    const heard: number[] = [];
    expect((await engine.monteCarlo(s, {}, (done) => heard.push(done), { timeoutMs: 150 })).ok).toBe(true);
    // The reports come on their own channel: the last may follow the answer.
    await until(() => heard.length === 5);
    expect(heard).toEqual([1, 2, 3, 4, 5]);
    // A cancelled run goes on in the worker (its answer dropped); its reports still show it alive.
    const controller = new AbortController();
    const heardAfterCancel: number[] = [];
    const cancelled = engine.monteCarlo(s, {}, (done) => heardAfterCancel.push(done), { signal: controller.signal, timeoutMs: 150 });
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(EngineAborted);
    const next = await engine.monteCarlo(s, {}, null, { timeoutMs: 150 });
    expect(next.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    // Nothing heard from the cancelled run by its caller.
    expect(heardAfterCancel).toEqual([]);
    expect(simulator.made).toHaveLength(1);
    expect(simulator.made[0]!.terminated).toBe(false);
    expect(engine.restarts).toBe(0);
    expect(engine.lastFailure).toBeNull();
  });
});

describe('a worker that stops answering', () => {
  it('is terminated after the time limit and every pending call settles, a cancelled one included', async () => {
    const silent = fakeWorkers(() => ({ wait: () => new Promise(() => undefined) }));
    const failures: EngineFailed[] = [];
    const bridge = new WorkerBridge<{ wait(): Promise<never> }>('simulator', silent.factory, (e) => failures.push(e));
    const controller = new AbortController();
    const cancelled = bridge.call((api) => api.wait(), { signal: controller.signal, timeoutMs: 50 });
    const waiting = bridge.call((api) => api.wait(), { timeoutMs: 50 });
    controller.abort();
    await expect(cancelled).rejects.toBeInstanceOf(EngineAborted);
    await expect(waiting).rejects.toMatchObject({ reason: 'timeout' });
    expect(silent.made[0]!.terminated).toBe(true);
    expect(bridge.pendingCount).toBe(0);
    // The cancelled call's worker still had to answer: it is the one that timed out.
    expect(failures).toHaveLength(1);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error('condition never met');
}

describe('the planner when the evaluator fails', () => {
  it('says so even when an edit came meanwhile, and evaluates the latest on the next call', async () => {
    let calls = 0;
    const evaluator = fakeWorkers(() => ({
      ...evaluatorApi,
      evaluate: (input: unknown) => (++calls === 1 ? new Promise(() => undefined) : evaluatorApi.evaluate(input)),
    }));
    const engine = new Engine({ evaluator: evaluator.factory, simulator: fakeWorkers(() => simulatorApi).factory });
    const doc = new ScenarioDocument(scenario([cloud()]));
    const planner = new Planner(doc, engine);
    const first = planner.evaluate();
    await until(() => calls === 1);
    (doc.scenario.options[0] as { priceCcyPerGpuHour: number }).priceCcyPerGpuHour = 3;
    void planner.evaluate();
    evaluator.made[0]!.crash('gone');
    await first;
    expect(planner.failure?.key).toBe('failure.crashed');
    expect(planner.running).toBe(false);
    await planner.evaluate();
    expect(planner.failure).toBeNull();
    expect((planner.evaluated?.options[0] as { priceCcyPerGpuHour: number }).priceCcyPerGpuHour).toBe(3);
    expect(evaluator.made).toHaveLength(2);
  });
});
