// tokens (issue 15): with a range on the output throughput and on the peak, the Monte Carlo's
// percentiles of the cost per million tokens appear under each option alone in the price of a
// token, in English and in French; the mix has none (the Monte Carlo runs each option alone).
import { expect, test } from '@playwright/test';
import { messages } from '../../src/i18n/areas/tokens.ts';
import { editor, results } from './helpers.ts';
import { dict, openIn } from './numbers-helpers.ts';

const shots = 'test-results/tokens';

for (const lang of ['en', 'fr'] as const) {
  const m = messages[lang];
  test(`(${lang}) the Monte Carlo's P5, P50 and P95 of the cost per million tokens`, async ({ page }) => {
    test.slow();
    await openIn(page, lang);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: dict[lang]['file.import'] }).click()]);
    await chooser.setFiles('test/fixtures/scenarios/tokens-ranges.json');
    await expect(editor(page).getByLabel(dict[lang]['editor.name'])).toHaveValue('Tokens with ranges');
    const panel = results(page).getByTestId('tokens-results');
    const band = panel.getByTestId('tokens-mc-cost');
    await expect(band).toHaveCount(1, { timeout: 60_000 });
    await expect(band).toHaveText(/^P5 .+P50 .+P95 .+$/);
    await expect(panel.getByTestId('tokens-mc-help')).toContainText(lang === 'en' ? 'the mix has none' : 'le mix n’en a pas');
    // The mix row shows its figure and no band.
    const mix = panel.getByRole('row', { name: new RegExp(`^${m['tokens.mix']}`) });
    await expect(mix.getByTestId('tokens-mc-cost')).toHaveCount(0);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 2400 });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${shots}/mc-${lang}-${width}.png` });
    }
  });
}
