// footprint (issue 12): the vendor's country as a supplier tier beside the foundry's (fab) country,
// with the HHI of spend; "unknown" where the data has none (the catalog lists no vendor
// headquarters, so only an own accelerator gives it). HHI = Σ sᵢ², shares in percent (DOJ/FTC).
import { describe, expect, it } from 'vitest';
import type { OwnAccelerator } from '../../src/scenario/schema.ts';
import { optionSuppliers, portfolioConcentration } from '../../workers/models/dependency.ts';
import { buy, cloud, scenario, valid } from './helpers.ts';

const own: OwnAccelerator = {
  id: 'own-rivet-r1', name: 'Rivet R1', vendor: 'Rivet Labs', vendorCountry: 'KOR', foundry: 'Samsung', foundryCountry: 'KOR',
  processNodeNm: 7, dieAreaMm2: 700, memoryGB: 96, tdpW: 600, bf16DenseTflops: 400, tpp: null, productKgCO2ePerGpu: null,
};

describe('vendor-country tier', () => {
  it('an own accelerator gives its vendor’s country; a catalog accelerator reads unknown (the reference has none)', () => {
    const s = valid({ ...scenario([buy({ acceleratorId: 'nvidia-h100-sxm' })]), ownAccelerators: [own] });
    s.options[0] = { ...s.options[0]!, acceleratorId: own.id, powerWPerGpu: null };
    const mine = optionSuppliers(valid(s).options[0]!, 'FRA', s);
    expect([...mine.vendorCountry.entries()]).toEqual([['KOR', 1]]);
    const h100 = optionSuppliers(cloud(), 'FRA', null);
    expect([...h100.vendorCountry.entries()]).toEqual([['unknown', 1]]);
    const noCountry = optionSuppliers(buy({ acceleratorId: own.id }), 'FRA', { ownAccelerators: [{ ...own, vendorCountry: null }] });
    expect([...noCountry.vendorCountry.entries()]).toEqual([['unknown', 1]]);
  });
  it('HHI of spend: 30 % on the own accelerator (KOR), 70 % on an H100 (unknown) → 30² + 70² = 900 + 4,900 = 5,800', () => {
    const scope = { ownAccelerators: [own] };
    const tiers = portfolioConcentration([buy({ acceleratorId: own.id }), cloud()], [0.3, 0.7], 'FRA', scope);
    const v = tiers.find((t) => t.tier === 'vendorCountry')!;
    expect(v.hhi).toBeCloseTo(5_800, 9);
    expect(v.shares).toEqual([{ name: 'unknown', pct: 70 }, { name: 'KOR', pct: 30 }]);
    // The foundry's country beside it: Samsung in KOR 30 %, TSMC in TWN 70 % → the same 5,800.
    expect(tiers.find((t) => t.tier === 'fabCountry')!.hhi).toBeCloseTo(5_800, 9);
  });
});
