// The least IT energy an option's GPUs could physically draw over the horizon: every GPU-hour at
// idle power. A measured energy below it is a typing error (a missing digit, MWh typed as kWh).
// Environment-free: the schema's check and its test call it. Formula: Green Algorithms
// (methods.md §1.1), E = t × n × P, with P the idle power — the e-footprint GPUServer's 50 W per
// GPU (constant efootprint-idle-w-per-gpu) for rented GPUs, whose idle power is not an input.
import { accelerator, constant } from '../catalog/index.ts';
import type { OptionFootprint, Scenario, SupplyOption } from './schema.ts';

const HOURS_PER_MONTH = 730;

/**
 * The IT energy over `months` months that a typed figure stands for: a month's figure × the months,
 * a total as it is; facility energy ÷ PUE (The Green Grid: facility = IT × PUE). The kernel and the
 * schema's check both read a typed energy through this one function.
 */
export function knownItKWh(value: number, perMonth: boolean, facility: boolean, pue: number, months: number): number {
  return (perMonth ? value * months : value) / (facility ? pue : 1);
}

/** knownItKWh for an option's footprint sub-object. */
export function knownItKWhOverHorizon(value: number, f: Pick<OptionFootprint, 'energyPeriod' | 'energyScope'>, pue: number, months: number): number {
  return knownItKWh(value, f.energyPeriod === 'perMonth', f.energyScope === 'facility', pue, months);
}

/** { floorKWh, months } of an option: the idle floor over the horizon and the months it runs; null when the workload does not state GPU-hours. */
export function idleFloor(o: SupplyOption, s: Pick<Scenario, 'settings' | 'workload'>): { floorKWh: number; months: number } | null {
  const horizon = s.settings.horizonMonths;
  if (o.kind === 'buy') {
    // Owned GPUs idle at least from delivery to the end of the horizon.
    const months = Math.max(0, horizon - o.orderMonth - o.leadTimeMonths);
    return { floorKWh: (o.gpuCount * HOURS_PER_MONTH * months * o.idlePowerWPerGpu) / 1000, months };
  }
  const w = s.workload;
  if (w.kind !== 'gpuHours') return null;
  let thr = o.throughputVsReference;
  if (thr === null) {
    const a = accelerator(o.acceleratorId)?.bf16DenseTflops?.value;
    const r = accelerator(w.referenceAcceleratorId)?.bf16DenseTflops?.value;
    if (a == null || r == null) return null;
    thr = a / r;
  }
  const reserved = o.kind === 'cloud' && (o.pricingModel === 'reserved1y' || o.pricingModel === 'reserved3y');
  const cap = reserved ? o.committedGpus * HOURS_PER_MONTH * thr : Infinity;
  let refHours = 0;
  let months = 0;
  for (let m = 0; m < horizon; m++) {
    const d = Math.min(w.gpuHoursPerMonth * (1 + w.growthPctPerMonth / 100) ** m, cap);
    refHours += d;
    if (d > 0) months += 1;
  }
  return { floorKWh: ((refHours / thr) * constant('efootprint-idle-w-per-gpu').value) / 1000, months };
}
