// A horizontal bar chart is as tall as its category labels' lines need (the dependency chart's tiers
// were drawn over one another at a fixed 240 px: "Provider’s jurisdiction (headquarters)" on
// "Country of the compute", English, 1440 px).
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { labelCharsFor } from '../../src/ui/charts/label-width.ts';
import { categoryChartHeight, wrapLabel } from '../../src/ui/charts/palette.ts';

const TIERS = ['acceleratorVendor', 'foundry', 'hbm', 'provider', 'providerJurisdiction', 'computeCountry', 'fabCountry', 'vendorCountry'] as const;
const LINE_PX = 12 * 1.2;

describe('categoryChartHeight', () => {
  it.each([
    ['en', en],
    ['fr', fr],
  ] as const)('gives each tier of the dependency chart room for all its label lines (%s)', (_lang, dict) => {
    const labels = TIERS.map((tier) => wrapLabel(dict[`tier.${tier}`], 18));
    expect(labels.some((l) => l.length === 3)).toBe(true);
    const chrome = 96;
    const height = categoryChartHeight(labels, 240, chrome);
    // Chart.js shares the plot area evenly among the categories: the tallest label must fit its share.
    const share = (height - chrome) / labels.length;
    expect(share).toBeGreaterThanOrEqual(Math.max(...labels.map((l) => l.length)) * LINE_PX);
    expect(height).toBeGreaterThan(240);
  });

  it('keeps the smallest height for a few one-line labels', () => {
    expect(categoryChartHeight([['Foundry'], ['HBM memory']], 240)).toBe(240);
  });
});

// The tornado's labels at 390 px: Chart.js gives the category axis at most half the chart, and the
// French "4 H100 SXM en colocation en France — Prix de l’électricité" wrapped at 28 characters ran
// off the canvas's left edge (the phone e2e reads the canvas's edge).
describe('labelCharsFor', () => {
  it('wraps a phone chart’s labels short enough for half its width, a wide chart’s at the most asked', () => {
    const phone = labelCharsFor(325, 28);
    expect(phone * 7 + 12).toBeLessThanOrEqual(325 / 2);
    expect(phone).toBeLessThan(28);
    expect(labelCharsFor(700, 28)).toBe(28);
    for (const line of wrapLabel('4 H100 SXM en colocation en France — Prix de l’électricité', phone)) expect(line.length).toBeLessThanOrEqual(phone + 1);
  });

  it('never wraps below ten characters', () => {
    expect(labelCharsFor(100, 28)).toBe(10);
  });
});
