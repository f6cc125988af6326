// The bench's yardstick (test/bench/hand-tuned.ts) computes the same outputs as the planner's run:
// with the same draws, the same numbers. Otherwise the speed ratio `npm run bench` reports would
// compare unlike work.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario/load.ts';
import { runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';
import { handTunedSameOutputs, referenceConstants } from '../../bench/hand-tuned.ts';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('the hand-tuned loop of the bench', () => {
  it('gives the planner’s totals, NPVs, CO2e, shares and fan on the reference model', () => {
    const r = loadScenarioText(readFileSync('test/bench/reference-model.json', 'utf8'));
    if (!r.ok) throw new Error('the reference model does not load');
    const s = r.scenario;
    const n = 3000;
    const mc = runMonteCarlo(s, { samples: n });
    const hand = handTunedSameOutputs(n, s.uncertainty.seed, referenceConstants(s));
    mc.options.forEach((o, i) => {
      const h = hand.options[i]!;
      for (const key of ['cost', 'npv', 'co2eKg'] as const) {
        for (const stat of ['p5', 'p50', 'p95', 'mean', 'sd'] as const) expect(close(o[key][stat], h[key][stat]), `${o.id} ${key} ${stat}: ${o[key][stat]} vs ${h[key][stat]}`).toBe(true);
      }
      expect(o.pCheapest).toBe(h.pCheapest);
      o.fan.forEach((v, j) => expect(close(v, h.fan[j]!), `${o.id} fan ${j}`).toBe(true));
    });
    expect(mc.options[0]!.pBreakEven).toBe(hand.pBreakEven);
  });
});
