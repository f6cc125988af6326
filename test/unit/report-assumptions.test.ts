import { beforeAll, describe, expect, it } from 'vitest';
import example from '../../public/examples/mix-buy-cloud-decentralised.json' with { type: 'json' };
import { loadSources } from '../../src/catalog/sources.ts';
import { en } from '../../src/i18n/en.ts';
import { translatorOf } from '../../src/i18n/translate.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { assumptionRows, citedSources } from '../../src/ui/report/assumptions.ts';

// The catalog's sources load with the report (their own chunk): as the page does.
beforeAll(() => loadSources());

const s = example as unknown as Scenario;
const t = translatorOf(en);

function leafCount(o: object): number {
  return Object.entries(o).reduce((n, [k, v]) => n + (k === 'id' || k === 'name' ? 0 : v !== null && typeof v === 'object' && !Array.isArray(v) ? leafCount(v) : 1), 0);
}

describe('the report’s assumptions', () => {
  const rows = assumptionRows(s, t, 'en', '2026-12-01');

  it('list every input of the scenario, each with a label in words', () => {
    const expected = leafCount(s.settings) + leafCount(s.workload) + s.options.reduce((n, o) => n + leafCount(o), 0) + 2 + s.uncertainty.ranges.length;
    expect(rows).toHaveLength(expected);
    for (const r of rows) expect(r.label).not.toMatch(/^[a-z]+[A-Z]/);
  });

  it('say where an empty field’s figure comes from, with its source and date', () => {
    const fromCatalog = rows.filter((r) => r.origin === 'catalog');
    expect(fromCatalog.length).toBeGreaterThan(0);
    for (const r of fromCatalog) {
      expect(r.citation?.sources.length).toBeGreaterThan(0);
      expect(r.citation?.date.length).toBeGreaterThan(0);
    }
    const sources = citedSources(rows);
    expect(sources.length).toBeGreaterThan(0);
    for (const x of sources) expect(x.title.length).toBeGreaterThan(0);
  });

  it('flag a figure dated more than 12 months before today as possibly stale', () => {
    const dated = (today: string) => assumptionRows(s, t, 'en', today).filter((r) => r.citation && /\d{4}/.test(r.citation.date));
    expect(dated('2040-01-01').length).toBeGreaterThan(0);
    expect(dated('2040-01-01').every((r) => r.citation!.stale)).toBe(true);
    expect(dated('2026-09-01').some((r) => !r.citation!.stale)).toBe(true);
  });
});
