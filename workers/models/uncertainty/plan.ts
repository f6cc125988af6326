// Compiles a validated scenario into flat numeric parameter blocks that the kernel (../kernel.ts)
// reads, and the list of uncertain inputs with the slot each sampled value is written to. Pure.
// One block per option (Float64Array, fixed slots), one for the workload, one for the settings,
// each columnar over samples: slot s of sample k is at [s × stride + k]. Sampling writes a
// slot's column in place; nothing is allocated per sample.
import { acceleratorFacts, type AcceleratorScope } from '../../../src/catalog/accelerators.ts';
import { fieldPlace, holderFields, isShareRange, RANGE_HOLDERS, RANGEABLE_FIELDS, type FieldName, type RangeHolder } from '../../../src/scenario/fields.ts';
import { numberBounds, rangeField, type Range, type Scenario } from '../../../src/scenario/schema.ts';
import { resolveOption, type ResolvedOption } from '../resolve.ts';
import { compileDistribution, type Distribution } from './distributions.ts';

/**
 * The layout of a block: one slot for every numeric field of the table its holders have, in the
 * table's order (derived, so a field added to the table has a slot with no change here), then the
 * slots that are not fields (`extra`: flags and codes).
 */
function layout(holders: readonly RangeHolder[], extra: readonly string[]): { slot: Readonly<Record<string, number>>; fields: readonly FieldName[]; size: number } {
  const fields = [...new Set(holders.flatMap((h) => holderFields(h)))];
  const names = [...fields, ...extra];
  return { slot: Object.fromEntries(names.map((n, i) => [n, i])), fields, size: names.length };
}

/** An owned option's block: every field of a purchase (its hosting and financing too), then three flags. */
export const BUY_LAYOUT = layout(['buy'], ['vatRecoverable', 'hostingColo', 'loan', 'energyPerMonth', 'energyFacility', 'failTraining']);
/** A rented option's block (cloud and decentralised share one layout), then the pricing code. */
export const RENTED_LAYOUT = layout(['cloud', 'decentralised'], ['pricing', 'energyPerMonth', 'energyFacility', 'failTraining']);

/** The slot of `name` in a layout; a name the table lacks is a defect of this file. */
function at(l: { slot: Readonly<Record<string, number>> }, name: FieldName | string): number {
  const s = l.slot[name];
  if (s === undefined) throw new Error(`the field table has no field "${name}" for this block`);
  return s;
}

/** The kernel's names for the slots of an owned option's block (a new field is read as BUY_LAYOUT.slot.<field>). */
export const B = {
  gpuCount: at(BUY_LAYOUT, 'gpuCount'),
  unitPrice: at(BUY_LAYOUT, 'unitPriceCcyPerGpu'),
  trendPct: at(BUY_LAYOUT, 'priceTrendPctPerMonth'),
  orderMonth: at(BUY_LAYOUT, 'orderMonth'),
  serverNet: at(BUY_LAYOUT, 'serverAndNetworkCcy'),
  dutyPct: at(BUY_LAYOUT, 'importDutyPct'),
  vatPct: at(BUY_LAYOUT, 'vatPct'),
  vatRecoverable: at(BUY_LAYOUT, 'vatRecoverable'),
  leadTime: at(BUY_LAYOUT, 'leadTimeMonths'),
  maxUtilPct: at(BUY_LAYOUT, 'maxUtilisationPct'),
  idleW: at(BUY_LAYOUT, 'idlePowerWPerGpu'),
  hostingColo: at(BUY_LAYOUT, 'hostingColo'),
  facility: at(BUY_LAYOUT, 'facilityCcyPerMonth'),
  colo: at(BUY_LAYOUT, 'colocationCcyPerKWMonth'),
  electricity: at(BUY_LAYOUT, 'electricityCcyPerKWh'),
  maintenance: at(BUY_LAYOUT, 'maintenanceCcyPerYear'),
  staff: at(BUY_LAYOUT, 'staffCcyPerYear'),
  loan: at(BUY_LAYOUT, 'loan'),
  loanRatePct: at(BUY_LAYOUT, 'annualRatePct'),
  loanTerm: at(BUY_LAYOUT, 'termMonths'),
  resalePct: at(BUY_LAYOUT, 'resalePctOfGpuPrice'),
  powerW: at(BUY_LAYOUT, 'powerWPerGpu'),
  busyFrac: at(BUY_LAYOUT, 'busyPowerFraction'),
  hostW: at(BUY_LAYOUT, 'hostPowerWPerServer'),
  gpusPerServer: at(BUY_LAYOUT, 'gpusPerServer'),
  pue: at(BUY_LAYOUT, 'pue'),
  grid: at(BUY_LAYOUT, 'gridGCO2ePerKWh'),
  embGpu: at(BUY_LAYOUT, 'embodiedKgCO2ePerGpu'),
  embServer: at(BUY_LAYOUT, 'embodiedKgCO2ePerServer'),
  embLife: at(BUY_LAYOUT, 'embodiedLifeYears'),
  throughput: at(BUY_LAYOUT, 'throughputVsReference'),
  wue: at(BUY_LAYOUT, 'wueLPerKWh'),
  offsiteWater: at(BUY_LAYOUT, 'offsiteWaterLPerKWh'),
  depreciationYears: at(BUY_LAYOUT, 'depreciationYears'),
  // footprint (issue 12): typed energy (NaN: none), its period and scope, the electricity contract (NaN: none).
  measured: at(BUY_LAYOUT, 'measuredEnergyKWh'),
  overhead: at(BUY_LAYOUT, 'overheadEnergyKWh'),
  energyPerMonth: at(BUY_LAYOUT, 'energyPerMonth'),
  energyFacility: at(BUY_LAYOUT, 'energyFacility'),
  mktSupplier: at(BUY_LAYOUT, 'marketSupplierGCO2ePerKWh'),
  mktCoveredPct: at(BUY_LAYOUT, 'marketCoveredPct'),
  mktCoveredG: at(BUY_LAYOUT, 'marketCoveredGCO2ePerKWh'),
  mktResidual: at(BUY_LAYOUT, 'marketResidualGCO2ePerKWh'),
  SIZE: BUY_LAYOUT.size,
} as const;

/** The kernel's names for the slots of a rented option's block (a new field: RENTED_LAYOUT.slot.<field>). */
export const R = {
  price: at(RENTED_LAYOUT, 'priceCcyPerGpuHour'),
  trendPct: at(RENTED_LAYOUT, 'priceTrendPctPerMonth'),
  /** 0 on demand (and decentralised), 1 spot, 2 reserved 1 year, 3 reserved 3 years. */
  pricing: at(RENTED_LAYOUT, 'pricing'),
  committed: at(RENTED_LAYOUT, 'committedGpus'),
  spotOverheadPct: at(RENTED_LAYOUT, 'spotInterruptionOverheadPct'),
  feePct: at(RENTED_LAYOUT, 'platformFeePct'),
  reliabilityPct: at(RENTED_LAYOUT, 'reliabilityOverheadPct'),
  egress: at(RENTED_LAYOUT, 'egressCcyPerMonth'),
  storage: at(RENTED_LAYOUT, 'storageCcyPerMonth'),
  powerW: at(RENTED_LAYOUT, 'powerWPerGpu'),
  busyFrac: at(RENTED_LAYOUT, 'busyPowerFraction'),
  hostW: at(RENTED_LAYOUT, 'hostPowerWPerServer'),
  gpusPerServer: at(RENTED_LAYOUT, 'gpusPerServer'),
  pue: at(RENTED_LAYOUT, 'pue'),
  grid: at(RENTED_LAYOUT, 'gridGCO2ePerKWh'),
  embGpu: at(RENTED_LAYOUT, 'embodiedKgCO2ePerGpu'),
  embServer: at(RENTED_LAYOUT, 'embodiedKgCO2ePerServer'),
  embLife: at(RENTED_LAYOUT, 'embodiedLifeYears'),
  providerUtilPct: at(RENTED_LAYOUT, 'providerUtilisationPct'),
  throughput: at(RENTED_LAYOUT, 'throughputVsReference'),
  wue: at(RENTED_LAYOUT, 'wueLPerKWh'),
  offsiteWater: at(RENTED_LAYOUT, 'offsiteWaterLPerKWh'),
  // footprint (issue 12): typed energy (NaN: none), its period and scope, the electricity contract (NaN: none).
  measured: at(RENTED_LAYOUT, 'measuredEnergyKWh'),
  overhead: at(RENTED_LAYOUT, 'overheadEnergyKWh'),
  energyPerMonth: at(RENTED_LAYOUT, 'energyPerMonth'),
  energyFacility: at(RENTED_LAYOUT, 'energyFacility'),
  mktSupplier: at(RENTED_LAYOUT, 'marketSupplierGCO2ePerKWh'),
  mktCoveredPct: at(RENTED_LAYOUT, 'marketCoveredPct'),
  mktCoveredG: at(RENTED_LAYOUT, 'marketCoveredGCO2ePerKWh'),
  mktResidual: at(RENTED_LAYOUT, 'marketResidualGCO2ePerKWh'),
  SIZE: RENTED_LAYOUT.size,
} as const;

const WORKLOAD_KINDS = ['gpuHours', 'training', 'inference'] as const;

/** The workload block's slots by kind: each field of the kind in the table's order (derived), then the reference peak. */
export const WORKLOAD_SLOTS: Record<Scenario['workload']['kind'], Readonly<Record<string, number>>> = Object.fromEntries(
  WORKLOAD_KINDS.map((kind) => [kind, Object.fromEntries(holderFields(kind).map((n, i) => [n, i]))]),
) as Record<Scenario['workload']['kind'], Readonly<Record<string, number>>>;

const WORKLOAD_FIELD_COUNT = Math.max(...WORKLOAD_KINDS.map((kind) => holderFields(kind).length));
/** The workload block: the kind's fields (WORKLOAD_SLOTS), then the reference accelerator's BF16 peak. */
export const W = { peakTflops: WORKLOAD_FIELD_COUNT, SIZE: WORKLOAD_FIELD_COUNT + 1 } as const;

/** The settings block's slots: its rangeable fields in the table's order (the discount rate first). */
export const SETTINGS_SLOTS: Readonly<Record<string, number>> = Object.fromEntries(RANGEABLE_FIELDS.settings.map((n, i) => [n, i]));

/** The slot a range's samples are written to, by holder: exactly the rangeable fields of the table, derived. */
export const RANGE_SLOTS: Record<RangeHolder, Readonly<Record<string, number>>> = Object.fromEntries(
  RANGE_HOLDERS.map((h) => {
    const slots = h === 'settings' ? SETTINGS_SLOTS : h === 'buy' ? BUY_LAYOUT.slot : h === 'cloud' || h === 'decentralised' ? RENTED_LAYOUT.slot : WORKLOAD_SLOTS[h];
    return [h, Object.fromEntries(RANGEABLE_FIELDS[h].map((n) => [n, slots[n]!]))];
  }),
) as Record<RangeHolder, Readonly<Record<string, number>>>;

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
  /** tokens (issue 15): whether energy follows the workload's load profile; not in a pool of several members (their demands are summed as GPU-hours). */
  busyFromProfile: boolean;
  workload: Float64Array;
  /** [annual discount rate in percent]. */
  settings: Float64Array;
  /** pool (issue 15): each member beyond the first — its workload block (ranges on it sample into it), kind and active months. */
  members: MemberPlan[];
  inputs: Input[];
}

/** pool (issue 15): a member beyond the first, as the Monte Carlo samples its demand. */
export interface MemberPlan {
  kind: 0 | 1 | 2;
  /** Its workload block (WORKLOAD_SLOTS of its kind), columnar over samples like the scenario's. */
  workload: Float64Array;
  startMonth: number;
  activeMonths: number | null;
}

/** A slot's column: every sample of `stride` set to `value`. */
function put(p: Float64Array, stride: number, slot: number, value: number): void {
  p.fill(value, slot * stride, slot * stride + stride);
}

/** The figure the kernel reads for a field the catalog resolves (the scenario's null means "the catalog's figure"). */
function resolvedValue(name: FieldName, r: ResolvedOption): number | undefined {
  switch (name) {
    case 'powerWPerGpu':
      return r.powerWPerGpu;
    case 'idlePowerWPerGpu':
      // footprint (issue 12): no accelerator idles in a job on CPUs only.
      return r.cpuOnly ? 0 : undefined;
    case 'hostPowerWPerServer':
      // footprint (issue 12): typed, or from the host's parts (resolve.ts).
      return r.hostWPerServer;
    case 'gridGCO2ePerKWh':
      return r.grid.gCO2ePerKWh;
    case 'embodiedKgCO2ePerGpu':
      return r.embodiedKgPerGpu;
    case 'embodiedKgCO2ePerServer':
      return r.embodiedKgPerServer;
    case 'throughputVsReference':
      return r.throughput;
    default:
      return undefined;
  }
}

/**
 * Every field of the layout into its slot, from the option (or its hosting, or its financing): a
 * field this option does not have (another kind's, another hosting's) reads 0.
 */
function fillFields(p: Float64Array, stride: number, l: typeof BUY_LAYOUT, r: ResolvedOption): void {
  const o = r.option as unknown as Record<string, unknown>;
  for (const name of l.fields) {
    const place = fieldPlace(name);
    if (place === 'footprint') {
      // footprint (issue 12): absent (no sub-object, or null) is NaN — "not given" — except the covered share and its factor, 0.
      const f = (o.footprint ?? {}) as Record<string, unknown>;
      const fv = f[name];
      put(p, stride, l.slot[name]!, typeof fv === 'number' ? fv : name === 'marketCoveredPct' || name === 'marketCoveredGCO2ePerKWh' ? 0 : Number.NaN);
      continue;
    }
    if (place === 'failures') {
      // failures (issue 15): a figure not given (no sub-object, or null) is NaN — its factor is 1 (failure-factors.ts).
      const fv = ((o.failures ?? {}) as Record<string, unknown>)[name];
      put(p, stride, l.slot[name]!, typeof fv === 'number' ? fv : Number.NaN);
      continue;
    }
    const holder = (place === 'hosting' ? o.hosting : place === 'financing' ? o.financing : o) as Record<string, unknown>;
    const v = resolvedValue(name, r) ?? holder[name];
    if (v === null) throw new Error(`"${name}" is null and the model resolves no figure for it`);
    put(p, stride, l.slot[name]!, typeof v === 'number' ? v : 0);
  }
}

/** footprint (issue 12): whether the typed energy is per month, and whether it is facility energy. */
function fillEnergyBasis(p: Float64Array, stride: number, at: { energyPerMonth: number; energyFacility: number }, o: Scenario['options'][number]): void {
  put(p, stride, at.energyPerMonth, o.footprint?.energyPeriod === 'perMonth' ? 1 : 0);
  put(p, stride, at.energyFacility, o.footprint?.energyScope === 'facility' ? 1 : 0);
}

function buyBlock(r: ResolvedOption, stride: number): Float64Array {
  const o = r.option;
  if (o.kind !== 'buy') throw new Error('not a purchase');
  const p = new Float64Array(B.SIZE * stride);
  fillFields(p, stride, BUY_LAYOUT, r);
  put(p, stride, B.vatRecoverable, o.vatRecoverable ? 1 : 0);
  put(p, stride, B.hostingColo, o.hosting.kind === 'colocation' ? 1 : 0);
  put(p, stride, B.loan, o.financing.kind === 'loan' ? 1 : 0);
  fillEnergyBasis(p, stride, B, o);
  return p;
}

/** Pricing codes of a rented option's block. */
export const PRICING = { onDemand: 0, spot: 1, reserved1y: 2, reserved3y: 3 } as const;

function rentedBlock(r: ResolvedOption, stride: number): Float64Array {
  const o = r.option;
  if (o.kind === 'buy') throw new Error('not a rented option');
  const p = new Float64Array(R.SIZE * stride);
  fillFields(p, stride, RENTED_LAYOUT, r);
  put(p, stride, R.pricing, o.kind === 'cloud' ? PRICING[o.pricingModel] : PRICING.onDemand);
  fillEnergyBasis(p, stride, R, o);
  return p;
}

/** The workload's block: its slots' meaning depends on the workload's kind (WORKLOAD_SLOTS). */
export function workloadBlock(w: Scenario['workload'], stride: number, s?: AcceleratorScope): Float64Array {
  const p = new Float64Array(W.SIZE * stride);
  // tokens (issue 15): the load profile's fields from workload.tokens; absent (no sub-object, or null) is NaN — "not given".
  const tokens = (w.kind === 'inference' ? (w.tokens ?? {}) : {}) as Record<string, number | null>;
  for (const [field, slot] of Object.entries(WORKLOAD_SLOTS[w.kind])) put(p, stride, slot, fieldPlace(field as FieldName) === 'tokens' ? (tokens[field] ?? Number.NaN) : (w as unknown as Record<string, number>)[field]!);
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
  // failures (issue 15): a training workload's job checkpoints and restarts (failure-factors.ts).
  for (const o of options) put(o.p, stride, (o.kind === KIND_BUY ? BUY_LAYOUT : RENTED_LAYOUT).slot.failTraining!, s.workload.kind === 'training' ? 1 : 0);
  const w = s.workload;
  const workload = workloadBlock(w, stride, s);
  const settings = new Float64Array(RANGEABLE_FIELDS.settings.length * stride);
  for (const [field, slot] of Object.entries(SETTINGS_SLOTS)) put(settings, stride, slot, (s.settings as unknown as Record<string, number>)[field]!);

  const members: MemberPlan[] = (s.pool?.members ?? []).map((m) => ({
    kind: workloadKindOf(m.workload),
    workload: workloadBlock(m.workload, stride, s),
    startMonth: m.memberStartMonth,
    activeMonths: m.memberActiveMonths,
  }));

  const inputs: Input[] = [];
  for (const range of s.uncertainty.ranges) {
    const { dist, optionIndex } = distributionOf(s, range);
    // pool (issue 15): a range on a member's workload samples into that member's block.
    // pool (issue 15): a committed share moves only the split (the pool's Monte Carlo draws it itself):
    // its samples go to a block nothing reads, so the options' results and its tornado bar do not move.
    if (isShareRange(range)) {
      inputs.push({ range, dist, block: new Float64Array(stride), slot: 0 });
      continue;
    }
    const member = range.target === 'member' ? s.pool!.members[range.memberIndex!]! : null;
    const block = range.target === 'settings' ? settings : range.target === 'workload' ? workload : member ? members[range.memberIndex!]!.workload : options[optionIndex!]!.p;
    const holder: RangeHolder =
      range.target === 'settings' ? 'settings' : range.target === 'workload' ? w.kind : member ? member.workload.kind : s.options[optionIndex!]!.kind;
    const slot = RANGE_SLOTS[holder][range.field];
    // The schema admits ranges only on inputs listed in RANGEABLE_FIELDS; each has a slot (derived; a test checks).
    if (slot === undefined) throw new Error(`range on "${range.field}" has no slot in the Monte Carlo`);
    inputs.push({ range, dist, block, slot });
  }
  return { months: s.settings.horizonMonths, stride, options, resolved, workloadKind: workloadKindOf(w), busyFromProfile: !s.pool?.members.length, workload, settings, members, inputs };
}
