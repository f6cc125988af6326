// footprint (issue 12): the printable report gives operational emissions both ways (GHG Protocol
// Scope 2: location-based and market-based), embodied apart and offsets apart, and its answer says
// which one its single CO2e figure counts; English and French.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { areaTranslator } from '../../src/i18n/area.ts';
import { messages } from '../../src/i18n/areas/report.ts';
import { formatCO2e } from '../../src/i18n/format.ts';
import { translatorOf } from '../../src/i18n/translate.ts';
import { scenarioAnswer } from '../../src/ui/report/answer.ts';
import { reportFigures } from '../../src/ui/report/figures.ts';
import { evaluateScenario } from '../../workers/models/evaluate.ts';
import { buy, scenario } from './helpers.ts';

// 8 GPUs × 1,000 W, 1,000 GPU-hours a month × 12, host 0, PUE 1, idle 0: IT = 12,000 kWh; grid 400 g → 4,800 kg location-based.
// 60 % covered by a PPA at 0 g, the rest at the grid factor: 0.4 × 400 = 160 g → 12,000 × 160 ÷ 1,000 = 1,920 kg market-based.
const s = scenario([
  buy({
    gridGCO2ePerKWh: 400,
    footprint: {
      measuredEnergyKWh: null, overheadEnergyKWh: null, hostCpuCores: null, hostCpuWPerCore: 12, hostMemoryGB: null, hostMemoryWPerGB: 0.3725,
      marketSupplierGCO2ePerKWh: null, marketCoveredPct: 60, marketCoveredGCO2ePerKWh: 0, marketResidualGCO2ePerKWh: null, offsetsKgCO2e: 500,
      energyPeriod: 'total', energyScope: 'it', energySource: '',
    },
  }),
]);
const result = evaluateScenario(s);

describe('the report: location- and market-based side by side', () => {
  it('the hand-computed figures', () => {
    expect(result.mix.totals.operationalKgCO2e).toBeCloseTo(4_800, 6);
    expect(result.mix.totals.marketKgCO2e).toBeCloseTo(1_920, 6);
  });
  for (const [lang, dict, location, market, offsets] of [
    ['en', en, 'location-based', 'market-based', 'never subtracted'],
    ['fr', fr, 'selon la méthode localisation', 'selon la méthode marché', 'jamais déduites'],
  ] as const) {
    it(`the footprint point gives both, and offsets apart (${lang})`, () => {
      const t = areaTranslator(translatorOf(dict), lang, messages);
      const a = scenarioAnswer({ scenario: s, result }, null, t, lang);
      const point = a.points.find((p) => p.label === t('report.footprintLabel'))!.text;
      expect(point).toContain(`${formatCO2e(lang, 4_800)} ${location}`);
      expect(point).toContain(`${formatCO2e(lang, 1_920)} ${market}`);
      expect(point).toContain(offsets);
      expect(point).toContain(formatCO2e(lang, 500));
      // The answer's one CO2e figure says which method it counts.
      expect(a.answer).toContain(lang === 'en' ? 'location-based' : 'méthode localisation');
      const fig = reportFigures([{ scenario: s, result }], t, lang).find((f) => f.head.includes(t('results.opMarket')))!;
      expect(fig.rows[0]).toContain(formatCO2e(lang, 1_920));
    });
  }
});
