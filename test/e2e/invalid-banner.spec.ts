// Issue 10, path 8: one invalid field froze every result behind "Out of date: 1 value(s)…" with
// no way to the field. The banner now lists each invalid value as a link that reveals and focuses
// its field (even inside a folded section), and the last good results stay readable, marked.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { editor, importFile, openPlanner, results, expandOptionsOnceFolded } from './helpers.ts';

const L = {
  en: { price: 'Price per GPU', footprint: 'Power, carbon and water', stale: /Out of date: 2 value\(s\)/, lastGood: 'Last good results, out of date', list: 'Values to fix', cloud: 'H100 on demand, AWS Stockholm' },
  fr: { price: 'Prix par GPU', footprint: 'Puissance, carbone et eau', stale: /Périmés : 2 valeur\(s\)/, lastGood: 'Derniers résultats valides, périmés', list: 'Valeurs à corriger', cloud: 'H100 on demand, AWS Stockholm' },
} as const;

async function breakTwoFields(page: Page, lang: 'en' | 'fr') {
  // The buy option's price, cleared; the cloud option's PUE (in its folded footprint) set below 1.
  await page.locator('#f-options-0-unitPriceCcyPerGpu').fill('');
  const details = page.locator('#f-options-1-pue').locator('xpath=ancestor::details');
  await details.locator(':scope > summary').click();
  await page.locator('#f-options-1-pue').fill(lang === 'fr' ? '0,5' : '0.5');
  await details.locator(':scope > summary').click();
  await expect(details).not.toHaveAttribute('open', '');
  await page.evaluate(() => window.scrollTo(0, 0));
}

for (const lang of ['en', 'fr'] as const) {
  test(`the out-of-date banner links to each invalid field (${lang})`, async ({ page }) => {
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    // Read the total once it is written the page's way (the language switch redraws it).
    await expect(results(page).locator('[data-figure="total-cost"]')).toHaveText(lang === 'fr' ? /\$US/ : /^US\$/);
    const before = await results(page).locator('[data-figure="total-cost"]').textContent();
    await breakTwoFields(page, lang);
    const banner = results(page).getByTestId('stale-banner');
    await expect(banner).toContainText(L[lang].stale);
    const list = banner.getByRole('list', { name: L[lang].list });
    await expect(list.getByRole('listitem')).toHaveCount(2);

    // The last good results stay, marked.
    await expect(results(page).getByText(L[lang].lastGood)).toBeVisible();
    await expect(results(page).locator('[data-figure="total-cost"]')).toHaveText(before!);

    // The folded PUE: the link opens its section, scrolls to it and focuses it.
    const pueLink = list.getByRole('link', { name: new RegExp(`PUE`) });
    await expect(pueLink).toContainText(L[lang].cloud);
    await pueLink.click();
    const pue = page.locator('#f-options-1-pue');
    await expect(pue).toBeFocused();
    await expect(pue).toBeInViewport();
    await expect(pue.locator('xpath=ancestor::details')).toHaveAttribute('open', '');

    const priceLink = list.getByRole('link', { name: new RegExp(L[lang].price) });
    await priceLink.click();
    await expect(page.locator('#f-options-0-unitPriceCcyPerGpu')).toBeFocused();
    await expect(page.locator('#f-options-0-unitPriceCcyPerGpu')).toBeInViewport();

    // Fixing both clears the banner.
    await page.locator('#f-options-0-unitPriceCcyPerGpu').fill('30000');
    await page.locator('#f-options-1-pue').fill(lang === 'fr' ? '1,14' : '1.14');
    await expect(banner).toHaveCount(0);
    await expect(results(page).getByText(L[lang].lastGood)).toHaveCount(0);
  });

  test(`axe finds no contrast issue on out-of-date results (${lang})`, async ({ page }) => {
    await openPlanner(page);
    // The example as issue 10 reported it (the 2026 catalog changed the shipped example's figures,
    // and with them whether its answers disagree): the explanation sentences are on the page too.
    await importFile(page, 'test/fixtures/scenarios/mix-example-issue10.json');
    await expandOptionsOnceFolded(page);
    await expect(editor(page).locator('#f-options-2-priceCcyPerGpuHour')).toHaveValue('1.87');
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    await expect(results(page).locator('[data-explain="breakEven"]')).toBeVisible();
    await breakTwoFields(page, lang);
    await expect(results(page).getByText(L[lang].lastGood)).toBeVisible();
    const scan = await new AxeBuilder({ page }).include('.results').analyze();
    const bad = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
}
