// Iterating on the optimiser's speed: `npx tsx test/bench/optimise-quick.ts [runs]` prints the
// optimiser's lines of `npm run bench` only (the same scenarios, fewer runs).
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { optimise } from '../../workers/models/optimise/search.ts';
import { sixOptionsEveryConstraint } from './scenarios.ts';

const runs = Number(process.argv[2] ?? 3);
const mix = loadScenarioText(readFileSync('test/fixtures/scenarios/optimise-mix-goals.json', 'utf8'));
if (!mix.ok) throw new Error('the optimiser fixture does not load');
const risky = { ...mix.scenario, uncertainty: { ...mix.scenario.uncertainty, samples: 10_000 }, goals: { ...mix.scenario.goals!, objective: 'lowestP95' as const } };
for (const [name, sc] of [['mix example with goals', mix.scenario], ['6 options, every constraint', sixOptionsEveryConstraint()], ['mix, lowest P95, 10,000 samples', risky]] as const) {
  const times: number[] = [];
  let r = optimise(sc);
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    r = optimise(sc);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(JSON.stringify({ bench: 'optimiseQuick', scenario: name, medianMs: Math.round(times[Math.floor(runs / 2)]!), minMs: Math.round(times[0]!), co2ePoints: r.frontier.co2e.length, hhiPoints: r.frontier.providerHhi.length, status: r.status }));
}
