// Glue only: exposes the simulator (Monte Carlo, tornado) to the page through Comlink. The Monte
// Carlo's typed arrays are transferred, not copied, and runs are timed with the worker's clock.
import { expose, transfer } from 'comlink';
import type { Scenario } from '../src/scenario/schema.ts';
import { simulatorApi, type MonteCarloRequest, type SimulatorApi } from './api.ts';
import { transferables } from './models/uncertainty/montecarlo.ts';

const now = () => performance.now();
/** A macrotask: the worker's queued messages (a cancel) are handled before the run goes on. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const exposed: SimulatorApi = {
  ...simulatorApi,
  monteCarlo: async (s: Scenario, request?: MonteCarloRequest, onProgress?: (done: number, total: number) => void) => {
    const r = await simulatorApi.monteCarlo(s, request, onProgress, now, pause);
    return r.ok ? transfer(r, transferables(r.result)) : r;
  },
  poolMonteCarlo: (s: Scenario, request?: MonteCarloRequest, onProgress?: (done: number, total: number) => void) => simulatorApi.poolMonteCarlo(s, request, onProgress, now, pause),
  warmUp: () => simulatorApi.warmUp(now),
  optimiseOf: (s: Scenario, onProgress?: (done: number, total: number) => void) => simulatorApi.optimiseOf(s, onProgress, now, pause),
};

expose(exposed);
