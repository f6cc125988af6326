// footprint (issue 12): per option, whether its energy was measured or derived and from what, and
// the bases of its location- and market-based figures (GHG Protocol Scope 2). Pure.
import { country } from '../../src/catalog/index.ts';
import type { ResolvedOption } from './resolve.ts';
import type { FootprintBasis } from './types.ts';

export function footprintBasisOf(r: ResolvedOption): FootprintBasis {
  const f = r.option.footprint;
  const supplier = f ? f.marketSupplierGCO2ePerKWh !== null : false;
  const covered = f ? f.marketCoveredPct > 0 : false;
  const market: FootprintBasis['market'] = supplier ? 'supplier' : covered ? 'contract' : 'noContract';
  const rest: FootprintBasis['rest'] = supplier || (f && f.marketCoveredPct >= 100) ? null : f && f.marketResidualGCO2ePerKWh !== null ? 'residual' : 'grid';
  // The catalog's recommended grid figure: its data year and sources (the location-based factor as resolveGrid reads it).
  const c = r.grid.fromPerson ? undefined : country(r.grid.country);
  return {
    energy: f && f.measuredEnergyKWh !== null ? 'measured' : 'derived',
    energySource: f?.energySource ?? '',
    energyPeriod: f?.energyPeriod ?? 'total',
    energyScope: f?.energyScope ?? 'it',
    overheadTyped: !!f && f.overheadEnergyKWh !== null,
    hostFromParts: r.hostFromParts,
    market,
    rest,
    gridDataYear: c?.gridDataYear ?? null,
    gridSources: c?.gridGCO2ePerKWh?.sources ?? [],
    gridAsOf: c?.gridGCO2ePerKWh?.asOf ?? null,
  };
}
