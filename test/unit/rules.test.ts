// Export controls, tariffs and mineral measures as dated events (src/catalog/data/rules.json):
// the build and its refusals, statuses over time, exposure per month, the duty suggestion and
// whose law reaches the compute.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REFERENCE_DIR,
  RULES_PATH,
  buildRules,
  buildRulesFrom,
  leadingDate,
  readInputs,
  serialiseRules,
} from '../../scripts/build-rules.ts';
import {
  importDutyForPurchase,
  importDutySuggestion,
  ruleEvent,
  rules,
  statusInMonth,
  statusOn,
} from '../../src/catalog/rules.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { buy, cloud, scenario } from './helpers.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

const hasShared = existsSync(DEFAULT_REFERENCE_DIR);

function from(s: Scenario, startMonth: string, months: number): Scenario {
  return { ...s, settings: { ...s.settings, startMonth, horizonMonths: months } };
}

describe('rules.json is up to date', () => {
  it.skipIf(!hasShared)('building from ../shared/reference gives exactly the committed rules.json', () => {
    expect(serialiseRules(buildRules(DEFAULT_REFERENCE_DIR))).toBe(readFileSync(RULES_PATH, 'utf8'));
  });
  it('holds the 19 events, the AI Diffusion rule among them as rescinded history that grades nothing', () => {
    expect(rules.events).toHaveLength(19);
    const aid = ruleEvent('us-bis-2025-01-15-ai-diffusion')!;
    expect(aid.status).toBe('rescinded');
    expect(aid.effect).toBe('none');
  });
});

describe('the build refuses bad events, naming the row', () => {
  const inputs = () => structuredClone(readInputs(DEFAULT_REFERENCE_DIR)) as { exportRules: { events: Record<string, unknown>[] } } & ReturnType<typeof readInputs>;
  it.skipIf(!hasShared)('an effective date after the end date', () => {
    const i = inputs();
    const row = i.exportRules.events.findIndex((e) => e.id === 'us-bis-2025-01-15-ai-diffusion');
    i.exportRules.events[row]!.effective = '2025-06-01';
    expect(() => buildRulesFrom(i)).toThrow(`export-rules.json events[${row}] "us-bis-2025-01-15-ai-diffusion": effective 2025-06-01 is after endDate 2025-05-13`);
  });
  it.skipIf(!hasShared)('a suspension that ends before it starts', () => {
    const i = inputs();
    const row = i.exportRules.events.findIndex((e) => e.id === 'us-bis-2025-09-29-affiliates-rule');
    i.exportRules.events[row]!.suspended = { from: '2026-11-09', to: '2025-11-10' };
    expect(() => buildRulesFrom(i)).toThrow(/events\[\d+\] "us-bis-2025-09-29-affiliates-rule": suspended.from 2026-11-09 is after suspended.to 2025-11-10/);
  });
  it.skipIf(!hasShared)('a date that is not a date, and an unknown status', () => {
    const i = inputs();
    i.exportRules.events[0]!.effective = 'soon';
    i.exportRules.events[1]!.statusAsOf20261201 = 'maybe';
    expect(() => buildRulesFrom(i)).toThrow(/events\[0\] "us-bis-2023-10-17-advanced-computing": effective "soon" does not start with a date/);
    expect(() => buildRulesFrom(i)).toThrow(/events\[1\] "us-bis-2025-01-15-ai-diffusion": status "maybe"/);
  });
  it.skipIf(!hasShared)('a headquarters country without a source', () => {
    const i = inputs();
    (i.jurisdictions as { providers: { id: string; headquarters: string | null }[] }).providers.find((p) => p.id === 'lambda')!.headquarters = 'USA';
    expect(() => buildRulesFrom(i)).toThrow(/"lambda": a headquarters country needs a source/);
  });
  it('reads the dates the reference writes', () => {
    expect(leadingDate('2026-01-15T00:01 ET')).toMatchObject({ day: '2026-01-15', precision: 'day' });
    expect(leadingDate('by 2025-08-08 (a US official said…)')).toMatchObject({ day: '2025-08-08', precision: 'day' });
    expect(leadingDate('2026-05 (mid)')).toMatchObject({ day: '2026-05-01', precision: 'month' });
    expect(leadingDate('2026-13-01')).toBeNull();
    expect(leadingDate('soon')).toBeNull();
  });
});

describe('status of an event over time', () => {
  const affiliates = ruleEvent('us-bis-2025-09-29-affiliates-rule')!;
  it('the Affiliates Rule: in force, suspended, then unknown after its suspension ended (2026-11-09)', () => {
    expect(statusOn(affiliates, '2025-09-29')).toBe('notYet');
    expect(statusOn(affiliates, '2025-10-15')).toBe('inForce');
    expect(statusOn(affiliates, '2025-11-10')).toBe('suspended');
    expect(statusOn(affiliates, '2026-11-09')).toBe('suspended');
    // Never assumed reinstated nor lapsed.
    expect(statusOn(affiliates, '2026-11-10')).toBe('unknown');
    // A month counts as in force if the rule is in force on any day of it.
    expect(statusInMonth(affiliates, '2025-11')).toBe('inForce');
    expect(statusInMonth(affiliates, '2026-11')).toBe('unknown');
  });
  it('an announcement is never in force', () => {
    expect(statusInMonth(ruleEvent('us-2025-12-08-h200-announcement')!, '2026-03')).toBe('never');
  });
});

describe('exposure per month of the horizon', () => {
  it('before and after an effective date: Huawei Ascend for a French planner, across the guidance of 13 May 2025', () => {
    const s = from(scenario([buy({ acceleratorId: 'huawei-ascend-910b', throughputVsReference: 0.3, gridCountry: 'FRA' })]), '2025-03', 5);
    const e = evaluateScenario(s).dependency.exportControls[0]!;
    expect(e.months.map((m) => [m.month, m.level])).toEqual([
      ['2025-03', 'low'],
      ['2025-04', 'low'],
      ['2025-05', 'high'],
      ['2025-06', 'high'],
      ['2025-07', 'high'],
    ]);
    expect(e.months[2]!.eventIds).toEqual(['us-bis-2025-05-13-rescission-and-guidance']);
    expect(e.segments.map((x) => [x.from, x.to, x.sentence.key])).toEqual([
      ['2025-03', '2025-04', 'export.ev.noneInForce'],
      ['2025-05', '2025-07', 'export.ev.foreignChip'],
    ]);
  });

  it('a planner in China buying H200s: licence (high), then case-by-case review from 15 January 2026 with China’s customs block, whose status is unknown after 17 January 2026', () => {
    const s = from(scenario([buy({ acceleratorId: 'nvidia-h200', gridCountry: 'CHN' })], { planner: 'CHN' }), '2025-12', 3);
    const d = evaluateScenario(s).dependency;
    const e = d.exportControls[0]!;
    expect(e.months.map((m) => [m.month, m.level, m.key])).toEqual([
      ['2025-12', 'high', 'export.ev.licenceHq'],
      // The customs block is in force in January: high.
      ['2026-01', 'high', 'export.ev.importBlock'],
      // Then case-by-case review (medium); the block's status is unknown, not assumed.
      ['2026-02', 'medium', 'export.ev.caseByCase'],
    ]);
    const block = d.ruleTimeline.perMonth[2]!.events.find((x) => x.eventId === 'cn-2026-01-h200-customs-block')!;
    expect(block.status).toBe('unknown');
    const change = d.ruleTimeline.changes.find((c) => c.eventId === 'cn-2026-01-h200-customs-block' && c.to === 'unknown')!;
    expect(change).toMatchObject({ day: '2026-01-18', month: '2026-01', monthIndex: 1, unknownAfter: '2026-01-17', touches: ['buy'] });
    expect(d.ruleTimeline.changes.find((c) => c.eventId === 'us-bis-2026-01-15-h200-case-by-case')).toMatchObject({ day: '2026-01-15', from: 'notYet', to: 'inForce' });
  });

  it('after a suspension ends: China’s gallium, germanium and antimony ban to the US — in force, suspended, then unknown after 27 November 2026', () => {
    const s = from(scenario([cloud()], { planner: 'USA' }), '2025-10', 15);
    const tl = evaluateScenario(s).dependency.ruleTimeline;
    const ban = (m: number) => tl.perMonth[m]!.events.find((x) => x.eventId === 'cn-mofcom-2024-46-us-dual-use-ban');
    expect(ban(0)).toMatchObject({ status: 'inForce', touches: ['planner'] });
    expect(ban(2)).toMatchObject({ status: 'suspended' }); // 2025-12
    expect(ban(14)).toMatchObject({ status: 'unknown' }); // 2026-12
    const changes = tl.changes.filter((c) => c.eventId === 'cn-mofcom-2024-46-us-dual-use-ban');
    expect(changes.map((c) => [c.day, c.from, c.to, c.unknownAfter])).toEqual([
      ['2025-11-09', 'inForce', 'suspended', null],
      ['2026-11-28', 'suspended', 'unknown', '2026-11-27'],
    ]);
    // A French planner is not named by that ban.
    const fr = evaluateScenario(from(scenario([cloud()]), '2025-10', 3)).dependency.ruleTimeline;
    expect(fr.perMonth[0]!.events.find((x) => x.eventId === 'cn-mofcom-2024-46-us-dual-use-ban')!.touches).toEqual([]);
  });

  it('the rescinded AI Diffusion rule grades nothing, even in the months it was in force', () => {
    const s = from(scenario([buy({ gridCountry: 'MAR' })], { planner: 'MAR' }), '2025-02', 3);
    const e = evaluateScenario(s).dependency.exportControls[0]!;
    expect(e.months.every((m) => !m.eventIds.includes('us-bis-2025-01-15-ai-diffusion'))).toBe(true);
    expect(e.months.map((m) => m.level)).toEqual(['unknown', 'unknown', 'unknown']);
  });

  it('a US planner using compute in the US is not exposed to US export licences', () => {
    const e = evaluateScenario(scenario([cloud()], { planner: 'USA' })).dependency.exportControls[0]!;
    expect(e.level).toBe('low');
    expect(e.segments[0]!.sentence.key).toBe('export.ev.domestic');
  });
});

describe('tariffs into cost: the import-duty suggestion', () => {
  it('the Section 232 tariff reaches an H200 bought into the US from February 2026: 25 %, cited, with its exemptions', () => {
    const d = importDutySuggestion({ acceleratorId: 'nvidia-h200', importCountry: 'USA', month: '2026-02' })!;
    expect(d).toMatchObject({ value: 25, reason: 'applies', eventId: 'us-proc-2026-01-14-sec232-semiconductors', status: 'inForce' });
    expect(d.exemptions).toContain('US data centres');
    expect(d.exemptions).toContain('start-ups');
    expect(d.cited.sources).toContain('mti_csms');
    expect(d.sourceList.map((x) => x.key)).toContain('mti_csms');
    // H200: TPP 15,832 in (14,000; 17,500) and 4,800 GB/s in (4,500; 5,000): band A.
    expect(d.derivation).toContain('4800 GB/s');
  });
  it('the MI325X falls in band B; the H100 (3,350 GB/s) in neither; the GH200’s published range straddles band A', () => {
    expect(importDutySuggestion({ acceleratorId: 'amd-mi325x', importCountry: 'USA', month: '2026-06' })?.value).toBe(25);
    expect(importDutySuggestion({ acceleratorId: 'nvidia-h100-sxm', importCountry: 'USA', month: '2026-06' })).toBeNull();
    expect(importDutySuggestion({ acceleratorId: 'nvidia-gh200', importCountry: 'USA', month: '2026-06' })).toMatchObject({ value: null, reason: 'bandUnknown' });
  });
  it('not before it took effect, and not into another country', () => {
    expect(importDutySuggestion({ acceleratorId: 'nvidia-h200', importCountry: 'USA', month: '2025-12' })).toBeNull();
    expect(importDutySuggestion({ acceleratorId: 'nvidia-h200', importCountry: 'FRA', month: '2026-06' })).toBeNull();
  });
  it('reaches a purchase through its order month, and the evaluation shows it on the option', () => {
    const o = buy({ acceleratorId: 'nvidia-h200', gridCountry: 'USA', orderMonth: 2 });
    // Start 2025-12: order month 2 is 2026-02.
    expect(importDutyForPurchase(o, { startMonth: '2025-12', plannerCountry: 'USA' })?.value).toBe(25);
    expect(importDutyForPurchase(o, { startMonth: '2025-10', plannerCountry: 'USA' })).toBeNull();
    const d = evaluateScenario(from(scenario([o], { planner: 'USA' }), '2025-12', 6)).dependency;
    expect(d.exportControls[0]!.duty?.value).toBe(25);
    expect(d.ruleTimeline.perMonth[2]!.events.find((x) => x.eventId === 'us-proc-2026-01-14-sec232-semiconductors')!.touches).toEqual(['buy']);
  });
});

describe('whose law reaches the compute', () => {
  it('AWS in France for a French planner: headquartered in the US (CLOUD Act); OVHcloud: same country, SecNumCloud stated for one offer', () => {
    const s = scenario([
      cloud({ id: 'aws', provider: 'AWS', regionCountry: 'FRA', demandSharePct: 50 }),
      cloud({ id: 'ovh', provider: 'OVHcloud', regionCountry: 'FRA', demandSharePct: 50 }),
    ]);
    const d = evaluateScenario(s).dependency;
    expect(d.jurisdiction[0]).toMatchObject({ providerId: 'aws', headquarters: 'USA', computeCountry: 'FRA', differs: true, sentence: { key: 'juris.differsUS' } });
    expect(d.jurisdiction[0]!.sourceList[0]!.seen).toBe('2026-12-01');
    expect(d.jurisdiction[1]).toMatchObject({ providerId: 'ovhcloud', headquarters: 'FRA', differs: false, sentence: { key: 'juris.same' } });
    expect(d.jurisdiction[1]!.qualifications.map((q) => q.name)).toEqual(['SecNumCloud']);
    // Equal spend under two jurisdictions: HHI 50² + 50² = 5,000.
    const tier = d.portfolio.find((t) => t.tier === 'providerJurisdiction')!;
    expect(tier.hhi).toBeCloseTo(5_000, 6);
    expect(tier.shares.map((x) => x.name).sort()).toEqual(['FRA', 'USA']);
  });
  it('a provider without a sourced headquarters is unknown, never guessed; owned hardware is under the planner’s own law', () => {
    const d = evaluateScenario(scenario([cloud({ provider: 'Lambda', regionCountry: 'FRA' }), buy({ gridCountry: 'FRA' })])).dependency;
    expect(d.jurisdiction[0]).toMatchObject({ headquarters: null, differs: null, sentence: { key: 'juris.unknown' } });
    expect(d.jurisdiction[1]).toMatchObject({ providerId: 'owned', headquarters: 'FRA', differs: false, sentence: { key: 'juris.owned' } });
  });
});
