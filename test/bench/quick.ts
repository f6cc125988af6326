// Quick bench for iterating on the kernel's speed: the planner's Monte Carlo against the
// same-outputs hand-tuned loop on the reference model, in turn, fewer runs than bench.ts.
// Usage: npx tsx test/bench/quick.ts [samples] [runs]
import { readFileSync } from 'node:fs';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { runMonteCarlo } from '../../workers/models/uncertainty/montecarlo.ts';
import { handTunedSameOutputs, referenceConstants } from './hand-tuned.ts';

const loaded = loadScenarioText(readFileSync('test/bench/reference-model.json', 'utf8'));
if (!loaded.ok) throw new Error('test/bench/reference-model.json does not load');
const reference = loaded.scenario;
const constants = referenceConstants(reference);
const samples = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 40);
const seed = reference.uncertainty.seed;
const fns = [() => runMonteCarlo(reference, { samples }), () => handTunedSameOutputs(samples, seed, constants)];
for (let i = 0; i < 5; i++) for (const fn of fns) fn();
const times = fns.map((): number[] => []);
for (let i = 0; i < runs; i++)
  fns.forEach((fn, j) => {
    const t0 = performance.now();
    fn();
    times[j]!.push(performance.now() - t0);
  });
const [mc, same] = times.map((t) => t.sort((a, b) => a - b)) as [number[], number[]];
const med = (t: number[]) => t[Math.floor(t.length / 2)]!;
console.log(JSON.stringify({ bench: 'quick', samples, mcMin: mc[0]!.toFixed(2), mcMed: med(mc).toFixed(2), sameMin: same[0]!.toFixed(2), sameMed: med(same).toFixed(2), ratioMin: (mc[0]! / same[0]!).toFixed(2), ratioMed: (med(mc) / med(same)).toFixed(2) }));
