// The editor's handling of ranges: which field a path is, a first range that validates, pruning
// ranges whose input is gone, a label for every input, and the catalog's own ranges.
import { startValues } from '../../src/scenario/fields.ts';
import { describe, expect, it } from 'vitest';
import { loadScenarioValue } from '../../src/scenario/load.ts';
import { addRange, defaultRange, keyOfPath, pruneRanges, rangeIndex, removeRange, valueOf } from '../../src/scenario/ranges.ts';
import { RANGEABLE_FIELDS, RANGE_BOUNDS, numberBounds, rangeField, type Scenario } from '../../src/scenario/schema.ts';
import { suggestRange } from '../../src/scenario/suggest.ts';
import { FIELD_LABELS } from '../../src/ui/editor/field-labels.ts';
import { buy, cloud, market, rangeCandidates, scenario } from './helpers.ts';

function base(): Scenario {
  return scenario([
    buy({ id: 'b', gridGCO2ePerKWh: 50, embodiedKgCO2ePerGpu: 150, throughputVsReference: 1, hosting: { kind: 'colocation', colocationCcyPerKWMonth: 200 }, financing: { kind: 'loan', annualRatePct: 6, termMonths: 24 } }),
    cloud({ id: 'c', priceCcyPerGpuHour: 2.5, demandSharePct: 50 }),
    market({ id: 'm', market: 'Vast.ai', acceleratorId: 'nvidia-h100-sxm', priceCcyPerGpuHour: 1.87, demandSharePct: 50 }),
  ]);
}

describe('ranges in the editor', () => {
  it('a field path names its input when a range may be put on it, and only then', () => {
    const s = base();
    expect(keyOfPath(s, 'options.1.priceCcyPerGpuHour')).toEqual({ target: 'option', optionId: 'c', field: 'priceCcyPerGpuHour' });
    expect(keyOfPath(s, 'options.0.hosting.colocationCcyPerKWMonth')).toEqual({ target: 'option', optionId: 'b', field: 'colocationCcyPerKWMonth' });
    expect(keyOfPath(s, 'options.0.financing.annualRatePct')?.field).toBe('annualRatePct');
    expect(keyOfPath(s, 'workload.gpuHoursPerMonth')).toEqual({ target: 'workload', optionId: null, field: 'gpuHoursPerMonth' });
    expect(keyOfPath(s, 'settings.discountRatePctPerYear')?.target).toBe('settings');
    // No range where it would change no result, or on what is not an input of the holder.
    expect(keyOfPath(s, 'options.1.demandSharePct')).toBeNull();
    expect(keyOfPath(s, 'options.0.depreciationYears')).toBeNull();
    expect(keyOfPath(s, 'settings.horizonMonths')).toBeNull();
    expect(keyOfPath(s, 'uncertainty.samples')).toBeNull();
    expect(keyOfPath(s, 'options.9.pue')).toBeNull();
  });

  it('the first range on any input of any kind validates (or starts collapsed on 0)', () => {
    for (const s of [base(), scenario([buy({ id: 'b', hosting: { kind: 'onPrem', facilityCcyPerMonth: 1000 } })], { workload: { kind: 'inference', referenceAcceleratorId: 'nvidia-h100-sxm', tokensPerSecond: 5000, tokensPerSecondPerGpu: 2500, growthPctPerMonth: 1 } })]) {
      for (const c of rangeCandidates(s)) {
        const copy = structuredClone(s);
        expect(addRange(copy, c)).toBe(0);
        const r = copy.uncertainty.ranges[0]!;
        expect(r.low).toBeLessThanOrEqual(c.value);
        expect(r.high).toBeGreaterThanOrEqual(c.value);
        const result = loadScenarioValue(copy);
        expect(result.ok, `${c.field}: ${JSON.stringify(result)}`).toBe(true);
      }
    }
  });

  it('whole-number inputs get whole-number ends', () => {
    expect(defaultRange({ target: 'option', optionId: 'b', field: 'gpuCount' }, 8)).toMatchObject({ low: 6, high: 10 });
    expect(defaultRange({ target: 'option', optionId: 'b', field: 'leadTimeMonths' }, 3)).toMatchObject({ low: 2, high: 4 });
  });

  it('adding twice keeps one range; removing removes it', () => {
    const s = base();
    const key = { target: 'option' as const, optionId: 'c', field: 'priceCcyPerGpuHour' };
    addRange(s, key);
    addRange(s, key);
    expect(s.uncertainty.ranges).toHaveLength(1);
    expect(valueOf(s, key)).toBe(2.5);
    removeRange(s, key);
    expect(rangeIndex(s, key)).toBe(-1);
  });

  it('ranges whose input is gone are pruned: a removed option, a changed hosting, financing or workload', () => {
    const s = base();
    for (const path of ['options.1.priceCcyPerGpuHour', 'options.0.hosting.colocationCcyPerKWMonth', 'options.0.financing.termMonths', 'workload.growthPctPerMonth', 'options.2.priceCcyPerGpuHour']) {
      addRange(s, keyOfPath(s, path)!);
    }
    expect(s.uncertainty.ranges).toHaveLength(5);
    s.options.splice(1, 1);
    const b = s.options[0]!;
    if (b.kind !== 'buy') throw new Error('buy first');
    b.hosting = { kind: 'onPrem', facilityCcyPerMonth: 0 };
    b.financing = { kind: 'cash' };
    s.workload = { kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 7, tokensBillion: 100, mfuPct: 40, deadlineMonths: 6 };
    expect(pruneRanges(s)).toBe(4);
    expect(s.uncertainty.ranges.map((r) => r.optionId)).toEqual(['m']);
  });

  it('the bounds the page knows are the schema’s', () => {
    const seen = new Set<string>();
    // failures (issue 15): a training run whose options have every failures figure their kind can have.
    const job = { interruptionsPerGpuYear: 1, jobGpuCount: 2, checkpointMinutes: 10, restartMinutes: 5 };
    const hw = { gpuFailuresPctPerYear: 4, repairHours: 100 };
    const failing = scenario(
      [
        buy({ id: 'b', failures: { ...startValues('failures'), ...job, ...hw, replacementCcyPerFailure: 1000 } }),
        cloud({ id: 'c', pricingModel: 'spot', demandSharePct: 50, failures: { ...startValues('failures'), ...job, spotInterruptionsPerDay: 1, spotLostMinutesPerInterruption: 10 } }),
        market({ id: 'm', demandSharePct: 50, failures: { ...startValues('failures'), ...job, hostReliabilityFloorPct: 90, rerunPct: 5 } }),
      ],
      { workload: { kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 7, tokensBillion: 100, mfuPct: 40, deadlineMonths: 6 } },
    );
    for (const s of [failing, base(), scenario([buy({ id: 'b' })], { workload: { kind: 'training', referenceAcceleratorId: 'nvidia-h100-sxm', parametersBillion: 7, tokensBillion: 100, mfuPct: 40, deadlineMonths: 6 } }), scenario([buy({ id: 'b', hosting: { kind: 'onPrem', facilityCcyPerMonth: 1 }, footprint: { ...startValues('footprint'), measuredEnergyKWh: 200_000, overheadEnergyKWh: 5_000, energyPeriod: 'total', energyScope: 'it', energySource: '' } })], { workload: { kind: 'inference', referenceAcceleratorId: 'nvidia-h100-sxm', tokensPerSecond: 7, tokensPerSecondPerGpu: 100, growthPctPerMonth: 0, tokens: { peakTokensPerSecond: 10, hoursAtPeakPerDay: 2, inputTokensPerSecondPerGpu: 1_000, outputTokensPerSecondPerGpu: 100, inputTokenSharePct: 50 } } })]) {
      for (const c of rangeCandidates(s)) {
        expect(RANGE_BOUNDS[c.field], c.field).toEqual([c.min, c.max]);
        seen.add(c.field);
      }
    }
    // pool (issue 15): the committed shares, on a pool split by committed share.
    const pooled = { ...base(), pool: { firstMemberName: 'A', firstMemberCommittedSharePct: 60, splitRule: 'committedShare' as const, members: [{ name: 'B', workload: base().workload, memberStartMonth: 0, memberActiveMonths: null, committedSharePct: 40 }] } };
    for (const r of [{ target: 'pool' as const, field: 'firstMemberCommittedSharePct' }, { target: 'member' as const, memberIndex: 0, field: 'committedSharePct' }]) {
      const f = rangeField(pooled, { ...r, optionId: null, low: 0, high: 0, shape: 'uniform' });
      const b = f && numberBounds(f.schema);
      expect(b && [b.min, b.max], r.field).toEqual(RANGE_BOUNDS[r.field]);
      seen.add(r.field);
    }
    expect(Object.keys(RANGE_BOUNDS).filter((f) => !seen.has(f))).toEqual([]);
  });

  it('every input a range may be put on has a label', () => {
    const fields = new Set(Object.values(RANGEABLE_FIELDS).flat());
    expect([...fields].filter((f) => !FIELD_LABELS[f])).toEqual([]);
  });
});

describe('ranges the catalog publishes', () => {
  it('the H100 market price range around a Vast.ai option (P5–P95 of the current offers), with its source and date', () => {
    const s = base();
    const r = suggestRange(s.options[2]!, 'priceCcyPerGpuHour', { settings: s.settings });
    // 1.94, 2.11, 2.4024, 2.58, 2.635, 2.6661, 2.71: P5 = 1.94 + 0.3 × 0.17, P95 = 2.6661 + 0.7 × 0.0439.
    expect(r!.low).toBeCloseTo(1.991, 9);
    expect(r!.high).toBeCloseTo(2.69683, 9);
    expect(r!.rows).toHaveLength(7);
    expect(r!.cited.sources.length).toBeGreaterThan(0);
    expect(r!.cited.date).toBeTruthy();
  });

  it('the spread of a country’s published grid intensities', () => {
    const s = base();
    const r = suggestRange(s.options[0]!, 'gridGCO2ePerKWh', { settings: s.settings });
    expect(r).not.toBeNull();
    expect(r!.low).toBeLessThan(r!.high);
    expect(r!.derivation).toMatch(/published figures/);
  });

  it('none where the catalog has none (a price the person gives for an unknown provider)', () => {
    const s = base();
    const c = { ...(s.options[1] as Extract<Scenario['options'][number], { kind: 'cloud' }>), provider: 'Local GPU Co' };
    expect(suggestRange(c, 'priceCcyPerGpuHour', { settings: s.settings })).toBeNull();
    expect(suggestRange(s.options[0]!, 'unitPriceCcyPerGpu', { settings: s.settings })).toBeNull();
  });
});
