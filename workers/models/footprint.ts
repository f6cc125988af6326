// footprint (issue 12): host power from its parts and the market-based emission factor, as scalar
// functions the kernel (kernel.ts) and the resolution (resolve.ts) call. Pure.
// Methods: docs/methodology.md, "Energy you already know, host parts, market-based emissions".

/** Host power per server from its parts, W. Green Algorithms: P = n_c·P_c + n_m·P_m (methods.md §1.1). */
export function hostWFromParts(cpuCores: number, wPerCore: number, memoryGB: number, wPerGB: number): number {
  return cpuCores * wPerCore + memoryGB * wPerGB;
}

/**
 * Market-based factor, gCO2e/kWh (GHG Protocol Scope 2 Guidance, 2015, §6): a supplier-specific
 * factor for all the electricity when given (not NaN); otherwise the share covered by PPAs or
 * certificates at their factor and the rest at the residual mix — or, with no residual mix, the
 * location-based grid factor.
 */
export function marketGPerKWh(supplier: number, coveredPct: number, coveredG: number, residual: number, grid: number): number {
  if (supplier === supplier) return supplier;
  const share = coveredPct / 100;
  return share * coveredG + (1 - share) * (residual === residual ? residual : grid);
}
