// The catalog in the page: a MAD scenario opens with the shipped rate and its date; a rented
// option's price shows the market's spread and how fresh its figures are.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { editor, importFile, openPlanner } from './helpers.ts';

test('a MAD scenario opens with the shipped exchange rate, its date and its source', async ({ page }) => {
  await openPlanner(page);
  await page.getByLabel('Open an example').selectOption({ label: 'Moroccan start-up: train a 7B model' });
  const rate = editor(page).getByLabel('Value of one MAD in US dollars');
  await expect(rate).toHaveValue('0.107021');
  const field = rate.locator('xpath=ancestor::div[contains(@class,"field")][1]');
  // The DGI annual conversion base for 2025: dated "2025", over 12 months before the build, flagged.
  await expect(field.locator('.origin .source-note .date')).toHaveText('2025');
  await expect(field.locator('.origin .source-note')).toContainText('possibly stale');
});

test('choosing EUR prefills the ECB rate of 2026-07-21, which the person may replace', async ({ page }) => {
  await openPlanner(page);
  await page.getByLabel('Currency').selectOption('EUR');
  // The change asks whether to convert the amounts; the rate it offers is the shipped ECB one.
  const panel = editor(page).getByRole('group', { name: 'Change the currency from USD to EUR' });
  await expect(panel.getByLabel('Value of one EUR in US dollars')).toHaveValue('1.1418');
  await panel.getByRole('button', { name: 'Convert every amount' }).click();
  await expect(panel).toHaveCount(0);
  const rate = editor(page).getByLabel('Value of one EUR in US dollars');
  await expect(rate).toHaveValue('1.1418');
  await expect(editor(page).getByLabel('Date of the exchange rate')).toHaveValue('2026-07-21');
  await rate.fill('1.2');
  await rate.blur();
  await expect(rate).toHaveValue('1.2');
  await expect(rate.locator('xpath=ancestor::div[contains(@class,"field")][1]')).toContainText('Overridden');
});

for (const lang of ['en', 'fr'] as const) {
  test(`a rented option's price shows its spread and freshness (${lang})`, async ({ page }) => {
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    // The mix example: AWS Stockholm on demand and Vast.ai.
    const spreads = editor(page).getByTestId('price-spread');
    await expect(spreads).toHaveCount(2);
    const cloud = spreads.first();
    await expect(cloud).toContainText(lang === 'en' ? /\d+ current offers \(Europe\)/ : /\d+ offres actuelles \(Europe\)/);
    await expect(cloud).toContainText(lang === 'en' ? 'lowest – median – highest' : 'plus basse – médiane – plus haute');
    await cloud.getByText(lang === 'en' ? 'The offers behind it' : 'Les offres retenues').click();
    expect(await cloud.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    // Market indices as dated context.
    await expect(cloud).toContainText(lang === 'en' ? 'Market indices' : 'Indices de marché');
    await expect(cloud).toContainText('2026-05-20');
    // The AWS Stockholm price is the post-June-2025 row: flagged as possibly stale.
    const price = editor(page).getByLabel(lang === 'en' ? 'Price per GPU-hour' : 'Prix par heure-GPU').first();
    const priceField = price.locator('xpath=ancestor::div[contains(@class,"field")][1]');
    await expect(priceField.locator('.origin .source-note').first()).toContainText(lang === 'en' ? 'possibly stale' : /ancien|périm/i);
  });
}

test('the methodology page shows the catalog build date and its freshness counts', async ({ page }) => {
  await openPlanner(page);
  await page.getByRole('tab', { name: 'Methodology', exact: true }).or(page.getByRole('button', { name: 'Methodology', exact: true })).first().click();
  const info = page.getByTestId('catalog-info');
  await expect(info).toContainText('Built 2026-12-01');
  await expect(info).toContainText(/Price rows: \d+ current/);
});

test('a scenario that does not record its catalog says so, and keeping its figures records the current catalog', async ({ page }) => {
  await openPlanner(page);
  await importFile(page, 'test/fixtures/scenarios/v2.json');
  const banner = page.getByTestId('catalog-mismatch');
  await expect(banner).toContainText('does not record which reference catalog');
  const gpus = editor(page).getByLabel('Number of GPUs');
  const before = await gpus.inputValue();
  await banner.getByRole('button', { name: 'Keep its figures' }).click();
  await expect(banner).toHaveCount(0);
  await expect(gpus).toHaveValue(before);
});

test('a scenario made with another catalog says which, and taking the new figures replaces its catalog-backed ones', async ({ page }) => {
  const s = JSON.parse(readFileSync('public/examples/cloud-h100-on-demand.json', 'utf8'));
  s.catalog = { version: '2025-11-22', contentHash: '0123456789abcdef' };
  s.options[0].priceCcyPerGpuHour = 9.99;
  mkdirSync('test-results/catalog', { recursive: true });
  writeFileSync('test-results/catalog/old-catalog.json', JSON.stringify(s));
  await openPlanner(page);
  await importFile(page, 'test-results/catalog/old-catalog.json');
  const banner = page.getByTestId('catalog-mismatch');
  await expect(banner).toContainText('came from the reference catalog of 2025-11-22 (hash 0123456789abcdef)');
  await expect(banner).toContainText('this page uses the catalog of 2026-12-01');
  const price = editor(page).getByLabel('Price per GPU-hour').first();
  await expect(price).toHaveValue('9.99');
  await banner.getByRole('button', { name: /^Take the new catalog figures/ }).click();
  await expect(banner).toHaveCount(0);
  // The current catalog's AWS Stockholm price (the example's own figure).
  await expect(price).toHaveValue('7.3616');
});

test('a team catalog is shown with its name, date and hash, used first, refused when a price has no date, and removable', async ({ page }) => {
  await openPlanner(page);
  await page.getByRole('button', { name: 'Methodology', exact: true }).click();
  const input = page.getByLabel('Import a team catalog (JSON)');
  await input.setInputFiles('test/fixtures/catalogs/team-undated.json');
  await expect(page.getByRole('alert')).toContainText('purchasePrices.0.date');
  await expect(page.getByTestId('team-catalog')).toHaveCount(0);
  await input.setInputFiles('test/fixtures/catalogs/team-negotiated.json');
  const team = page.getByTestId('team-catalog');
  await expect(team).toContainText('Our negotiated prices');
  await expect(team).toContainText('2026-11-30');
  await expect(team).toContainText(/hash [0-9a-f]{16}/);
  // Back in the planner, "use catalog" on the AWS Stockholm price offers the team's price.
  await page.getByRole('button', { name: 'Planner', exact: true }).click();
  await page.getByLabel('Open an example').selectOption({ label: 'Same demand on H100 on demand (AWS)' });
  const price = editor(page).getByLabel('Price per GPU-hour').first();
  const field = price.locator('xpath=ancestor::div[contains(@class,"field")][1]');
  await expect(field.locator('.origin').first()).toContainText('Use the catalog value (5)');
  await page.getByRole('button', { name: 'Methodology', exact: true }).click();
  await page.getByRole('button', { name: 'Remove the team catalog' }).click();
  await expect(page.getByTestId('team-catalog')).toHaveCount(0);
});
