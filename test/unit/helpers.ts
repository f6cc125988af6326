// Builders for tests: small valid scenarios with every number stated, so hand computations are easy.
import fc from 'fast-check';
import { describeLoadError, loadScenarioValue } from '../../src/scenario/load.ts';
import {
  DISTRIBUTION_SHAPES,
  RANGEABLE_FIELDS,
  SCENARIO_FORMAT,
  SCENARIO_VERSION,
  numberBounds,
  rangeField,
  type BuyOption,
  type DistributionShape,
  type Range,
  type CloudOption,
  type DecentralisedOption,
  type Scenario,
  type SupplyOption,
  type Workload,
} from '../../src/scenario/schema.ts';

const footprint = {
  throughputVsReference: null,
  powerWPerGpu: 1000,
  busyPowerFraction: 1,
  hostPowerWPerServer: 0,
  gpusPerServer: 8,
  pue: 1,
  gridGCO2ePerKWh: null,
  wueLPerKWh: 0,
  offsiteWaterLPerKWh: 0,
  embodiedKgCO2ePerGpu: 0,
  embodiedKgCO2ePerServer: 0,
  embodiedLifeYears: 6,
};

export function buy(over: Partial<BuyOption> = {}): BuyOption {
  return {
    kind: 'buy',
    id: 'buy',
    name: 'Buy',
    acceleratorId: 'nvidia-h100-sxm',
    ...footprint,
    gpuCount: 8,
    unitPriceCcyPerGpu: 10_000,
    priceTrendPctPerMonth: 0,
    orderMonth: 0,
    serverAndNetworkCcy: 20_000,
    importDutyPct: 0,
    vatPct: 0,
    vatRecoverable: true,
    leadTimeMonths: 0,
    maxUtilisationPct: 100,
    idlePowerWPerGpu: 0,
    hosting: { kind: 'onPrem', facilityCcyPerMonth: 0 },
    electricityCcyPerKWh: 0.1,
    gridCountry: 'FRA',
    maintenanceCcyPerYear: 0,
    staffCcyPerYear: 0,
    depreciationYears: 4,
    financing: { kind: 'cash' },
    resalePctOfGpuPrice: 0,
    ...over,
  };
}

export function cloud(over: Partial<CloudOption> = {}): CloudOption {
  return {
    kind: 'cloud',
    id: 'cloud',
    name: 'Cloud',
    acceleratorId: 'nvidia-h100-sxm',
    ...footprint,
    priceCcyPerGpuHour: 2,
    priceTrendPctPerMonth: 0,
    demandSharePct: 100,
    providerUtilisationPct: 85,
    egressCcyPerMonth: 0,
    storageCcyPerMonth: 0,
    provider: 'AWS',
    region: 'us-east-1',
    regionCountry: 'USA',
    pricingModel: 'onDemand',
    committedGpus: 0,
    spotInterruptionOverheadPct: 0,
    ...over,
  };
}

export function market(over: Partial<DecentralisedOption> = {}): DecentralisedOption {
  return {
    kind: 'decentralised',
    id: 'market',
    name: 'Market',
    acceleratorId: 'nvidia-h100-sxm',
    ...footprint,
    priceCcyPerGpuHour: 1.5,
    priceTrendPctPerMonth: 0,
    demandSharePct: 100,
    providerUtilisationPct: 85,
    egressCcyPerMonth: 0,
    storageCcyPerMonth: 0,
    market: 'Vast.ai',
    platformFeePct: 0,
    reliabilityOverheadPct: 0,
    tokenPaymentPct: 0,
    hostCountry: 'USA',
    ...over,
  };
}

export function scenario(options: SupplyOption[], over: { months?: number; workload?: Workload; discountPct?: number; planner?: string } = {}): Scenario {
  const s: Scenario = {
    format: SCENARIO_FORMAT,
    version: SCENARIO_VERSION,
    id: 'test',
    name: 'Test',
    notes: '',
    createdAt: '2026-11-22T00:00:00.000Z',
    updatedAt: '2026-11-22T00:00:00.000Z',
    settings: {
      horizonMonths: over.months ?? 12,
      startMonth: '2027-01',
      currency: 'USD',
      usdPerCurrencyUnit: null,
      exchangeRateDate: null,
      discountRatePctPerYear: over.discountPct ?? 0,
      plannerCountry: over.planner ?? 'FRA',
    },
    workload: over.workload ?? { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 1000, growthPctPerMonth: 0 },
    options,
    uncertainty: { samples: 10_000, seed: 1, ranges: [] },
  };
  return valid(s);
}

/** Throws with the validation messages when `s` is not valid: tests must start from valid input. */
export function valid(s: Scenario): Scenario {
  const r = loadScenarioValue(s);
  if (!r.ok) throw new Error(describeLoadError(r.error));
  return r.scenario;
}

// ---------------------------------------------------------------- arbitraries

const ACCELERATORS = ['nvidia-h100-sxm', 'nvidia-h200', 'nvidia-b200', 'nvidia-a100-80gb', 'amd-mi300x', 'nvidia-l40s'];
const COUNTRIES = ['FRA', 'USA', 'MAR', 'DEU', 'CHN', 'SWE', 'IND'];

// Subnormal numbers (below 1e-300) are left out: demand that small underflows to 0 within a few
// months of decline, which only the month-by-month sums see.
const price = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }).map((v) => (v < 1e-300 ? 0 : v));
/** Monthly price trends: often none, often falling, sometimes rising. */
const trend = fc.oneof(fc.constant(0), fc.double({ min: -5, max: 0, noNaN: true }), fc.double({ min: -5, max: 2, noNaN: true }));

const arbBuy = fc.record({
  acceleratorId: fc.constantFrom(...ACCELERATORS),
  gpuCount: fc.integer({ min: 1, max: 512 }),
  gpusPerServer: fc.integer({ min: 1, max: 16 }),
  unitPriceCcyPerGpu: price(80_000),
  priceTrendPctPerMonth: trend,
  orderMonth: fc.integer({ min: 0, max: 4 }),
  serverAndNetworkCcy: price(2_000_000),
  importDutyPct: price(30),
  vatPct: price(30),
  vatRecoverable: fc.boolean(),
  leadTimeMonths: fc.integer({ min: 0, max: 6 }),
  maxUtilisationPct: fc.double({ min: 1, max: 100, noNaN: true }),
  idlePowerWPerGpu: price(200),
  hostPowerWPerServer: price(3000),
  pue: fc.double({ min: 1, max: 3, noNaN: true }),
  electricityCcyPerKWh: price(1),
  gridCountry: fc.constantFrom(...COUNTRIES),
  maintenanceCcyPerYear: price(200_000),
  staffCcyPerYear: price(300_000),
  hosting: fc.oneof(
    fc.record({ kind: fc.constant('onPrem' as const), facilityCcyPerMonth: price(50_000) }),
    fc.record({ kind: fc.constant('colocation' as const), colocationCcyPerKWMonth: price(400) }),
  ),
  financing: fc.oneof(
    fc.constant({ kind: 'cash' as const }),
    fc.record({ kind: fc.constant('loan' as const), annualRatePct: price(20), termMonths: fc.integer({ min: 1, max: 84 }) }),
  ),
  resalePctOfGpuPrice: price(100),
  embodiedKgCO2ePerGpu: fc.option(price(2000), { nil: null }),
  wueLPerKWh: price(5),
  offsiteWaterLPerKWh: price(10),
});

const arbCloud = fc.record({
  acceleratorId: fc.constantFrom(...ACCELERATORS),
  priceCcyPerGpuHour: price(15),
  priceTrendPctPerMonth: trend,
  pricingModel: fc.constantFrom('onDemand' as const, 'spot' as const, 'reserved1y' as const, 'reserved3y' as const),
  committedGpus: fc.integer({ min: 1, max: 64 }),
  spotInterruptionOverheadPct: price(50),
  egressCcyPerMonth: price(5000),
  storageCcyPerMonth: price(5000),
  regionCountry: fc.option(fc.constantFrom(...COUNTRIES), { nil: null }),
  pue: fc.double({ min: 1, max: 2, noNaN: true }),
});

const arbMarket = fc.record({
  acceleratorId: fc.constantFrom(...ACCELERATORS),
  priceCcyPerGpuHour: price(8),
  priceTrendPctPerMonth: trend,
  platformFeePct: price(25),
  reliabilityOverheadPct: price(60),
  tokenPaymentPct: price(100),
  hostCountry: fc.option(fc.constantFrom(...COUNTRIES), { nil: null }),
});

const arbWorkload: fc.Arbitrary<Workload> = fc.oneof(
  fc.record({
    kind: fc.constant('gpuHours' as const),
    referenceAcceleratorId: fc.constantFrom(...ACCELERATORS),
    gpuHoursPerMonth: price(100_000),
    growthPctPerMonth: fc.oneof(fc.constant(0), fc.double({ min: -10, max: 10, noNaN: true })),
  }),
  fc.record({
    kind: fc.constant('training' as const),
    referenceAcceleratorId: fc.constantFrom(...ACCELERATORS),
    parametersBillion: fc.double({ min: 0.1, max: 200, noNaN: true }),
    tokensBillion: fc.double({ min: 1, max: 5000, noNaN: true }),
    mfuPct: fc.double({ min: 10, max: 70, noNaN: true }),
    deadlineMonths: fc.integer({ min: 1, max: 6 }),
  }),
  fc.record({
    kind: fc.constant('inference' as const),
    referenceAcceleratorId: fc.constantFrom(...ACCELERATORS),
    tokensPerSecond: price(200_000),
    tokensPerSecondPerGpu: fc.double({ min: 10, max: 20_000, noNaN: true }),
    growthPctPerMonth: fc.oneof(fc.constant(0), fc.double({ min: -5, max: 5, noNaN: true })),
  }),
);

/** Any valid scenario of 1 to 6 options with random kinds and numbers. */
export const arbScenario: fc.Arbitrary<Scenario> = fc
  .record({
    months: fc.integer({ min: 6, max: 60 }),
    discountPct: price(20),
    planner: fc.constantFrom(...COUNTRIES),
    workload: arbWorkload,
    kinds: fc.array(fc.constantFrom('buy', 'cloud', 'decentralised'), { minLength: 1, maxLength: 6 }),
    buys: fc.array(arbBuy, { minLength: 6, maxLength: 6 }),
    clouds: fc.array(arbCloud, { minLength: 6, maxLength: 6 }),
    markets: fc.array(arbMarket, { minLength: 6, maxLength: 6 }),
    weights: fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 6, maxLength: 6 }),
  })
  .map(({ months, discountPct, planner, workload, kinds, buys, clouds, markets, weights }) => {
    const options: SupplyOption[] = kinds.map((k, i) => {
      const id = `o${i}`;
      if (k === 'buy') return buy({ ...buys[i]!, id, name: id });
      if (k === 'cloud') {
        const c = clouds[i]!;
        const reserved = c.pricingModel === 'reserved1y' || c.pricingModel === 'reserved3y';
        return cloud({
          ...c,
          id,
          name: id,
          committedGpus: reserved ? c.committedGpus : 0,
          spotInterruptionOverheadPct: c.pricingModel === 'spot' ? c.spotInterruptionOverheadPct : 0,
        });
      }
      return market({ ...markets[i]!, id, name: id });
    });
    // Shares of the pay-as-you-go options: integer weights scaled to 100, the last one takes the rounding.
    const payg = options.filter((o) => o.kind === 'decentralised' || (o.kind === 'cloud' && (o.pricingModel === 'onDemand' || o.pricingModel === 'spot')));
    const total = payg.reduce((a, _o, i) => a + weights[i]!, 0);
    let given = 0;
    payg.forEach((o, i) => {
      const share = i === payg.length - 1 ? 100 - given : Math.floor((weights[i]! / total) * 100);
      given += share;
      (o as CloudOption | DecentralisedOption).demandSharePct = share;
    });
    for (const o of options) if (o.kind === 'cloud' && !payg.includes(o)) o.demandSharePct = 0;
    const deadline = workload.kind === 'training' ? { ...workload, deadlineMonths: Math.min(workload.deadlineMonths, months) } : workload;
    for (const o of options) {
      if (o.kind !== 'buy') continue;
      o.leadTimeMonths = Math.min(o.leadTimeMonths, months - 1);
      o.orderMonth = Math.min(o.orderMonth, months - 1 - o.leadTimeMonths);
    }
    return scenario(options, { months, discountPct, planner, workload: deadline });
  });

// ---------------------------------------------------------------- ranges

export interface RangeCandidate {
  target: Range['target'];
  optionId: string | null;
  field: string;
  value: number;
  min: number;
  max: number;
  integer: boolean;
}

/** Every input of `s` a range may be put on that has a number of its own, with its bounds. */
export function rangeCandidates(s: Scenario): RangeCandidate[] {
  const out: RangeCandidate[] = [];
  const add = (target: Range['target'], optionId: string | null, fields: readonly string[]) => {
    for (const field of fields) {
      const f = rangeField(s, { target, optionId, field, low: 0, high: 0, shape: 'uniform' });
      const b = f && numberBounds(f.schema);
      if (f && b && typeof f.value === 'number') out.push({ target, optionId, field, value: f.value, ...b });
    }
  };
  add('settings', null, RANGEABLE_FIELDS.settings);
  add('workload', null, RANGEABLE_FIELDS[s.workload.kind]);
  for (const o of s.options) add('option', o.id, RANGEABLE_FIELDS[o.kind]);
  return out;
}

/** A range around the candidate's value: `down` and `up` (0–1) scale how far each end goes. */
export function rangeAround(c: RangeCandidate, down: number, up: number, shape: DistributionShape): Range {
  const span = Math.max(Math.abs(c.value) * 0.5, c.integer ? 2 : 0.05);
  let low = Math.max(c.min, c.value - down * span);
  let high = Math.min(c.max, c.value + up * span);
  if (c.integer) {
    low = Math.max(c.min, Math.floor(low));
    high = Math.min(c.max, Math.ceil(high));
  }
  const s = shape === 'lognormal' && low <= 0 ? 'normal' : shape;
  return { target: c.target, optionId: c.optionId, field: c.field, low, high, shape: s };
}

/**
 * Any valid scenario with up to 12 ranges on random inputs: collapsed to the input's value
 * (low = high), or spread around it.
 */
export function arbRangedScenario(collapsed: boolean): fc.Arbitrary<Scenario> {
  return arbScenario.chain((s) => {
    const candidates = rangeCandidates(s);
    return fc
      .record({
        picks: fc.subarray(candidates, { maxLength: 12 }),
        ends: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 12, maxLength: 12 }),
        shapes: fc.array(fc.constantFrom(...DISTRIBUTION_SHAPES), { minLength: 12, maxLength: 12 }),
        seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
      })
      .map(({ picks, ends, shapes, seed }) => {
        const ranges = picks.map((c, i) =>
          collapsed
            ? { target: c.target, optionId: c.optionId, field: c.field, low: c.value, high: c.value, shape: shapes[i]! === 'lognormal' && c.value <= 0 ? 'uniform' : shapes[i]! }
            : rangeAround(c, ends[i]![0], ends[i]![1], shapes[i]!),
        );
        return valid({ ...s, uncertainty: { samples: 1000, seed, ranges } });
      });
  });
}
