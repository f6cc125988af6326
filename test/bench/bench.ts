// `npm run bench`: speed of the models, measured warm. Prints one JSON line per measurement, each
// with `bench`, `samples` (where it has some) and `medianMs`. Targets: one evaluation of a
// 120-month, 6-option scenario under 5 ms (issue #3); the Monte Carlo of the reference model
// (test/bench/reference-model.json) within 1.5× of a hand-tuned loop that computes the same
// outputs, at N = 10,000 and 100,000 (issue #9; issue #6's means-only loop is kept alongside), and
// the first run after the worker's warm-up under 10 ms. The Monte Carlo is the function the worker runs.
import { readFileSync } from 'node:fs';
import { FIRST_LOOK_SAMPLES } from '../../src/scenario/constants.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { api } from '../../workers/api.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { runMonteCarlo } from '../../workers/models/uncertainty/montecarlo.ts';
import { handTuned, handTunedSameOutputs, referenceConstants } from './hand-tuned.ts';
import { sixOptions120Months, sixOptionsEveryConstraint } from './scenarios.ts';
import { optimise as optimiseScenario } from '../../workers/models/optimise/search.ts';

interface Timing {
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

function summarise(times: number[]): Timing {
  times.sort((a, b) => a - b);
  const runs = times.length;
  return { medianMs: round(times[Math.floor(runs / 2)]!), p95Ms: round(times[Math.floor(runs * 0.95)]!), minMs: round(times[0]!) };
}

/** Times each function `runs` times, taking them in turn. */
function measureInTurn(fns: (() => unknown)[], warmup: number, runs: number): Timing[] {
  for (let i = 0; i < warmup; i++) for (const fn of fns) fn();
  const times = fns.map((): number[] => []);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, j) => {
      const t0 = performance.now();
      fn();
      times[j]!.push(performance.now() - t0);
    });
  }
  return times.map(summarise);
}

function measure(fn: () => unknown, warmup: number, runs: number): Timing {
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
// The page's first look (FIRST_LOOK_SAMPLES, same seed), then the full run that replaces it.
// Each with a progress listener and the clock, as the simulator worker runs them.
const pageRun = { onProgress: () => undefined, clock: () => performance.now() };
const t0 = performance.now();
runMonteCarlo(opening.scenario, { samples: FIRST_LOOK_SAMPLES, ...pageRun });
const firstMs = performance.now() - t0;
const t1 = performance.now();
runMonteCarlo(opening.scenario, pageRun);
const fullMs = performance.now() - t1;
console.log(
  JSON.stringify({
    bench: 'monteCarloFirstVisibleRun',
    scenario: 'mix example',
    // The first visible run is the first look: its samples, then the full run's.
    samples: FIRST_LOOK_SAMPLES,
    warmUpMs: round(warmUpMs),
    // One run (the first after the warm-up): its time is its median.
    medianMs: round(firstMs),
    targetMs: 10,
    fullRunSamples: opening.scenario.uncertainty.samples,
    fullRunMs: round(fullMs),
  }),
);

// The hand-tuned loops read the reference model's catalog figures and distributions from its plan.
const constants = referenceConstants(reference);

for (const [samples, runs] of [
  [10_000, 200],
  [100_000, 30],
] as const) {
  const seed = reference.uncertainty.seed;
  // Measured in turn, one run of each at a time, so that a busy machine slows all three alike.
  const [mc, same, old] = measureInTurn(
    [() => runMonteCarlo(reference, { samples }), () => handTunedSameOutputs(samples, seed, constants), () => handTuned(samples, seed)],
    5,
    runs,
  ) as [Timing, Timing, Timing];
  console.log(
    JSON.stringify({
      bench: 'monteCarlo',
      model: 'reference',
      samples,
      months,
      ...mc,
      sampleMonthsPerSecond: Math.round((samples * months) / (mc.medianMs / 1000)),
      handTunedSameOutputsMedianMs: same.medianMs,
      ratioToSameOutputs: round(mc.medianMs / same.medianMs),
      handTunedMeansOnlyMedianMs: old.medianMs,
      ratioToMeansOnly: round(mc.medianMs / old.medianMs),
      targetRatio: 1.5,
    }),
  );
  console.log(JSON.stringify({ bench: 'handTunedSameOutputs', model: 'reference', samples, months, ...same }));
  console.log(JSON.stringify({ bench: 'handTunedMeansOnly', model: 'reference', samples, months, ...old }));
}

const s = sixOptions120Months();
const r = measure(() => evaluateScenario(s), 200, 1000);
console.log(JSON.stringify({ bench: 'evaluate', months: 120, options: 6, ...r, targetMs: 5 }));

// The optimiser (issue 14): the deterministic optimum under the goals, for the mix example with
// goals (test/fixtures/scenarios/optimise-mix-goals.json) and the 6-option scenario with every
// constraint set; target ≤ 1 s each. The frontier comes with the same run (its points are counted).
{
  const mixGoals = loadScenarioText(readFileSync('test/fixtures/scenarios/optimise-mix-goals.json', 'utf8'));
  if (!mixGoals.ok) throw new Error('the optimiser fixture does not load');
  const sixGoals = sixOptionsEveryConstraint();

  for (const [name, sc] of [['mix example with goals', mixGoals.scenario], ['6 options, 120 months, every constraint', sixGoals]] as const) {
    let last = optimiseScenario(sc);
    const t = measure(() => (last = optimiseScenario(sc)), 1, 5);
    console.log(
      JSON.stringify({
        bench: 'optimiseDeterministic', scenario: name, samples: 1, ...t, targetMs: 1000, status: last.status, exact: last.exact,
        evaluatedPlans: last.evaluatedPlans, frontierPoints: last.frontier.co2e.length + last.frontier.providerHhi.length,
      }),
    );
    // The frontier (≥ 20 points on each chart) comes with the deterministic run: its time is that run's.
    console.log(
      JSON.stringify({
        bench: 'optimiseFrontier', scenario: name, samples: 1, medianMs: t.medianMs, targetMs: 2000, targetPoints: 20,
        co2ePoints: last.frontier.co2e.length, hhiPoints: last.frontier.providerHhi.length,
      }),
    );
  }
  // Lowest P95 cost: the deterministic search, then the 8 best plans re-ranked on 10,000 samples
  // each (common random numbers; test/fixtures/scenarios/optimise-mix-goals.json has 3 ranges).
  {
    const risky = { ...mixGoals.scenario, uncertainty: { ...mixGoals.scenario.uncertainty, samples: 10_000 }, goals: { ...mixGoals.scenario.goals!, objective: 'lowestP95' as const } };
    let last = optimiseScenario(risky);
    const t = measure(() => (last = optimiseScenario(risky)), 1, 5);
    console.log(
      JSON.stringify({
        bench: 'optimiseRiskReRanking', scenario: 'mix example with goals', samples: 10_000, ...t, targetMs: 3000, status: last.status,
        candidates: last.risk?.candidates.length ?? 0, uncertainInputs: risky.uncertainty.ranges.length,
      }),
    );
  }
}
