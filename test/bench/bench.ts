// `npm run bench`: speed of the models, measured warm. Prints one JSON line per measurement.
// Targets: one evaluation of a 120-month, 6-option scenario under 5 ms (issue #3); the Monte
// Carlo of the reference model (test/bench/reference-model.json) within 1.5× of a hand-tuned
// loop — N = 10,000 under 5 ms, 100,000 under 45 ms — and the first run after the worker's
// warm-up under 10 ms (issue #6). The Monte Carlo is the function the worker runs.
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { api } from '../../workers/api.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { runMonteCarlo } from '../../workers/models/uncertainty/montecarlo.ts';
import { handTuned } from './hand-tuned.ts';
import { sixOptions120Months } from './scenarios.ts';

function measure(fn: () => unknown, warmup: number, runs: number): { medianMs: number; p95Ms: number; minMs: number } {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    medianMs: round(times[Math.floor(runs / 2)]!),
    p95Ms: round(times[Math.floor(runs * 0.95)]!),
    minMs: round(times[0]!),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

const loaded = loadScenarioText(readFileSync('test/bench/reference-model.json', 'utf8'));
if (!loaded.ok) throw new Error('test/bench/reference-model.json does not load');
const reference = loaded.scenario;
const months = reference.settings.horizonMonths;

// First: what the page does when it opens — the worker's warm-up, then the first visible run,
// on the scenario the planner opens with (the mix example, with its ranges).
const opening = loadScenarioText(readFileSync('public/examples/mix-buy-cloud-decentralised.json', 'utf8'));
if (!opening.ok) throw new Error('the mix example does not load');
const warmUpMs = api.warmUp(() => performance.now());
const t0 = performance.now();
runMonteCarlo(opening.scenario);
const firstMs = performance.now() - t0;
console.log(
  JSON.stringify({ bench: 'monteCarloFirstVisibleRun', scenario: 'mix example', samples: opening.scenario.uncertainty.samples, warmUpMs: round(warmUpMs), ms: round(firstMs), targetMs: 10 }),
);

for (const [samples, runs, targetMs] of [
  [10_000, 200, 5],
  [100_000, 30, 45],
] as const) {
  const mc = measure(() => runMonteCarlo(reference, { samples }), 5, runs);
  const loop = measure(() => handTuned(samples, reference.uncertainty.seed), 5, runs);
  console.log(
    JSON.stringify({
      bench: 'monteCarlo',
      model: 'reference',
      samples,
      months,
      ...mc,
      sampleMonthsPerSecond: Math.round((samples * months) / (mc.medianMs / 1000)),
      handTunedMedianMs: loop.medianMs,
      handTunedSampleMonthsPerSecond: Math.round((samples * months) / (loop.medianMs / 1000)),
      ratioToHandTuned: round(mc.medianMs / loop.medianMs),
      targetMs,
    }),
  );
}

const s = sixOptions120Months();
const r = measure(() => evaluateScenario(s), 200, 1000);
console.log(JSON.stringify({ bench: 'evaluate', months: 120, options: 6, ...r, targetMs: 5 }));
