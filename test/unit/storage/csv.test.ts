// Issue 16: the CSV of results holds the Monte Carlo's percentiles and odds, and is written the
// way a spreadsheet in the page's language reads it (French: semicolons and decimal commas).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { fr } from '../../../src/i18n/fr.ts';
import { messages as csvMessages } from '../../../src/i18n/areas/csv.ts';
import { translatorOf } from '../../../src/i18n/translate.ts';
import { areaTranslator } from '../../../src/i18n/area.ts';
import { loadScenarioText } from '../../../src/scenario/load.ts';
import { csvDialect, resultsCsv } from '../../../src/storage/csv.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { runMonteCarlo } from '../../../workers/models/uncertainty/montecarlo.ts';

const loaded = loadScenarioText(readFileSync('public/examples/mix-buy-cloud-decentralised.json', 'utf8'));
if (!loaded.ok) throw new Error('example does not load');
const s = loaded.scenario;
const r = evaluateScenario(s);
const mc = runMonteCarlo(s, { samples: 2000 });

/** Splits a CSV line on the delimiter outside quotes. */
function cells(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === delimiter && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

describe('results CSV', () => {
  it('English: commas between cells, dot decimals', () => {
    const csv = resultsCsv(r, translatorOf(en), { lang: 'en', monteCarlo: mc });
    const lines = csv.split('\r\n');
    expect(cells(lines[0]!, ',')[0]).toBe('Month');
    const first = cells(lines[1]!, ',');
    expect(first[0]).toBe('2027-01');
    expect(first[1]).toBe('4672');
    expect(cells(lines[0]!, ',')).toHaveLength(first.length);
    expect(csv).toContain(String(Math.round(r.mix.totals.costCcy * 1e6) / 1e6));
  });

  it('French: semicolons between cells, decimal commas, French headers', () => {
    expect(csvDialect('fr')).toEqual({ delimiter: ';', decimal: ',' });
    const csv = resultsCsv(r, translatorOf(fr), { lang: 'fr', monteCarlo: mc });
    const lines = csv.split('\r\n');
    const head = cells(lines[0]!, ';');
    const first = cells(lines[1]!, ';');
    expect(head).toHaveLength(first.length);
    expect(head[0]).toBe(csvMessages.fr['csv.month']);
    // The mix's total cost has decimals: written with a comma, never a dot.
    const total = String(Math.round(r.mix.totals.costCcy * 1e6) / 1e6);
    expect(total).toContain('.');
    expect(csv).toContain(total.replace('.', ','));
    for (const line of lines) for (const c of cells(line, ';')) expect(c).not.toMatch(/^-?\d+\.\d+$/);
  });

  it('holds the Monte Carlo percentiles and odds of each option', () => {
    for (const lang of ['en', 'fr'] as const) {
      const d = csvDialect(lang);
      const t = areaTranslator(translatorOf(lang === 'en' ? en : fr), lang, csvMessages);
      const lines = resultsCsv(r, t, { lang, monteCarlo: mc }).split('\r\n');
      const title = lines.findIndex((l) => cells(l, d.delimiter)[0] === (t('csv.mcTitle', { samples: 2000, seed: 1 })));
      expect(title).toBeGreaterThan(0);
      const head = cells(lines[title + 1]!, d.delimiter);
      expect(head).toContain(`${t('csv.mcCost', { currency: 'USD' })} P5`);
      expect(head).toContain(`${t('csv.mcCost', { currency: 'USD' })} P95`);
      expect(head.at(-2)).toBe(t('csv.mcCheapest'));
      expect(head.at(-1)).toBe(t('csv.mcBreakEven'));
      mc.options.forEach((o, i) => {
        const row = cells(lines[title + 2 + i]!, d.delimiter);
        expect(row[0]).toBe(o.name);
        expect(row).toHaveLength(head.length);
        const num = (x: string) => Number(x.replace(',', '.'));
        expect(num(row[1]!)).toBeCloseTo(o.cost.p5, 5);
        expect(num(row[2]!)).toBeCloseTo(o.cost.p50, 5);
        expect(num(row.at(-2)!)).toBeCloseTo(o.pCheapest, 6);
        expect(row.at(-1)).toBe(o.pBreakEven === null ? '' : String(o.pBreakEven).replace('.', d.decimal));
      });
    }
  });

  it('leaves the Monte Carlo out when it is of another scenario', () => {
    const csv = resultsCsv(r, translatorOf(en), { lang: 'en', monteCarlo: { ...mc, scenarioId: 'other' } });
    expect(csv).not.toContain('Monte Carlo');
    expect(resultsCsv(r, translatorOf(en), { lang: 'en' })).not.toContain('Monte Carlo');
  });
});
