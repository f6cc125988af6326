// Glue only: exposes the pure engine API to the page through Comlink. The Monte Carlo's typed
// arrays are transferred, not copied, and runs are timed with the worker's clock.
import { expose, transfer } from 'comlink';
import { api, type EngineApi, type MonteCarloRequest } from './api.ts';
import { transferables } from './models/uncertainty/montecarlo.ts';

const now = () => performance.now();

const exposed: EngineApi = {
  ...api,
  monteCarlo: (input: unknown, request?: MonteCarloRequest, onProgress?: (done: number, total: number) => void) => {
    const r = api.monteCarlo(input, request, onProgress, now);
    return r.ok ? transfer(r, transferables(r.result)) : r;
  },
  warmUp: () => api.warmUp(now),
};

expose(exposed);
