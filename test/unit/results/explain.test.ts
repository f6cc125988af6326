// Issue 10, path 7: the example's three answers (break-even above 128 % at the typed values,
// owning cheapest in 66 % of samples, break-even 87.9 % at the medians) come with the reason.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { fr } from '../../../src/i18n/fr.ts';
import { translatorOf } from '../../../src/i18n/translate.ts';
import { loadScenarioText } from '../../../src/scenario/load.ts';
import type { Scenario } from '../../../src/scenario/schema.ts';
import { explainDisagreements, positionIn } from '../../../src/ui/results/explain.ts';
import { explanationText } from '../../../src/ui/results/explain-text.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';
import { tornado } from '../../../workers/models/uncertainty/tornado.ts';

function example(): Scenario {
  // The mix example as the issue reported it (format v2, before the 2026 catalog regenerated the
  // examples), read through the one load path.
  const r = loadScenarioText(readFileSync('test/fixtures/scenarios/mix-example-issue10.json', 'utf8'));
  if (!r.ok) throw new Error('example does not load');
  return r.scenario;
}

function explain(s: Scenario) {
  return explainDisagreements({ result: evaluateScenario(s), scenario: s, monteCarlo: runMonteCarlo(s, { samples: 4000 }), tornado: tornado(s) });
}

describe('positionIn', () => {
  it('places a value in its range', () => {
    expect(positionIn(1.87, 1.8, 3.5)).toBe('bottom');
    expect(positionIn(3.4, 1.8, 3.5)).toBe('top');
    expect(positionIn(2.5, 1.8, 3.5)).toBe('belowMedian');
    expect(positionIn(2.8, 1.8, 3.5)).toBe('aboveMedian');
    expect(positionIn(1, 1.8, 3.5)).toBe('belowRange');
    expect(positionIn(4, 1.8, 3.5)).toBe('aboveRange');
  });
});

describe('the mix example: why the three answers differ', () => {
  const s = example();
  const e = explain(s);

  it('finds both disagreements, each traced to the Vast.ai price typed at the bottom of its range', () => {
    const cheapest = e.find((x) => x.question === 'cheapest');
    const be = e.find((x) => x.question === 'breakEven');
    expect(cheapest).toMatchObject({ typedId: 'decentralised-1', likelyId: 'buy-1' });
    expect(cheapest!.question === 'cheapest' && cheapest!.pLikely).toBeGreaterThan(0.6);
    expect(be).toMatchObject({ ownedId: 'buy-1', typedBreaksEven: false });
    if (be?.question !== 'breakEven') throw new Error('no break-even explanation');
    expect(be.typedUtilisation).toBeCloseTo(1.276, 2);
    expect(be.medianUtilisation).toBeCloseTo(0.879, 2);
    for (const x of [cheapest!, be]) {
      expect(x.driver).toMatchObject({ range: { optionId: 'decentralised-1', field: 'priceCcyPerGpuHour' }, typed: 1.87, position: 'bottom' });
      expect(x.driver!.median).toBeCloseTo(2.65, 6);
    }
  });

  it('says so in one sentence, in English and in French', () => {
    const [cheapestEn, beEn] = e.map((x) => explanationText(x, s, translatorOf(en), 'en'));
    expect(cheapestEn).toBe(
      'At your typed values H100 on Vast.ai is the cheapest per useful GPU-hour, while across the ranges 4× H100 SXM, colocated in France is cheapest in ' +
        cheapestEn!.match(/in ([\d.]+ ?%) of samples/)![1] +
        ' of samples, because your typed H100 on Vast.ai — Price per GPU-hour, US$1.87, is at the bottom of its range (US$1.80 to US$3.50, median US$2.65).',
    );
    expect(beEn).toMatch(/does not pay within the horizon \(it needs 127\.6%.*needs 87\.9% with every input at its median, because your typed H100 on Vast.ai — Price per GPU-hour, US\$1\.87, is at the bottom/);
    const beFr = explanationText(e[1]!, s, translatorOf(fr), 'fr');
    expect(beFr).toMatch(/n’est pas rentable sur l’horizon.*87,9\s%.*1,87\s\$US.*au bas de sa plage/);
    for (const text of [cheapestEn!, beEn!, beFr]) expect(text.split(/[.!?](\s|$)/).filter((x) => x.trim().length > 1)).toHaveLength(1);
  });

  it('says nothing when the typed value is the range median and the answers agree', () => {
    const c = structuredClone(s);
    c.uncertainty.ranges = c.uncertainty.ranges.filter((r) => r.field !== 'priceCcyPerGpuHour');
    expect(explain(c)).toEqual([]);
  });

  it('follows the typed value: at the top of the range the answers flip the other way', () => {
    const c = structuredClone(s);
    const vast = c.options.find((o) => o.id === 'decentralised-1')!;
    if (vast.kind !== 'decentralised') throw new Error('kind');
    vast.priceCcyPerGpuHour = 3.4;
    const x = explain(c);
    const be = x.find((y) => y.question === 'breakEven');
    // Owning pays at $3.40 but the range's median ($2.65) still makes it pay: no disagreement there.
    expect(be).toBeUndefined();
    expect(x.find((y) => y.question === 'cheapest')).toBeUndefined();
  });

  it('is silent when the Monte Carlo is of another scenario', () => {
    const r = evaluateScenario(s);
    const mc = { ...runMonteCarlo(s, { samples: 1000 }), scenarioId: 'other' };
    expect(explainDisagreements({ result: r, scenario: s, monteCarlo: mc, tornado: null })).toEqual([]);
  });
});
