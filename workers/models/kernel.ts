// The model, written once: every option month by month over the horizon, columnar over samples
// (slot s of sample k at [s × stride + k]; months outer, samples inner; nothing allocated in the
// loops). The deterministic evaluation runs it at one sample with full detail (categories by
// month, depreciation); the Monte Carlo at up to `stride` samples a chunk, with the fan's traces;
// the tornado at 2k + 1 samples, one per swing. The mix allocation reads its capacities, and
// break-even (the cheapest rental, the month renting catches up, the break-even utilisation) is
// computed here for every sample. Formulas: cost.ts, energy.ts, workload.ts; methods:
// docs/methodology.md §4–§6 and §12. Pure.
import * as failureFactors from './failure-factors.ts';
import * as costFormulas from './cost.ts';
import * as energy from './energy.ts';
import * as energyFloor from '../../src/scenario/energy-floor.ts';
import * as footprint from './footprint.ts';
import * as resolve from './resolve.ts';
import * as slots from './uncertainty/plan.ts';
import type { Plan } from './uncertainty/plan.ts';
import * as workload from './workload.ts';
import type { DemandTerms } from './workload.ts';

// Imported bindings are re-bound to module constants: V8 folds B.price into a number when B is
// a constant of this module, but reloads and checks an imported binding at every use (and, where
// modules are compiled to CommonJS as under tsx, calls a getter for each use of an imported function).
const { B, R, KIND_BUY } = slots;
const { HOURS_PER_MONTH } = resolve;
const { ownedGoodput, ownedReplacementCcyPerYear, ownedSchedulable, rentedGoodput, rentedSchedulable } = failureFactors;
const { capexOf, depreciationInMonth, loanBalance, loanPayment, monthlyDiscount, paidHoursFactor, priceAtOrder, reservationTermMonths } = costFormulas;
const { operationalKg, ownedEmbodiedKg, ownedItFixedKWh, ownedItKWhPerBusyHour, rentedEmbodiedKg, rentedWPerGpu, serversOf } = energy;
const { knownItKWh } = energyFloor;
const { marketGPerKWh } = footprint;
const { busyFractions, demandSeries, demandTerms, newDemandTerms } = workload;

/** Indices of the cost categories in the detail (the order of COST_CATEGORIES in types.ts). */
export const CAT = { capex: 0, interest: 1, energy: 2, hosting: 3, maintenance: 4, rent: 5, fees: 6, egressStorage: 7, commitmentBeyondHorizon: 8, resale: 9, SIZE: 10 } as const;

/**
 * Samples per column of the kernel's own arrays (a run takes at most this many at once). A module
 * constant: every column's offset below is then a constant V8 folds into the load, so the loops
 * keep no register per column.
 */
export const LANES = 256;

/** Columns of an option besides those against each rental, and where each starts in its array `a` (the order of the constructor). */
const COLUMNS = 49;
const DELIVERY = 0 * LANES;
const CAP_REF = 1 * LANES;
const INST_REF = 2 * LANES;
const ORDER = 3 * LANES;
const CAPEX = 4 * LANES;
const PAYMENT = 5 * LANES;
const PAY_END = 6 * LANES;
const END = 7 * LANES;
const BALANCE_OWED = 8 * LANES;
const HOSTING = 9 * LANES;
const UPKEEP = 10 * LANES;
const ENERGY_FIXED = 11 * LANES;
const RUNNING = 12 * LANES;
const IT_FIXED = 13 * LANES;
const IT_PER_SERVED = 14 * LANES;
const VARIABLE = 15 * LANES;
const PRICE0 = 16 * LANES;
const GROWTH = 17 * LANES;
const PAID_PER_REF = 18 * LANES;
const FEE = 19 * LANES;
const FIXED = 20 * LANES;
const HOURS = 21 * LANES;
const BEYOND_HOURS = 22 * LANES;
const RATE_UNIT = 23 * LANES;
const PRICE_FACTOR = 24 * LANES;
const RATE_NOW = 25 * LANES;
const RATE0 = 26 * LANES;
const COST = 27 * LANES;
const NPV = 28 * LANES;
const SERVED = 29 * LANES;
const USED = 30 * LANES;
const IT_KWH = 31 * LANES;
const CO2E_KG = 32 * LANES;
const EMBODIED_KG = 33 * LANES;
const SERVED_NOW = 34 * LANES;
const RENTAL = 35 * LANES;
const AVERAGE_RATE = 36 * LANES;
const BREAK_EVEN_MONTH = 37 * LANES;
const UTILISATION = 38 * LANES;
// footprint (issue 12): what a rented option would serve alone, and in how many months (the loops write them).
const ALONE_SERVED = 39 * LANES;
const ALONE_MONTHS = 40 * LANES;

/** Where a column starts in its option's array `a`. */
function at(column: Float64Array): number {
  return column.byteOffset >> 3;
}

/** Everything the kernel keeps per option, one column (Float64Array of `stride`) per quantity. */
export class OptionColumns {
  // Terms, fixed for a sample over the horizon (computed once per sample by the terms pass).
  /** First usable month (owned: order + lead time; rented: 0). */
  readonly delivery: Float64Array;
  /** Reference GPU-hours the option can serve a month once usable (Infinity for pay-as-you-go). */
  readonly capRef: Float64Array;
  /** Owned: reference GPU-hours the installed GPUs deliver at full use, a month. */
  readonly instRef: Float64Array;
  readonly order: Float64Array;
  readonly capex: Float64Array;
  readonly payment: Float64Array;
  readonly payEnd: Float64Array;
  /** Owned: what the last month adds (resale, negative, plus any loan balance still owed), and that balance. */
  readonly end: Float64Array;
  readonly balanceOwed: Float64Array;
  /** Owned, a month once installed: hosting, maintenance and staff, the energy bill of idling, and their sum. */
  readonly hosting: Float64Array;
  readonly upkeep: Float64Array;
  readonly energyFixed: Float64Array;
  readonly running: Float64Array;
  /** Owned: IT kWh a month whatever is served, and per reference GPU-hour served; the energy cost of the latter. */
  readonly itFixed: Float64Array;
  readonly itPerServed: Float64Array;
  readonly variable: Float64Array;
  /** Rented: month-0 price, 1 + trend, own GPU-hours paid per reference GPU-hour, the fee (a fraction), egress and storage a month. */
  readonly price0: Float64Array;
  readonly growth: Float64Array;
  readonly paidPerRef: Float64Array;
  readonly fee: Float64Array;
  readonly fixed: Float64Array;
  /** Rented, reserved: GPU-hours paid a month, and those owed beyond the horizon. */
  readonly hours: Float64Array;
  readonly beyondHours: Float64Array;
  /** Rented: rate per useful reference GPU-hour per unit of price; the price factor now; the rate now and in month 0. */
  readonly rateUnit: Float64Array;
  readonly priceFactor: Float64Array;
  readonly rateNow: Float64Array;
  readonly rate0: Float64Array;
  // Running totals and outputs.
  readonly cost: Float64Array;
  readonly npv: Float64Array;
  readonly served: Float64Array;
  readonly used: Float64Array;
  readonly itKWh: Float64Array;
  readonly co2eKg: Float64Array;
  readonly embodiedKg: Float64Array;
  readonly servedNow: Float64Array;
  // Owned, against each rental: cumulative renting cost, Σ rate from delivery, first month renting catches up (−1: none).
  readonly rentCum: Float64Array[];
  readonly rateSum: Float64Array[];
  readonly cross: Float64Array[];
  /** Owned: the rental compared (option index), its average rate, the month renting catches up (−1: none), the break-even utilisation (NaN: never). */
  readonly rental: Float64Array;
  readonly averageRate: Float64Array;
  readonly breakEvenMonth: Float64Array;
  readonly utilisation: Float64Array;
  // footprint (issue 12): energy by component and market-based emissions.
  /** Rented: reference GPU-hours it would serve alone, and the months it would serve any (written by the month loop). */
  readonly aloneServed: Float64Array;
  readonly aloneMonths: Float64Array;
  /** Owned, a month once installed: the hosts' IT kWh, the typed idle/overhead kWh and the typed (measured) kWh. */
  readonly hostMonthKWh: Float64Array;
  readonly overheadMonthKWh: Float64Array;
  readonly measuredMonthKWh: Float64Array;
  /** Over the horizon: the hosts' IT kWh, the typed idle/overhead and measured IT kWh; market-based operational kgCO2e. */
  readonly hostKWh: Float64Array;
  readonly overheadKWh: Float64Array;
  readonly measuredKWh: Float64Array;
  readonly marketKg: Float64Array;
  /** Owned: useful reference GPU-hours per GPU-hour run (relative throughput × goodput), for the totals after the months. */
  readonly usefulPerHour: Float64Array;

  /** Every column above is a view of this one array (one base pointer for the loops that read many columns). */
  readonly a: Float64Array;

  constructor(rentals: number) {
    const stride = LANES;
    this.a = new Float64Array((COLUMNS + 3 * rentals) * stride);
    let next = 0;
    const col = () => this.a.subarray(next * stride, ++next * stride);
    this.delivery = col();
    this.capRef = col();
    this.instRef = col();
    this.order = col();
    this.capex = col();
    this.payment = col();
    this.payEnd = col();
    this.end = col();
    this.balanceOwed = col();
    this.hosting = col();
    this.upkeep = col();
    this.energyFixed = col();
    this.running = col();
    this.itFixed = col();
    this.itPerServed = col();
    this.variable = col();
    this.price0 = col();
    this.growth = col();
    this.paidPerRef = col();
    this.fee = col();
    this.fixed = col();
    this.hours = col();
    this.beyondHours = col();
    this.rateUnit = col();
    this.priceFactor = col();
    this.rateNow = col();
    this.rate0 = col();
    this.cost = col();
    this.npv = col();
    this.served = col();
    this.used = col();
    this.itKWh = col();
    this.co2eKg = col();
    this.embodiedKg = col();
    this.servedNow = col();
    this.rental = col();
    this.averageRate = col();
    this.breakEvenMonth = col();
    this.utilisation = col();
    this.aloneServed = col();
    this.aloneMonths = col();
    this.hostMonthKWh = col();
    this.overheadMonthKWh = col();
    this.measuredMonthKWh = col();
    this.hostKWh = col();
    this.overheadKWh = col();
    this.measuredKWh = col();
    this.marketKg = col();
    this.usefulPerHour = col();
    this.rentCum = Array.from({ length: rentals }, col);
    this.rateSum = Array.from({ length: rentals }, col);
    this.cross = Array.from({ length: rentals }, col);
  }
}

/**
 * The columns of the i-th option, reused from one evaluation to the next (each is some hundred
 * kilobytes, allocated afresh otherwise). An evaluation is synchronous and reads what it needs before
 * it returns, and every run fills the terms and totals it reads: nothing carries from one to the next.
 */
const pool: OptionColumns[] = [];
function columnsFor(i: number, rentals: number): OptionColumns {
  const c = pool[i];
  if (c !== undefined && c.rentCum.length === rentals) return c;
  return (pool[i] = new OptionColumns(rentals));
}

/** Month-by-month detail of one sample (the evaluation): per option, costs by category, served and depreciation. */
export interface Detail {
  demand: Float64Array;
  options: { byCategory: Float64Array[]; served: Float64Array; depreciation: Float64Array }[];
}

export function newDetail(plan: Plan): Detail {
  const col = () => new Float64Array(plan.months);
  return { demand: col(), options: plan.options.map(() => ({ byCategory: Array.from({ length: CAT.SIZE }, col), served: col(), depreciation: col() })) };
}

/** Cumulative cost at chosen months of the first samples (the fan chart): option i's at points[j] in sample k goes to fans[i][j × samples + k]. */
export interface FanCapture {
  points: Int32Array;
  samples: number;
  fans: Float64Array[];
  /** Sample number of this chunk's first sample. */
  offset: number;
}

export interface RunSpec {
  /** Per option, reference GPU-hours served by month ([m × stride + k]); null: the option alone (demand up to its capacity). */
  served?: readonly (Float64Array | null)[] | null;
  detail?: Detail | null;
  fan?: FanCapture | null;
  /** pool (issue 15): demand by month (reference GPU-hours) instead of the workload's — the pool's sum, or one member's (pool.ts). */
  demand?: Float64Array | null;
  /** pool (issue 15): demand by month added to every sample's (the other members', for the Monte Carlo and the tornado); months × n long: sample k's at [k × months + m]. */
  extraDemand?: Float64Array | null;
}

export class Kernel {
  readonly months: number;
  readonly stride: number;
  readonly options: OptionColumns[];
  readonly kinds: Int8Array;
  readonly blocks: Float64Array[];
  /** Option indices of the rented options (the rentals owning is compared with) and of the owned ones. */
  readonly rentals: Int32Array;
  readonly owned: Int32Array;
  readonly demand: DemandTerms;
  /**
   * Scratch for the sample being run, one array (the month loops then check and load one array,
   * not three, each month: issue 11, the Monte Carlo's speed): its demand by month at [m], the
   * discount factor of each month at [months + m], each rental's rate by month at
   * [2 × months + r × months + m], and in its last row the cumulative cost of the option being run
   * by month (the fan chart's traces are read from it). The three views below are of it.
   */
  readonly series: Float64Array;
  readonly demandSeries: Float64Array;
  readonly discountSeries: Float64Array;
  readonly rateSeries: Float64Array;
  /** Each rental's Σ rate over the horizon, sample k of rental r at [r × LANES + k] (written with rateSeries). */
  readonly rateTotals: Float64Array;
  /** tokens (issue 15): per sample, the busy share of the demanded GPU-hours (1 without a load profile): energy that follows use is scaled by it. */
  readonly busy = new Float64Array(LANES).fill(1);
  /** Terms filled for this many samples. */
  prepared = 0;

  /** With `reuse`, the kernel borrows the module's columns (see columnsFor): only one such kernel may be in use at a time. */
  constructor(
    readonly plan: Plan,
    reuse = false,
  ) {
    this.months = plan.months;
    this.stride = plan.stride;
    this.kinds = Int8Array.from(plan.options, (o) => o.kind);
    this.blocks = plan.options.map((o) => o.p);
    this.rentals = Int32Array.from(plan.options.flatMap((o, i) => (o.kind === KIND_BUY ? [] : [i])));
    this.owned = Int32Array.from(plan.options.flatMap((o, i) => (o.kind === KIND_BUY ? [i] : [])));
    if (plan.stride > LANES) throw new Error(`a kernel run takes at most ${LANES} samples`);
    this.options = plan.options.map((o, i) => {
      const rentals = o.kind === KIND_BUY ? this.rentals.length : 0;
      return reuse ? columnsFor(i, rentals) : new OptionColumns(rentals);
    });
    this.demand = newDemandTerms(this.stride);
    this.series = new Float64Array((3 + Math.max(1, this.rentals.length)) * this.months);
    this.demandSeries = this.series.subarray(0, this.months);
    this.discountSeries = this.series.subarray(this.months, 2 * this.months);
    this.rateSeries = this.series.subarray(rateRow(0, this.months), costRow(this.series, this.months));
    this.rateTotals = new Float64Array(Math.max(1, this.rentals.length) * LANES);
  }

  /** The terms of samples [0, n) from the blocks as they are now: call after writing the samples' inputs. */
  prepare(n: number): void {
    const S = this.stride;
    if (this.plan.busyFromProfile) busyFractions(this.plan.workloadKind, this.plan.workload, S, n, this.busy);
    for (let i = 0; i < this.blocks.length; i++) {
      if (this.kinds[i] === KIND_BUY) ownedTerms(this.blocks[i]!, S, n, this.months, this.options[i]!, this.busy);
      else rentedTerms(this.blocks[i]!, S, n, this.months, this.options[i]!);
    }
    this.prepared = n;
  }

  /**
   * Runs samples [0, n) over the months (after prepare(n)). Within a chunk the samples are outer
   * and the months inner: each option's running totals (cost, NPV, served, the catch-up against each
   * rental) stay in local variables over its months instead of being loaded from and stored to a
   * column every month (about 7 ns against 1.4 ns a sample-month). The month formulas are still
   * written once (ownedSample, rentedSample) and nothing is allocated in the loops: the samples'
   * terms stay columnar (prepare), and the months of one sample (its demand, discount factors, the
   * rentals' rates, the cumulative cost the fan reads) live in one small scratch array (`series`)
   * that stays in the first-level cache. What a loop does not need every month is kept out of it
   * (what a rental serves alone, the fan's points): V8 checks and loads each array a loop reads
   * every month, and each running value the loop keeps may cost a register (issue 11: the Monte
   * Carlo went from 18.8 to 16.3 ms at 10,000 samples of the reference model, the same figures).
   */
  run(n: number, spec: RunSpec = {}): void {
    if (n > this.prepared) throw new Error('kernel run before its terms are prepared');
    const served = spec.served ?? null;
    const detail = spec.detail ?? null;
    const fan = spec.fan ?? null;
    if (detail !== null && n !== 1) throw new Error('the detail is of one sample');
    const months = this.months;
    const S = this.stride;
    const plan = this.plan;
    demandTerms(plan.workloadKind, plan.workload, S, n, months, this.demand);
    // Discount: one factor a month, the same for every sample when the rate is certain.
    const rateVaries = plan.inputs.some((input) => input.block === plan.settings);
    const certainStep = monthlyDiscount(plan.settings[0]!);
    const dem = this.demandSeries;
    const series = this.series;
    const rentals = this.rentals;
    const owned = this.owned;
    const traced = fan === null ? 0 : Math.max(0, Math.min(n, fan.samples - fan.offset));
    const points = fan === null ? null : fan.points;
    const offset = fan === null ? 0 : fan.offset;
    const fanSamples = fan === null ? 0 : fan.samples;
    // The discount factor of each month, (1 + r)^(−m/12) multiplied month by month: once, or per sample when the rate varies.
    const disc = this.discountSeries;
    if (!rateVaries) discountFactors(certainStep, months, disc);
    for (let k = 0; k < n; k++) {
      if (rateVaries) discountFactors(monthlyDiscount(plan.settings[k]!), months, disc);
      if (spec.demand) dem.set(spec.demand); // pool (issue 15): the demand given, for every sample
      else demandSeries(this.demand, k, months, dem);
      if (spec.extraDemand) {
        // pool (issue 15): months long (every sample's), or months × n (sample k's from k × months, its members' ranges sampled).
        const e = spec.extraDemand;
        const from = e.length === months ? 0 : k * months;
        for (let m = 0; m < months; m++) dem[m]! += e[from + m]!;
      }
      if (detail !== null) detail.demand.set(dem);
      for (let j = 0; j < rentals.length; j++) {
        const i = rentals[j]!;
        const out = k < traced ? fan!.fans[i]! : null;
        rentedSample(this.blocks[i]!, S, k, months, series, served?.[i] ?? null, this.options[i]!, rateRow(j, months), this.rateTotals, j * LANES + k, out, points, offset + k, fanSamples, detail?.options[i] ?? null);
      }
      for (let j = 0; j < owned.length; j++) {
        const i = owned[j]!;
        const out = k < traced ? fan!.fans[i]! : null;
        ownedSample(this.blocks[i]!, S, k, months, series, served?.[i] ?? null, this.options[i]!, this.rateTotals, rentals.length, out, points, offset + k, fanSamples, detail?.options[i] ?? null);
      }
    }
    for (let i = 0; i < this.options.length; i++) {
      if (this.kinds[i] === KIND_BUY) {
        ownedEnd(this.blocks[i]!, S, n, months, this.options[i]!, detail?.options[i] ?? null);
        breakEven(n, months, this.options[i]!, this.rentals, this.options);
      } else rentedEnd(this.blocks[i]!, S, n, this.options[i]!, this.busy);
    }
  }
}

/** Where rental r's rates start in the kernel's series (its layout: Kernel.series). */
function rateRow(r: number, months: number): number {
  return (2 + r) * months;
}

/** Where the cumulative cost of the option being run starts in the kernel's series: its last row. */
function costRow(series: Float64Array, months: number): number {
  return series.length - months;
}

/** What an option alone serves of a month's demand: the demand, up to its capacity. */
function upTo(demand: number, cap: number): number {
  return demand > cap ? cap : demand;
}

/** The fan chart's trace of a sample: its cumulative cost (series[from + m]) at the fan's months, point j to out[j × samples + at]. */
function fanTrace(series: Float64Array, from: number, points: Int32Array, out: Float64Array, samples: number, at: number): void {
  for (let j = 0; j < points.length; j++) out[j * samples + at] = series[from + points[j]!]!;
}

/** The discount factor of months [0, months): 1, then × `step` a month (the order the totals were always discounted in). */
function discountFactors(step: number, months: number, out: Float64Array): void {
  let df = 1;
  for (let m = 0; m < months; m++) {
    out[m] = df;
    df *= step;
  }
}

/** An owned option's terms for samples [0, n). */
function ownedTerms(p: Float64Array, S: number, n: number, months: number, c: OptionColumns, busy: Float64Array): void {
  const last = months - 1;
  for (let k = 0; k < n; k++) {
    const gpus = p[B.gpuCount * S + k]!;
    const order = p[B.orderMonth * S + k]!;
    const thr = p[B.throughput * S + k]! * ownedGoodput(p, S, k);
    c.usefulPerHour[k] = thr;
    const unit = priceAtOrder(p[B.unitPrice * S + k]!, p[B.trendPct * S + k]!, order);
    const capex = capexOf(gpus * unit + p[B.serverNet * S + k]!, p[B.dutyPct * S + k]!, p[B.vatPct * S + k]!, p[B.vatRecoverable * S + k]! === 1);
    c.order[k] = order;
    c.capex[k] = capex;
    c.delivery[k] = order + p[B.leadTime * S + k]!;
    const installed = gpus * HOURS_PER_MONTH;
    c.instRef[k] = installed * thr;
    // Schedulable capacity: installed GPU-hours × the maximum utilisation × relative throughput.
    c.capRef[k] = installed * (p[B.maxUtilPct * S + k]! / 100) * ownedSchedulable(p, S, k) * thr;
    const servers = serversOf(gpus, p[B.gpusPerServer * S + k]!);
    const hostW = p[B.hostW * S + k]!;
    const powerW = p[B.powerW * S + k]!;
    const idleW = p[B.idleW * S + k]!;
    c.itFixed[k] = ownedItFixedKWh(installed, idleW, servers * HOURS_PER_MONTH * hostW);
    c.itPerServed[k] = (ownedItKWhPerBusyHour(powerW * p[B.busyFrac * S + k]!, idleW) / thr) * busy[k]!; // tokens (issue 15): busy share of the held hours
    ownedKnownEnergy(p, S, k, months, servers * HOURS_PER_MONTH * hostW, c);
    // Energy cost = facility kWh (IT × PUE) × tariff (Epoch AI, Cottier et al. 2024).
    const kwhCost = p[B.pue * S + k]! * p[B.electricity * S + k]!;
    c.energyFixed[k] = c.itFixed[k]! * kwhCost;
    c.variable[k] = c.itPerServed[k]! * kwhCost;
    // Colocation is charged per contracted kW (GPUs and hosts at full power); on premises, the facility a month.
    c.hosting[k] = p[B.hostingColo * S + k]! === 1 ? ((gpus * powerW + servers * hostW) / 1000) * p[B.colo * S + k]! : p[B.facility * S + k]!;
    c.upkeep[k] = (p[B.maintenance * S + k]! + p[B.staff * S + k]! + ownedReplacementCcyPerYear(p, S, k)) / 12;
    c.running[k] = c.hosting[k]! + c.upkeep[k]! + c.energyFixed[k]!;
    // Financing: cash in the order month, or level payments from the month after, for the loan's term or to the horizon.
    const loan = p[B.loan * S + k]! === 1;
    const rate = p[B.loanRatePct * S + k]!;
    const term = p[B.loanTerm * S + k]!;
    c.payment[k] = loan ? loanPayment(capex, rate, term) : 0;
    c.payEnd[k] = loan ? Math.min(order + term, last) : -1;
    const balance = loan ? loanBalance(capex, rate, term, c.payEnd[k]! - order) : 0;
    // The balance still owed when the horizon ends is counted in its last month (below a rounding, nothing is owed).
    c.balanceOwed[k] = balance > 1e-9 * capex ? balance : 0;
    c.end[k] = c.balanceOwed[k]! - gpus * unit * (p[B.resalePct * S + k]! / 100);
  }
}

/**
 * footprint (issue 12): energy the person typed for an owned option. A measured energy replaces the
 * derived IT energy (GPUs and hosts) — spread evenly over the months in service when it is a
 * total — so the energy bill, CO2e and water follow it; a typed idle/overhead energy is added.
 * Nothing typed (NaN): the derived terms are left exactly as they are.
 */
function ownedKnownEnergy(p: Float64Array, S: number, k: number, months: number, hostWh: number, c: OptionColumns): void {
  const inService = months - Math.min(c.delivery[k]!, months);
  const measured = p[B.measured * S + k]!;
  const overhead = p[B.overhead * S + k]!;
  const perMonth = p[B.energyPerMonth * S + k]! === 1;
  const facility = p[B.energyFacility * S + k]! === 1;
  const pue = p[B.pue * S + k]!;
  c.hostMonthKWh[k] = hostWh / 1000;
  c.measuredMonthKWh[k] = knownMonthKWh(measured, perMonth, facility, pue, inService);
  c.overheadMonthKWh[k] = knownMonthKWh(overhead, perMonth, facility, pue, inService);
  if (measured === measured) {
    c.itFixed[k] = c.measuredMonthKWh[k]!;
    c.itPerServed[k] = 0;
    c.hostMonthKWh[k] = 0;
  }
  if (overhead === overhead) c.itFixed[k] = c.itFixed[k]! + c.overheadMonthKWh[k]!;
}

/** A typed energy (NaN: none) as IT kWh a month over the months in service (no closure: this runs per sample). */
function knownMonthKWh(v: number, perMonth: boolean, facility: boolean, pue: number, inService: number): number {
  return v !== v || inService === 0 ? 0 : knownItKWh(v, perMonth, facility, pue, inService) / inService;
}

/**
 * An owned option over every month of sample k: the purchase or loan payment, running costs once
 * installed, the last month's items; Σ rate of each rental (month m of rental r at
 * [(2 + r) × months + m] of the kernel's series `sc`) and, against the cheapest, renting what it served and the first month renting
 * catches up, followed in the month loop.
 * With `out`, the cumulative cost at the fan's points goes to out[j × samples + at].
 */
function ownedSample(
  p: Float64Array,
  S: number,
  k: number,
  months: number,
  sc: Float64Array,
  servedIn: Float64Array | null,
  c: OptionColumns,
  rateTotals: Float64Array,
  rentals: number,
  out: Float64Array | null,
  points: Int32Array | null,
  at: number,
  samples: number,
  detail: Detail['options'][number] | null,
): void {
  const loan = p[B.loan * S]! === 1; // financing is not an uncertain input: one kind for every sample
  const a = c.a;
  const delivery = a[DELIVERY + k]!;
  const cap = a[CAP_REF + k]!;
  const order = a[ORDER + k]!;
  const payEnd = a[PAY_END + k]!;
  const payment = a[PAYMENT + k]!;
  const capex = a[CAPEX + k]!;
  const running = a[RUNNING + k]!;
  const variable = a[VARIABLE + k]!;
  const end = a[END + k]!;
  const last = months - 1;
  // Σ rate over the months in service of each rental, then the cheapest (breakEven's rental, by
  // cheapestRental) is followed month by month below: the running cost of renting what was served
  // and the first month it catches up. The other rentals' catch-up is never read, so not computed.
  // In service from month 0, the sum is the rental's own over the horizon (rentedSample adds it in the same order).
  const from = Math.ceil(delivery);
  for (let r = 0; r < rentals; r++) {
    let rateSum = 0;
    if (from <= 0) rateSum = rateTotals[r * LANES + k]!;
    else {
      const base = rateRow(r, months);
      for (let m = from; m < months; m++) rateSum += sc[base + m]!;
    }
    c.rateSum[r]![k] = rateSum;
  }
  const best = cheapestRental(c, k, delivery < months, sc, months, rentals);
  a[RENTAL + k] = best; // its rank among the rentals: breakEven makes it an option index
  const rateBase = rateRow(best < 0 ? 0 : best, months); // without a rental the catch-up below reads scratch and is dropped
  let rentCum = 0;
  let cross = -1;
  let cost = 0;
  let npv = 0;
  let served = 0;
  // The cumulative cost of each month goes to the series' last row (a store, not a branch, each month), for the fan.
  const cum = costRow(sc, months);
  for (let m = 0; m < months; m++) {
    const on = m >= delivery;
    const dm = servedIn === null ? sc[m]! : servedIn[m * S + k]!;
    const s = on ? (servedIn === null ? upTo(dm, cap) : dm) : 0;
    const purchase = loan ? (m > order && m <= payEnd ? payment : 0) : m === order ? capex : 0;
    const x = purchase + (on ? running + s * variable : 0) + (m === last ? end : 0);
    cost += x;
    npv += x * sc[months + m]!;
    served += s;
    // The catch-up against the cheapest rental: renting what was served, against owning so far.
    const rent = rentCum + sc[rateBase + m]! * s;
    rentCum = rent;
    if (cross < 0 && rent > 0 && rent >= cost - 1e-9 * Math.abs(cost)) cross = m;
    sc[cum + m] = cost;
    if (detail !== null) ownedDetail(p, S, m, m === last, loan, c, s, detail);
  }
  if (out !== null) fanTrace(sc, cum, points!, out, samples, at);
  a[COST + k] = cost;
  a[NPV + k] = npv;
  a[SERVED + k] = served;
  if (best >= 0) {
    c.rentCum[best]![k] = rentCum;
    c.cross[best]![k] = cross;
  }
}

/**
 * The rental that would do the installed hardware's full work for least (break-even's rental): the
 * least Σ rate over the months in service — installed capacity is the same every month in service —
 * or, with no month in service, the lowest first rate (the kernel's series: rental r's month m at [(2 + r) × months + m]).
 * The first of equals; −1 without a rental. Its rank among the rentals.
 */
function cheapestRental(c: OptionColumns, k: number, inService: boolean, series: Float64Array, months: number, rentals: number): number {
  let best = -1;
  let bestSum = Infinity;
  for (let r = 0; r < rentals; r++) {
    const sum = inService ? c.rateSum[r]![k]! : series[rateRow(r, months)]!;
    if (best < 0 || sum < bestSum) {
      best = r;
      bestSum = sum;
    }
  }
  return best;
}

/** The evaluation's split of an owned option's month into categories (sample 0). */
function ownedDetail(p: Float64Array, S: number, m: number, isLast: boolean, loan: boolean, c: OptionColumns, s: number, detail: Detail['options'][number]): void {
  const cat = detail.byCategory;
  const order = c.order[0]!;
  let principal = loan ? (m > order && m <= c.payEnd[0]! ? c.payment[0]! : 0) : m === order ? c.capex[0]! : 0;
  if (loan && principal !== 0) {
    // Amortisation: interest on the balance still owed; the rest of the payment repays the principal.
    const interest = loanBalance(c.capex[0]!, p[B.loanRatePct * S]!, p[B.loanTerm * S]!, m - order - 1) * (p[B.loanRatePct * S]! / 1200);
    cat[CAT.interest]![m] = interest;
    principal -= interest;
  }
  cat[CAT.capex]![m] = principal + (isLast ? c.balanceOwed[0]! : 0);
  if (m >= c.delivery[0]!) {
    cat[CAT.energy]![m] = c.energyFixed[0]! + s * c.variable[0]!;
    cat[CAT.hosting]![m] = c.hosting[0]!;
    cat[CAT.maintenance]![m] = c.upkeep[0]!;
  }
  if (isLast) cat[CAT.resale]![m] = c.end[0]! - c.balanceOwed[0]!;
  detail.served[m] = s;
}

/** An owned option's totals after the months: GPU-hours used, IT energy, CO2e, and the detail's depreciation. */
function ownedEnd(p: Float64Array, S: number, n: number, months: number, c: OptionColumns, detail: Detail['options'][number] | null): void {
  for (let k = 0; k < n; k++) {
    const gpus = p[B.gpuCount * S + k]!;
    const inService = months - Math.min(c.delivery[k]!, months);
    c.used[k] = c.served[k]! / c.usefulPerHour[k]!;
    c.itKWh[k] = c.itFixed[k]! * inService + c.itPerServed[k]! * c.served[k]!;
    const kg = gpus * p[B.embGpu * S + k]! + serversOf(gpus, p[B.gpusPerServer * S + k]!) * p[B.embServer * S + k]!;
    c.embodiedKg[k] = ownedEmbodiedKg(kg, inService, p[B.embLife * S + k]!);
    c.co2eKg[k] = operationalKg(c.itKWh[k]!, p[B.pue * S + k]!, p[B.grid * S + k]!) + c.embodiedKg[k]!;
    // footprint (issue 12): energy by component over the months in service, and market-based emissions.
    c.hostKWh[k] = c.hostMonthKWh[k]! * inService;
    c.overheadKWh[k] = c.overheadMonthKWh[k]! * inService;
    c.measuredKWh[k] = c.measuredMonthKWh[k]! * inService;
    c.marketKg[k] = operationalKg(c.itKWh[k]!, p[B.pue * S + k]!, marketOf(p, B, S, k));
  }
  if (detail !== null) {
    // Accounting view: straight-line depreciation of the capex from the month it enters service.
    const lifeMonths = p[B.depreciationYears * S]! * 12;
    let booked = 0;
    for (let m = c.delivery[0]!; m < months; m++) {
      const d = depreciationInMonth(c.capex[0]!, lifeMonths, booked);
      detail.depreciation[m] = d;
      booked += d;
    }
  }
}

/** A rented option's terms for samples [0, n). */
function rentedTerms(p: Float64Array, S: number, n: number, months: number, c: OptionColumns): void {
  for (let k = 0; k < n; k++) {
    const pricing = p[R.pricing * S + k]!;
    const thr = p[R.throughput * S + k]! * rentedGoodput(p, S, k);
    const term = reservationTermMonths(pricing);
    const paid = term > 0 ? 1 : paidHoursFactor(pricing, p[R.spotOverheadPct * S + k]!, p[R.reliabilityPct * S + k]!);
    c.price0[k] = p[R.price * S + k]!;
    c.growth[k] = 1 + p[R.trendPct * S + k]! / 100;
    // Work in own GPU-hours = reference GPU-hours ÷ relative throughput, × the hours that run again.
    c.paidPerRef[k] = paid / thr;
    c.fee[k] = p[R.feePct * S + k]! / 100;
    c.fixed[k] = p[R.egress * S + k]! + p[R.storage * S + k]!;
    // Cost of one useful reference GPU-hour at full use: price × overheads × (1 + fee) ÷ throughput.
    c.rateUnit[k] = c.paidPerRef[k]! * (1 + c.fee[k]!);
    c.delivery[k] = 0;
    const committed = p[R.committed * S + k]!;
    // A reservation serves up to its committed GPUs; pay as you go, without limit.
    c.capRef[k] = term > 0 ? committed * HOURS_PER_MONTH * thr * rentedSchedulable(p, S, k) : Infinity;
    c.hours[k] = committed * HOURS_PER_MONTH;
    // A reservation runs for whole terms: what remains of the term in progress is owed.
    c.beyondHours[k] = term > 0 ? (Math.ceil(months / term) * term - months) * committed * HOURS_PER_MONTH : 0;
  }
}

/**
 * A rented option over every month of sample k. Its demand and discount factors are read from the
 * kernel's series `sc`, and its rate per useful reference GPU-hour in month m goes there, to
 * sc[base + m] (the owned options' catch-up reads it); with `out`,
 * the cumulative cost at the fan's points goes to out[j × samples + at].
 */
function rentedSample(
  p: Float64Array,
  S: number,
  k: number,
  months: number,
  sc: Float64Array,
  servedIn: Float64Array | null,
  c: OptionColumns,
  base: number,
  rateTotals: Float64Array,
  totalAt: number,
  out: Float64Array | null,
  points: Int32Array | null,
  at: number,
  samples: number,
  detail: Detail['options'][number] | null,
): void {
  const term = reservationTermMonths(p[R.pricing * S]!); // pricing is not an uncertain input: one for every sample
  const a = c.a;
  const growth = a[GROWTH + k]!;
  const price0 = a[PRICE0 + k]!;
  const cap = a[CAP_REF + k]!;
  const hours = a[HOURS + k]!;
  const beyond = a[BEYOND_HOURS + k]!;
  const paidPerRef = a[PAID_PER_REF + k]!;
  const fee = a[FEE + k]!;
  const fixed = a[FIXED + k]!;
  const rateUnit = a[RATE_UNIT + k]!;
  const withFee = 1 + fee;
  const last = months - 1;
  // footprint (issue 12): what it serves alone is read only for a typed energy (rentedKnownEnergy).
  const typed = p[R.measured * S + k]! === p[R.measured * S + k]! || p[R.overhead * S + k]! === p[R.overhead * S + k]!;
  // Month 0's rate: the price factor is 1 in month 0.
  a[RATE0 + k] = price0 * rateUnit;
  let rateTotal = 0;
  let f = 1;
  // The price factor moves by `step` a month — (1 + trend) pay as you go, 1 in a term of a reservation — and
  // is set again at the start of each term (`reset`; −1: never).
  const step = term > 0 ? 1 : growth;
  let reset = term > 0 ? 0 : -1;
  let cost = 0;
  let npv = 0;
  let served = 0;
  // The cumulative cost of each month goes to the series' last row (a store, not a branch, each month), for the fan.
  const cum = costRow(sc, months);
  // footprint (issue 12): what it would serve alone over the horizon and in how many months (a typed
  // energy is of the option alone), in a loop of its own, run only then: the month loop below keeps
  // two fewer running values (issue 11, the Monte Carlo's speed).
  let aloneServed = Number.NaN;
  let aloneMonths = Number.NaN;
  if (typed) {
    aloneServed = 0;
    aloneMonths = 0;
    for (let m = 0; m < months; m++) {
      const d = sc[m]!;
      const alone = upTo(d, cap);
      aloneServed += alone;
      aloneMonths += +(alone > 0);
    }
  }
  for (let m = 0; m < months; m++) {
    const d = sc[m]!;
    const alone = upTo(d, cap);
    // Price this month: month-0 price × (1 + trend)^m, fixed at the start of each term of a reservation.
    if (m === reset) {
      f = growth ** m;
      reset += term;
    }
    const price = price0 * f;
    // Alone, it serves the demand up to its capacity; in a mix, what the allocation gave it.
    const s = servedIn === null ? alone : servedIn[m * S + k]!;
    // Reserved GPUs are paid every hour of the month, used or not; pay as you go, the paid GPU-hours × price.
    const rent = term > 0 ? (hours + (m === last ? beyond : 0)) * price : s * paidPerRef * price;
    // The platform fee on top; egress and storage in every month the option is used (always, reserved).
    const x = rent * withFee + (s > 0 || term > 0 ? fixed : 0);
    cost += x;
    npv += x * sc[months + m]!;
    served += s;
    const rate = price * rateUnit;
    sc[base + m] = rate;
    rateTotal += rate;
    f *= step;
    sc[cum + m] = cost;
    if (detail !== null) {
      const cat = detail.byCategory;
      const used = term > 0 ? hours * price : s * paidPerRef * price;
      cat[CAT.rent]![m] = used;
      cat[CAT.fees]![m] = used * fee;
      cat[CAT.egressStorage]![m] = s > 0 || term > 0 ? fixed : 0;
      cat[CAT.commitmentBeyondHorizon]![m] = m === last ? beyond * price : 0;
      detail.served[m] = s;
    }
  }
  if (out !== null) fanTrace(sc, cum, points!, out, samples, at);
  a[COST + k] = cost;
  a[NPV + k] = npv;
  a[SERVED + k] = served;
  a[ALONE_SERVED + k] = aloneServed;
  a[ALONE_MONTHS + k] = aloneMonths;
  rateTotals[totalAt] = rateTotal;
}

/** A rented option's totals after the months: GPU-hours used, IT energy and CO2e. */
function rentedEnd(p: Float64Array, S: number, n: number, c: OptionColumns, busy: Float64Array): void {
  for (let k = 0; k < n; k++) {
    const gpusPerServer = p[R.gpusPerServer * S + k]!;
    const used = c.served[k]! * c.paidPerRef[k]!;
    c.used[k] = used;
    c.itKWh[k] = (used * busy[k]! * rentedWPerGpu(p[R.powerW * S + k]! * p[R.busyFrac * S + k]!, p[R.hostW * S + k]!, gpusPerServer)) / 1000; // tokens (issue 15): busy share
    rentedKnownEnergy(p, S, k, c, (used * busy[k]! * p[R.hostW * S + k]!) / gpusPerServer / 1000);
    c.embodiedKg[k] = rentedEmbodiedKg(used, p[R.embGpu * S + k]!, p[R.embServer * S + k]!, gpusPerServer, p[R.embLife * S + k]!, p[R.providerUtilPct * S + k]!);
    c.co2eKg[k] = operationalKg(c.itKWh[k]!, p[R.pue * S + k]!, p[R.grid * S + k]!) + c.embodiedKg[k]!;
    c.marketKg[k] = operationalKg(c.itKWh[k]!, p[R.pue * S + k]!, marketOf(p, R, S, k));
  }
}

/**
 * footprint (issue 12): energy the person typed for a rented option is the option's energy serving
 * the workload alone (a month's figure × the months it serves); a part of the mix takes its share,
 * served ÷ served alone. A measured energy replaces the derived IT energy; idle/overhead is added.
 */
function rentedKnownEnergy(p: Float64Array, S: number, k: number, c: OptionColumns, hostKWh: number): void {
  const measured = p[R.measured * S + k]!;
  const overhead = p[R.overhead * S + k]!;
  const perMonth = p[R.energyPerMonth * S + k]! === 1;
  const facility = p[R.energyFacility * S + k]! === 1;
  const pue = p[R.pue * S + k]!;
  const alone = c.aloneServed[k]!;
  const share = alone > 0 ? c.served[k]! / alone : 0;
  const aloneMonths = c.aloneMonths[k]!;
  c.hostKWh[k] = hostKWh;
  c.measuredKWh[k] = measured !== measured ? 0 : knownItKWh(measured, perMonth, facility, pue, aloneMonths) * share;
  c.overheadKWh[k] = overhead !== overhead ? 0 : knownItKWh(overhead, perMonth, facility, pue, aloneMonths) * share;
  if (measured === measured) {
    c.itKWh[k] = c.measuredKWh[k]!;
    c.hostKWh[k] = 0;
  }
  if (overhead === overhead) c.itKWh[k] = c.itKWh[k]! + c.overheadKWh[k]!;
}

/** footprint (issue 12): the option's market-based factor in sample k (marketGPerKWh on its slots). */
function marketOf(p: Float64Array, at: typeof B | typeof R, S: number, k: number): number {
  return marketGPerKWh(p[at.mktSupplier * S + k]!, p[at.mktCoveredPct * S + k]!, p[at.mktCoveredG * S + k]!, p[at.mktResidual * S + k]!, p[at.grid * S + k]!);
}

/**
 * Break-even of an owned option (breakeven.ts reads it): the rental that would do the installed
 * hardware's full work for least, its average rate, the month renting what was served catches up,
 * and the utilisation u* at which owning costs the same as renting. Cost is affine in use:
 * Own(u) = Own(0) + [Own(1) − Own(0)]·u, so u* = Own(0) / (R·Cap − [Own(1) − Own(0)]).
 */
function breakEven(n: number, months: number, c: OptionColumns, rentals: Int32Array, all: OptionColumns[]): void {
  for (let k = 0; k < n; k++) {
    const from = Math.min(c.delivery[k]!, months);
    const inService = months - from;
    // The rental compared, chosen month by month in ownedSample (cheapestRental): its rank among the rentals.
    const best = c.rental[k]!;
    if (best < 0) {
      c.rental[k] = -1;
      c.breakEvenMonth[k] = -1;
      c.utilisation[k] = Number.NaN;
      continue;
    }
    const bestSum = inService > 0 ? c.rateSum[best]![k]! : all[rentals[best]!]!.rate0[k]!;
    c.rental[k] = rentals[best]!;
    c.averageRate[k] = inService > 0 ? bestSum / inService : bestSum;
    c.breakEvenMonth[k] = c.cross[best]![k]!;
    const installed = c.instRef[k]! * inService;
    const own0 = c.cost[k]! - c.variable[k]! * c.served[k]!;
    const denominator = c.instRef[k]! * c.rateSum[best]![k]! - c.variable[k]! * installed;
    const u = own0 / denominator;
    c.utilisation[k] = denominator <= 0 || installed === 0 || !Number.isFinite(u) ? Number.NaN : u > 0 ? u : 0;
  }
}
