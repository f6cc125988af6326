// The Monte Carlo kernels: one option alone over the monthly horizon, for one sample of the
// inputs, reading a flat parameter block. They follow the deterministic models exactly
// (cost.ts, energy.ts, serving.ts, workload.ts, breakeven.ts) — a test checks that collapsed
// ranges give the deterministic results — but allocate nothing, make one pass over the months
// with the running totals in registers, and skip what no Monte Carlo output needs (categories,
// water). Pure.
import { loanBalance, loanPayment } from '../cost.ts';
import * as resolve from '../resolve.ts';
import * as slots from './plan.ts';

// Imported bindings are re-bound to module constants: V8 folds B.price into a number when B is
// a constant of this module, but reloads and checks an imported binding at every use (10 % here).
const { B, R, W } = slots;
const { HOURS_PER_MONTH } = resolve;

/** Outputs of one kernel call. */
export const OUT = { cost: 0, npv: 1, co2eKg: 2, served: 3, SIZE: 4 } as const;

/** Demand per month in reference GPU-hours (workload.ts), into `out`. */
export function demand(kind: 0 | 1 | 2, w: Float64Array, months: number, out: Float64Array): void {
  if (kind === 1) {
    // 6·N·D FLOPs ÷ (peak × MFU) ÷ 3,600, spread evenly before the deadline (workload.ts).
    const flops = 6 * w[W.a]! * 1e9 * w[W.b]! * 1e9;
    const total = flops / (w[W.peakTflops]! * 1e12 * (w[W.c]! / 100)) / 3600;
    const deadline = w[W.d]!;
    const last = Math.min(deadline, months);
    for (let m = 0; m < months; m++) out[m] = m < last ? total / deadline : 0;
    return;
  }
  // GPU-hours, or tokens/s ÷ tokens/s per GPU × 730 h, growing by (1 + g)^m.
  const base = kind === 0 ? w[W.a]! : (w[W.a]! / w[W.b]!) * HOURS_PER_MONTH;
  const g = 1 + (kind === 0 ? w[W.b]! : w[W.c]!) / 100;
  let f = 1;
  for (let m = 0; m < months; m++) {
    out[m] = base * f;
    f *= g;
  }
}

/** Discount factors (1 + r)^(−m/12), month 0 undiscounted (run.ts). */
export function discountFactors(ratePct: number, months: number, out: Float64Array): void {
  const monthly = (1 + ratePct / 100) ** (-1 / 12);
  let f = 1;
  for (let m = 0; m < months; m++) {
    out[m] = f;
    f *= monthly;
  }
}

/** First usable month of an owned option in this sample. */
export function deliveryMonth(p: Float64Array): number {
  return p[B.orderMonth]! + p[B.leadTime]!;
}

/** Reference GPU-hours an owned option can serve in a month once delivered. */
function ownedCapacity(p: Float64Array): number {
  return p[B.gpuCount]! * HOURS_PER_MONTH * (p[B.maxUtilPct]! / 100) * p[B.throughput]!;
}

/**
 * An owned option alone: totals to `out`; when `cum` is given, the cumulative cost per month.
 * Costs by month: the purchase in the order month (or loan payments from the month after),
 * running costs from delivery, what is still owed and the resale in the last month (cost.ts).
 */
export function buyAlone(p: Float64Array, d: Float64Array, df: Float64Array, months: number, out: Float64Array, cum: Float64Array | null): void {
  const n = p[B.gpuCount]!;
  const order = p[B.orderMonth]!;
  const delivery = order + p[B.leadTime]!;
  const from = delivery < months ? delivery : months;
  const last = months - 1;
  const thr = p[B.throughput]!;
  // Purchase: GPUs at the price when ordered, servers, duty, and VAT when not recovered.
  const priceAtOrder = p[B.unitPrice]! * (1 + p[B.trendPct]! / 100) ** order;
  const purchase = n * priceAtOrder + p[B.serverNet]!;
  const duty = purchase * (p[B.dutyPct]! / 100);
  const vat = p[B.vatRecoverable]! === 1 ? 0 : (purchase + duty) * (p[B.vatPct]! / 100);
  const capex = purchase + duty + vat;

  const servers = Math.ceil(n / p[B.gpusPerServer]!);
  const capRef = ownedCapacity(p);
  const pue = p[B.pue]!;
  // IT kWh = (busy × busy W + idle × idle W + host Wh) / 1000, idle = installed − busy (energy.ts):
  // `perServed` per served reference GPU-hour, `perMonth` whatever is served.
  const perServed = (p[B.powerW]! * p[B.busyFrac]! - p[B.idleW]!) / 1000 / thr;
  const perMonth = (n * HOURS_PER_MONTH * p[B.idleW]! + servers * HOURS_PER_MONTH * p[B.hostW]!) / 1000;
  const costPerKWh = pue * p[B.electricity]!;
  const hosting = p[B.hostingColo]! === 1 ? ((n * p[B.powerW]! + servers * p[B.hostW]!) / 1000) * p[B.colo]! : p[B.facility]!;
  const fixed = perMonth * costPerKWh + hosting + (p[B.maintenance]! + p[B.staff]!) / 12;
  const variable = perServed * costPerKWh;

  // Financing: cash in the order month, or level payments in months order+1 … payEnd.
  const loan = p[B.loan]! === 1;
  const payment = loan ? loanPayment(capex, p[B.loanRatePct]!, p[B.loanTerm]!) : 0;
  const payEnd = loan ? Math.min(order + p[B.loanTerm]!, last) : -1;

  let total = 0;
  let npv = 0;
  let servedTotal = 0;
  for (let m = 0; m < months; m++) {
    let c = m === order && !loan ? capex : 0;
    if (m > order && m <= payEnd) c += payment;
    if (m >= from) {
      const s = d[m]! < capRef ? d[m]! : capRef;
      servedTotal += s;
      c += s * variable + fixed;
    }
    total += c;
    npv += c * df[m]!;
    if (cum !== null) cum[m] = total;
  }
  // The last month: the loan balance still owed, less the resale value.
  let end = -n * priceAtOrder * (p[B.resalePct]! / 100);
  if (loan) {
    // The balance after the payments made within the horizon (cost.ts).
    const balance = loanBalance(capex, p[B.loanRatePct]!, p[B.loanTerm]!, payEnd - order);
    if (balance > 1e-9 * capex) end += balance;
  }
  total += end;
  npv += end * df[last]!;
  if (cum !== null) cum[last]! += end;
  out[OUT.cost] = total;
  out[OUT.npv] = npv;

  const facilityKWh = pue * (perServed * servedTotal + perMonth * (months - from));
  const share = (months - from) / (p[B.embLife]! * 12);
  const embodied = (n * p[B.embGpu]! + servers * p[B.embServer]!) * (share < 1 ? share : 1);
  out[OUT.co2eKg] = (facilityKWh * p[B.grid]!) / 1000 + embodied;
  out[OUT.served] = servedTotal;
}

/** Paid GPU-hours per used hour of a pay-as-you-go option: spot interruptions, decentralised re-runs. */
function paidFactor(p: Float64Array): number {
  return (p[R.pricing]! === 1 ? 1 + p[R.spotOverheadPct]! / 100 : 1) * (1 + p[R.reliabilityPct]! / 100);
}

/** Pay-as-you-go cost per reference GPU-hour in month 0: price × paid factor × (1 + fee) ÷ throughput. */
function paygUnit(p: Float64Array): number {
  return ((paidFactor(p) / p[R.throughput]!) * p[R.price]!) * (1 + p[R.feePct]! / 100);
}

/** A rented option (cloud or decentralised) alone: totals to `out`; when `cum` is given, the cumulative cost. */
export function rentedAlone(p: Float64Array, d: Float64Array, df: Float64Array, months: number, out: Float64Array, cum: Float64Array | null): void {
  const pricing = p[R.pricing]!;
  const thr = p[R.throughput]!;
  const tr = 1 + p[R.trendPct]! / 100;
  const fixed = p[R.egress]! + p[R.storage]!;
  const price0 = p[R.price]!;
  let total = 0;
  let npv = 0;
  let servedTotal = 0;
  let usedTotal: number;
  if (pricing >= 2) {
    // Reserved: every committed hour paid at the price of the term in progress; the rest of the
    // last term is owed in the last month (cost.ts).
    const term = pricing === 2 ? 12 : 36;
    const capRef = p[R.committed]! * HOURS_PER_MONTH * thr;
    const hoursPaid = p[R.committed]! * HOURS_PER_MONTH;
    let price = price0;
    for (let m = 0; m < months; m++) {
      if (m % term === 0) price = price0 * tr ** m;
      servedTotal += d[m]! < capRef ? d[m]! : capRef;
      const c = hoursPaid * price + fixed;
      total += c;
      npv += c * df[m]!;
      if (cum !== null) cum[m] = total;
    }
    const beyond = (Math.ceil(months / term) * term - months) * hoursPaid * price;
    total += beyond;
    npv += beyond * df[months - 1]!;
    if (cum !== null) cum[months - 1]! += beyond;
    usedTotal = servedTotal / thr;
  } else {
    // Pay as you go: used hours × price × (1 + trend)^m × (1 + fee), egress and storage when used.
    const unit = paygUnit(p);
    let f = 1;
    for (let m = 0; m < months; m++) {
      const dm = d[m]!;
      const c = dm > 0 ? dm * unit * f + fixed : 0;
      servedTotal += dm;
      total += c;
      npv += c * df[m]!;
      if (cum !== null) cum[m] = total;
      f *= tr;
    }
    usedTotal = (servedTotal * paidFactor(p)) / thr;
  }
  out[OUT.cost] = total;
  out[OUT.npv] = npv;
  const it = (usedTotal * (p[R.powerW]! * p[R.busyFrac]! + p[R.hostW]! / p[R.gpusPerServer]!)) / 1000;
  const embodied = (usedTotal * (p[R.embGpu]! + p[R.embServer]! / p[R.gpusPerServer]!)) / (p[R.embLife]! * 8760 * (p[R.providerUtilPct]! / 100));
  out[OUT.co2eKg] = (it * p[R.pue]! * p[R.grid]!) / 1000 + embodied;
  out[OUT.served] = servedTotal;
}

/** Σ over months [from, months) of a rental's cost per useful reference GPU-hour (breakeven.ts), in closed form. */
function rateSum(p: Float64Array, from: number, months: number): number {
  const tr = 1 + p[R.trendPct]! / 100;
  const pricing = p[R.pricing]!;
  if (pricing >= 2) {
    // Reserved: the term's price ÷ throughput, for each month of each term.
    const term = pricing === 2 ? 12 : 36;
    let sum = 0;
    for (let start = Math.floor(from / term) * term; start < months; start += term) {
      const a = start > from ? start : from;
      const b = start + term < months ? start + term : months;
      sum += (b - a) * ((p[R.price]! * tr ** start) / p[R.throughput]!);
    }
    return sum;
  }
  // Pay as you go: unit × Σ_{m=from}^{months−1} tr^m, a geometric series.
  const unit = paygUnit(p);
  if (Math.abs(tr - 1) < 1e-12) return unit * (months - from);
  return (unit * (tr ** from - tr ** months)) / (1 - tr);
}

/**
 * Whether owning breaks even within the horizon (breakeven.ts): against the rental that would do
 * the owned hardware's full work for least, the first month when cumulative renting of what the
 * option served reaches its cumulative owning cost `ownCum`.
 */
export function breaksEven(buy: Float64Array, rentals: readonly Float64Array[], d: Float64Array, months: number, ownCum: Float64Array): boolean {
  const delivery = deliveryMonth(buy);
  if (delivery >= months) return false;
  // The installed capacity is the same every month, so the cheapest rental has the least Σ rate.
  let best: Float64Array | null = null;
  let bestSum = Infinity;
  for (let j = 0; j < rentals.length; j++) {
    const s = rateSum(rentals[j]!, delivery, months);
    if (s < bestSum) {
      bestSum = s;
      best = rentals[j]!;
    }
  }
  if (best === null) return false;
  const capRef = ownedCapacity(buy);
  const tr = 1 + best[R.trendPct]! / 100;
  const pricing = best[R.pricing]!;
  let rent = 0;
  if (pricing >= 2) {
    const term = pricing === 2 ? 12 : 36;
    const thr = best[R.throughput]!;
    let rate = 0;
    for (let m = delivery; m < months; m++) {
      if (m === delivery || m % term === 0) rate = (best[R.price]! * tr ** (Math.floor(m / term) * term)) / thr;
      rent += rate * (d[m]! < capRef ? d[m]! : capRef);
      const own = ownCum[m]!;
      if (rent > 0 && rent >= own - 1e-9 * (own < 0 ? -own : own)) return true;
    }
    return false;
  }
  let rate = paygUnit(best) * tr ** delivery;
  for (let m = delivery; m < months; m++) {
    rent += rate * (d[m]! < capRef ? d[m]! : capRef);
    const own = ownCum[m]!;
    if (rent > 0 && rent >= own - 1e-9 * (own < 0 ? -own : own)) return true;
    rate *= tr;
  }
  return false;
}
