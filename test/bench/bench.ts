// `npm run bench`: speed of the models, measured warm. Prints one JSON line per measurement.
// Targets (issue #3): one evaluation of a 120-month, 6-option scenario under 5 ms.
import { evaluateScenario } from '../../workers/models/evaluate.ts';
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

const s = sixOptions120Months();
const r = measure(() => evaluateScenario(s), 200, 1000);
console.log(JSON.stringify({ bench: 'evaluate', months: 120, options: 6, ...r, targetMs: 5 }));
