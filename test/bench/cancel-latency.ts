// Issue 11: the time from a cancel of a 100,000-sample Monte Carlo (the heavy fixture) to the
// next run starting and answering in a worker thread, the run being one synchronous call
// ("before": it never pauses, so the cancel is seen only when it has finished) or pausing every
// 40 ms of work (the simulator worker's step-wise run). Also the full run's time, both ways. Node:
// `npx tsx test/bench/cancel-latency.ts` (five repeats, medians).
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { wrap } from 'comlink';
import type { latencyApi } from './cancel-latency.worker.ts';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { loadScenarioText } from '../../src/scenario/load.ts';
const r = loadScenarioText(readFileSync('test/fixtures/scenarios/heavy-uncertainty.json', 'utf8'));
if (!r.ok) throw new Error('no');
const heavy = r.scenario;
// The worker's TypeScript is loaded through tsx's loader, registered in the worker itself.
const entry = new URL('./cancel-latency.worker.ts', import.meta.url).href;
const w = new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
const api = wrap<typeof latencyApi>(nodeEndpoint(w));
const wall = () => performance.now() + performance.timeOrigin;
const sleep = (ms: number) => new Promise((res) => setTimeout(res, ms));
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
await api.mc(heavy, 10000, 40); // warm
const out: Record<string, { cancelToNewStartMs: number[]; cancelToNewAnswerMs: number[]; fullRunMs: number[]; oldRunKind: string[] }> = {};
for (let rep = 0; rep < 5; rep++) {
  for (const [label, slice] of [['before (one synchronous call)', Infinity], ['after (pause every 40 ms)', 40]] as const) {
    const o = (out[label] ??= { cancelToNewStartMs: [], cancelToNewAnswerMs: [], fullRunMs: [], oldRunKind: [] });
    const full = await api.mc(heavy, undefined, slice);
    o.fullRunMs.push(Math.round(full.endMs - full.startMs));
    const old = api.mc(heavy, undefined, slice);
    await sleep(800);
    const tCancel = wall();
    void api.cancel();
    const next = await api.mc(heavy, 2000, slice);
    const tAnswer = wall();
    o.cancelToNewStartMs.push(Math.round(next.startMs - tCancel));
    o.cancelToNewAnswerMs.push(Math.round(tAnswer - tCancel));
    o.oldRunKind.push((await old).kind);
  }
}
for (const [label, o] of Object.entries(out))
  console.log(JSON.stringify({ label, medianCancelToNewStartMs: median(o.cancelToNewStartMs), medianCancelToNewAnswerMs: median(o.cancelToNewAnswerMs), medianFullRunMs: median(o.fullRunMs), ...o }));
await w.terminate();
