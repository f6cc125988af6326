// Turns one supply option into the plain numbers the models need, taking catalog figures
// wherever the scenario leaves a field null, and recording which assumptions were made.
// Pure: no DOM, no globals.
import { catalog, country, WORLD } from '../../src/catalog/index.ts';
import { acceleratorFacts, acceleratorName } from '../../src/catalog/accelerators.ts';
import { acceleratorEmbodiedKg } from './embodied-area.ts';
import { defaultEmbodiedServer } from '../../src/catalog/embodied.ts';
import { resolveGridFactor, type GridMetric } from '../../src/catalog/grid.ts';
import { isPayAsYouGo, isReserved, type Scenario, type SupplyOption } from '../../src/scenario/schema.ts';
import { hostWFromParts } from './footprint.ts';
import type { GridUsed, Sentence } from './types.ts';

/** Hours in an average month: 8,760 h ÷ 12. */
export const HOURS_PER_MONTH = 730;

export interface ResolvedOption {
  option: SupplyOption;
  /** Reference GPU-hours delivered per own GPU-hour. */
  throughput: number;
  throughputFromCatalog: boolean;
  powerWPerGpu: number;
  grid: GridUsed;
  embodiedKgPerGpu: number;
  embodiedKgPerServer: number;
  /** True when the accelerator has no embodied figure and the person gave none. */
  embodiedMissing: boolean;
  /** Where the per-GPU embodied figure comes from: the option's field, a product footprint, die area and memory (own accelerator), or none. */
  embodiedFrom: 'option' | 'product' | 'dieArea' | null;
  /** Cost multiplier on used hours (spot interruptions, decentralised re-runs). */
  paidHoursFactor: number;
  /** Cost multiplier on the hourly price (platform fee). */
  feeFactor: number;
  reserved: boolean;
  payAsYouGo: boolean;
  /** Months of a reservation term (12 or 36), 0 otherwise. */
  reservationTermMonths: number;
  /** 1 + the monthly price trend. */
  trend: number;
  /** First usable month of owned hardware (order month + lead time); 0 for rented capacity. */
  deliveryMonth: number;
  // footprint (issue 12)
  /** Host power per server the models use, W: from its parts when any part is given, else the typed figure. */
  hostWPerServer: number;
  hostFromParts: boolean;
  /** The job runs on the hosts' CPUs only: no accelerator power (busy or idle), no accelerator embodied carbon. */
  cpuOnly: boolean;
}

/** Price multiplier in month m: (1 + trend)^m; a reservation's price is fixed at the start of each term. */
export function priceFactor(r: ResolvedOption, m: number): number {
  const start = r.reserved && r.reservationTermMonths > 0 ? Math.floor(m / r.reservationTermMonths) * r.reservationTermMonths : m;
  return r.trend ** start;
}

export function resolveGrid(iso3: string | null, override: number | null = null, zone: string | null = null, year: number | null = null, metric: GridMetric | null = null): GridUsed {
  // Location-based grid intensity (Green Algorithms / GHG Protocol): the one resolver, src/catalog/grid.ts.
  const f = resolveGridFactor({ country: iso3, zone, year, override, metric });
  return {
    country: f.country,
    gCO2ePerKWh: f.gCO2ePerKWh,
    assumedWorld: f.assumedWorld,
    fromPerson: f.fromPerson,
    zone: f.zone,
    dataYear: f.year,
    metric: f.metric,
    sources: f.cited?.sources ?? [],
    asOf: f.cited?.asOf ?? null,
  };
}

function optionCountry(o: SupplyOption): string | null {
  if (o.kind === 'buy') return o.gridCountry;
  return o.kind === 'cloud' ? o.regionCountry : o.hostCountry;
}

/** Resolves every option of a validated scenario. Throws only on a catalog defect. */
export function resolveOption(o: SupplyOption, scenario: Scenario): ResolvedOption {
  const acc = acceleratorFacts(o.acceleratorId, scenario);
  const ref = acceleratorFacts(scenario.workload.referenceAcceleratorId, scenario);
  if (!acc || !ref) throw new Error(`unknown accelerator in option ${o.id}`);

  let throughput = o.throughputVsReference;
  const throughputFromCatalog = throughput === null;
  if (throughput === null) {
    // Relative throughput = ratio of dense BF16 peaks (ml-engineering accelerator table).
    const a = acc.bf16DenseTflops;
    const r = ref.bf16DenseTflops;
    if (a == null || r == null) throw new Error(`no throughput ratio for option ${o.id}`);
    throughput = a / r;
  }

  // footprint (issue 12): a job on CPUs only draws no accelerator power (Green Algorithms: P = n_c·P_c + n_m·P_m, the host's parts).
  const cpuOnly = o.footprint?.cpuOnly === true;
  const power = cpuOnly ? 0 : (o.powerWPerGpu ?? acc.tdpW);
  if (power == null) throw new Error(`no power figure for option ${o.id}`);

  const catalogServer = defaultEmbodiedServer(catalog)?.value ?? 0;
  const fromAccelerator = acceleratorEmbodiedKg(acc);
  const catalogGpu = fromAccelerator.kg;
  // A job on CPUs only: the embodied carbon of the server alone (no accelerator card).
  const embodiedKgPerGpu = cpuOnly ? 0 : (o.embodiedKgCO2ePerGpu ?? catalogGpu ?? 0);

  let paidHoursFactor = 1;
  let feeFactor = 1;
  if (o.kind === 'cloud' && o.pricingModel === 'spot') paidHoursFactor = 1 + o.spotInterruptionOverheadPct / 100;
  if (o.kind === 'decentralised') {
    paidHoursFactor = 1 + o.reliabilityOverheadPct / 100;
    feeFactor = 1 + o.platformFeePct / 100;
  }

  return {
    option: o,
    throughput,
    throughputFromCatalog,
    powerWPerGpu: power,
    grid: resolveGrid(optionCountry(o), o.gridGCO2ePerKWh, o.gridZone ?? null, o.gridDataYear ?? null, o.gridMetric ?? null),
    embodiedKgPerGpu,
    // The newest 8-GPU server row excluding GPUs (embodied-2026: 5,700 kgCO2e, BoaviztAPI 2025), unless the person gives a figure.
    embodiedKgPerServer: o.embodiedKgCO2ePerServer ?? catalogServer,
    embodiedMissing: !cpuOnly && o.embodiedKgCO2ePerGpu === null && catalogGpu === null,
    embodiedFrom: cpuOnly ? null : o.embodiedKgCO2ePerGpu !== null ? 'option' : fromAccelerator.from,
    cpuOnly,
    paidHoursFactor,
    feeFactor,
    reserved: isReserved(o),
    payAsYouGo: isPayAsYouGo(o),
    reservationTermMonths: o.kind === 'cloud' ? (o.pricingModel === 'reserved1y' ? 12 : o.pricingModel === 'reserved3y' ? 36 : 0) : 0,
    trend: 1 + o.priceTrendPctPerMonth / 100,
    deliveryMonth: o.kind === 'buy' ? o.orderMonth + o.leadTimeMonths : 0,
    ...resolveHost(o),
  };
}

/** footprint (issue 12): host power from CPU cores and memory when either is given (a part left empty counts 0 and is warned about). */
function resolveHost(o: SupplyOption): { hostWPerServer: number; hostFromParts: boolean } {
  const f = o.footprint;
  if (!f || (f.hostCpuCores === null && f.hostMemoryGB === null)) return { hostWPerServer: o.hostPowerWPerServer, hostFromParts: false };
  return { hostWPerServer: hostWFromParts(f.hostCpuCores ?? 0, f.hostCpuWPerCore, f.hostMemoryGB ?? 0, f.hostMemoryWPerGB), hostFromParts: true };
}

/** Warnings a person needs to read the results of these options. */
export function resolutionWarnings(resolved: ResolvedOption[], scenario?: Scenario): Sentence[] {
  const out: Sentence[] = [];
  for (const r of resolved) {
    const o = r.option;
    if (r.grid.assumedWorld) {
      const c = o.kind === 'buy' ? o.gridCountry : o.kind === 'cloud' ? o.regionCountry : o.hostCountry;
      out.push({
        key: c === null ? 'warn.gridUnknown' : 'warn.gridMissing',
        params: { option: o.name, country: c, gCO2ePerKWh: r.grid.gCO2ePerKWh },
      });
    }
    // footprint (issue 12): a host part left empty, and a market-based figure without a residual mix.
    const f = o.footprint;
    if (r.hostFromParts && f && (f.hostCpuCores === null || f.hostMemoryGB === null)) {
      out.push({ key: f.hostCpuCores === null ? 'warn.hostNoCpu' : 'warn.hostNoMemory', params: { option: o.name } });
    }
    if (f && f.marketSupplierGCO2ePerKWh === null && f.marketCoveredPct < 100 && f.marketResidualGCO2ePerKWh === null) {
      out.push({ key: 'warn.noResidualMix', params: { option: o.name, gCO2ePerKWh: r.grid.gCO2ePerKWh } });
    }
    if (r.embodiedMissing) {
      out.push({ key: 'warn.embodiedMissing', params: { option: o.name, accelerator: acceleratorName(o.acceleratorId, scenario) } });
    }
  }
  return out;
}

