// Issue 12: the grid factor's metric (life-cycle or direct, where the reference data has both) and
// a job on CPU cores only, in English and French; screenshots at 1440 px and 390 px.
import { expect, test } from '@playwright/test';
import { editor, openPlanner, results } from './helpers.ts';

const L = {
  en: { footprint: 'Power, carbon and water', known: 'Known energy and contract', metric: 'Grid factor', direct: 'Direct (combustion only)', cpu: 'The job runs on CPU cores only', basis: 'direct (combustion only)' },
  fr: { footprint: 'Puissance, carbone et eau', known: 'Énergie connue et contrat', metric: 'Facteur du réseau', direct: 'Direct (combustion seule)', cpu: 'La tâche tourne sur des cœurs CPU seulement', basis: 'direct (combustion seule)' },
} as const;

for (const lang of ['en', 'fr'] as const) {
  test(`direct grid factor and a CPU-only job (${lang})`, async ({ page }) => {
    test.slow();
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    const l = L[lang];
    const location = results(page).locator('[data-figure="operational"]');
    await expect(location).toBeVisible();
    const before = await location.textContent();
    const metric = editor(page).getByRole('combobox', { name: l.metric }).first();
    await metric.selectOption({ label: l.direct });
    // France: 31 gCO2e/kWh life-cycle (2025) → 18.4 direct (2024): the location-based figure falls.
    await expect(location).not.toHaveText(before!, { timeout: 30_000 });
    await expect(editor(page).getByTestId('grid-used').first()).toContainText('2024');
    await metric.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.test-output/screens/grid-metric-${lang}-1440.png` });
    await editor(page).getByText(l.footprint, { exact: true }).first().click();
    await editor(page).getByText(l.known, { exact: true }).first().click();
    const cpu = editor(page).getByLabel(l.cpu).first();
    await cpu.check();
    // Without CPU cores and with 8 GPUs per server: refused on the fields, results marked out of date.
    await expect(results(page).locator('[data-out-of-date="true"]')).toBeVisible({ timeout: 30_000 });
    await cpu.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.test-output/screens/cpu-only-${lang}-1440.png` });
    await page.setViewportSize({ width: 390, height: 900 });
    await cpu.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.test-output/screens/cpu-only-${lang}-390.png` });
    await metric.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `.test-output/screens/grid-metric-${lang}-390.png` });
  });
}
