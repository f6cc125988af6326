import { expect, test, type Page } from '@playwright/test';
import { editor, importFile, openPlanner, results, totalCost, expandOptionsOnceFolded } from './helpers.ts';

async function figures(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const el of await results(page).locator('[data-figure]').all()) {
    out[(await el.getAttribute('data-figure'))!] = (await el.textContent())!.trim();
  }
  return out;
}

/** Waits until the latest edit is saved (the status says so, and no save is pending). */
async function saved(page: Page) {
  await expect(page.getByRole('toolbar', { name: 'Scenario tools' }).getByRole('status')).toHaveText(/Saved on this device/);
}

test('save, reload: still there, and listed in the library', async ({ page }) => {
  await openPlanner(page);
  await editor(page).getByLabel('Scenario name').fill('My saved plan');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await saved(page);
  await page.reload();
  await expect(editor(page).getByLabel('Scenario name')).toHaveValue('My saved plan');
  await page.getByRole('navigation').getByRole('button', { name: 'Library', exact: true }).click();
  const row = page.getByRole('row', { name: /My saved plan/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('cell').nth(1)).toContainText(/\d/);
});

test('autosave keeps an edit across a reload without pressing Save', async ({ page }) => {
  await openPlanner(page);
  const gpus = editor(page).getByRole('region', { name: /colocated in France/ }).getByLabel('Number of GPUs');
  await gpus.fill('6');
  await saved(page);
  await page.reload();
  await expect(editor(page).getByRole('region', { name: /colocated in France/ }).getByLabel('Number of GPUs')).toHaveValue('6');
});

test('an edit made just before closing the tab is flushed on pagehide', async ({ page }) => {
  await openPlanner(page);
  await editor(page).getByLabel('Scenario name').fill('Typed just before reload');
  await page.reload();
  await expect(editor(page).getByLabel('Scenario name')).toHaveValue('Typed just before reload');
});

test('rename and delete with undo in the library', async ({ page }) => {
  await openPlanner(page);
  await editor(page).getByLabel('Scenario name').fill('To rename');
  await saved(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: 'Rename “To rename”' }).click();
  await page.getByLabel('New name').fill('Renamed plan');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('row', { name: /Renamed plan/ })).toBeVisible();
  await page.getByRole('button', { name: 'Delete “Renamed plan”' }).click();
  await expect(page.getByRole('row', { name: /Renamed plan/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row', { name: /Renamed plan/ })).toBeVisible();
});

test('share: the link opens the same scenario with the same results in a fresh browser, and offers to save it', async ({ page, browser }) => {
  await openPlanner(page);
  await editor(page).getByLabel('Scenario name').fill('Shared plan');
  await editor(page).getByRole('region', { name: /colocated in France/ }).getByLabel('Number of GPUs').fill('5');
  await expect.poll(() => totalCost(page)).not.toBe('');
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Link to this scenario').inputValue();
  expect(link).toMatch(/#scenario=v1\.[A-Za-z0-9_-]+$/);
  expect(link.length).toBeLessThan(2000);
  await page.waitForTimeout(300);
  const original = await figures(page);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(editor(other).getByLabel('Scenario name')).toHaveValue('Shared plan');
  await expect(results(other).locator('[data-figure="total-cost"]')).toBeVisible();
  await other.waitForTimeout(300);
  expect(await figures(other)).toEqual(original);
  await expect(other.getByText('This scenario comes from a link.')).toBeVisible();
  await other.getByRole('button', { name: 'Save to my library' }).click();
  await other.getByRole('navigation').getByRole('button', { name: 'Library', exact: true }).click();
  await expect(other.getByRole('row', { name: /Shared plan/ })).toBeVisible();
  await fresh.close();
});

test('a link never overwrites a different saved scenario without asking', async ({ page }) => {
  await openPlanner(page);
  await editor(page).getByLabel('Scenario name').fill('Mine');
  await saved(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Link to this scenario').inputValue();
  // Change the saved copy, then open the older link in the same browser.
  await editor(page).getByLabel('Scenario name').fill('Mine, edited since');
  await saved(page);
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByText(/You already have “Mine, edited since”/)).toBeVisible();
  await page.getByRole('button', { name: 'Save the link’s version as a copy' }).click();
  await page.getByRole('navigation').getByRole('button', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('row', { name: /Mine, edited since/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Mine\b(?!,)/ })).toBeVisible();
});

test('compare two saved scenarios side by side', async ({ page }) => {
  await openPlanner(page);
  await editor(page).getByLabel('Scenario name').fill('Plan A');
  await saved(page);
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await saved(page);
  // The copy is another scenario: its option cards open folded.
  await expandOptionsOnceFolded(page);
  await editor(page).getByLabel('Scenario name').fill('Plan B');
  await editor(page).getByRole('region', { name: /colocated in France/ }).getByLabel('Number of GPUs').fill('8');
  await saved(page);
  await page.getByRole('navigation').getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Plan A', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Plan B', exact: true }).check();
  const comparison = page.getByRole('region', { name: 'Comparison' });
  await expect(comparison.getByRole('columnheader', { name: /Plan A/ })).toBeVisible();
  await expect(comparison.getByRole('columnheader', { name: /Plan B/ })).toBeVisible();
  await expect(comparison.getByRole('row', { name: /Total cost/ })).toContainText(/[+−]/);
  await expect(comparison.getByRole('img', { name: /Plan A, Plan B/ }).first()).toBeVisible();
});

test('import what was exported: one scenario, and the whole library', async ({ page, browser }, testInfo) => {
  await openPlanner(page);
  await editor(page).getByLabel('Scenario name').fill('Exported plan');
  await saved(page);
  const original = await totalCost(page);
  const [scenarioFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the scenario' }).click()]);
  const scenarioPath = testInfo.outputPath('scenario.json');
  await scenarioFile.saveAs(scenarioPath);
  await page.getByRole('navigation').getByRole('button', { name: 'Library', exact: true }).click();
  const [libraryFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the library' }).click()]);
  const libraryPath = testInfo.outputPath('library.json');
  await libraryFile.saveAs(libraryPath);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await openPlanner(other);
  await importFile(other, scenarioPath);
  await expect(other.getByText('“Exported plan” imported and opened.')).toBeVisible();
  await expect(editor(other).getByLabel('Scenario name')).toHaveValue('Exported plan');
  await expect.poll(() => totalCost(other)).toBe(original);

  await other.getByRole('navigation').getByRole('button', { name: 'Library', exact: true }).click();
  await importFile(other, libraryPath);
  await expect(other.getByText(/scenario\(s\) imported; none of your saved scenarios was overwritten/)).toBeVisible();
  await expect(other.getByRole('row', { name: /Exported plan/ })).toHaveCount(1);
  await fresh.close();
});

test('results export as CSV', async ({ page }, testInfo) => {
  await openPlanner(page);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the results (CSV)' }).click()]);
  const path = testInfo.outputPath('results.csv');
  await csv.saveAs(path);
  const { readFileSync } = await import('node:fs');
  const text = readFileSync(path, 'utf8');
  expect(text.split('\r\n')[0]).toContain('Month,Demand (reference GPU-hours)');
  expect(text).toContain('Totals');
  expect(text.split('\r\n').length).toBeGreaterThan(36);
});
