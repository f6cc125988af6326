// Own accelerators (issue 12): an accelerator the catalog lacks, defined by the person, used
// everywhere a catalog accelerator is — throughput, power, embodied carbon from die area and
// memory, supplier tiers, export-control classification — with "unknown" where an input is missing.
// The figures of "Rivet R1" are a test's inputs, not a real product.
import { describe, expect, it } from 'vitest';
import { acceleratorFacts } from '../../src/catalog/accelerators.ts';
import { catalog } from '../../src/catalog/index.ts';
import { SHIPPED_DIE_AREA_MM2, SHIPPED_TDP_W } from '../../src/catalog/shipped-range.ts';
import { loadScenarioValue } from '../../src/scenario/load.ts';
import { ownAcceleratorIssues } from '../../src/scenario/own-accelerator-check.ts';
import type { OwnAccelerator, Scenario } from '../../src/scenario/schema.ts';
import { isControlled, optionSuppliers, portfolioConcentration, tpp } from '../../workers/models/dependency.ts';
import { embodiedFromDieArea } from '../../workers/models/embodied-area.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { resolveOption } from '../../workers/models/resolve.ts';
import { buy, cloud, scenario, valid } from './helpers.ts';

const rivet: OwnAccelerator = {
  id: 'own-rivet-r1',
  name: 'Rivet R1',
  vendor: 'Rivet Labs',
  vendorCountry: 'KOR',
  foundry: 'Samsung',
  foundryCountry: 'KOR',
  processNodeNm: 7,
  dieAreaMm2: 700,
  memoryGB: 96,
  tdpW: 600,
  bf16DenseTflops: 400,
  tpp: null,
  productKgCO2ePerGpu: null,
};

function withOwn(own: OwnAccelerator[], s: Scenario): Scenario {
  return valid({ ...s, ownAccelerators: own });
}

const onRivet = () =>
  withOwn(
    [rivet],
    scenario([buy({ acceleratorId: 'nvidia-h100-sxm', powerWPerGpu: null, embodiedKgCO2ePerGpu: null })]),
  );
const rivetScenario = () => {
  const s = onRivet();
  s.options[0] = { ...s.options[0]!, acceleratorId: rivet.id };
  return valid(s);
};

describe('an accelerator the catalog lacks', () => {
  it('borrowing a catalog entry gives another chip’s suppliers, classification and embodied carbon; an own accelerator gives its own', () => {
    // Today's workaround: the Rivet R1 entered as an H100 — TSMC in Taiwan, 164 kg per card (NVIDIA PCF).
    const borrowed = onRivet();
    const b = optionSuppliers(borrowed.options[0]!, 'FRA', borrowed);
    expect([...b.foundry.keys()]).toEqual(['TSMC']);
    const own = rivetScenario();
    const s = optionSuppliers(own.options[0]!, 'FRA', own);
    expect([...s.acceleratorVendor.entries()]).toEqual([['Rivet Labs', 1]]);
    expect([...s.foundry.entries()]).toEqual([['Samsung', 1]]);
    expect([...s.fabCountry.entries()]).toEqual([['KOR', 1]]);
    expect([...s.hbm.entries()]).toEqual([['unknown', 1]]);
    const ev = evaluateScenario(own);
    const dep = ev.dependency.perOption[0]!.tiers;
    expect(dep.find((t) => t.tier === 'foundry')!.shares).toEqual([{ name: 'Samsung', pct: 100 }]);
    expect(dep.find((t) => t.tier === 'fabCountry')!.shares).toEqual([{ name: 'KOR', pct: 100 }]);
    // TPP = 400 TFLOPS BF16 × 16 = 6,400 ≥ 4,800: ECCN 3A090.a.
    expect(ev.dependency.exportControls[0]!.tpp).toBe(6_400);
    expect(ev.dependency.exportControls[0]!.controlled).toBe(true);
    // Embodied: 1.6 kg/cm² (7 nm) × 7.00 cm² = 11.2 kg + 0.4 kg/GB × 96 GB = 38.4 kg → 49.6 kg, not the H100's 164.
    const r = resolveOption(own.options[0]!, own);
    expect(r.embodiedKgPerGpu).toBeCloseTo(49.6, 9);
    expect(r.embodiedFrom).toBe('dieArea');
    expect(resolveOption(borrowed.options[0]!, borrowed).embodiedKgPerGpu).toBe(164);
  });

  it('throughput vs the reference and power come from its own figures', () => {
    const s = rivetScenario();
    const r = resolveOption(s.options[0]!, s);
    // 400 ÷ 989 TFLOPS (H100 SXM dense BF16) = 0.404449…
    expect(r.throughput).toBeCloseTo(400 / 989, 12);
    expect(r.powerWPerGpu).toBe(600);
  });

  it('can be the workload’s reference accelerator, and a rented option can run on it', () => {
    const s = rivetScenario();
    s.workload = { ...s.workload, referenceAcceleratorId: rivet.id };
    s.options.push(cloud({ acceleratorId: 'nvidia-h100-sxm', demandSharePct: 100 }));
    const ok = valid(s);
    // H100 vs Rivet: 989 ÷ 400 = 2.4725.
    expect(resolveOption(ok.options[1]!, ok).throughput).toBeCloseTo(2.4725, 12);
  });
});

describe('embodied carbon from die area and memory (LLMCarbon carbon per area)', () => {
  it('hand-computed at 4 nm: 1.8 kg/cm² × 8.14 cm² + 0.4 kg/GB × 80 GB', () => {
    // 814 mm² = 8.14 cm²; 1.8 × 8.14 = 14.652 kg (LLMCarbon's own H100 line); 0.4 × 80 = 32 kg; total 46.652 kg.
    const r = embodiedFromDieArea({ dieAreaMm2: 814, processNodeNm: 4, memoryGB: 80 });
    expect(r).toMatchObject({ ok: true, kgPerCm2: 1.8, kgPerGB: 0.4 });
    if (!r.ok) throw new Error('unreachable');
    expect(r.dieKg).toBeCloseTo(14.652, 9);
    expect(r.memoryKg).toBeCloseTo(32, 9);
    expect(r.kgCO2ePerGpu).toBeCloseTo(46.652, 9);
  });
  it('hand-computed at 12 nm: 1.2 kg/cm² × 6.5 cm² + 0.4 × 32 GB = 7.8 + 12.8 = 20.6 kg', () => {
    const r = embodiedFromDieArea({ dieAreaMm2: 650, processNodeNm: 12, memoryGB: 32 });
    expect(r.ok && r.kgCO2ePerGpu).toBeCloseTo(20.6, 9);
  });
  it('is unknown, and says which input is missing, rather than zero', () => {
    expect(embodiedFromDieArea({ dieAreaMm2: null, processNodeNm: 4, memoryGB: 80 })).toEqual({ ok: false, missing: 'dieArea' });
    expect(embodiedFromDieArea({ dieAreaMm2: 700, processNodeNm: null, memoryGB: 80 })).toEqual({ ok: false, missing: 'processNode' });
    expect(embodiedFromDieArea({ dieAreaMm2: 700, processNodeNm: 4, memoryGB: null })).toEqual({ ok: false, missing: 'memory' });
    // The published table has 4, 7, 12 and 16 nm; 5 nm is not guessed.
    expect(embodiedFromDieArea({ dieAreaMm2: 700, processNodeNm: 5, memoryGB: 80 })).toEqual({ ok: false, missing: 'nodeNotInTable' });
    const s = withOwn([{ ...rivet, processNodeNm: 5 }], scenario([buy({ embodiedKgCO2ePerGpu: null })]));
    s.options[0] = { ...s.options[0]!, acceleratorId: rivet.id };
    const ev = evaluateScenario(valid(s));
    expect(ev.warnings.some((w) => w.key === 'warn.embodiedMissing' && w.params.accelerator === 'Rivet R1')).toBe(true);
  });
  it('a product carbon footprint, when given, is used instead of the per-area estimate', () => {
    const s = withOwn([{ ...rivet, productKgCO2ePerGpu: 210 }], scenario([buy({ embodiedKgCO2ePerGpu: null })]));
    s.options[0] = { ...s.options[0]!, acceleratorId: rivet.id };
    const r = resolveOption(valid(s).options[0]!, s);
    expect(r.embodiedKgPerGpu).toBe(210);
    expect(r.embodiedFrom).toBe('product');
  });
});

describe('export-control classification from TPP and performance density (ECCN 3A090.a: TPP ≥ 4,800, or TPP ≥ 1,600 and TPP ÷ die mm² ≥ 5.92)', () => {
  const scope = (a: Partial<OwnAccelerator>) => ({ ownAccelerators: [{ ...rivet, ...a }] });
  it('known: above 4,800, between with a dense die, between with a sparse die, below 1,600', () => {
    expect(isControlled(rivet.id, scope({ tpp: 5_000, dieAreaMm2: null }))).toBe(true);
    // 4,000 ÷ 640 mm² = 6.25 ≥ 5.92 → controlled.
    expect(isControlled(rivet.id, scope({ tpp: 4_000, dieAreaMm2: 640 }))).toBe(true);
    // 3,000 ÷ 700 mm² = 4.29 < 5.92 → not controlled.
    expect(isControlled(rivet.id, scope({ tpp: 3_000, dieAreaMm2: 700 }))).toBe(false);
    expect(isControlled(rivet.id, scope({ tpp: 1_000, dieAreaMm2: null }))).toBe(false);
  });
  it('the typed TPP wins over the one derived from the BF16 peak', () => {
    // Derived: 400 × 16 = 6,400; typed: 3,000.
    expect(tpp(rivet.id, scope({}))).toBe(6_400);
    expect(tpp(rivet.id, scope({ tpp: 3_000 }))).toBe(3_000);
  });
  it('unknown: no TPP and no peak, or a TPP between 1,600 and 4,800 without a die area', () => {
    expect(isControlled(rivet.id, scope({ tpp: null, bf16DenseTflops: null }))).toBeNull();
    expect(isControlled(rivet.id, scope({ tpp: 3_000, dieAreaMm2: null }))).toBeNull();
    const s = withOwn([{ ...rivet, tpp: null, bf16DenseTflops: null }], scenario([buy({ throughputVsReference: 0.5 })]));
    s.options[0] = { ...s.options[0]!, acceleratorId: rivet.id };
    const ev = evaluateScenario(valid(s));
    expect(ev.dependency.exportControls[0]).toMatchObject({ tpp: null, controlled: null, memoryBandwidthGBps: null });
  });
});

describe('supplier tiers of an own accelerator', () => {
  it('vendor, foundry and fab country as given; unknown where left empty', () => {
    const s = withOwn([{ ...rivet, vendor: null, foundry: null, foundryCountry: null }], scenario([buy()]));
    s.options[0] = { ...s.options[0]!, acceleratorId: rivet.id };
    const ok = valid(s);
    const t = optionSuppliers(ok.options[0]!, 'FRA', ok);
    expect([...t.acceleratorVendor.entries()]).toEqual([['unknown', 1]]);
    expect([...t.foundry.entries()]).toEqual([['unknown', 1]]);
    expect([...t.fabCountry.entries()]).toEqual([['unknown', 1]]);
  });
  it('one option on an own accelerator: its vendor holds 100 % of the tier, HHI = 100² = 10,000', () => {
    const s = rivetScenario();
    const t = evaluateScenario(s).dependency.perOption[0]!.tiers.find((x) => x.tier === 'acceleratorVendor')!;
    expect(t.hhi).toBe(10_000);
    expect(acceleratorFacts(rivet.id, s)?.vendorCountry).toBe('KOR');
  });
  it('the portfolio mixes an own accelerator’s foundry with a catalog one’s by spend weight', () => {
    // Weights 0.25 (Rivet, Samsung) and 0.75 (H100, TSMC): HHI = 25² + 75² = 625 + 5,625 = 6,250.
    const s = rivetScenario();
    s.options.push({ ...s.options[0]!, id: 'h100', name: 'H100', acceleratorId: 'nvidia-h100-sxm' });
    const ok = valid(s);
    const t = portfolioConcentration(ok.options, [0.25, 0.75], 'FRA', ok).find((x) => x.tier === 'foundry')!;
    expect(t.shares).toEqual([{ name: 'TSMC', pct: 75 }, { name: 'Samsung', pct: 25 }]);
    expect(t.hhi).toBeCloseTo(6_250, 9);
  });
});

describe('bad input on an own accelerator', () => {
  it('the die-area and TDP bounds are the catalog’s shipped parts', () => {
    const areas = catalog.accelerators.map((a) => a.dieAreaMm2?.value).filter((x): x is number => x != null);
    expect(SHIPPED_DIE_AREA_MM2).toEqual([Math.min(...areas), Math.max(...areas)]);
    expect(SHIPPED_DIE_AREA_MM2).toEqual([608.4, 1060]);
    expect(SHIPPED_TDP_W).toEqual([72, 1400]);
  });
  it('refuses, on the field, a die area or TDP outside them, no name, and a catalog id', () => {
    const base = rivetScenario();
    const bad = (a: Partial<OwnAccelerator>) => {
      const r = loadScenarioValue({ ...base, ownAccelerators: [{ ...rivet, ...a }] });
      return r.ok ? [] : r.error.kind === 'invalid' ? r.error.issues.map((i) => i.path.join('.')) : [r.error.kind];
    };
    expect(bad({ dieAreaMm2: 5_000 })).toContain('ownAccelerators.0.dieAreaMm2');
    expect(bad({ tdpW: 20 })).toContain('ownAccelerators.0.tdpW');
    expect(bad({ name: '  ' })).toContain('ownAccelerators.0.name');
    expect(bad({ id: 'nvidia-h100-sxm' })).toContain('ownAccelerators.0.id');
    expect(bad({})).toEqual([]);
  });
  it('the form’s check gives each field its message, with the shipped range', () => {
    const issues = ownAcceleratorIssues({ ...rivet, name: '', id: 'nvidia-b200', dieAreaMm2: 5_000, tdpW: 2_000 }, []);
    expect(issues).toEqual([
      { field: 'name', key: 'own.err.name', params: {} },
      { field: 'id', key: 'own.err.catalogId', params: { value: 'nvidia-b200' } },
      { field: 'dieAreaMm2', key: 'own.err.shipped', params: { min: 608.4, max: 1060 } },
      { field: 'tdpW', key: 'own.err.shipped', params: { min: 72, max: 1400 } },
    ]);
    expect(ownAcceleratorIssues({ ...rivet }, [rivet.id])).toEqual([{ field: 'id', key: 'own.err.duplicate', params: { value: rivet.id } }]);
    expect(ownAcceleratorIssues({ ...rivet }, [])).toEqual([]);
  });
});
