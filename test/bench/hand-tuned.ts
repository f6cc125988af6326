// The yardstick of issue #6: the reference model written by hand as one single-threaded loop —
// typed arrays, no allocation inside, the same generator and normal quantile as the planner's
// Monte Carlo — computing each option's 60-month total, its cumulative cost curve summed over
// samples, and which option is cheapest. `npm run bench` times it next to the real Monte Carlo.
import { normalQuantile } from '../../workers/models/uncertainty/distributions.ts';
import { Random } from '../../workers/models/uncertainty/random.ts';

const MONTHS = 60;
const HOURS = 730;

export interface HandTunedResult {
  meanUsd: [number, number, number];
  pBuyCheapest: number;
}

const rng = new Random(1);
const curves = new Float64Array(3 * MONTHS);
const totals = new Float64Array(3);

/** The reference model of issue #6, N samples, every option month by month. */
export function handTuned(n: number, seed: number): HandTunedResult {
  rng.seed(seed);
  curves.fill(0);
  totals.fill(0);
  let buyCheapest = 0;
  for (let k = 0; k < n; k++) {
    const u = 0.4 + 0.5 * rng.uniform();
    const gpuPrice = Math.max(0, 30000 + 3000 * normalQuantile(rng.uniform()));
    const pue = 1.1 + 0.5 * rng.uniform();
    const tariff = Math.max(0.01, 0.12 + 0.03 * normalQuantile(rng.uniform()));
    const cloudPrice = Math.max(0.5, 2.5 + 0.5 * normalQuantile(rng.uniform()));
    const overhead = 1.05 + 0.25 * rng.uniform();
    const decPrice = Math.max(0.3, 1.6 + 0.4 * normalQuantile(rng.uniform()));
    const hours = 8 * HOURS * u;
    const energy = (8 * 0.7 * u + 1.5) * HOURS * pue * tariff + 2000;
    const dec = hours * overhead * decPrice;
    let buy = 8 * gpuPrice + 50000;
    let cloud = 0;
    let decentralised = 0;
    let f = 1;
    for (let m = 0; m < MONTHS; m++) {
      buy += energy;
      cloud += hours * cloudPrice * f;
      decentralised += dec;
      f *= 0.99;
      if (m === MONTHS - 1) buy -= 0.2 * 8 * gpuPrice;
      curves[m] = curves[m]! + buy;
      curves[MONTHS + m] = curves[MONTHS + m]! + cloud;
      curves[2 * MONTHS + m] = curves[2 * MONTHS + m]! + decentralised;
    }
    totals[0] = totals[0]! + buy;
    totals[1] = totals[1]! + cloud;
    totals[2] = totals[2]! + decentralised;
    if (buy < cloud && buy < decentralised) buyCheapest++;
  }
  return { meanUsd: [totals[0]! / n, totals[1]! / n, totals[2]! / n], pBuyCheapest: buyCheapest / n };
}
