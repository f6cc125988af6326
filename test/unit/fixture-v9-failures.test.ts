// Format 9's failures case (issue 15): the current fixture carries an option's failures (a GPU
// failure rate from the reference data, the person's own repair time, under warranty), loads
// through the one load path, and its results show what the failures do — computed by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { SCENARIO_VERSION } from '../../src/scenario/schema.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';

const text = readFileSync('test/fixtures/scenarios/v9.json', 'utf8');

describe('the version-9 fixture with failures', () => {
  it('loads as the current version, its failures kept as typed', () => {
    const r = loadScenarioText(text);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.scenario.version).toBe(SCENARIO_VERSION);
    expect(r.scenario.options[0]!.failures).toMatchObject({ gpuFailuresPctPerYear: 4, repairHours: 72, replacementCcyPerFailure: 0, checkpointMinutes: null });
  });

  it('4 %/yr × 72 h ÷ 8,760 h = 0.0329 % of the time in repair; under warranty nothing is paid; no job figures: goodput 1', () => {
    const r = loadScenarioText(text);
    if (!r.ok) throw new Error('invalid');
    const f = evaluateScenario(r.scenario).options[0]!.failures!;
    // 0.04 × 72 = 2.88 h a year; 2.88 ÷ 8,760 = 0.000328767.
    expect(f.schedulableFraction).toBeCloseTo(1 - 0.000328767, 9);
    expect(f.replacementCcyPerYear).toBe(0);
    expect(f.goodputFraction).toBe(1);
    expect(f.job).toBeNull();
    expect(f.nominalCostPerUsefulGpuHourCcy).toBeCloseTo(f.costPerUsefulGpuHourCcy!, 12);
  });

  it('the same fixture without its failures serves more: 8 GPUs × 730 h a month is the demand (4,672 h at 80 %), so repairs only cost headroom', () => {
    const r = loadScenarioText(text);
    if (!r.ok) throw new Error('invalid');
    const { failures: _, ...plain } = r.scenario.options[0]!;
    const withF = evaluateScenario(r.scenario).options[0]!.alone.totals;
    const without = evaluateScenario({ ...r.scenario, options: [plain] }).options[0]!.alone.totals;
    // Capacity 8 × 730 × 0.99967 = 5,838.1 ≥ 4,672 a month: the demand is served either way, at the same cost.
    expect(withF.servedRefGpuHours).toBeCloseTo(without.servedRefGpuHours, 6);
    expect(withF.costCcy).toBeCloseTo(without.costCcy, 6);
  });
});
