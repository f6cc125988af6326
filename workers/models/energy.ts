// Energy, carbon and water of one option, month by month. Pure.
// Methods: docs/methodology.md §6 (Green Algorithms, Patterson et al. 2021, Li et al. 2025,
// BLOOM / Boavizta for embodied impact).
import { HOURS_PER_MONTH, type ResolvedOption } from './resolve.ts';
import type { Footprint } from './types.ts';

export interface Usage {
  /** Reference GPU-hours served per month. */
  servedRef: number[];
  /** Own GPU-hours that ran per month (busy), including re-runs and interruptions. */
  usedGpuHours: number[];
}

/** Own GPU-hours that ran to serve `servedRef` reference GPU-hours. */
export function usage(r: ResolvedOption, servedRef: readonly number[]): Usage {
  // Work in own GPU-hours = reference GPU-hours ÷ relative throughput; spot interruptions and
  // decentralised re-runs add hours that run (and are paid) without serving demand.
  const factor = r.reserved || r.option.kind === 'buy' ? 1 : r.paidHoursFactor;
  return { servedRef: [...servedRef], usedGpuHours: servedRef.map((s) => (s / r.throughput) * factor) };
}

export function serversOf(gpuCount: number, gpusPerServer: number): number {
  return Math.ceil(gpuCount / gpusPerServer);
}

/** IT energy per month, kWh. */
export function itEnergyKWh(r: ResolvedOption, u: Usage): number[] {
  const o = r.option;
  const busyW = r.powerWPerGpu * o.busyPowerFraction;
  if (o.kind === 'buy') {
    const servers = serversOf(o.gpuCount, o.gpusPerServer);
    const installedGpuHours = o.gpuCount * HOURS_PER_MONTH;
    return u.usedGpuHours.map((busy, m) => {
      if (m < r.deliveryMonth) return 0;
      // Green Algorithms: E = t × Σ n·P·u; busy GPUs at P × load factor, idle GPUs at idle power,
      // plus the hosts' own power, around the clock once installed.
      const idle = Math.max(0, installedGpuHours - busy);
      return (busy * busyW + idle * o.idlePowerWPerGpu + servers * HOURS_PER_MONTH * o.hostPowerWPerServer) / 1000;
    });
  }
  // Rented: the share of the host per GPU, for the hours used (Patterson et al. 2021: per-accelerator system power).
  const perHourW = busyW + o.hostPowerWPerServer / o.gpusPerServer;
  return u.usedGpuHours.map((h) => (h * perHourW) / 1000);
}

/** Embodied carbon allocated to this use over the horizon, kgCO2e. */
export function embodiedKgCO2e(r: ResolvedOption, u: Usage, months: number): number {
  const o = r.option;
  if (o.kind === 'buy') {
    // Boavizta: embedded × duration / lifetime, for the months the hardware is in service.
    const servers = serversOf(o.gpuCount, o.gpusPerServer);
    const inService = Math.max(0, months - r.deliveryMonth);
    const share = Math.min(1, inService / (o.embodiedLifeYears * 12));
    return (o.gpuCount * r.embodiedKgPerGpu + servers * r.embodiedKgPerServer) * share;
  }
  // BLOOM: per-hour embodied = (GPU + server ÷ GPUs per server) ÷ (life × 8,760 h × utilisation).
  const perGpu = r.embodiedKgPerGpu + r.embodiedKgPerServer / o.gpusPerServer;
  const lifeHours = o.embodiedLifeYears * 8760 * (o.providerUtilisationPct / 100);
  const used = u.usedGpuHours.reduce((a, b) => a + b, 0);
  return (used * perGpu) / lifeHours;
}

export function footprint(r: ResolvedOption, u: Usage, months: number, itKWh: readonly number[] = itEnergyKWh(r, u)): Footprint {
  const o = r.option;
  const it = itKWh.reduce((a, b) => a + b, 0);
  // Facility energy = IT energy × PUE (The Green Grid).
  const facility = it * o.pue;
  return {
    itEnergyKWh: it,
    facilityEnergyKWh: facility,
    // Location-based operational emissions: facility kWh × grid gCO2e/kWh (Green Algorithms, GHG Protocol).
    operationalKgCO2e: (facility * r.grid.gCO2ePerKWh) / 1000,
    embodiedKgCO2e: embodiedKgCO2e(r, u, months),
    // Li et al. 2025: W = e × (WUE_onsite + PUE × EWIF_offsite), e = server (IT) energy.
    onsiteWaterL: it * o.wueLPerKWh,
    offsiteWaterL: it * o.pue * o.offsiteWaterLPerKWh,
  };
}
