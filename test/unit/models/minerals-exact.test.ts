// Minerals without truncation (issue 12): where the source lists every producing country, the
// concentration is one exact HHI; a range only where the source stops at its top producers.
import { describe, expect, it } from 'vitest';
import { catalog } from '../../../src/catalog/index.ts';
import { evaluateScenario } from '../../../workers/models/evaluate.ts';
import { cloud, scenario } from '../helpers.ts';

const minerals = () => evaluateScenario(scenario([cloud()])).dependency.minerals;

describe('critical-mineral concentration', () => {
  it('gallium: every producing country is listed, so the HHI is exact (hand-computed from the USGS tonnages)', () => {
    // USGS MCS 2025: China 750,000, Russia 6,000, Japan 3,000, Korea 3,000 kg = 762,000 kg listed ≥ world total 760,000.
    // Shares of the listed total: 98.4252 %, 0.7874 %, 0.3937 %, 0.3937 %.
    // HHI = (750² + 6² + 3² + 3²) ÷ 762² × 10,000 = 562,554 ÷ 580,644 × 10,000 = 9,688.449…
    const g = catalog.criticalMinerals.find((m) => m.id === 'gallium')!;
    expect(g.producersComplete).toBe(true);
    expect(g.producers.reduce((a, p) => a + p.pct, 0)).toBeCloseTo(100, 3);
    const m = minerals().find((x) => x.mineralId === 'gallium')!;
    expect(m.hhiExact).toBe(true);
    expect(m.hhiLowerBound).toBeCloseTo(9_688.449, 1);
    expect(m.hhiUpperBound).toBe(m.hhiLowerBound);
    expect(m.band).toBe('high');
    expect(m.sentence.key).toBe('mineral.controlledExact'); // China's gallium licensing applies to every country
    expect(m.sentence.params.hhi).toBe(9_688);
  });

  it('antimony: the source stops at its top three producers, so the HHI is a range', () => {
    // Listed: China 60 %, Tajikistan 17 %, Russia 13 % (90 %). Lower = 60² + 17² + 13² = 3,600 + 289 + 169 = 4,058.
    // The unlisted 10 % in pieces no larger than 13 %: at most one piece of 10 % → upper = 4,058 + 10 × 10 = 4,158.
    const m = minerals().find((x) => x.mineralId === 'antimony')!;
    expect(m.hhiExact).toBe(false);
    expect(m.hhiLowerBound).toBeCloseTo(4_058, 9);
    expect(m.hhiUpperBound).toBeCloseTo(4_158, 9);
    expect(m.sentence.key).toBe('mineral.controlled'); // China's antimony licensing applies to every country
  });

  it('only minerals whose listed tonnages reach the world total are marked complete', () => {
    for (const m of catalog.criticalMinerals) {
      const sum = m.producers.reduce((a, p) => a + p.pct, 0);
      if (m.producersComplete) expect(sum, m.id).toBeCloseTo(100, 3);
      else expect(sum, m.id).toBeLessThan(100);
    }
    expect(catalog.criticalMinerals.filter((m) => m.producersComplete).map((m) => m.id)).toEqual(['gallium']);
  });
});
