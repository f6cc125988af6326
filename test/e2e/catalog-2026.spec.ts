// The 2026 catalog in the page (issues 12 and 13): a sub-national grid chosen shows its source and
// data year; a purchase into the USA takes the Section 232 tariff as its import duty default, cited,
// with its exemptions; a team catalog stays after a reload. English and French; screenshots of the
// changed panels at 1440 and 390 px.
import { expect, test, type Page } from '@playwright/test';
import { editor, importFile, openPlanner } from './helpers.ts';

const TEXAS = 'test/fixtures/scenarios/v6.json';
const shots = (name: string) => `test-results/catalog-2026/${name}.png`;

async function openTexas(page: Page, lang: 'en' | 'fr') {
  await openPlanner(page);
  await importFile(page, TEXAS);
  await expect(editor(page).getByLabel('Scenario name')).toHaveValue(/Texas/);
  if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
}

for (const lang of ['en', 'fr'] as const) {
  test(`a sub-national grid chosen shows its source and data year (${lang})`, async ({ page }) => {
    await openTexas(page, lang);
    const used = editor(page).getByTestId('grid-used').first();
    // ERCOT, data year 2024: 377 gCO2e/kWh (Electricity Maps via co2.js, grid-2026.json).
    await expect(used).toContainText(lang === 'en' ? 'ERCOT, data year 2024' : 'ERCOT, année des données 2024');
    await expect(used).toContainText('377');
    await expect(used.locator('.source-note a')).toContainText('co2.js');
    const zone = editor(page).getByLabel(lang === 'en' ? 'Grid zone' : 'Zone du réseau').first();
    await expect(zone).toHaveValue('US-TEX-ERCO');
    const year = editor(page).getByLabel(lang === 'en' ? 'Data year of the grid' : 'Année des données du réseau').first();
    await expect(year).toHaveValue('2024');
    // The person picks the year the compute runs in: 2025 is 363.
    await year.selectOption('2025');
    await expect(used).toContainText('363');
    await year.selectOption('2024');
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await zone.scrollIntoViewIfNeeded();
      await zone.locator('xpath=ancestor::div[contains(@class,"grid")][1]').screenshot({ path: shots(`grid-${lang}-${width}`) });
    }
  });

  test(`a purchase into the USA takes the tariff as its import duty default, with the event and its exemptions (${lang})`, async ({ page }) => {
    await openTexas(page, lang);
    const duty = editor(page).getByLabel(lang === 'en' ? 'Import duty' : 'Droits de douane').first();
    await expect(duty).toHaveValue('25');
    const field = duty.locator('xpath=ancestor::div[contains(@class,"field")][1]');
    await expect(field.locator('.origin')).toContainText(lang === 'en' ? 'Catalog' : 'Catalogue');
    await expect(field.locator('.origin .source-note')).toContainText('25 %');
    await expect(field).toContainText('US data centres');
    // The person's use is exempt: 0, with the reason in the notes (the field says so).
    await duty.fill('0');
    await duty.blur();
    await expect(field).toContainText(lang === 'en' ? 'Overridden' : 'Modifié');
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await duty.scrollIntoViewIfNeeded();
      await field.screenshot({ path: shots(`duty-${lang}-${width}`) });
    }
  });
}

test('a team catalog stays after a reload, and is gone once removed', async ({ page }) => {
  await openPlanner(page);
  await page.getByRole('button', { name: 'Methodology', exact: true }).click();
  await page.getByLabel('Import a team catalog (JSON)').setInputFiles('test/fixtures/catalogs/team-negotiated.json');
  await expect(page.getByTestId('team-catalog')).toContainText('Our negotiated prices');
  await page.reload();
  await page.getByRole('button', { name: 'Methodology', exact: true }).click().catch(() => undefined);
  await expect(page.getByTestId('team-catalog')).toContainText('Our negotiated prices');
  await expect(page.getByTestId('team-catalog')).toContainText(/hash [0-9a-f]{16}/);
  await page.getByRole('button', { name: 'Remove the team catalog' }).click();
  await expect(page.getByTestId('team-catalog')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('catalog-info')).toBeVisible();
  await expect(page.getByTestId('team-catalog')).toHaveCount(0);
});
