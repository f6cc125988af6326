// footprint (issue 12): per option, whether its energy was measured or derived and from what, and
// the bases of its location- and market-based figures (GHG Protocol Scope 2). Pure.
import type { ResolvedOption } from './resolve.ts';
import type { FootprintBasis } from './types.ts';

export function footprintBasisOf(r: ResolvedOption): FootprintBasis {
  const f = r.option.footprint;
  const supplier = f ? f.marketSupplierGCO2ePerKWh !== null : false;
  const covered = f ? f.marketCoveredPct > 0 : false;
  const market: FootprintBasis['market'] = supplier ? 'supplier' : covered ? 'contract' : 'noContract';
  const rest: FootprintBasis['rest'] = supplier || (f && f.marketCoveredPct >= 100) ? null : f && f.marketResidualGCO2ePerKWh !== null ? 'residual' : 'grid';
  return {
    energy: f && f.measuredEnergyKWh !== null ? 'measured' : 'derived',
    energySource: f?.energySource ?? '',
    energyPeriod: f?.energyPeriod ?? 'total',
    energyScope: f?.energyScope ?? 'it',
    overheadTyped: !!f && f.overheadEnergyKWh !== null,
    hostFromParts: r.hostFromParts,
    cpuOnly: r.cpuOnly,
    market,
    rest,
    // The location-based factor exactly as the one resolver gave it (zone, data year, metric, sources).
    gridDataYear: r.grid.fromPerson ? null : (r.grid.dataYear ?? null),
    gridSources: r.grid.fromPerson ? [] : (r.grid.sources ?? []),
    gridAsOf: r.grid.fromPerson ? null : (r.grid.asOf ?? null),
    gridMetric: r.grid.metric ?? null,
    gridZone: r.grid.zone ?? null,
  };
}
