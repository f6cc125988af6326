// Compiles a validated scenario into flat numeric parameter blocks that the Monte Carlo kernels
// read, and the list of uncertain inputs with the slot each sampled value is written to. Pure.
// One block per option (Float64Array, fixed slots), one for the workload, one for the settings:
// sampling writes numbers into slots; nothing is allocated per sample.
import { accelerator } from '../../../src/catalog/index.ts';
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
  SIZE: 31,
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
  SIZE: 20,
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
  /** Base values; sampled inputs overwrite their slots in each sample. */
  base: Float64Array;
  /** The block the kernels read in the current sample. */
  p: Float64Array;
}

export interface Input {
  range: Range;
  dist: Distribution;
  /** The block its samples are written to, and the slot. */
  block: Float64Array;
  slot: number;
}

export interface Plan {
  months: number;
  options: OptionPlan[];
  workloadKind: 0 | 1 | 2;
  workloadBase: Float64Array;
  workload: Float64Array;
  /** [annual discount rate in percent, unused]. */
  settingsBase: Float64Array;
  settings: Float64Array;
  inputs: Input[];
  /** Whether any sampled input changes the demand or the discount rate (else computed once). */
  demandVaries: boolean;
  discountVaries: boolean;
}

/** The footprint and throughput inputs every kind of option has, into their slots (by field name). */
function fillFootprint(p: Float64Array, slot: Record<string, number>, o: Scenario['options'][number], r: ResolvedOption): void {
  p[slot.powerWPerGpu!] = r.powerWPerGpu;
  p[slot.busyPowerFraction!] = o.busyPowerFraction;
  p[slot.hostPowerWPerServer!] = o.hostPowerWPerServer;
  p[slot.gpusPerServer!] = o.gpusPerServer;
  p[slot.pue!] = o.pue;
  p[slot.gridGCO2ePerKWh!] = r.grid.gCO2ePerKWh;
  p[slot.embodiedKgCO2ePerGpu!] = r.embodiedKgPerGpu;
  p[slot.embodiedKgCO2ePerServer!] = r.embodiedKgPerServer;
  p[slot.embodiedLifeYears!] = o.embodiedLifeYears;
  p[slot.throughputVsReference!] = r.throughput;
}

function buyBlock(s: Scenario, i: number): Float64Array {
  const o = s.options[i]!;
  if (o.kind !== 'buy') throw new Error('not a purchase');
  const r = resolveOption(o, s);
  const p = new Float64Array(B.SIZE);
  p[B.gpuCount] = o.gpuCount;
  p[B.unitPrice] = o.unitPriceCcyPerGpu;
  p[B.trendPct] = o.priceTrendPctPerMonth;
  p[B.orderMonth] = o.orderMonth;
  p[B.serverNet] = o.serverAndNetworkCcy;
  p[B.dutyPct] = o.importDutyPct;
  p[B.vatPct] = o.vatPct;
  p[B.vatRecoverable] = o.vatRecoverable ? 1 : 0;
  p[B.leadTime] = o.leadTimeMonths;
  p[B.maxUtilPct] = o.maxUtilisationPct;
  p[B.idleW] = o.idlePowerWPerGpu;
  p[B.hostingColo] = o.hosting.kind === 'colocation' ? 1 : 0;
  p[B.facility] = o.hosting.kind === 'onPrem' ? o.hosting.facilityCcyPerMonth : 0;
  p[B.colo] = o.hosting.kind === 'colocation' ? o.hosting.colocationCcyPerKWMonth : 0;
  p[B.electricity] = o.electricityCcyPerKWh;
  p[B.maintenance] = o.maintenanceCcyPerYear;
  p[B.staff] = o.staffCcyPerYear;
  p[B.loan] = o.financing.kind === 'loan' ? 1 : 0;
  p[B.loanRatePct] = o.financing.kind === 'loan' ? o.financing.annualRatePct : 0;
  p[B.loanTerm] = o.financing.kind === 'loan' ? o.financing.termMonths : 1;
  p[B.resalePct] = o.resalePctOfGpuPrice;
  fillFootprint(p, BUY_FIELDS, o, r);
  return p;
}

function rentedBlock(s: Scenario, i: number): Float64Array {
  const o = s.options[i]!;
  if (o.kind === 'buy') throw new Error('not a rented option');
  const r = resolveOption(o, s);
  const p = new Float64Array(R.SIZE);
  p[R.price] = o.priceCcyPerGpuHour;
  p[R.trendPct] = o.priceTrendPctPerMonth;
  if (o.kind === 'cloud') {
    p[R.pricing] = { onDemand: 0, spot: 1, reserved1y: 2, reserved3y: 3 }[o.pricingModel];
    p[R.committed] = o.committedGpus;
    p[R.spotOverheadPct] = o.spotInterruptionOverheadPct;
  } else {
    p[R.feePct] = o.platformFeePct;
    p[R.reliabilityPct] = o.reliabilityOverheadPct;
  }
  p[R.egress] = o.egressCcyPerMonth;
  p[R.storage] = o.storageCcyPerMonth;
  p[R.providerUtilPct] = o.providerUtilisationPct;
  fillFootprint(p, RENTED_FIELDS, o, r);
  return p;
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

/** Compiles a validated scenario. Throws only on a catalog defect (as the deterministic model does). */
export function compilePlan(s: Scenario): Plan {
  const options: OptionPlan[] = s.options.map((o, i) => {
    const base = o.kind === 'buy' ? buyBlock(s, i) : rentedBlock(s, i);
    return { id: o.id, name: o.name, kind: o.kind === 'buy' ? KIND_BUY : KIND_RENTED, base, p: base.slice() };
  });
  const w = s.workload;
  const workloadBase = new Float64Array(W.SIZE);
  if (w.kind === 'gpuHours') {
    workloadBase[W.a] = w.gpuHoursPerMonth;
    workloadBase[W.b] = w.growthPctPerMonth;
  } else if (w.kind === 'training') {
    workloadBase[W.a] = w.parametersBillion;
    workloadBase[W.b] = w.tokensBillion;
    workloadBase[W.c] = w.mfuPct;
    workloadBase[W.d] = w.deadlineMonths;
    workloadBase[W.peakTflops] = accelerator(w.referenceAcceleratorId)?.bf16DenseTflops?.value ?? Number.NaN;
  } else {
    workloadBase[W.a] = w.tokensPerSecond;
    workloadBase[W.b] = w.tokensPerSecondPerGpu;
    workloadBase[W.c] = w.growthPctPerMonth;
  }
  const settingsBase = Float64Array.of(s.settings.discountRatePctPerYear, 0);
  const workload = workloadBase.slice();
  const settings = settingsBase.slice();

  const inputs: Input[] = [];
  let demandVaries = false;
  let discountVaries = false;
  for (const range of s.uncertainty.ranges) {
    const { dist, optionIndex } = distributionOf(s, range);
    let block: Float64Array;
    let slot: number | undefined;
    if (range.target === 'settings') {
      block = settings;
      slot = range.field === 'discountRatePctPerYear' ? 0 : undefined;
      discountVaries = true;
    } else if (range.target === 'workload') {
      block = workload;
      slot = WORKLOAD_FIELDS[w.kind][range.field];
      demandVaries = true;
    } else {
      const option = options[optionIndex!]!;
      block = option.p;
      slot = option.kind === KIND_BUY ? BUY_FIELDS[range.field] : RENTED_FIELDS[range.field];
    }
    // The schema admits ranges only on inputs listed in RANGEABLE_FIELDS; each has a slot (a test checks).
    if (slot === undefined) throw new Error(`range on "${range.field}" has no slot in the Monte Carlo`);
    inputs.push({ range, dist, block, slot });
  }
  return {
    months: s.settings.horizonMonths,
    options,
    workloadKind: w.kind === 'gpuHours' ? 0 : w.kind === 'training' ? 1 : 2,
    workloadBase,
    workload,
    settingsBase,
    settings,
    inputs,
    demandVaries,
    discountVaries,
  };
}
