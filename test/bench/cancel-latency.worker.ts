// The worker thread of cancel-latency.ts: the simulator's step-wise Monte Carlo, its pause a macrotask.
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { simulatorApi, cancelMonteCarlo } from '../../workers/api.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
// The simulator worker's pause: a macrotask, so that the cancel message is handled.
const pause = () => new Promise<void>((r) => setTimeout(r, 0));
const now = () => performance.now();
export const latencyApi = {
  mc: async (s: Scenario, samples: number | undefined, sliceMs: number) => {
    const t0 = now();
    const r = await simulatorApi.monteCarlo(s, samples ? { samples } : {}, undefined, now, pause, sliceMs);
    return { ok: r.ok, kind: r.ok ? 'ok' : r.error.kind, startMs: t0 + performance.timeOrigin, endMs: now() + performance.timeOrigin };
  },
  cancel: () => cancelMonteCarlo(),
};
if (parentPort) expose(latencyApi, nodeEndpoint(parentPort));
