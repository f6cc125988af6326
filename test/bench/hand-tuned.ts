// The yardsticks of issues #6 and #9: the reference model (test/bench/reference-model.json) written
// by hand as single-threaded loops — typed arrays, no allocation inside, every option month by
// month with its running totals in registers. `npm run bench` times them next to the planner's
// Monte Carlo.
//
// - handTunedSameOutputs: everything the planner's run reports — per sample the total, NPV and CO2e
//   of each option, their P5/P50/P95, mean and standard deviation, the share of samples in which
//   each option is cheapest per useful GPU-hour, the share in which owning breaks even, and the fan
//   chart's traces and bands. It draws its inputs with the planner's own sampler, chunk by chunk,
//   so its numbers are the planner's (a unit test checks); percentiles and fan bands use the
//   planner's selection routines. What it does by hand is the model.
// - handTuned (issue #6's loop, kept so the figures stay comparable): each option's total, its
//   cumulative curve summed over samples, and the odds of buying being cheapest.
import { fillSamples, normalQuantile, type Distribution } from '../../workers/models/uncertainty/distributions.ts';
import { fanBands } from '../../workers/models/uncertainty/fan.ts';
import { CHUNK, FAN_PERCENTILES, FAN_SAMPLES, fanMonths, stats, type Stats } from '../../workers/models/uncertainty/montecarlo.ts';
import { B, compilePlan, R } from '../../workers/models/uncertainty/plan.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { percentiles } from '../../workers/models/uncertainty/quantiles.ts';
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

/** The reference model's fixed figures that come from the catalog: grid intensities and embodied carbon. */
export interface ReferenceConstants {
  /** The seven inputs' distributions, in the scenario's order: demand, GPU price, PUE, tariff, cloud price, re-run overhead %, decentralised price. */
  inputs: Distribution[];
  gridBuyG: number;
  gridRentedG: number;
  embodiedGpuKg: number;
  embodiedServerKg: number;
}

/** The reference model's catalog figures and distributions, read from its plan. */
export function referenceConstants(reference: Scenario): ReferenceConstants {
  const plan = compilePlan(reference, 1);
  return {
    inputs: plan.inputs.map((i) => i.dist),
    gridBuyG: plan.options[0]!.p[B.grid]!,
    gridRentedG: plan.options[1]!.p[R.grid]!,
    embodiedGpuKg: plan.options[0]!.p[B.embGpu]!,
    embodiedServerKg: plan.options[0]!.p[B.embServer]!,
  };
}

export interface OptionSummary {
  cost: Stats;
  npv: Stats;
  co2eKg: Stats;
  pCheapest: number;
  fan: Float64Array;
}

export interface SameOutputsResult {
  options: [OptionSummary, OptionSummary, OptionSummary];
  pBreakEven: number;
}

let store = new Float64Array(0);
const draws = Array.from({ length: 7 }, () => new Float64Array(CHUNK));
const points = Int32Array.from(fanMonths(MONTHS));
const discount = new Float64Array(MONTHS);

/** Everything the planner's run reports, for the reference model, N samples. */
export function handTunedSameOutputs(n: number, seed: number, c: ReferenceConstants): SameOutputsResult {
  rng.seed(seed);
  if (store.length < 9 * n) store = new Float64Array(9 * n);
  // Columns: cost, NPV, CO2e of buy, cloud, decentralised.
  const out = store;
  const fanN = Math.min(n, FAN_SAMPLES);
  const width = points.length;
  const fans = [new Float64Array(fanN * width), new Float64Array(fanN * width), new Float64Array(fanN * width)];
  // (1 + 8 %)^(−m/12).
  const step = 1.08 ** (-1 / 12);
  for (let m = 0, f = 1; m < MONTHS; m++, f *= step) discount[m] = f;
  // Buy: 8 GPUs × 730 h, one server of 1,500 W, busy at 700 W, idle at 0 W; embodied over 60 of 72 months.
  const buyEmbodied = (8 * c.embodiedGpuKg + c.embodiedServerKg) * (MONTHS / 72);
  // Rented: embodied per used GPU-hour, (GPU + server ÷ 8) ÷ (6 years × 8,760 h × 85 %).
  const rentedEmbodiedPerHour = (c.embodiedGpuKg + c.embodiedServerKg / 8) / (6 * 8760 * 0.85);
  let cheapBuy = 0;
  let cheapCloud = 0;
  let cheapDec = 0;
  let breakEvens = 0;
  for (let k0 = 0; k0 < n; k0 += CHUNK) {
    const size = Math.min(CHUNK, n - k0);
    for (let j = 0; j < 7; j++) fillSamples(c.inputs[j]!, rng, draws[j]!, size);
    for (let i = 0; i < size; i++) {
      const k = k0 + i;
      const demand = draws[0]![i]!;
      const gpuPrice = draws[1]![i]!;
      const pue = draws[2]![i]!;
      const tariff = draws[3]![i]!;
      const cloudPrice = draws[4]![i]!;
      const paid = 1 + draws[5]![i]! / 100;
      const decRate = draws[6]![i]! * paid;
      const served = demand < 8 * HOURS ? demand : 8 * HOURS;
      const itKWh = (served * 700 + HOURS * 1500) / 1000;
      const running = 2000 + itKWh * pue * tariff;
      const capex = 8 * gpuPrice + 50000;
      const resale = -0.2 * 8 * gpuPrice;
      // The rental that would do the installed work for least: the least Σ rate over the horizon.
      const cloudRateSum = (cloudPrice * (1 - 0.99 ** MONTHS)) / 0.01;
      const cloudBest = cloudRateSum < decRate * MONTHS;
      let buy = 0;
      let buyNpv = 0;
      let cloud = 0;
      let cloudNpv = 0;
      let dec = 0;
      let decNpv = 0;
      let rent = 0;
      let crossed = false;
      let pf = 1;
      let p = 0;
      for (let m = 0; m < MONTHS; m++) {
        const df = discount[m]!;
        const b = running + (m === 0 ? capex : 0) + (m === MONTHS - 1 ? resale : 0);
        buy += b;
        buyNpv += b * df;
        const cloudRate = cloudPrice * pf;
        const x = demand * cloudRate;
        cloud += x;
        cloudNpv += x * df;
        const y = demand * decRate;
        dec += y;
        decNpv += y * df;
        rent += (cloudBest ? cloudRate : decRate) * served;
        if (!crossed && rent >= buy - 1e-9 * Math.abs(buy)) crossed = true;
        pf *= 0.99;
        if (k < fanN && m === points[p]) {
          fans[0]![p * fanN + k] = buy;
          fans[1]![p * fanN + k] = cloud;
          fans[2]![p * fanN + k] = dec;
          p++;
        }
      }
      if (crossed) breakEvens++;
      out[k] = buy;
      out[n + k] = buyNpv;
      out[2 * n + k] = ((MONTHS * itKWh * pue * c.gridBuyG) / 1000) + buyEmbodied;
      out[3 * n + k] = cloud;
      out[4 * n + k] = cloudNpv;
      out[5 * n + k] = (MONTHS * demand * c.gridRentedG) / 1000 + MONTHS * demand * rentedEmbodiedPerHour;
      out[6 * n + k] = dec;
      out[7 * n + k] = decNpv;
      out[8 * n + k] = (MONTHS * demand * paid * c.gridRentedG) / 1000 + MONTHS * demand * paid * rentedEmbodiedPerHour;
      // Cheapest per useful GPU-hour: buy serves at most its capacity, the rentals all the demand.
      const perBuy = buy / (MONTHS * served);
      const perCloud = cloud / (MONTHS * demand);
      const perDec = dec / (MONTHS * demand);
      if (perBuy < perCloud && perBuy < perDec) cheapBuy++;
      else if (perCloud < perDec) cheapCloud++;
      else cheapDec++;
    }
  }
  const summary = (i: number, cheap: number): OptionSummary => {
    const bands = new Float64Array(FAN_PERCENTILES.length * width);
    fanBands(fans[i]!, fanN, width, FAN_PERCENTILES, bands);
    return { cost: stats(out.subarray(3 * i * n, (3 * i + 1) * n), n), npv: stats(out.subarray((3 * i + 1) * n, (3 * i + 2) * n), n), co2eKg: stats(out.subarray((3 * i + 2) * n, (3 * i + 3) * n), n), pCheapest: cheap / n, fan: bands };
  };
  return { options: [summary(0, cheapBuy), summary(1, cheapCloud), summary(2, cheapDec)], pBreakEven: breakEvens / n };
}
