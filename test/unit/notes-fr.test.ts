// Catalog notes on the French page (issue 16): every note and date the editor shows beside a
// catalog figure — for every example and every first-visit plan — has a French text in
// scripts/catalog-data/notes-fr.json, with the same digits as the English.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import table from '../../scripts/catalog-data/notes-fr.json' with { type: 'json' };
import { frenchNote, makeTranslator } from '../../src/catalog/notes-fr.ts';
import { rules } from '../../src/catalog/rules.ts';
import { catalog } from '../../src/catalog/index.ts';
import { FIELDS } from '../../src/scenario/fields.ts';
import { firstScenario, PRIORITIES } from '../../src/scenario/first-scenario.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { suggestExchangeRate, suggestField, suggestRange } from '../../src/scenario/suggest.ts';

const digits = (s: string) => s.replace(/\D/g, '');

/** What the editor shows beside each catalog figure: the suggestion's lead and its source's date. */
function shownNotes(): Set<string> {
  const scenarios: Scenario[] = readdirSync('public/examples')
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(`public/examples/${f}`, 'utf8')) as Scenario);
  for (const workload of ['gpuHours', 'training', 'inference'] as const)
    for (const priority of PRIORITIES)
      for (const plannerCountry of ['FRA', 'MAR', 'USA'])
        scenarios.push(firstScenario({ workload, horizonMonths: 36, plannerCountry, currency: 'USD', priority }, new Date(), { scenario: 's', buy: () => 'b', cloud: () => 'c', decentralised: () => 'd' }));
  const out = new Set<string>();
  for (const s of scenarios)
    for (const o of s.options)
      for (const field of Object.keys(FIELDS)) {
        for (const g of [suggestField(o, field, { settings: s.settings }), suggestRange(o, field, { settings: s.settings })]) {
          if (!g) continue;
          if (g.derivation) out.add(g.derivation);
          out.add(g.cited.date);
        }
      }
  // The catalog's own figures beside a field (src/ui/editor/catalog-values.ts): power units, server items, grid years.
  for (const a of catalog.accelerators) if (a.tdpW) out.add(a.tdpW.unit ?? 'W');
  for (const e of catalog.embodiedServers) out.add(e.item);
  for (const c of catalog.countries) if (c.gridDataYear) out.add(`data year ${c.gridDataYear}`);
  out.add('989 ÷ 989 TFLOPS BF16');
  for (const ccy of ['EUR', 'MAD']) out.add(suggestExchangeRate(ccy)!.derivation!);
  return out;
}

describe('catalog notes in French', () => {
  const notes = [...shownNotes()];

  it('every note and date shown with the examples and the first-visit plans has a French text', () => {
    expect(notes.length).toBeGreaterThan(40);
    expect(notes.filter((n) => frenchNote(n).english)).toEqual([]);
  });

  it('keeps every digit of the English (the table and every note shown)', () => {
    for (const [en, fr] of Object.entries(table.exact)) expect(digits(fr), en).toBe(digits(en));
    for (const p of table.patterns) expect(digits(p.fr), p.en).toBe(digits(p.en));
    for (const n of notes) expect(digits(frenchNote(n).text), n).toBe(digits(n));
  });

  it('writes numbers the French way and says when a note has no French text', () => {
    expect(frenchNote('35,040 h ÷ 8,760 h').text).toBe('35\u202f040 h ÷ 8\u202f760 h');
    expect(frenchNote('median of 2 current offers (all places); the source shown is the median offer\'s').text).toBe("médiane de 2 offres actuelles (tous lieux) ; la source affichée est celle de l'offre médiane");
    expect(frenchNote('lowest and highest of 8 published figures for Sweden').text).toBe('plus basse et plus haute de 8 valeurs publiées pour Suède');
    expect(frenchNote('daily, 2026-07-21').text).toBe('quotidien, 2026-07-21');
    // A provider's row without a region, placed by its other regions (a Verda H100 price).
    expect(frenchNote("not stated; region not stated (the provider's other listed regions are in FIN); median of 2 current offers (Europe)").text).toBe('non précisé ; région non précisée (les autres régions listées du fournisseur sont en FIN) ; médiane de 2 offres actuelles (Europe)');
    expect(frenchNote('a note nobody translated')).toEqual({ text: 'a note nobody translated', english: true });
    expect(makeTranslator({ exact: {}, patterns: [] })('2025-09-08')).toEqual({ text: '2025-09-08', english: false });
  });
});

describe('the dependency panel in French (issue 16)', () => {
  // What the provider-jurisdiction list shows beside each option: its sources' descriptions and the
  // scope of each sovereignty qualification a source states.
  const shown = new Set<string>();
  for (const p of rules.providers) {
    for (const k of p.sources) shown.add(rules.sources[k]!.what);
    for (const q of p.qualifications) {
      shown.add(q.scope);
      for (const k of q.sources) shown.add(rules.sources[k]!.what);
    }
  }

  it('every source description and qualification scope has a French text with the same digits', () => {
    expect(shown.size).toBeGreaterThan(10);
    for (const text of shown) {
      const fr = frenchNote(text);
      expect(fr.english, text).toBe(false);
      expect(fr.text, text).not.toBe(text);
      expect(digits(fr.text), text).toBe(digits(text));
    }
  });
});
