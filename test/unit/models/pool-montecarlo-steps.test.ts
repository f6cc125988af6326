// The pool's Monte Carlo in steps (issue 11): sample by sample, so that the simulator worker can
// pause between samples and a cancel reaches it, as for the options' Monte Carlo. Its figures are
// those saved before it ran in steps (test/fixtures/pool-montecarlo-before.json), bit for bit.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cancelMonteCarlo, simulatorApi } from '../../../workers/api.ts';
import { POOL_PROGRESS_EVERY, poolMonteCarloSteps, runPoolMonteCarlo } from '../../../workers/models/uncertainty/pool-montecarlo.ts';
import { casablanca, poolCases } from './pool-montecarlo-cases.ts';

const before = JSON.parse(readFileSync('test/fixtures/pool-montecarlo-before.json', 'utf8')) as Record<string, unknown>;
const cases = poolCases();
const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
const odd = cases.find((c) => c.name === 'casablanca-gpuHours-137')!;
/** A clock that never moves and a slice of 0 ms: a pause after every sample, and no timing in the test. */
const still = () => 0;

describe('the pool Monte Carlo in steps', () => {
  for (const c of cases) {
    it(`${c.name}: the figures saved before the steps, bit for bit`, () => {
      const r = runPoolMonteCarlo(c.scenario, { samples: c.samples, seed: c.seed });
      expect(r!.samples).toBe(c.samples);
      expect(plain(r)).toEqual(before[c.name]);
    });
  }

  it('yields the samples done after every sample but the last, and returns the same result', () => {
    const steps = poolMonteCarloSteps(odd.scenario, { samples: odd.samples, seed: odd.seed });
    const yielded: number[] = [];
    for (;;) {
      const r = steps.next();
      if (r.done) {
        expect(plain(r.value)).toEqual(before[odd.name]);
        break;
      }
      yielded.push(r.value);
    }
    expect(yielded).toEqual(Array.from({ length: odd.samples - 1 }, (_, k) => k + 1));
  });

  it(`reports progress every ${POOL_PROGRESS_EVERY} samples and at the end`, () => {
    const heard: [number, number][] = [];
    runPoolMonteCarlo(odd.scenario, { samples: odd.samples, seed: odd.seed, onProgress: (done, total) => heard.push([done, total]) });
    expect(heard).toEqual([25, 50, 75, 100, 125, 137].map((d) => [d, 137]));
  });

  it('no pool: null at once, no step', () => {
    const s = casablanca();
    delete s.pool;
    expect(poolMonteCarloSteps(s).next()).toEqual({ done: true, value: null });
  });

  it('through the simulator: the same figures, pausing between samples', async () => {
    let pauses = 0;
    const r = await simulatorApi.poolMonteCarlo(odd.scenario, { samples: odd.samples, seed: odd.seed }, undefined, still, async () => void (pauses += 1), 0);
    expect(r.ok && plain(r.result)).toEqual(before[odd.name]);
    expect(pauses).toBe(odd.samples - 1);
  });

  it('a cancel sent during a pause ends the run there, answering cancelled', async () => {
    let pauses = 0;
    const heard: number[] = [];
    const pause = async () => {
      pauses += 1;
      if (pauses === 30) cancelMonteCarlo();
    };
    const r = await simulatorApi.poolMonteCarlo(odd.scenario, { samples: odd.samples, seed: odd.seed }, (done) => heard.push(done), still, pause, 0);
    expect(r).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(pauses).toBe(30);
    // Stopped after its 30th sample: it reported at 25 only, not at the end.
    expect(heard).toEqual([25]);
    // The next run is not stopped by that cancel.
    const next = await simulatorApi.poolMonteCarlo(odd.scenario, { samples: 10, seed: 1 }, undefined, still, async () => undefined, 0);
    expect(next.ok).toBe(true);
  });

  it('a cancel of the options’ Monte Carlo stops a pool run started before it, and a model error is an answer', async () => {
    const pending = simulatorApi.poolMonteCarlo(odd.scenario, { samples: 50, seed: 1 }, undefined, still, async () => undefined, 0);
    cancelMonteCarlo();
    expect(await pending).toEqual({ ok: false, error: { kind: 'cancelled' } });
    const broken = structuredClone(odd.scenario);
    broken.uncertainty.ranges[0]!.field = 'noSuchInput';
    const r = await simulatorApi.poolMonteCarlo(broken, { samples: 5 }, undefined, still, async () => undefined, 0);
    expect(r.ok === false && r.error.kind).toBe('modelError');
  });
});
