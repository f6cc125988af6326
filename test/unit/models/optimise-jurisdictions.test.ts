// The optimiser's "providers under chosen jurisdictions" limit (issue 13, goals.jurisdictions): the
// headquarters country of each option's provider (the dependency panel's provider-jurisdiction tier).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Goals } from '../../../src/scenario/schema.ts';
import { loadScenarioText, validateScenario } from '../../../src/scenario/load.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { activeConstraints, valueOf } from '../../../workers/models/optimise/constraints.ts';
import { metricsOfEvaluation } from '../../../workers/models/optimise/measure.ts';
import { optimise } from '../../../workers/models/optimise/search.ts';
import { buy, cloud, scenario } from '../helpers.ts';

const GOALS: Goals = {
  objective: 'lowestNpv', capexBudgetCcy: null, maxMonthlyOutflowCcy: null, spendBudgetCcy: null, sitePowerKW: null, co2eCapKg: null,
  waterCapL: null, maxProviderSharePct: null, maxHhi: null, hhiTier: 'provider', countries: null, noUnmetDemand: true,
};

// Both run in France (the compute-country limit cannot tell them apart); AWS is headquartered in the
// USA, Scaleway in France (provider-jurisdictions.json). 1,000 GPU-hours a month for 12 months,
// no discounting, the provider's utilisation at 100 %: AWS alone 12 × 1,000 × 2 = 24,000; Scaleway
// alone 12 × 1,000 × 3 = 36,000.
const aws = cloud({ id: 'aws', name: 'AWS Paris', provider: 'AWS', region: 'eu-west-3', regionCountry: 'FRA', priceCcyPerGpuHour: 2, providerUtilisationPct: 100, demandSharePct: 50 });
const scw = cloud({ id: 'scw', name: 'Scaleway Paris', provider: 'Scaleway', region: 'fr-par', regionCountry: 'FRA', priceCcyPerGpuHour: 3, providerUtilisationPct: 100, demandSharePct: 50 });

function withGoals(goals: Goals, options = [aws, scw]) {
  return { ...scenario(options), goals };
}

describe('goals.jurisdictions', () => {
  it('absent or null: no limit, the same plan as before (format 9, optional)', () => {
    const none = optimise(withGoals(GOALS));
    const nul = optimise(withGoals({ ...GOALS, jurisdictions: null }));
    expect(activeConstraints(GOALS)).not.toContain('jurisdictions');
    expect(none.plan!.choice).toEqual({ buy: [], reserved: [], shares: [{ optionId: 'aws', pct: 100 }] });
    expect(none.plan!.npvCcy).toBeCloseTo(24_000, 6);
    expect(nul.plan).toEqual(none.plan);
  });

  it('removes the cheaper US-headquartered option; the plan moves to the French one and the binding sentence names it', () => {
    const r = optimise(withGoals({ ...GOALS, jurisdictions: ['FRA'] }));
    expect(r.status).toBe('ok');
    expect(r.plan!.choice.shares).toEqual([{ optionId: 'scw', pct: 100 }]);
    expect(r.plan!.npvCcy).toBeCloseTo(36_000, 6);
    const b = r.binding.find((x) => x.constraint === 'jurisdictions')!;
    // The limit costs 36,000 − 24,000 = 12,000; without it the plan would use AWS (USA).
    expect(b.priceCcy).toBeCloseTo(12_000, 6);
    expect(b.sentence.params.constraint).toBe('jurisdictions');
    expect(b.outsideOptions).toEqual([{ name: 'AWS Paris', headquarters: 'USA' }]);
    // The plan's value through the ordinary evaluation: no option outside.
    const plan = r.scenario!;
    expect(valueOf('jurisdictions', metricsOfEvaluation(plan, evaluateScenario(plan)), plan.goals!)).toBe(0);
  });

  it('an unknown headquarters is excluded and said, never assumed', () => {
    // Lambda's headquarters is not in the reference data: at 1 a GPU-hour it would be cheapest, even with USA allowed.
    const lambda = cloud({ id: 'lam', name: 'Lambda', provider: 'Lambda', regionCountry: 'USA', priceCcyPerGpuHour: 1, providerUtilisationPct: 100, demandSharePct: 0 });
    const r = optimise(withGoals({ ...GOALS, jurisdictions: ['USA', 'FRA'] }, [aws, scw, lambda]));
    expect(r.plan!.choice.shares).toEqual([{ optionId: 'aws', pct: 100 }]);
    expect(r.sentences).toContainEqual({ key: 'opt.jurisdictionUnknown', params: { options: 'Lambda', count: 1 } });
    // Only Lambda: no plan, the limit is the conflict and the unknown headquarters is said.
    const only = optimise(withGoals({ ...GOALS, jurisdictions: ['USA'] }, [{ ...lambda, demandSharePct: 100 }]));
    expect(only.status).toBe('infeasible');
    expect(only.conflicts!.closest.map((v) => v.constraint)).toEqual(['jurisdictions']);
    expect(only.sentences.map((x) => x.key)).toContain('opt.jurisdictionUnknown');
  });

  it('owned hardware is under the planner’s own country', () => {
    const owned = buy({ id: 'own', name: 'Own servers', gpuCount: 8, gridCountry: 'DEU' });
    const s = { ...scenario([owned, { ...scw, demandSharePct: 100 }], { planner: 'DEU' }), goals: { ...GOALS, noUnmetDemand: false, jurisdictions: ['FRA'] } };
    const m = metricsOfEvaluation(s, evaluateScenario(s));
    expect(m.jurisdictions).toEqual(['DEU', 'FRA']);
    expect(valueOf('jurisdictions', m, s.goals)).toBe(1);
    expect(valueOf('jurisdictions', m, { ...s.goals, jurisdictions: ['DEU', 'FRA'] })).toBe(0);
  });

  it('the schema takes ISO3 codes and refuses anything else on the field', () => {
    const base = scenario([aws, scw]);
    expect(validateScenario({ ...base, goals: { ...GOALS, jurisdictions: ['FRA', 'DEU'] } }).ok).toBe(true);
    const bad = validateScenario({ ...base, goals: { ...GOALS, jurisdictions: ['France'] } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.some((i) => i.path.join('.').startsWith('goals.jurisdictions'))).toBe(true);
    expect(validateScenario({ ...base, goals: { ...GOALS, jurisdictions: [] } }).ok).toBe(false);
  });

  it('the version-9 fixture keeps its jurisdictions; its owned servers (planner FRA) and OVHcloud (FRA) meet them', () => {
    const r = loadScenarioText(readFileSync('test/fixtures/scenarios/v9.json', 'utf8'));
    if (!r.ok) throw new Error('v9 fixture does not load');
    expect(r.scenario.goals!.jurisdictions).toEqual(['FRA']);
    const m = metricsOfEvaluation(r.scenario, evaluateScenario(r.scenario));
    expect(m.jurisdictions).toEqual(r.scenario.options.map((o) => (o.kind === 'buy' ? 'FRA' : o.kind === 'cloud' && o.provider === 'OVHcloud' ? 'FRA' : 'other')));
    expect(valueOf('jurisdictions', m, r.scenario.goals!)).toBe(0);
  });
});
