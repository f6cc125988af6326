// A tariff event reaching the import duty default of a purchase (issue 13 "Tariffs into cost"):
// the Section 232 proclamation of 2026-01-14 (25 %, in force from 2026-01-15, imports into the
// USA, two TPP × DRAM-bandwidth bands; ../shared/reference/export-rules.json) on an H200 bought
// into the USA, cited, with its exemptions; the same purchase before the event and into France
// has no default.
import { describe, expect, it } from 'vitest';
import * as rules from '../../src/catalog/rules.ts';
import { applyDutyDefault, dutyDefault } from '../../src/scenario/duty-default.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { buy, scenario } from './helpers.ts';

const SEC232 = 'us-proc-2026-01-14-sec232-semiconductors';
const usa = { startMonth: '2026-03', plannerCountry: 'USA' };

describe('import duty default from a tariff event', () => {
  it('an H200 bought into the USA after 2026-01-15 gets 25 %, citing the event and listing its exemptions', () => {
    const d = dutyDefault(rules, buy({ acceleratorId: 'nvidia-h200', orderMonth: 0 }), usa);
    expect(d.duty?.eventId).toBe(SEC232);
    expect(d.suggestion?.value).toBe(25); // tariffRate 0.25 × 100
    expect(d.suggestion?.cited.sources).toEqual(rules.ruleEvent(SEC232)!.sources);
    // The rule's source resolves (its key is not one of the catalog's): the note falls back to it.
    expect(d.suggestion?.source?.title).toBe(rules.ruleSource(rules.ruleEvent(SEC232)!.sources[0]!)!.what);
    expect(d.duty?.exemptions).toContain('US data centres');
    expect(d.suggestion?.derivation).toMatch(/^25 % .*NVIDIA H200.*imported into USA/);
  });

  it('no default before the event is in force, or into a country it does not name', () => {
    // Ordered in December 2025 (start 2025-12, order month 0): not yet in force.
    expect(dutyDefault(rules, buy({ acceleratorId: 'nvidia-h200', orderMonth: 0 }), { startMonth: '2025-12', plannerCountry: 'USA' }).suggestion).toBeNull();
    // Ordered two months after a December 2025 start: February 2026, in force.
    expect(dutyDefault(rules, buy({ acceleratorId: 'nvidia-h200', orderMonth: 2 }), { startMonth: '2025-12', plannerCountry: 'USA' }).suggestion?.value).toBe(25);
    expect(dutyDefault(rules, buy({ acceleratorId: 'nvidia-h200' }), { ...usa, plannerCountry: 'FRA' })).toEqual({ suggestion: null, duty: null });
  });

  it('a chip whose band cannot be told has the event but no value: the duty is the person’s', () => {
    const d = dutyDefault(rules, buy({ acceleratorId: 'nvidia-l4' }), usa);
    expect(d.duty?.reason).toBe('bandUnknown');
    expect(d.suggestion).toBeNull();
  });

  it('applied to a new purchase, the duty reaches its cost; set to 0 (an exempt use), it does not', () => {
    const s0 = scenario([buy({ acceleratorId: 'nvidia-h200', gpuCount: 8, unitPriceCcyPerGpu: 10_000, serverAndNetworkCcy: 0 })], { planner: 'USA' });
    s0.settings = { ...s0.settings, startMonth: usa.startMonth };
    const zero = evaluateScenario(structuredClone(s0));
    const o = s0.options[0]!;
    if (o.kind !== 'buy') throw new Error('a purchase');
    applyDutyDefault(rules, o, usa);
    expect(o.importDutyPct).toBe(25);
    const dutied = evaluateScenario(s0);
    // Duty on the customs value of 8 × 10,000 = 80,000 at 25 % = 20,000 more capex (VAT recoverable).
    const capex = (r: typeof zero) => r.options[0]!.alone.totals.byCategory.capex;
    expect(capex(dutied) - capex(zero)).toBeCloseTo(20_000, 6);
  });
});
