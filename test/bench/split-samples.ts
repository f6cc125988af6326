// Does splitting a Monte Carlo's samples across two simulator workers pay on this machine
// (issue 11)? Runs the reference model's N samples in one worker thread, then N/2 in each of two
// threads at once, warm, and prints one JSON line per case with the median wall time. Merging
// two halves would also cost the page a pass over the samples (percentiles are not additive),
// which this leaves out: it is the most favourable case for splitting.
// Run: npx tsx test/bench/split-samples.ts (also part of `npm run bench` through browser.ts).
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';

const RUNS = 7;

if (!isMainThread) {
  const { loadScenarioText } = await import('../../src/scenario/load.ts');
  const { runMonteCarlo } = await import('../../workers/models/uncertainty/montecarlo.ts');
  const loaded = loadScenarioText(readFileSync('test/bench/reference-model.json', 'utf8'));
  if (!loaded.ok) throw new Error('reference model does not load');
  const s = loaded.scenario;
  parentPort!.on('message', (samples: number) => {
    const t0 = performance.now();
    runMonteCarlo(s, { samples, seed: 1 });
    parentPort!.postMessage(performance.now() - t0);
  });
  parentPort!.postMessage('ready');
} else {
  const start = () =>
    new Promise<Worker>((resolve) => {
      // The thread loads this TypeScript file through tsx's loader.
      const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); });`;
      const w = new Worker(boot, { eval: true });
      w.once('message', () => resolve(w));
    });
  const run = (w: Worker, samples: number) => new Promise<number>((resolve) => (w.once('message', resolve), w.postMessage(samples)));
  const [a, b] = await Promise.all([start(), start()]);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  for (const n of [10_000, 100_000]) {
    // Warm both threads.
    for (let i = 0; i < 3; i++) await Promise.all([run(a!, n), run(b!, n)]);
    const one: number[] = [];
    const two: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t0 = performance.now();
      await run(a!, n);
      one.push(performance.now() - t0);
      t0 = performance.now();
      await Promise.all([run(a!, n / 2), run(b!, n / 2)]);
      two.push(performance.now() - t0);
    }
    const r = (x: number) => Math.round(x * 10) / 10;
    console.log(JSON.stringify({ bench: 'monteCarloOneWorker', samples: n, medianMs: r(median(one)), cores: cpus().length }));
    console.log(JSON.stringify({ bench: 'monteCarloTwoWorkersHalfEach', samples: n, medianMs: r(median(two)), cores: cpus().length, speedup: r(median(one) / median(two)) }));
  }
  await a!.terminate();
  await b!.terminate();
}
