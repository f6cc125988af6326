import { describe, expect, it } from 'vitest';
import { band, hhi, hhiBounds, isControlled, plannerTier, tpp } from '../../../workers/models/dependency.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { buy, cloud, market, scenario } from '../helpers.ts';

describe('break-even', () => {
  it('utilisation where owning equals the cheapest rental, and the month the curves cross', () => {
    // Owned: capex 100,000 (cash), energy 1 kW × 0.10 per busy hour, 12 months, 8 GPUs:
    // capacity 8 × 730 × 12 = 70,080 h. Own(u) = 100,000 + 0.1 × 70,080 u.
    // Cheapest rental: 2.00/h. u* = 100,000 / (2 × 70,080 − 7,008) = 0.7504.
    const s = scenario([buy(), cloud({ priceCcyPerGpuHour: 2 }), market({ priceCcyPerGpuHour: 3, demandSharePct: 0 })], {
      workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 5840, growthPctPerMonth: 0 },
    });
    const b = evaluateScenario(s).options[0]!.breakEven!;
    expect(b.rentalOptionId).toBe('cloud');
    expect(b.rentalCcyPerRefGpuHour).toBe(2);
    expect(b.utilisation).toBeCloseTo(100_000 / (2 * 70_080 - 7_008), 9);
    // At full use: owning cumulative = 100,000 + 584·(m+1); renting = 11,680·(m+1) → crosses when
    // 11,096·(m+1) ≥ 100,000 → m + 1 = 9.01… → month index 9.
    expect(b.month).toBe(9);
  });

  it('above the schedulable maximum, when owning would need more than full use', () => {
    const s = scenario([buy({ unitPriceCcyPerGpu: 1_000_000 }), market({ priceCcyPerGpuHour: 0.5 })]);
    const b = evaluateScenario(s).options[0]!.breakEven!;
    expect(b.utilisation).toBeGreaterThan(1);
    expect(b.utilisationNote).toBe('aboveMaximum');
    expect(b.month).toBeNull();
  });

  it('never, when each owned hour costs more to run than renting it', () => {
    // Electricity at 10 per kWh: 1 kW × 10 = 10 per busy hour, above the 0.5 rental rate.
    const s = scenario([buy({ electricityCcyPerKWh: 10 }), market({ priceCcyPerGpuHour: 0.5 })]);
    const b = evaluateScenario(s).options[0]!.breakEven!;
    expect(b.utilisation).toBeNull();
    expect(b.utilisationNote).toBe('never');
  });

  it('is not computed without a rental option, and says why', () => {
    const o = evaluateScenario(scenario([buy()])).options[0]!;
    expect(o.breakEven).toBeNull();
    expect(o.breakEvenReason).toBe('noRental');
  });
});

describe('concentration (HHI)', () => {
  it('is the sum of squared percentage shares', () => {
    expect(hhi([100])).toBe(10_000);
    expect(hhi([50, 50])).toBe(5_000);
    // HBM 2023E (TrendForce): 53² + 38² + 9² = 2,809 + 1,444 + 81 = 4,334.
    expect(hhi([53, 38, 9])).toBe(4_334);
  });

  it('is classified with the 2023 Merger Guidelines bands', () => {
    expect(band(1_801)).toBe('high');
    expect(band(1_800)).toBe('moderate');
    expect(band(1_000)).toBe('moderate');
    expect(band(999)).toBe('unconcentrated');
  });

  it('a single H100 option depends on one vendor, one foundry, one country of fabrication', () => {
    const tiers = evaluateScenario(scenario([cloud()])).dependency.perOption[0]!.tiers;
    const by = Object.fromEntries(tiers.map((t) => [t.tier, t]));
    expect(by.acceleratorVendor!.hhi).toBe(10_000);
    expect(by.acceleratorVendor!.shares[0]).toEqual({ name: 'NVIDIA', pct: 100 });
    expect(by.foundry!.shares[0]!.name).toBe('TSMC');
    expect(by.fabCountry!.shares[0]!.name).toBe('TWN');
    // Market context: NVIDIA held 98 % of data-centre GPUs in 2023 (TechInsights) → at least 9,604.
    expect(by.acceleratorVendor!.marketHhi!.value).toBeCloseTo(9_604, 6);
  });

  it('the portfolio is weighted by spend: two providers at equal spend → 5,000', () => {
    const s = scenario([cloud({ id: 'a', provider: 'AWS', demandSharePct: 50 }), cloud({ id: 'b', provider: 'Nebius', demandSharePct: 50 })]);
    const provider = evaluateScenario(s).dependency.portfolio.find((t) => t.tier === 'provider')!;
    expect(provider.hhi).toBeCloseTo(5_000, 6);
    expect(provider.band).toBe('high');
  });

  it('spend paid in a network’s token is reported as a share of the mix', () => {
    // Cloud 1,000 h × 2 = 2,000 a month; market 1,000 h × 1.5 = 1,500, 40 % in tokens = 600 of 3,500.
    const s = scenario([cloud({ demandSharePct: 50 }), market({ demandSharePct: 50, tokenPaymentPct: 40 })], {
      workload: { kind: 'gpuHours', referenceAcceleratorId: 'nvidia-h100-sxm', gpuHoursPerMonth: 2000, growthPctPerMonth: 0 },
    });
    const token = evaluateScenario(s).dependency.token;
    expect(token.pctOfSpend).toBeCloseTo((100 * 600) / 3_500, 9);
    expect(token.sentence.key).toBe('dep.token');
  });

  it('unknown countries are counted as their own bucket and named "unknown"', () => {
    const country = evaluateScenario(scenario([market({ hostCountry: null })])).dependency.portfolio.find((t) => t.tier === 'computeCountry')!;
    expect(country.shares[0]!.name).toBe('unknown');
  });
});

describe('export controls (ECCN 3A090, BIS Oct 2023)', () => {
  it('TPP of the H100 is 15,832 and of the A100 4,992 (as the rule’s commentary states)', () => {
    expect(tpp('nvidia-h100-sxm')).toBe(15_832);
    expect(tpp('nvidia-a100-80gb')).toBe(4_992);
  });

  it('H100 and A100 are controlled; the RTX 4090 (TPP 2,642) depends on its density', () => {
    expect(isControlled('nvidia-h100-sxm')).toBe(true);
    expect(isControlled('nvidia-a100-80gb')).toBe(true);
    // 165.15 × 16 = 2,642.4 ≥ 1,600; density 2,642.4 / 608.4 mm² = 4.34 < 5.92 → not controlled.
    expect(isControlled('nvidia-rtx-4090')).toBe(false);
  });

  it('tiers: France 1, Morocco 2, China 3', () => {
    expect(plannerTier('FRA')).toBe(1);
    expect(plannerTier('MAR')).toBe(2);
    expect(plannerTier('CHN')).toBe(3);
  });

  it('a Moroccan purchase of 16 H100s is counted in H100-equivalents; Morocco is not named by the rules in force, so its exposure is unknown', () => {
    // The rescinded AI Diffusion rule (Tier 2) no longer grades it; the 2023 rule's Country Groups are not listed in the data.
    const e = evaluateScenario(scenario([buy({ gpuCount: 16, gridCountry: 'MAR' })], { planner: 'MAR' }));
    expect(e.dependency.exportControls[0]).toMatchObject({ level: 'unknown', h100Equivalents: 16, controlled: true });
    expect(e.dependency.exportControls[0]!.segments.map((x) => x.sentence.key)).toEqual(['export.ev.notNamed']);
  });

  it('Huawei Ascend: high exposure abroad (BIS guidance), a domestic supply in China', () => {
    const ascend = (planner: string) =>
      evaluateScenario(scenario([buy({ acceleratorId: 'huawei-ascend-910b', throughputVsReference: 0.3, powerWPerGpu: 350, gridCountry: 'CHN' })], { planner }))
        .dependency.exportControls[0]!.level;
    expect(ascend('FRA')).toBe('high');
    expect(ascend('CHN')).toBe('low');
  });

  it('a planner in China buying H100s: a licence is required; since 15 January 2026 it is reviewed case by case (medium)', () => {
    const e = evaluateScenario(scenario([buy()], { planner: 'CHN' }));
    expect(e.dependency.exportControls[0]!.level).toBe('medium');
    expect(e.dependency.exportControls[0]!.segments[0]!.sentence.key).toBe('export.ev.caseByCase');
  });
});

describe('HHI bounds of a partial table', () => {
  it('a complete table has equal bounds; a partial one is bounded by its smallest listed share', () => {
    expect(hhiBounds([60, 40])).toEqual({ lower: 5_200, upper: 5_200, complete: true });
    // Copper (mine): Chile 23, DRC 14.3, Peru 11.3, China 7.8 → listed 56.4 %, rest 43.6 % in pieces ≤ 7.8.
    const b = hhiBounds([23, 14.3, 11.3, 7.8]);
    expect(b.lower).toBeCloseTo(23 ** 2 + 14.3 ** 2 + 11.3 ** 2 + 7.8 ** 2, 6);
    expect(b.upper).toBeCloseTo(b.lower + 43.6 * 7.8, 6);
  });
  it('a band is given only when both bounds agree', () => {
    const copper = evaluateScenario(scenario([cloud()])).dependency.minerals.find((m) => m.mineralId === 'copper-mine')!;
    expect(copper.hhiLowerBound).toBeLessThan(1000);
    expect(copper.hhiUpperBound!).toBeGreaterThan(1000);
    expect(copper.band).toBeNull();
  });
});

describe('critical minerals (USGS MCS 2025)', () => {
  it('a country’s own export controls do not count against a planner inside it', () => {
    const cn = evaluateScenario(scenario([cloud()], { planner: 'CHN' })).dependency.minerals.find((m) => m.mineralId === 'gallium')!;
    expect(cn.controlsAgainstPlanner).toEqual([]);
  });

  it('gallium: China ~99 % of primary production, and the Dec 2024 ban targets a US planner', () => {
    const us = evaluateScenario(scenario([cloud()], { planner: 'USA' })).dependency.minerals.find((m) => m.mineralId === 'gallium')!;
    expect(us.topProducer).toBe('CHN');
    expect(us.topPct).toBeGreaterThan(98);
    expect(us.controlsAgainstPlanner.length).toBeGreaterThan(0);
    const fr = evaluateScenario(scenario([cloud()], { planner: 'FRA' })).dependency.minerals.find((m) => m.mineralId === 'gallium')!;
    expect(fr.controlsAgainstPlanner.some((c) => c.what.toLowerCase().includes('ban'))).toBe(false);
  });
});
