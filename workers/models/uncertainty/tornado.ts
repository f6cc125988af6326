// Sensitivity: each uncertain input swung from its 5th to its 95th percentile with every other
// input at its median, through the deterministic model. Pure. Methods: docs/methodology.md §12.
import { rangeField, type Range, type Scenario } from '../../../src/scenario/schema.ts';
import { evaluateScenario } from '../evaluate.ts';
import type { EvaluationResult } from '../types.ts';
import { clippedQuantile } from './distributions.ts';
import { distributionOf } from './plan.ts';

/** What the tornado can be sorted by, per option. */
export interface Outputs {
  /** Per option (in the scenario's order): total cost, NPV, CO2e (kg), break-even utilisation (owned only). */
  cost: number[];
  npv: number[];
  co2eKg: number[];
  breakEvenUtilisation: (number | null)[];
}

export interface TornadoBar {
  range: Range;
  /** The input's value at its 5th and 95th percentiles (clipped to what it accepts). */
  lowValue: number;
  highValue: number;
  atLow: Outputs;
  atHigh: Outputs;
}

export interface TornadoResult {
  scenarioId: string;
  /** Every input at its median. */
  baseline: Outputs;
  bars: TornadoBar[];
}

function outputs(r: EvaluationResult): Outputs {
  return {
    cost: r.options.map((o) => o.alone.totals.costCcy),
    npv: r.options.map((o) => o.alone.totals.npvCcy),
    co2eKg: r.options.map((o) => o.alone.totals.operationalKgCO2e + o.alone.totals.embodiedKgCO2e),
    breakEvenUtilisation: r.options.map((o) => o.breakEven?.utilisation ?? null),
  };
}

/** Writes `value` into the input a range is about (in a copy of the scenario). */
function setInput(s: Scenario, r: Range, value: number): void {
  const f = rangeField(s, r);
  if (!f) return;
  let holder: Record<string, unknown>;
  if (r.target === 'settings') holder = s.settings as unknown as Record<string, unknown>;
  else if (r.target === 'workload') holder = s.workload as unknown as Record<string, unknown>;
  else {
    const o = s.options[f.optionIndex!] as unknown as Record<string, unknown>;
    holder = f.nested ? (o[f.nested] as Record<string, unknown>) : o;
  }
  holder[r.field] = value;
}

export function tornado(s: Scenario): TornadoResult {
  const quantiles = s.uncertainty.ranges.map((r) => {
    const d = distributionOf(s, r).dist;
    return { median: clippedQuantile(d, 0.5), low: clippedQuantile(d, 0.05), high: clippedQuantile(d, 0.95) };
  });
  const atMedians = structuredCopy(s);
  s.uncertainty.ranges.forEach((r, i) => setInput(atMedians, r, quantiles[i]!.median));
  const swing = (i: number, value: number) => {
    const c = structuredCopy(atMedians);
    setInput(c, s.uncertainty.ranges[i]!, value);
    return outputs(evaluateScenario(c));
  };
  return {
    scenarioId: s.id,
    baseline: outputs(evaluateScenario(atMedians)),
    bars: s.uncertainty.ranges.map((range, i) => ({
      range,
      lowValue: quantiles[i]!.low,
      highValue: quantiles[i]!.high,
      atLow: swing(i, quantiles[i]!.low),
      atHigh: swing(i, quantiles[i]!.high),
    })),
  };
}

function structuredCopy<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
