// Energy, carbon and water formulas of one option, as scalar functions the kernel (kernel.ts)
// calls. Pure. Methods: docs/methodology.md §6 (Green Algorithms, Patterson et al. 2021,
// Li et al. 2025, BLOOM / Boavizta for embodied impact).
import type { Footprint } from './types.ts';

export function serversOf(gpuCount: number, gpusPerServer: number): number {
  return Math.ceil(gpuCount / gpusPerServer);
}

/**
 * IT energy of owned hardware in a month once installed, kWh, as a part that runs whatever is served
 * and a part per busy GPU-hour. Green Algorithms: E = t × Σ n·P·u — busy GPUs at P × load factor,
 * idle GPUs at idle power, hosts at their own power around the clock — so with busy hours b of
 * installed hours I: E = (I·idle + host·t) + b·(busy − idle).
 */
export function ownedItFixedKWh(installedGpuHours: number, idleW: number, hostWh: number): number {
  return (installedGpuHours * idleW + hostWh) / 1000;
}

/** Extra IT energy per busy GPU-hour of owned hardware over idling, kWh (see ownedItFixedKWh). */
export function ownedItKWhPerBusyHour(busyW: number, idleW: number): number {
  return (busyW - idleW) / 1000;
}

/** Power drawn per used hour of a rented GPU, W: the GPU busy, plus its share of the host. */
export function rentedWPerGpu(busyW: number, hostWPerServer: number, gpusPerServer: number): number {
  // Patterson et al. 2021: per-accelerator system power = accelerator + host ÷ accelerators per host.
  return busyW + hostWPerServer / gpusPerServer;
}

/** Embodied carbon of owned hardware allocated to the months it is in service, kgCO2e. */
export function ownedEmbodiedKg(embodiedKg: number, monthsInService: number, lifeYears: number): number {
  // Boavizta: embedded × duration / lifetime, for the months the hardware is in service.
  const share = monthsInService / (lifeYears * 12);
  return embodiedKg * (share < 1 ? share : 1);
}

/** Embodied carbon of rented GPU-hours, kgCO2e. */
export function rentedEmbodiedKg(usedGpuHours: number, kgPerGpu: number, kgPerServer: number, gpusPerServer: number, lifeYears: number, providerUtilPct: number): number {
  // BLOOM: per-hour embodied = (GPU + server ÷ GPUs per server) ÷ (life × 8,760 h × utilisation).
  return (usedGpuHours * (kgPerGpu + kgPerServer / gpusPerServer)) / (lifeYears * 8760 * (providerUtilPct / 100));
}

/** Location-based operational emissions, kgCO2e, of IT energy at a PUE and a grid intensity. */
export function operationalKg(itKWh: number, pue: number, gCO2ePerKWh: number): number {
  // Facility kWh (IT × PUE, The Green Grid) × grid gCO2e/kWh (Green Algorithms, GHG Protocol).
  return (itKWh * pue * gCO2ePerKWh) / 1000;
}

/** The footprint totals of an option from its IT energy and embodied carbon over the horizon. */
export function footprintOf(itKWh: number, pue: number, gCO2ePerKWh: number, embodiedKgCO2e: number, wueLPerKWh: number, offsiteLPerKWh: number): Footprint {
  return {
    itEnergyKWh: itKWh,
    // Facility energy = IT energy × PUE (The Green Grid).
    facilityEnergyKWh: itKWh * pue,
    operationalKgCO2e: operationalKg(itKWh, pue, gCO2ePerKWh),
    embodiedKgCO2e,
    // Li et al. 2025: W = e × (WUE_onsite + PUE × EWIF_offsite), e = server (IT) energy.
    onsiteWaterL: itKWh * wueLPerKWh,
    offsiteWaterL: itKWh * pue * offsiteLPerKWh,
  };
}
