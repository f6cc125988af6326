// Issue 16: the CSV of results carries the Monte Carlo's percentiles and odds and follows the
// page's language (French: semicolons, decimal commas); importing a CSV says what can be imported.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openPlanner, results } from './helpers.ts';

const L = {
  en: { exportCsv: 'Export the results (CSV)', import: 'Import a file', spread: 'Spread of each option’s results', p95: 'Total cost (USD) P95', odds: 'Cheapest in (share of samples, 0–1)', notScenario: /Only scenario files \(JSON/ },
  fr: { exportCsv: 'Exporter les résultats (CSV)', import: 'Importer un fichier', spread: 'Dispersion des résultats de chaque option', p95: 'Coût total (USD) P95', odds: 'La moins chère dans (part des tirages, 0–1)', notScenario: /Seuls les fichiers de scénario \(JSON/ },
} as const;

/** The cells of a CSV line (quoted cells may hold the delimiter). */
function cells(line: string, d: string): string[] {
  return [...line.matchAll(new RegExp(`("(?:[^"]|"")*"|[^${d}]*)(?:${d}|$)`, 'g'))].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, -1);
}

async function open(page: Page, lang: 'en' | 'fr') {
  await openPlanner(page);
  if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
  // The Monte Carlo of the example has run.
  await expect(results(page).getByRole('table', { name: L[lang].spread })).toBeVisible();
}

for (const lang of ['en', 'fr'] as const) {
  test(`the results CSV holds the Monte Carlo and is written the page's way (${lang})`, async ({ page }, testInfo) => {
    await open(page, lang);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: L[lang].exportCsv }).click()]);
    const path = testInfo.outputPath('results.csv');
    await csv.saveAs(path);
    const lines = readFileSync(path, 'utf8').split('\r\n');
    const d = lang === 'fr' ? ';' : ',';
    // Month by month: the first line of figures has as many cells as the header.
    expect(cells(lines[1]!, d)).toHaveLength(cells(lines[0]!, d).length);
    expect(cells(lines[1]!, d)[1]).toBe('4672');
    // The Monte Carlo section: one line per option with its percentiles and odds.
    const head = lines.findIndex((l) => l.includes(L[lang].p95));
    expect(head).toBeGreaterThan(0);
    expect(lines[head]).toContain(L[lang].odds);
    const owned = cells(lines[head + 1]!, d);
    expect(owned[0]).toBe('4× H100 SXM, colocated in France');
    expect(owned).toHaveLength(cells(lines[head]!, d).length);
    const odds = owned.at(-2)!;
    expect(odds).toMatch(lang === 'fr' ? /^0,\d+$/ : /^0\.\d+$/);
    // The page shows the same odds.
    const shown = await results(page).getByRole('table', { name: L[lang].spread }).getByRole('row').nth(1).getByRole('cell').nth(4).textContent();
    expect(Number(shown!.replace(/[\s\u202f%]/g, '').replace(',', '.'))).toBeCloseTo(Number(odds.replace(',', '.')) * 100, 1);
  });

  test(`importing a CSV says only scenario files can be imported (${lang})`, async ({ page }, testInfo) => {
    await open(page, lang);
    const path = testInfo.outputPath('results.csv');
    writeFileSync(path, 'Month,Demand (reference GPU-hours)\r\n2027-01,4672\r\n');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: L[lang].import }).click()]);
    await chooser.setFiles(path);
    await expect(page.getByRole('alert').filter({ hasText: L[lang].notScenario })).toBeVisible();
  });
}
