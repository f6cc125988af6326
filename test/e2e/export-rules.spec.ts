// Export controls, tariffs and mineral measures as dated events: the panel lists them by month,
// in English and in French, for a horizon that crosses the 2025–2026 rules.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { editor, importFile, openPlanner, results } from './helpers.ts';

/** The mix example moved to a US planner from October 2025, buying H200s in February 2026. */
function usScenario(path: string): void {
  const s = JSON.parse(readFileSync('public/examples/mix-buy-cloud-decentralised.json', 'utf8'));
  s.name = 'US planner across the 2026 rules';
  s.settings = { ...s.settings, startMonth: '2025-10', horizonMonths: 24, plannerCountry: 'USA' };
  s.options[0] = { ...s.options[0], name: '4× H200 bought in the US', acceleratorId: 'nvidia-h200', gridCountry: 'USA', orderMonth: 4 };
  writeFileSync(path, JSON.stringify(s));
}

function exportPanel(page: Page) {
  return results(page).getByTestId('export-controls');
}

/** A screenshot of the whole panel: the viewport is made as tall as the panel, as off-screen parts are not painted (content-visibility). */
async function shoot(page: Page, path: string): Promise<void> {
  const box = await exportPanel(page).boundingBox();
  await page.setViewportSize({ width: 1280, height: Math.ceil(box!.height) + 300 });
  await exportPanel(page).scrollIntoViewIfNeeded();
  await exportPanel(page).screenshot({ path });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('the export-control panel lists the events by month, in English and in French', async ({ page }, testInfo) => {
  const path = testInfo.outputPath('us-2025.json');
  usScenario(path);
  await openPlanner(page);
  await importFile(page, path);
  await expect(editor(page).getByLabel('Scenario name')).toHaveValue('US planner across the 2026 rules');

  const panel = exportPanel(page);
  const changes = panel.getByTestId('export-changes');
  // A rule taking effect, a suspension, and a status unknown after a suspension ended — each with its month.
  await expect(changes.getByRole('row', { name: /Jan 2026 .*takes effect on 15 Jan 2026.*Revision to License Review Policy/ })).toBeVisible();
  await expect(changes.getByRole('row', { name: /Nov 2025 .*suspended from 9 Nov 2025.*MOFCOM Announcement No\. 46 of 2024/ })).toBeVisible();
  await expect(changes.getByRole('row', { name: /Nov 2026 .*status unknown after 27 Nov 2026.*MOFCOM Announcement No\. 46 of 2024/ })).toBeVisible();
  // The ban reaches a US planner.
  await expect(changes.getByRole('row', { name: /suspended from 9 Nov 2025.*concerns: your country/ })).toBeVisible();
  // Each option's exposure, month by month.
  const months = panel.getByTestId('export-months');
  await expect(months).toHaveCount(3);
  await expect(months.first().getByRole('row', { name: /Oct 2025 – Sept 2027/ })).toBeVisible();
  // The Section 232 tariff reaches the H200 purchase of February 2026.
  await expect(panel.getByTestId('duty')).toContainText('import duty suggested 25 %');
  await expect(panel.getByTestId('duty')).toContainText('Feb 2026');
  await expect(panel.getByTestId('duty')).toContainText('US data centres');
  // The rescinded AI Diffusion rule stays in the history and grades nothing.
  await panel.getByText(/Every event in the reference data \(19\)/).click();
  await expect(panel.getByTestId('export-history')).toContainText('Framework for Artificial Intelligence Diffusion');
  await expect(panel).toContainText('no longer grades exposure');
  await shoot(page, testInfo.outputPath('export-en.png'));

  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  const frChanges = exportPanel(page).getByTestId('export-changes');
  await expect(frChanges.getByRole('row', { name: /janv\. 2026 .*entre en vigueur le 15 janv\. 2026/ }).first()).toBeVisible();
  await expect(frChanges.getByRole('row', { name: /nov\. 2025 .*suspendue à partir du 9 nov\. 2025.*concerne : votre pays/ })).toBeVisible();
  await expect(frChanges.getByRole('row', { name: /nov\. 2026 .*statut inconnu après le 27 nov\. 2026/ }).first()).toBeVisible();
  await expect(exportPanel(page).getByTestId('duty')).toContainText('droits de douane suggérés 25 %');
  await expect(exportPanel(page)).toContainText('Exposition de chaque option, mois par mois');
  await shoot(page, testInfo.outputPath('export-fr.png'));
});

test('whose law reaches the compute: AWS in Sweden for a French planner', async ({ page }) => {
  await openPlanner(page);
  const list = results(page).getByTestId('jurisdiction');
  await expect(list).toContainText('AWS is headquartered in United States and the compute is in Sweden');
  await expect(list).toContainText('CLOUD Act');
  await expect(results(page).getByRole('row', { name: /Provider’s jurisdiction \(headquarters\)/ })).toBeVisible();
});
