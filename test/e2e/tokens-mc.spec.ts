// tokens (issue 15): with a range on the output throughput and on the peak, the Monte Carlo's
// percentiles of the cost per million tokens appear under each option alone in the price of a
// token, in English and in French — under each option alone and under the mix (each sample's own mix),
// whose energy and CO2e per thousand tokens have theirs too.
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
    // One option alone, and the mix.
    await expect(band).toHaveCount(2, { timeout: 60_000 });
    await expect(band.first()).toHaveText(/^P5 .+P50 .+P95 .+$/);
    await expect(panel.getByTestId('tokens-mc-help')).toContainText(lang === 'en' ? 'and the mix as the serving rule shares' : 'et le mix tel que la règle de service');
    const mix = panel.getByRole('row', { name: new RegExp(`^${m['tokens.mix']}`) });
    await expect(mix.getByTestId('tokens-mc-cost')).toHaveText(/^P5 .+P50 .+P95 .+$/);
    await expect(mix.getByTestId('tokens-mc-energy')).toHaveText(/^P5 .+ Wh.*P50 .+P95 .+ Wh$/);
    await expect(mix.getByTestId('tokens-mc-co2e')).toHaveText(/^P5 .+ gCO2e.*P95 .+ gCO2e$/);
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 2400 });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${shots}/mc-${lang}-${width}.png` });
    }
  });
}
