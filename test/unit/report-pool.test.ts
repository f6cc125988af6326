// pool (issue 15): the report of a pooled scenario lists each member's cost alone and in the pool, its
// saving and footprint, the pool's utilisation pooled and alone; with the pool's Monte Carlo, the
// 5th to 95th percentiles beside each figure. A scenario without a pool has no such table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { areaTranslator } from '../../src/i18n/area.ts';
import { messages } from '../../src/i18n/areas/report.ts';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { formatMoney } from '../../src/i18n/format.ts';
import { translatorOf } from '../../src/i18n/translate.ts';
import { loadScenarioText } from '../../src/scenario/load.ts';
import { poolReport } from '../../src/ui/report/pool.ts';
import { evaluatePlanning } from '../../workers/models/pool.ts';
import { runPoolMonteCarlo } from '../../workers/models/uncertainty/pool-montecarlo.ts';

function load(path: string) {
  const r = loadScenarioText(readFileSync(path, 'utf8'));
  if (!r.ok) throw new Error(`${path} does not load`);
  return r.scenario;
}
const s = load('public/examples/ma-pool-casablanca.json');
const r = evaluatePlanning(s);

describe('the report of a pool', () => {
  for (const [lang, dict] of [['en', en], ['fr', fr]] as const) {
    it(`${lang}: a row per member with its cost alone and in the pool, the saving; the utilisation`, () => {
      const t = areaTranslator(translatorOf(dict), lang, messages);
      const p = poolReport(r, null, t, lang)!;
      expect(p.head[0]).toBe(messages[lang]['report.pool.member']);
      expect(p.rows).toHaveLength(r.pool!.members.length + 1);
      r.pool!.members.forEach((m, j) => {
        expect(p.rows[j]![0]).toBe(m.name);
        expect(p.rows[j]![1]).toBe(formatMoney(lang, m.aloneCcy, r.currency, { compact: false }));
        expect(p.rows[j]![2]).toBe(formatMoney(lang, m.inPoolCcy, r.currency, { compact: false }));
        expect(p.rows[j]![3]).toBe(formatMoney(lang, m.savingCcy, r.currency, { compact: false }));
      });
      expect(p.utilisation).toContain(lang === 'en' ? 'pooled' : 'mutualisée');
    });
  }
  it('with the pool’s Monte Carlo, the percentiles beside each member’s figures', () => {
    const mc = runPoolMonteCarlo(s, { samples: 10 })!;
    const t = areaTranslator(translatorOf(en), 'en', messages);
    const p = poolReport(r, mc, t, 'en')!;
    const band = mc.members[0]!.inPoolCcy;
    expect(p.rows[0]![2]).toContain(formatMoney('en', band.p5, r.currency, { compact: false }));
    expect(p.rows[0]![2]).toContain(formatMoney('en', band.p95, r.currency, { compact: false }));
    expect(p.utilisation).toContain('10 samples');
  });
  it('a scenario without a pool has no members’ table', () => {
    const one = load('public/examples/mix-buy-cloud-decentralised.json');
    expect(poolReport(evaluatePlanning(one), null, translatorOf(en), 'en')).toBeNull();
  });
});
