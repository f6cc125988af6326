// The simulator's warm-up (issue 11: the first visible run ≤ 10 ms of worker time) runs the page's
// own runs on the mix example so that the person's first run finds the loops compiled. It must
// change no figure: the runs after it equal runs in a fresh module, and a sample count read from
// the field table (a boxed double) gives the run of the same integer.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { FIRST_LOOK_SAMPLES } from '../../../src/scenario/constants.ts';
import { FIELDS } from '../../../src/scenario/fields.ts';
import { loadScenarioText } from '../../../src/scenario/load.ts';
import type { MonteCarloResult } from '../../../workers/models/uncertainty/montecarlo.ts';

function load(path: string) {
  const r = loadScenarioText(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path} does not load`);
  return r.scenario;
}

const mix = load('public/examples/mix-buy-cloud-decentralised.json');
const reference = load('test/bench/reference-model.json');

/** The figures of a run, without its worker time. */
function figures(r: MonteCarloResult) {
  const { elapsedMs, ...rest } = r;
  expect(elapsedMs).toBeGreaterThanOrEqual(0);
  return { ...rest, options: rest.options.map((o) => ({ ...o, fan: Array.from(o.fan) })) };
}

describe('the warm-up', () => {
  it('changes no figure of the runs after it (the first look, the full run, another scenario)', async () => {
    vi.resetModules();
    const fresh = await import('../../../workers/models/uncertainty/montecarlo.ts');
    const before = [fresh.runMonteCarlo(mix, { samples: FIRST_LOOK_SAMPLES }), fresh.runMonteCarlo(mix), fresh.runMonteCarlo(reference, { samples: 3_000 })].map(figures);
    vi.resetModules();
    const api = await import('../../../workers/api.ts');
    const mc = await import('../../../workers/models/uncertainty/montecarlo.ts');
    expect(api.warmUp()).toBeGreaterThanOrEqual(0);
    const after = [mc.runMonteCarlo(mix, { samples: FIRST_LOOK_SAMPLES }), mc.runMonteCarlo(mix), mc.runMonteCarlo(reference, { samples: 3_000 })].map(figures);
    expect(after).toEqual(before);
    expect(after[0]!.samples).toBe(FIRST_LOOK_SAMPLES);
  }, 60_000);

  it('a sample count from the field table runs as its integer', async () => {
    const { runMonteCarlo, smallInteger } = await import('../../../workers/models/uncertainty/montecarlo.ts');
    expect(smallInteger(1000.0)).toBe(1000);
    expect(smallInteger(2.5)).toBe(2.5);
    expect(smallInteger(2 ** 40)).toBe(2 ** 40);
    expect(figures(runMonteCarlo(mix, { samples: FIELDS.samples.min }))).toEqual(figures(runMonteCarlo(mix, { samples: 1000 })));
  });
});
