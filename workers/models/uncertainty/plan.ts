// Compiles a validated scenario into flat numeric parameter blocks that the kernel (../kernel.ts)
// reads, and the list of uncertain inputs with the slot each sampled value is written to. Pure.
// One block per option (Float64Array, fixed slots), one for the workload, one for the settings,
// each columnar over samples: slot s of sample k is at [s × stride + k]. Sampling writes a
// slot's column in place; nothing is allocated per sample.
import { acceleratorFacts, type AcceleratorScope } from '../../../src/catalog/accelerators.ts';
import { numberBounds, rangeField, type Range, type Scenario } from '../../../src/scenario/schema.ts';
import { resolveOption, type ResolvedOption } from '../resolve.ts';
import { compileDistribution, type Distribution } from './distributions.ts';

/** Slots of an owned option's block. */
export const B = {
  gpuCount: 0,
  unitPrice: 1,
  trendPct: 2,
  orderMonth: 3,
  serverNet: 4,
  dutyPct: 5,
  vatPct: 6,
  vatRecoverable: 7,
  leadTime: 8,
  maxUtilPct: 9,
  idleW: 10,
  hostingColo: 11,
  facility: 12,
  colo: 13,
  electricity: 14,
  maintenance: 15,
  staff: 16,
  loan: 17,
  loanRatePct: 18,
  loanTerm: 19,
  resalePct: 20,
  powerW: 21,
  busyFrac: 22,
  hostW: 23,
  gpusPerServer: 24,
  pue: 25,
  grid: 26,
  embGpu: 27,
  embServer: 28,
  embLife: 29,
  throughput: 30,
  wue: 31,
  offsiteWater: 32,
  depreciationYears: 33,
  // footprint (issue 12): typed energy (NaN: none), its period and scope, the electricity contract (NaN: none).
  measured: 34,
  overhead: 35,
  energyPerMonth: 36,
  energyFacility: 37,
  mktSupplier: 38,
  mktCoveredPct: 39,
  mktCoveredG: 40,
  mktResidual: 41,
  SIZE: 42,
} as const;

/** Slots of a rented option's block (cloud and decentralised share one layout). */
export const R = {
  price: 0,
  trendPct: 1,
  /** 0 on demand (and decentralised), 1 spot, 2 reserved 1 year, 3 reserved 3 years. */
  pricing: 2,
  committed: 3,
  spotOverheadPct: 4,
  feePct: 5,
  reliabilityPct: 6,
  egress: 7,
  storage: 8,
  powerW: 9,
  busyFrac: 10,
  hostW: 11,
  gpusPerServer: 12,
  pue: 13,
  grid: 14,
  embGpu: 15,
  embServer: 16,
  embLife: 17,
  providerUtilPct: 18,
  throughput: 19,
  wue: 20,
  offsiteWater: 21,
  // footprint (issue 12): as in B.
  measured: 22,
  overhead: 23,
  energyPerMonth: 24,
  energyFacility: 25,
  mktSupplier: 26,
  mktCoveredPct: 27,
  mktCoveredG: 28,
  mktResidual: 29,
  SIZE: 30,
} as const;

/** Slots of the workload block: their meaning depends on the workload's kind. */
export const W = { a: 0, b: 1, c: 2, d: 3, peakTflops: 4, SIZE: 5 } as const;

const BUY_FIELDS: Record<string, number> = {
  gpuCount: B.gpuCount,
  unitPriceCcyPerGpu: B.unitPrice,
  priceTrendPctPerMonth: B.trendPct,
  orderMonth: B.orderMonth,
  serverAndNetworkCcy: B.serverNet,
  importDutyPct: B.dutyPct,
  vatPct: B.vatPct,
  leadTimeMonths: B.leadTime,
  maxUtilisationPct: B.maxUtilPct,
  idlePowerWPerGpu: B.idleW,
  facilityCcyPerMonth: B.facility,
  colocationCcyPerKWMonth: B.colo,
  electricityCcyPerKWh: B.electricity,
  maintenanceCcyPerYear: B.maintenance,
  staffCcyPerYear: B.staff,
  annualRatePct: B.loanRatePct,
  termMonths: B.loanTerm,
  resalePctOfGpuPrice: B.resalePct,
  powerWPerGpu: B.powerW,
  busyPowerFraction: B.busyFrac,
  hostPowerWPerServer: B.hostW,
  gpusPerServer: B.gpusPerServer,
  pue: B.pue,
  gridGCO2ePerKWh: B.grid,
  embodiedKgCO2ePerGpu: B.embGpu,
  embodiedKgCO2ePerServer: B.embServer,
  embodiedLifeYears: B.embLife,
  throughputVsReference: B.throughput,
  // footprint (issue 12)
  measuredEnergyKWh: B.measured,
  overheadEnergyKWh: B.overhead,
};

const RENTED_FIELDS: Record<string, number> = {
  priceCcyPerGpuHour: R.price,
  priceTrendPctPerMonth: R.trendPct,
  committedGpus: R.committed,
  spotInterruptionOverheadPct: R.spotOverheadPct,
  platformFeePct: R.feePct,
  reliabilityOverheadPct: R.reliabilityPct,
  egressCcyPerMonth: R.egress,
  storageCcyPerMonth: R.storage,
  powerWPerGpu: R.powerW,
  busyPowerFraction: R.busyFrac,
  hostPowerWPerServer: R.hostW,
  gpusPerServer: R.gpusPerServer,
  pue: R.pue,
  gridGCO2ePerKWh: R.grid,
  embodiedKgCO2ePerGpu: R.embGpu,
  embodiedKgCO2ePerServer: R.embServer,
  embodiedLifeYears: R.embLife,
  providerUtilisationPct: R.providerUtilPct,
  throughputVsReference: R.throughput,
  // footprint (issue 12)
  measuredEnergyKWh: R.measured,
  overheadEnergyKWh: R.overhead,
};

const WORKLOAD_FIELDS: Record<Scenario['workload']['kind'], Record<string, number>> = {
  gpuHours: { gpuHoursPerMonth: W.a, growthPctPerMonth: W.b },
  training: { parametersBillion: W.a, tokensBillion: W.b, mfuPct: W.c, deadlineMonths: W.d },
  inference: { tokensPerSecond: W.a, tokensPerSecondPerGpu: W.b, growthPctPerMonth: W.c },
};

export const KIND_BUY = 0;
export const KIND_RENTED = 1;

export interface OptionPlan {
  id: string;
  name: string;
  kind: typeof KIND_BUY | typeof KIND_RENTED;
  /** The block the kernel reads: slot s of sample k at [s × stride + k]; sampled inputs overwrite their columns. */
  p: Float64Array;
}

export interface Input {
  range: Range;
  dist: Distribution;
  /** The block its samples are written to, and the slot (its column starts at slot × stride). */
  block: Float64Array;
  slot: number;
}

export interface Plan {
  months: number;
  /** Samples per column of every block. */
  stride: number;
  options: OptionPlan[];
  /** The options as resolved from the catalog (grid used, throughput, warnings). */
  resolved: ResolvedOption[];
  workloadKind: 0 | 1 | 2;
  workload: Float64Array;
  /** [annual discount rate in percent]. */
  settings: Float64Array;
  inputs: Input[];
}

/** A slot's column: every sample of `stride` set to `value`. */
function put(p: Float64Array, stride: number, slot: number, value: number): void {
  p.fill(value, slot * stride, slot * stride + stride);
}

/** The footprint and throughput inputs every kind of option has, into their slots (by field name). */
function fillFootprint(p: Float64Array, stride: number, slot: Record<string, number>, o: Scenario['options'][number], r: ResolvedOption): void {
  put(p, stride, slot.powerWPerGpu!, r.powerWPerGpu);
  put(p, stride, slot.busyPowerFraction!, o.busyPowerFraction);
  put(p, stride, slot.hostPowerWPerServer!, r.hostWPerServer);
  put(p, stride, slot.gpusPerServer!, o.gpusPerServer);
  put(p, stride, slot.pue!, o.pue);
  put(p, stride, slot.gridGCO2ePerKWh!, r.grid.gCO2ePerKWh);
  put(p, stride, slot.embodiedKgCO2ePerGpu!, r.embodiedKgPerGpu);
  put(p, stride, slot.embodiedKgCO2ePerServer!, r.embodiedKgPerServer);
  put(p, stride, slot.embodiedLifeYears!, o.embodiedLifeYears);
  put(p, stride, slot.throughputVsReference!, r.throughput);
  fillKnownFootprint(p, stride, slot === BUY_FIELDS ? B : R, o);
}

/** footprint (issue 12): the option's typed energy and electricity contract into their slots (NaN: not given). */
function fillKnownFootprint(p: Float64Array, stride: number, at: typeof B | typeof R, o: Scenario['options'][number]): void {
  const f = o.footprint;
  const nan = (v: number | null | undefined) => v ?? Number.NaN;
  put(p, stride, at.measured, nan(f?.measuredEnergyKWh));
  put(p, stride, at.overhead, nan(f?.overheadEnergyKWh));
  put(p, stride, at.energyPerMonth, f?.energyPeriod === 'perMonth' ? 1 : 0);
  put(p, stride, at.energyFacility, f?.energyScope === 'facility' ? 1 : 0);
  put(p, stride, at.mktSupplier, nan(f?.marketSupplierGCO2ePerKWh));
  put(p, stride, at.mktCoveredPct, f?.marketCoveredPct ?? 0);
  put(p, stride, at.mktCoveredG, f?.marketCoveredGCO2ePerKWh ?? 0);
  put(p, stride, at.mktResidual, nan(f?.marketResidualGCO2ePerKWh));
}

function buyBlock(r: ResolvedOption, stride: number): Float64Array {
  const o = r.option;
  if (o.kind !== 'buy') throw new Error('not a purchase');
  const p = new Float64Array(B.SIZE * stride);
  const set = (slot: number, v: number) => put(p, stride, slot, v);
  set(B.gpuCount, o.gpuCount);
  set(B.unitPrice, o.unitPriceCcyPerGpu);
  set(B.trendPct, o.priceTrendPctPerMonth);
  set(B.orderMonth, o.orderMonth);
  set(B.serverNet, o.serverAndNetworkCcy);
  set(B.dutyPct, o.importDutyPct);
  set(B.vatPct, o.vatPct);
  set(B.vatRecoverable, o.vatRecoverable ? 1 : 0);
  set(B.leadTime, o.leadTimeMonths);
  set(B.maxUtilPct, o.maxUtilisationPct);
  set(B.idleW, o.idlePowerWPerGpu);
  set(B.hostingColo, o.hosting.kind === 'colocation' ? 1 : 0);
  set(B.facility, o.hosting.kind === 'onPrem' ? o.hosting.facilityCcyPerMonth : 0);
  set(B.colo, o.hosting.kind === 'colocation' ? o.hosting.colocationCcyPerKWMonth : 0);
  set(B.electricity, o.electricityCcyPerKWh);
  set(B.maintenance, o.maintenanceCcyPerYear);
  set(B.staff, o.staffCcyPerYear);
  set(B.loan, o.financing.kind === 'loan' ? 1 : 0);
  set(B.loanRatePct, o.financing.kind === 'loan' ? o.financing.annualRatePct : 0);
  set(B.loanTerm, o.financing.kind === 'loan' ? o.financing.termMonths : 1);
  set(B.resalePct, o.resalePctOfGpuPrice);
  set(B.wue, o.wueLPerKWh);
  set(B.offsiteWater, o.offsiteWaterLPerKWh);
  set(B.depreciationYears, o.depreciationYears);
  fillFootprint(p, stride, BUY_FIELDS, o, r);
  return p;
}

/** Pricing codes of a rented option's block. */
export const PRICING = { onDemand: 0, spot: 1, reserved1y: 2, reserved3y: 3 } as const;

function rentedBlock(r: ResolvedOption, stride: number): Float64Array {
  const o = r.option;
  if (o.kind === 'buy') throw new Error('not a rented option');
  const p = new Float64Array(R.SIZE * stride);
  const set = (slot: number, v: number) => put(p, stride, slot, v);
  set(R.price, o.priceCcyPerGpuHour);
  set(R.trendPct, o.priceTrendPctPerMonth);
  if (o.kind === 'cloud') {
    set(R.pricing, PRICING[o.pricingModel]);
    set(R.committed, o.committedGpus);
    set(R.spotOverheadPct, o.spotInterruptionOverheadPct);
  } else {
    set(R.feePct, o.platformFeePct);
    set(R.reliabilityPct, o.reliabilityOverheadPct);
  }
  set(R.egress, o.egressCcyPerMonth);
  set(R.storage, o.storageCcyPerMonth);
  set(R.providerUtilPct, o.providerUtilisationPct);
  set(R.wue, o.wueLPerKWh);
  set(R.offsiteWater, o.offsiteWaterLPerKWh);
  fillFootprint(p, stride, RENTED_FIELDS, o, r);
  return p;
}

/** The workload's block: its slots' meaning depends on the workload's kind (WORKLOAD_FIELDS). */
export function workloadBlock(w: Scenario['workload'], stride: number, s?: AcceleratorScope): Float64Array {
  const p = new Float64Array(W.SIZE * stride);
  for (const [field, slot] of Object.entries(WORKLOAD_FIELDS[w.kind])) put(p, stride, slot, (w as unknown as Record<string, number>)[field]!);
  if (w.kind === 'training') put(p, stride, W.peakTflops, acceleratorFacts(w.referenceAcceleratorId, s)?.bf16DenseTflops ?? Number.NaN);
  return p;
}

export function workloadKindOf(w: Scenario['workload']): 0 | 1 | 2 {
  return w.kind === 'gpuHours' ? 0 : w.kind === 'training' ? 1 : 2;
}

/**
 * The distribution of a range's input, sampled within the bounds the input accepts — and, for an
 * order month, within the horizon (the validated scenario orders inside it; so do its samples).
 */
export function distributionOf(s: Scenario, range: Range): { dist: Distribution; optionIndex: number | null } {
  const f = rangeField(s, range);
  const bounds = f && numberBounds(f.schema);
  if (!f || !bounds || typeof f.value !== 'number') throw new Error(`range on "${range.field}" has no numeric input`);
  if (range.field === 'orderMonth') bounds.max = Math.min(bounds.max, s.settings.horizonMonths - 1);
  return { dist: compileDistribution(range.shape, range.low, range.high, f.value, bounds), optionIndex: f.optionIndex };
}

/** Compiles a validated scenario, `stride` samples per column. Throws only on a catalog defect. */
export function compilePlan(s: Scenario, stride = 1): Plan {
  const resolved = s.options.map((o) => resolveOption(o, s));
  const options: OptionPlan[] = resolved.map((r) => ({
    id: r.option.id,
    name: r.option.name,
    kind: r.option.kind === 'buy' ? KIND_BUY : KIND_RENTED,
    p: r.option.kind === 'buy' ? buyBlock(r, stride) : rentedBlock(r, stride),
  }));
  const w = s.workload;
  const workload = workloadBlock(w, stride, s);
  const settings = new Float64Array(stride).fill(s.settings.discountRatePctPerYear);

  const inputs: Input[] = [];
  for (const range of s.uncertainty.ranges) {
    const { dist, optionIndex } = distributionOf(s, range);
    let block: Float64Array;
    let slot: number | undefined;
    if (range.target === 'settings') {
      block = settings;
      slot = range.field === 'discountRatePctPerYear' ? 0 : undefined;
    } else if (range.target === 'workload') {
      block = workload;
      slot = WORKLOAD_FIELDS[w.kind][range.field];
    } else {
      const option = options[optionIndex!]!;
      block = option.p;
      slot = option.kind === KIND_BUY ? BUY_FIELDS[range.field] : RENTED_FIELDS[range.field];
    }
    // The schema admits ranges only on inputs listed in RANGEABLE_FIELDS; each has a slot (a test checks).
    if (slot === undefined) throw new Error(`range on "${range.field}" has no slot in the Monte Carlo`);
    inputs.push({ range, dist, block, slot });
  }
  return { months: s.settings.horizonMonths, stride, options, resolved, workloadKind: workloadKindOf(w), workload, settings, inputs };
}
