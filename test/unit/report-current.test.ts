// The report of the open scenario: the document's name and inputs, the evaluation's figures — and
// no figures while the evaluation is of other inputs (a rename re-runs no model, a numeric edit does).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, validateScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { currentEvaluated, sameModelInputs } from '../../src/ui/report/current.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';

const raw = JSON.parse(readFileSync('public/examples/mix-buy-cloud-decentralised.json', 'utf8')) as Scenario;

function validated(s: Scenario): Scenario {
  const v = validateScenario(structuredClone(s));
  if (!v.ok) throw new Error('example does not validate');
  return v.scenario;
}

describe('the report of the open scenario', () => {
  const evaluated = validated(raw);
  const result = evaluateScenario(evaluated);

  it('the shipped example (the page opens it as is) has the same inputs as its validated copy, as the evaluator returns it', () => {
    expect(sameModelInputs(raw, evaluated)).toBe(true);
    const r = loadScenarioText(readFileSync('test/fixtures/scenarios/mix-example-issue10.json', 'utf8'));
    if (!r.ok) throw new Error('fixture does not load');
    expect(sameModelInputs(r.scenario, validated(r.scenario))).toBe(true);
  });

  it('a renamed scenario keeps its figures and shows its new name and notes', () => {
    const doc = { ...structuredClone(raw), name: 'Board plan', notes: 'For the board', updatedAt: '2026-12-01T20:00:00.000Z' };
    const e = currentEvaluated(doc, evaluated, result, false);
    expect(e?.scenario.name).toBe('Board plan');
    expect(e?.scenario.notes).toBe('For the board');
    expect(e?.result).toBe(result);
  });

  it('the same inputs in another key order are the same inputs', () => {
    const reordered = Object.fromEntries(Object.entries(structuredClone(raw)).reverse()) as Scenario;
    expect(currentEvaluated(reordered, evaluated, result, false)).not.toBeNull();
  });

  it('shows no figures once an input differs from what was evaluated, nor when the evaluation is out of date or missing', () => {
    const doc = structuredClone(raw);
    doc.settings.horizonMonths += 1;
    expect(sameModelInputs(doc, evaluated)).toBe(false);
    expect(currentEvaluated(doc, evaluated, result, false)).toBeNull();
    const other = { ...structuredClone(raw), id: 'another-scenario' };
    expect(currentEvaluated(other, evaluated, result, false)).toBeNull();
    expect(currentEvaluated(structuredClone(raw), evaluated, result, true)).toBeNull();
    expect(currentEvaluated(structuredClone(raw), null, null, false)).toBeNull();
  });
});
