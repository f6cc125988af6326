// Closed-form totals of one option alone, for one sample: the month-by-month sums of the kernels
// (kernel.ts) written as geometric series. Demand is A·gᵐ on months [0, L) (a training run:
// constant until its deadline); prices drift by fᵐ; discounting is δᵐ; a capacity cap splits the
// months at the one where demand crosses it. Every sum Σ rᵐ over a range is computed as
// r^a · expm1(n·ln r)/expm1(ln r), stable when r is close to 1. Pure.
// Speed: the sums that depend only on rates and month bounds are kept in a per-option `Cache`
// (a Float64Array: keys, then values) and recomputed only when a key changes, so a sample whose
// uncertain inputs are prices, counts or tariffs costs a few dozen multiplications.
// A test checks these against the month loops of kernel.ts on random parameters.
import { loanBalance, loanPayment } from '../cost.ts';
import * as resolve from '../resolve.ts';
import * as kernel from './kernel.ts';
import { expOf, ln1p } from './memo-math.ts';
import * as slots from './plan.ts';

// Imported bindings are re-bound to module constants: V8 folds B.price into a number when B is
// a constant of this module, but reloads and checks an imported binding at every use (10 % here).
const { B, R, W } = slots;
const { OUT } = kernel;
const { HOURS_PER_MONTH } = resolve;

/** The shape of demand and discounting in one sample. */
export interface Shape {
  months: number;
  /** Demand in month m is A·e^(m·lg) for m < L, 0 after. */
  A: number;
  lg: number;
  L: number;
  /** Discount: e^(m·lDisc). */
  lDisc: number;
}

/** Fills `s` from the workload block and the discount rate (as workload.ts and run.ts do). */
export function shapeOf(kind: 0 | 1 | 2, w: Float64Array, discountRatePct: number, months: number, s: Shape): void {
  s.months = months;
  // (1 + r)^(−m/12) = e^(m · −ln(1 + r)/12).
  s.lDisc = -ln1p(discountRatePct / 100) / 12;
  if (kind === 1) {
    // Training: 6·N·D ÷ (peak × MFU) ÷ 3,600 GPU-hours, evenly over the months before the deadline.
    const total = (6 * w[W.a]! * 1e9 * w[W.b]! * 1e9) / (w[W.peakTflops]! * 1e12 * (w[W.c]! / 100)) / 3600;
    s.A = total / w[W.d]!;
    s.lg = 0;
    s.L = Math.min(w[W.d]!, months);
    return;
  }
  s.A = kind === 0 ? w[W.a]! : (w[W.a]! / w[W.b]!) * HOURS_PER_MONTH;
  s.lg = ln1p((kind === 0 ? w[W.b]! : w[W.c]!) / 100);
  s.L = months;
}

// A small memo of geometric sums: across samples most sums repeat (only uncertain rates change
// them), and each costs three transcendental calls. Entries are checked in full and hold exactly
// what the formula gives, so results never depend on what the memo holds (a collision only costs
// a recomputation).
const MEMO = 256;
const memoL = new Float64Array(MEMO).fill(Number.NaN);
const memoA = new Int32Array(MEMO);
const memoB = new Int32Array(MEMO);
const memoV = new Float64Array(MEMO);

/** Σ_{m=a}^{b−1} e^(m·l). */
export function geo(l: number, a: number, b: number): number {
  if (b <= a) return 0;
  const h = (a * 31 + b * 7 + ((l * 1e9) | 0)) & (MEMO - 1);
  if (memoL[h] === l && memoA[h] === a && memoB[h] === b) return memoV[h]!;
  const n = b - a;
  const start = a === 0 ? 1 : expOf(a * l);
  // Σ r^m from a to b−1 = r^a (r^n − 1)/(r − 1), with r = e^l (geometric series).
  const v = l === 0 ? start * n : (start * Math.expm1(n * l)) / Math.expm1(l);
  memoL[h] = l;
  memoA[h] = a;
  memoB[h] = b;
  memoV[h] = v;
  return v;
}

/** The last crossing computed: demand A, cap, growth lg, and the month x where they meet. */
const crossing = new Float64Array(4).fill(Number.NaN);

/**
 * Σ_{m=a}^{b−1} min(d_m, cap)·e^(m·lw) with d_m = A·e^(m·lg) on [0, L) and 0 after: the months
 * below the cap sum as a geometric series, those above as cap × e^(m·lw).
 */
export function cappedSum(s: Shape, cap: number, lw: number, a: number, b: number): number {
  const end = b < s.L ? b : s.L;
  if (end <= a || s.A <= 0) return 0;
  if (!(cap < Infinity)) return s.A * geo(s.lg + lw, a, end);
  if (s.lg === 0) return (s.A < cap ? s.A : cap) * geo(lw, a, end);
  // The month where demand crosses the cap: d_m ≥ cap ⇔ m·lg ≥ ln(cap/A) (kept for the next call
  // on the same demand and cap: a sample asks for it several times).
  if (s.A !== crossing[0] || cap !== crossing[1] || s.lg !== crossing[2]) {
    crossing[0] = s.A;
    crossing[1] = cap;
    crossing[2] = s.lg;
    crossing[3] = Math.log(cap / s.A) / s.lg;
  }
  const x = crossing[3]!;
  if (s.lg > 0) {
    // Below the cap before month mc, capped from mc on.
    const mc = Math.min(end, Math.max(a, Math.ceil(x)));
    return s.A * geo(s.lg + lw, a, mc) + cap * geo(lw, mc, end);
  }
  // Decreasing demand: capped before mc, below from mc on.
  const mc = Math.min(end, Math.max(a, Math.floor(x) + 1));
  return cap * geo(lw, a, mc) + s.A * geo(s.lg + lw, mc, end);
}

/** Reference GPU-hours an owned option can serve in a month once delivered. */
function ownedCapacity(p: Float64Array): number {
  return p[B.gpuCount]! * HOURS_PER_MONTH * (p[B.maxUtilPct]! / 100) * p[B.throughput]!;
}

/** Costs of an owned option that do not depend on the month loop. */
export interface BuyTerms {
  from: number;
  capRef: number;
  capex: number;
  loan: boolean;
  payment: number;
  payEnd: number;
  /** Loan balance still owed at the end, less the resale value: paid in the last month. */
  end: number;
  variable: number;
  fixed: number;
  servers: number;
  perServed: number;
  perMonth: number;
}

function buyTerms(p: Float64Array, months: number, t: BuyTerms): void {
  const n = p[B.gpuCount]!;
  const order = p[B.orderMonth]!;
  const delivery = order + p[B.leadTime]!;
  const last = months - 1;
  const thr = p[B.throughput]!;
  const priceAtOrder = order === 0 ? p[B.unitPrice]! : p[B.unitPrice]! * expOf(order * ln1p(p[B.trendPct]! / 100));
  const purchase = n * priceAtOrder + p[B.serverNet]!;
  const duty = purchase * (p[B.dutyPct]! / 100);
  const vat = p[B.vatRecoverable]! === 1 ? 0 : (purchase + duty) * (p[B.vatPct]! / 100);
  t.capex = purchase + duty + vat;
  t.from = delivery < months ? delivery : months;
  t.capRef = ownedCapacity(p);
  t.servers = Math.ceil(n / p[B.gpusPerServer]!);
  t.perServed = (p[B.powerW]! * p[B.busyFrac]! - p[B.idleW]!) / 1000 / thr;
  t.perMonth = (n * HOURS_PER_MONTH * p[B.idleW]! + t.servers * HOURS_PER_MONTH * p[B.hostW]!) / 1000;
  const costPerKWh = p[B.pue]! * p[B.electricity]!;
  const hosting = p[B.hostingColo]! === 1 ? ((n * p[B.powerW]! + t.servers * p[B.hostW]!) / 1000) * p[B.colo]! : p[B.facility]!;
  t.fixed = t.perMonth * costPerKWh + hosting + (p[B.maintenance]! + p[B.staff]!) / 12;
  t.variable = t.perServed * costPerKWh;
  t.loan = p[B.loan]! === 1;
  t.payment = t.loan ? loanPayment(t.capex, p[B.loanRatePct]!, p[B.loanTerm]!) : 0;
  t.payEnd = t.loan ? Math.min(order + p[B.loanTerm]!, last) : -1;
  t.end = -n * priceAtOrder * (p[B.resalePct]! / 100);
  if (t.loan) {
    // The balance after the payments made within the horizon (cost.ts).
    const balance = loanBalance(t.capex, p[B.loanRatePct]!, p[B.loanTerm]!, t.payEnd - order);
    if (balance > 1e-9 * t.capex) t.end += balance;
  }
}

/** A holder for an owned option's terms, filled by buyTotals and read by breaksEvenClosed. */
export function newBuyTerms(): BuyTerms {
  return { from: 0, capRef: 0, capex: 0, loan: false, payment: 0, payEnd: -1, end: 0, variable: 0, fixed: 0, servers: 0, perServed: 0, perMonth: 0 };
}

/** Sums one option (or one owned–rented pair) reuses across samples: keys in slots 0–5, sums from slot 8 (see each user). */
export type Cache = Float64Array;
export function newCache(): Cache {
  return new Float64Array(16).fill(Number.NaN);
}

/** Whether the cache holds sums for these keys; if not, stores the keys (the caller fills the values). */
function hit(c: Cache, k0: number, k1: number, k2: number, k3: number, k4: number, k5: number): boolean {
  if (c[0] === k0 && c[1] === k1 && c[2] === k2 && c[3] === k3 && c[4] === k4 && c[5] === k5) return true;
  c[0] = k0;
  c[1] = k1;
  c[2] = k2;
  c[3] = k3;
  c[4] = k4;
  c[5] = k5;
  return false;
}

/** Totals of an owned option alone (as kernel.buyAlone, without the month loop); its terms into `buy`. */
export function buyTotals(p: Float64Array, s: Shape, out: Float64Array, buy: BuyTerms, c: Cache): void {
  buyTerms(p, s.months, buy);
  const months = s.months;
  const last = months - 1;
  const order = p[B.orderMonth]!;
  const from = buy.from;
  const end = s.L < months ? s.L : months;
  // Discount sums: over the months served, over the running months, over the loan payments.
  if (!hit(c, s.lDisc, from, end, order, buy.payEnd, months)) {
    c[8] = geo(s.lDisc, from, end);
    c[9] = geo(s.lDisc, from, months);
    c[10] = geo(s.lDisc, order + 1, buy.payEnd + 1);
    c[11] = expOf(order * s.lDisc);
    c[12] = expOf(last * s.lDisc);
  }
  let served: number;
  let servedDisc: number;
  if (s.lg === 0) {
    // Constant demand: min(A, capacity) in every served month.
    const perMonth = s.A > 0 ? (s.A < buy.capRef ? s.A : buy.capRef) : 0;
    served = end > from ? perMonth * (end - from) : 0;
    servedDisc = perMonth * c[8]!;
  } else {
    served = cappedSum(s, buy.capRef, 0, from, months);
    servedDisc = cappedSum(s, buy.capRef, s.lDisc, from, months);
  }
  let total = buy.variable * served + buy.fixed * (months - from);
  let npv = buy.variable * servedDisc + buy.fixed * c[9]!;
  if (buy.loan) {
    total += buy.payment * (buy.payEnd - order > 0 ? buy.payEnd - order : 0);
    npv += buy.payment * c[10]!;
  } else {
    total += buy.capex;
    npv += buy.capex * c[11]!;
  }
  total += buy.end;
  npv += buy.end * c[12]!;
  out[OUT.cost] = total;
  out[OUT.npv] = npv;
  const facilityKWh = p[B.pue]! * (buy.perServed * served + buy.perMonth * (months - from));
  const share = (months - from) / (p[B.embLife]! * 12);
  const embodied = (p[B.gpuCount]! * p[B.embGpu]! + buy.servers * p[B.embServer]!) * (share < 1 ? share : 1);
  out[OUT.co2eKg] = (facilityKWh * p[B.grid]!) / 1000 + embodied;
  out[OUT.served] = served;
}

/** Paid GPU-hours per used hour of a pay-as-you-go option. */
function paidFactor(p: Float64Array): number {
  return (p[R.pricing]! === 1 ? 1 + p[R.spotOverheadPct]! / 100 : 1) * (1 + p[R.reliabilityPct]! / 100);
}

/** Pay-as-you-go cost per reference GPU-hour in month 0. */
export function paygUnit(p: Float64Array): number {
  return ((paidFactor(p) / p[R.throughput]!) * p[R.price]!) * (1 + p[R.feePct]! / 100);
}

/** Totals of a rented option alone (as kernel.rentedAlone, without the month loop). */
export function rentedTotals(p: Float64Array, s: Shape, out: Float64Array, c: Cache): void {
  const months = s.months;
  const pricing = p[R.pricing]!;
  const thr = p[R.throughput]!;
  const trendPct = p[R.trendPct]!;
  const fixed = p[R.egress]! + p[R.storage]!;
  let total: number;
  let npv: number;
  let served: number;
  let used: number;
  if (pricing >= 2) {
    const term = pricing === 2 ? 12 : 36;
    const capRef = p[R.committed]! * HOURS_PER_MONTH * thr;
    const hoursPaid = p[R.committed]! * HOURS_PER_MONTH;
    if (!hit(c, trendPct, s.lDisc, term, months, 0, 0)) {
      // Per unit of the first term's price: Σ over terms of the term's price factor × its months
      // (undiscounted, discounted), the last term's price factor, and the discounted last month.
      const lf = ln1p(trendPct / 100);
      let months1 = 0;
      let monthsDisc = 0;
      let lastFactor = 1;
      for (let start = 0; start < months; start += term) {
        const stop = start + term < months ? start + term : months;
        lastFactor = expOf(start * lf);
        months1 += lastFactor * (stop - start);
        monthsDisc += lastFactor * geo(s.lDisc, start, stop);
      }
      c[8] = months1;
      c[9] = monthsDisc;
      c[10] = lastFactor;
      c[11] = geo(s.lDisc, 0, months);
      c[12] = expOf((months - 1) * s.lDisc);
    }
    const price0 = p[R.price]!;
    // The rest of the last term is owed in the last month, at that term's price.
    const beyond = (Math.ceil(months / term) * term - months) * hoursPaid * price0 * c[10]!;
    total = hoursPaid * price0 * c[8]! + fixed * months + beyond;
    npv = hoursPaid * price0 * c[9]! + fixed * c[11]! + beyond * c[12]!;
    served = s.lg === 0 ? (s.A > 0 ? (s.A < capRef ? s.A : capRef) * s.L : 0) : cappedSum(s, capRef, 0, 0, months);
    used = served / thr;
  } else {
    // Sums that the trend does not change (keys in c[6], c[7], c[12]) are kept when only it moves.
    if (!hit(c, trendPct, s.lg, s.lDisc, s.L, 0, 0)) {
      const lf = ln1p(trendPct / 100);
      c[9] = geo(s.lg + lf, 0, s.L);
      c[10] = geo(s.lg + lf + s.lDisc, 0, s.L);
      if (c[6] !== s.lg || c[7] !== s.lDisc || c[12] !== s.L) {
        c[6] = s.lg;
        c[7] = s.lDisc;
        c[12] = s.L;
        c[8] = geo(s.lg, 0, s.L);
        c[11] = geo(s.lDisc, 0, s.L);
      }
    }
    // Demand A·gᵐ on [0, L): served Σ dₘ, paid Σ dₘ·fᵐ × unit, egress and storage while used.
    const A = s.A > 0 ? s.A : 0;
    const unit = paygUnit(p);
    served = A * c[8]!;
    total = unit * A * c[9]! + (A > 0 ? fixed * s.L : 0);
    npv = unit * A * c[10]! + (A > 0 ? fixed * c[11]! : 0);
    used = (served * paidFactor(p)) / thr;
  }
  out[OUT.cost] = total;
  out[OUT.npv] = npv;
  const it = (used * (p[R.powerW]! * p[R.busyFrac]! + p[R.hostW]! / p[R.gpusPerServer]!)) / 1000;
  const embodied = (used * (p[R.embGpu]! + p[R.embServer]! / p[R.gpusPerServer]!)) / (p[R.embLife]! * 8760 * (p[R.providerUtilPct]! / 100));
  out[OUT.co2eKg] = (it * p[R.pue]! * p[R.grid]!) / 1000 + embodied;
  out[OUT.served] = served;
}

/** Σ over months [from, months) of a rental's rate per useful reference GPU-hour × min(d_m, cap): any demand shape. */
function rentServed(p: Float64Array, s: Shape, cap: number, from: number, months: number): number {
  const lf = ln1p(p[R.trendPct]! / 100);
  const pricing = p[R.pricing]!;
  if (pricing < 2) return paygUnit(p) * cappedSum(s, cap, lf, from, months);
  const term = pricing === 2 ? 12 : 36;
  let sum = 0;
  for (let start = Math.floor(from / term) * term; start < months; start += term) {
    const a = start > from ? start : from;
    const b = start + term < months ? start + term : months;
    sum += ((p[R.price]! * expOf(start * lf)) / p[R.throughput]!) * cappedSum(s, cap, 0, a, b);
  }
  return sum;
}

/** Σ over months [from, to) of a rental's rate ÷ its first rate (the price drift, term by term when reserved). */
function rateFactorSum(p: Float64Array, from: number, to: number): number {
  if (to <= from) return 0;
  const lf = ln1p(p[R.trendPct]! / 100);
  const pricing = p[R.pricing]!;
  if (pricing < 2) return geo(lf, from, to);
  const term = pricing === 2 ? 12 : 36;
  let sum = 0;
  for (let start = Math.floor(from / term) * term; start < to; start += term) {
    const a = start > from ? start : from;
    const b = start + term < to ? start + term : to;
    sum += expOf(start * lf) * (b - a);
  }
  return sum;
}

/** A rental's rate per useful reference GPU-hour in its first month: unit (pay as you go) or price ÷ throughput. */
function baseRate(p: Float64Array): number {
  return p[R.pricing]! >= 2 ? p[R.price]! / p[R.throughput]! : paygUnit(p);
}

/**
 * Whether owning breaks even within the horizon, when it can be decided in closed form: true or
 * false, or null when the month-by-month scan of kernel.breaksEven is needed. `buy` and
 * `ownTotal` are the owned option's terms and total cost from buyTotals in this sample;
 * `caches[j]` belongs to this owned option and rental j. Given this sample's demand by month `d`,
 * what the closed form cannot decide is decided by one pass over the months (scanBreakEven).
 */
export function breaksEvenClosed(
  p: Float64Array,
  buy: BuyTerms,
  rentals: readonly Float64Array[],
  caches: readonly Cache[],
  s: Shape,
  ownTotal: number,
  d: Float64Array | null = null,
): boolean | null {
  const months = s.months;
  const last = months - 1;
  const order = p[B.orderMonth]!;
  const delivery = order + p[B.leadTime]!;
  if (delivery >= months) return false;
  // Per unit of each rental's first rate: Σ of its rate factor over [delivery, months) (c[8]) and,
  // under constant demand, over the months that demand lasts (c[9]).
  let best = -1;
  let bestSum = Infinity;
  let bestRate = 0;
  for (let j = 0; j < rentals.length; j++) {
    const r = rentals[j]!;
    const c = caches[j]!;
    if (!hit(c, r[R.trendPct]!, delivery, months, s.L, s.lg, 0)) {
      c[8] = rateFactorSum(r, delivery, months);
      // Only constant demand uses it (growing demand is summed with its cap by rentServed).
      c[9] = s.lg === 0 ? rateFactorSum(r, delivery, s.L < months ? s.L : months) : Number.NaN;
      c[10] = ln1p(r[R.trendPct]! / 100);
    }
    // The rental that would do the installed capacity's full work for least: the least Σ rate.
    const rate = baseRate(r);
    const sum = rate * c[8]!;
    if (sum < bestSum) {
      bestSum = sum;
      best = j;
      bestRate = rate;
    }
  }
  if (best < 0) return false;
  const rental = rentals[best]!;
  // Renting what the option served over the whole horizon, against owning it (with the resale).
  const rentAll =
    s.lg === 0
      ? (s.A > 0 ? (s.A < buy.capRef ? s.A : buy.capRef) : 0) * bestRate * caches[best]![9]!
      : rentServed(rental, s, buy.capRef, delivery, months);
  if (rentAll > 0 && rentAll >= ownTotal - 1e-9 * Math.abs(ownTotal)) return true;
  // Before the last month: decided in closed form when each month's gain from renting less owning,
  // ε_m = s·(rate_m − variable) − fixed − payment, never rises: constant demand below or at the cap
  // for the whole horizon, a pay-as-you-go rate that does not rise, and no loan ending inside.
  const lf = caches[best]![10]!;
  if (rental[R.pricing]! >= 2 || lf > 0 || s.lg !== 0 || s.L < months || (buy.loan && buy.payEnd < last)) {
    return d === null ? null : scanBreakEven(p, buy, rental, bestRate, d, months);
  }
  const served = s.A < buy.capRef ? s.A : buy.capRef;
  if (served <= 0) return false;
  const r0 = bestRate;
  const pay = buy.loan ? buy.payment : 0;
  const stop = last - 1;
  if (stop < delivery) return false;
  // Last month with ε_m ≥ 0: served·r0·e^(m·lf) ≥ served·variable + fixed + pay.
  const q = (served * buy.variable + buy.fixed + pay) / (served * r0);
  let top: number;
  if (q <= 0) top = stop;
  else if (lf === 0) top = q <= 1 ? stop : delivery;
  else top = Math.max(delivery, Math.min(stop, Math.floor(Math.log(q) / lf)));
  // D(top) = renting minus owning, cumulative to month `top`.
  const rent = served * r0 * geo(lf, delivery, top + 1);
  const payments = buy.loan ? pay * Math.max(0, Math.min(top, buy.payEnd) - order) : order <= top ? buy.capex : 0;
  const own = payments + (top - buy.from + 1) * (served * buy.variable + buy.fixed);
  return rent > 0 && rent >= own - 1e-9 * Math.abs(own);
}

/**
 * Break-even month by month, as kernel.breaksEven does, in one pass that stops at the first
 * crossing: owning's cumulative cost (purchase or loan payments, running costs from delivery, the
 * balance and resale in the last month) against renting what the option served, from delivery,
 * at `rental`'s rate (first rate `rate0`, drifting by its trend; a reservation's rate is fixed per term).
 */
function scanBreakEven(p: Float64Array, buy: BuyTerms, rental: Float64Array, rate0: number, d: Float64Array, months: number): boolean {
  const order = p[B.orderMonth]!;
  const delivery = order + p[B.leadTime]!;
  const last = months - 1;
  const cap = buy.capRef;
  const tr = 1 + rental[R.trendPct]! / 100;
  const reserved = rental[R.pricing]! >= 2;
  const term = rental[R.pricing]! === 2 ? 12 : 36;
  let rate = reserved ? 0 : rate0 * tr ** delivery;
  let own = 0;
  let rent = 0;
  for (let m = 0; m < months; m++) {
    let c = m === order && !buy.loan ? buy.capex : 0;
    if (m > order && m <= buy.payEnd) c += buy.payment;
    if (m >= buy.from) {
      const served = d[m]! < cap ? d[m]! : cap;
      c += served * buy.variable + buy.fixed;
      if (m >= delivery) {
        if (reserved && (m === delivery || m % term === 0)) rate = rate0 * tr ** (Math.floor(m / term) * term);
        rent += rate * served;
      }
    }
    if (m === last) c += buy.end;
    own += c;
    if (m >= delivery && rent > 0 && rent >= own - 1e-9 * (own < 0 ? -own : own)) return true;
    if (!reserved && m >= delivery) rate *= tr;
  }
  return false;
}
