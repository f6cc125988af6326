// Pooling (issue 15): the CSV of a pooled scenario holds, per member, its cost in the pool, alone,
// the saving and its footprint; the pool's utilisation with and without pooling; and the pool's
// Monte Carlo per member when one is at hand. A scenario without a pool has no pool section.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/i18n/en.ts';
import { fr } from '../../../src/i18n/fr.ts';
import { messages as csvMessages } from '../../../src/i18n/areas/csv.ts';
import { translatorOf } from '../../../src/i18n/translate.ts';
import { loadScenarioText } from '../../../src/scenario/load.ts';
import { resultsCsv } from '../../../src/storage/csv.ts';
import { evaluatePlanning } from '../../../workers/models/pool.ts';
import { runPoolMonteCarlo } from '../../../workers/models/uncertainty/pool-montecarlo.ts';

function load(path: string) {
  const r = loadScenarioText(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path} does not load`);
  return r.scenario;
}
const s = load('public/examples/ma-pool-casablanca.json');
const r = evaluatePlanning(s);
const num = (c: string, decimal: string) => Number(c.replace(decimal, '.'));
/** Splits a CSV line on the delimiter outside quotes. */
function cells(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

describe('results CSV of a pool', () => {
  for (const [lang, dict, delimiter, decimal] of [['en', en, ',', '.'], ['fr', fr, ';', ',']] as const) {
    it(`${lang}: a row per member with its cost in the pool, alone, the saving and its footprint; the utilisations`, () => {
      const m = csvMessages[lang];
      const lines = resultsCsv(r, translatorOf(dict), { lang }).split('\r\n');
      const title = lines.findIndex((l) => cells(l, delimiter)[0] === m['csv.poolTitle']);
      expect(title).toBeGreaterThan(0);
      const head = cells(lines[title + 1]!, delimiter);
      const col = (key: keyof typeof m) => head.findIndex((h) => h.startsWith(m[key].split(' (')[0]!));
      for (const key of ['csv.poolInPool', 'csv.poolAlone', 'csv.poolSaving', 'csv.poolKg'] as const) expect(col(key), key).toBeGreaterThan(0);
      r.pool!.members.forEach((member, j) => {
        const c = cells(lines[title + 2 + j]!, delimiter);
        expect(c[0]).toBe(member.name);
        expect(num(c[col('csv.poolInPool')]!, decimal)).toBeCloseTo(member.inPoolCcy, 4);
        expect(num(c[col('csv.poolAlone')]!, decimal)).toBeCloseTo(member.aloneCcy, 4);
        expect(num(c[col('csv.poolSaving')]!, decimal)).toBeCloseTo(member.savingCcy, 4);
        expect(num(c[col('csv.poolKg')]!, decimal)).toBeCloseTo(member.inPoolKgCO2e, 4);
      });
      const util = (key: 'csv.poolUtilPooled' | 'csv.poolUtilAlone') => cells(lines.find((l) => cells(l, delimiter)[0] === m[key])!, delimiter)[1]!;
      expect(num(util('csv.poolUtilPooled'), decimal)).toBeCloseTo(r.pool!.utilisationPooled!, 5);
      expect(num(util('csv.poolUtilAlone'), decimal)).toBeCloseTo(r.pool!.utilisationAlone!, 5);
      expect(r.pool!.utilisationPooled!).toBeGreaterThan(r.pool!.utilisationAlone!);
    });
  }

  it('holds the pool’s Monte Carlo per member (P5, P50, P95 in the pool, alone, saving)', () => {
    const mc = runPoolMonteCarlo(s, { samples: 30 })!;
    const lines = resultsCsv(r, translatorOf(en), { lang: 'en', poolMonteCarlo: mc }).split('\r\n');
    const title = lines.findIndex((l) => cells(l, ',')[0] === `Pool Monte Carlo: 30 samples, seed ${mc.seed}`);
    expect(title).toBeGreaterThan(0);
    expect(lines[title + 1]).toContain(`Cost in the pool (${r.currency}) P5`);
    const first = cells(lines[title + 2]!, ',');
    expect(first[0]).toBe(mc.members[0]!.name);
    expect(Number(first[1])).toBeCloseTo(mc.members[0]!.inPoolCcy.p5, 4);
    expect(Number(first[3])).toBeCloseTo(mc.members[0]!.inPoolCcy.p95, 4);
  });

  it('a scenario without a pool has no pool section', () => {
    const one = load('public/examples/mix-buy-cloud-decentralised.json');
    const csv = resultsCsv(evaluatePlanning(one), translatorOf(en), { lang: 'en' });
    expect(csv).not.toContain(csvMessages.en['csv.poolTitle']);
  });
});
