// The first visit's start (issue 16): four answers build a valid scenario from the catalog's
// suggestions — the same figures a new option gets in the editor, nothing of its own.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../workers/api.ts';
import { DEFAULT_SETTINGS, exampleWorkload, newBuyOption, newCloudOption, newDecentralisedOption } from '../../src/scenario/defaults.ts';
import { currencyOfCountry, firstScenario, PRIORITIES, type FirstAnswers } from '../../src/scenario/first-scenario.ts';
import { withShippedRate } from '../../src/scenario/suggest.ts';
const WORKLOAD_KINDS = ['gpuHours', 'training', 'inference'] as const;

const names = { scenario: 'My first plan', buy: (n: number) => `Buy ${n}`, cloud: (p: string) => `Rent (${p})`, decentralised: (m: string) => `Market (${m})` };
const base: FirstAnswers = { workload: 'gpuHours', horizonMonths: 36, plannerCountry: 'FRA', currency: 'EUR', priority: 'cost' };
const now = new Date('2026-12-01T00:00:00Z');

describe('the first scenario', () => {
  for (const workload of WORKLOAD_KINDS)
    for (const priority of PRIORITIES)
      it(`${workload}, ${priority}: validates and evaluates with every option served`, () => {
        const s = firstScenario({ ...base, workload, priority }, now, names);
        const r = evaluate(s);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.result.options.length).toBe(s.options.length);
        expect(s.options.reduce((sum, o) => sum + (o.kind === 'buy' ? 0 : o.demandSharePct), 0)).toBe(100);
      });

  it('takes the answers: horizon, country, currency at the shipped rate', () => {
    const s = firstScenario({ ...base, horizonMonths: 24, plannerCountry: 'MAR', currency: 'MAD' }, now, names);
    expect(s.settings).toEqual(withShippedRate({ ...DEFAULT_SETTINGS, horizonMonths: 24, plannerCountry: 'MAR', currency: 'MAD', usdPerCurrencyUnit: null, exchangeRateDate: null }));
    expect(s.settings.usdPerCurrencyUnit).not.toBeNull();
    expect(s.name).toBe('My first plan');
  });

  it('uses the editor’s example of scale for the workload (a training deadline within the horizon)', () => {
    expect(firstScenario({ ...base, workload: 'training', horizonMonths: 3 }, now, names).workload).toEqual(exampleWorkload('training', 'nvidia-h100-sxm', 3));
    expect(firstScenario({ ...base, workload: 'training', horizonMonths: 3 }, now, names).workload).toMatchObject({ deadlineMonths: 3 });
  });

  it('prefills each option exactly as the editor’s "add an option" does (catalog medians)', () => {
    const s = firstScenario(base, now, names);
    const ctx = { settings: s.settings };
    const [buy, cloud, market] = s.options;
    const strip = (o: object) => ({ ...o, name: '', demandSharePct: 0 });
    expect(strip(buy!)).toEqual(strip(newBuyOption(ctx, [])));
    expect(strip(cloud!)).toEqual(strip(newCloudOption(ctx, ['buy-1'])));
    expect(strip(market!)).toEqual(strip(newDecentralisedOption(ctx, ['buy-1', 'cloud-1'])));
    expect(cloud!.name).toBe(`Rent (${cloud!.kind === 'cloud' ? cloud!.provider : ''})`);
  });

  it('cost compares the three ways; footprint and sovereignty keep compute near the planner (no market)', () => {
    expect(firstScenario(base, now, names).options.map((o) => o.kind)).toEqual(['buy', 'cloud', 'decentralised']);
    for (const priority of ['footprint', 'sovereignty'] as const) {
      const s = firstScenario({ ...base, priority }, now, names);
      expect(s.options.map((o) => o.kind)).toEqual(['buy', 'cloud']);
      expect(s.options[0]!.kind === 'buy' && s.options[0]!.gridCountry).toBe('FRA');
    }
  });

  it('suggests the currency of the country', () => {
    expect(currencyOfCountry('FRA')).toBe('EUR');
    expect(currencyOfCountry('BGR')).toBe('EUR');
    expect(currencyOfCountry('MAR')).toBe('MAD');
    expect(currencyOfCountry('USA')).toBe('USD');
    expect(currencyOfCountry('GBR')).toBe('USD');
  });
});

import { isFirstVisit } from '../../src/state/first-visit.ts';
describe('what a first visit is', () => {
  const empty = { savedCount: 0, setAsideCount: 0, linkInAddress: false, done: false };
  it('an empty device with no link, where the start was never built nor dismissed', () => {
    expect(isFirstVisit(empty)).toBe(true);
  });
  it('never with a saved library, a set-aside row, a share link or a start already done', () => {
    expect(isFirstVisit({ ...empty, savedCount: 1 })).toBe(false);
    expect(isFirstVisit({ ...empty, setAsideCount: 1 })).toBe(false);
    expect(isFirstVisit({ ...empty, linkInAddress: true })).toBe(false);
    expect(isFirstVisit({ ...empty, done: true })).toBe(false);
  });
});
