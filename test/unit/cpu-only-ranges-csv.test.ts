// footprint (issue 12): a range on an accelerator input of a CPU-only option is refused on its field,
// and the results CSV says, per option, which grid metric was used and whether the job is CPU-only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { translatorOf } from '../../src/i18n/translate.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { scenarioSchema, type Scenario } from '../../src/scenario/schema.ts';
import { resultsCsv } from '../../src/storage/csv.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';

const loaded = loadScenarioText(readFileSync('test/fixtures/scenarios/v9.json', 'utf8'));
if (!loaded.ok) throw new Error('v9 fixture does not load');
const fixture: Scenario = loaded.scenario;

function withRange(s: Scenario, field: string, low: number, high: number): unknown {
  return { ...s, uncertainty: { ...s.uncertainty, ranges: [{ target: 'option', optionId: 'cpu-1', field, low, high, shape: 'triangular' }] } };
}
function keysAt(value: unknown): Record<string, string | undefined> {
  const r = scenarioSchema.safeParse(value);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), (i as { params?: { key?: string } }).params?.key]));
}

describe('ranges on a CPU-only option', () => {
  for (const [field, low, high] of [['powerWPerGpu', 300, 700], ['embodiedKgCO2ePerGpu', 100, 200], ['busyPowerFraction', 0.5, 1]] as const) {
    it(`refuses a range on ${field}, on the range's field`, () => {
      expect(keysAt(withRange(fixture, field, low, high))['uncertainty.ranges.0.field']).toBe('rangeCpuOnly');
    });
  }
  it('the message reads in English and French', () => {
    expect(translatorOf(en)('issue.rangeCpuOnly', { field: 'powerWPerGpu' })).toContain('CPU cores only');
    expect(translatorOf(fr)('issue.rangeCpuOnly', { field: 'powerWPerGpu' })).toContain('cœurs CPU seulement');
  });
  it('still takes a range on an input the job uses (its price), and the same range without the flag is not refused for it', () => {
    expect(scenarioSchema.safeParse(withRange(fixture, 'priceCcyPerGpuHour', 0.8, 1)).success).toBe(true);
    const notCpu = { ...fixture, options: fixture.options.map((o) => (o.id === 'cpu-1' ? { ...o, footprint: { ...o.footprint!, cpuOnly: false } } : o)) } as Scenario;
    expect(keysAt(withRange(notCpu, 'powerWPerGpu', 300, 700))['uncertainty.ranges.0.field']).not.toBe('rangeCpuOnly');
  });
});

describe('results CSV: grid metric and CPU-only per option', () => {
  const r = evaluateScenario(fixture);
  const rows = (lang: 'en' | 'fr') => {
    const csv = resultsCsv(r, translatorOf(lang === 'en' ? en : fr), { lang });
    return csv.split('\r\n');
  };
  it('English: the CPU-only option on the direct factor, the owned servers on theirs, not CPU-only', () => {
    const lines = rows('en');
    const head = lines.find((l) => l.includes('Grid factor (life-cycle or direct)'))!;
    expect(head).toMatch(/Grid factor \(life-cycle or direct\),CPU cores only$/);
    const cpu = lines.find((l) => l.startsWith('"CPU-only preprocessing') || l.startsWith('CPU-only preprocessing'))!;
    expect(cpu.endsWith(',direct (combustion only),yes')).toBe(true);
    const owned = r.options.find((o) => o.id === 'buy-1')!;
    const ownedLine = lines.find((l) => l.startsWith(`"${owned.name} (alone)"`))!;
    const expected = owned.grid.fromPerson || owned.footprintBasis.gridDataYear === null ? 'your figure' : owned.footprintBasis.gridMetric === 'direct' ? 'direct (combustion only)' : owned.footprintBasis.gridMetric === 'lifeCycle' ? 'life-cycle' : 'life-cycle or direct not stated by the source';
    expect(ownedLine.endsWith(`,${expected},no`)).toBe(true);
  });
  it('French: the same columns translated', () => {
    const lines = rows('fr');
    expect(lines.some((l) => l.includes('Facteur du réseau (cycle de vie ou direct);Cœurs CPU seulement'))).toBe(true);
    expect(lines.some((l) => l.includes('CPU-only preprocessing') && l.endsWith(';direct (combustion seule);oui'))).toBe(true);
  });
});
