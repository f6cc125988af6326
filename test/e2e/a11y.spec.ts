import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { editor, openPlanner, results, saveAs } from './helpers.ts';

// axe-core on every view, in both languages, and in the "out of date" state: no serious or
// critical violation. Each violation is printed (rule, impact, first targets) when one is found.
test.describe.configure({ timeout: 180_000 });

type Found = { id: string; impact: string | null | undefined; nodes: number; targets: string[] };

async function seriousViolations(page: Page, opts: { exclude?: string[]; include?: string; disable?: string[] } = {}): Promise<Found[]> {
  let builder = new AxeBuilder({ page });
  if (opts.include) builder = builder.include(opts.include);
  for (const e of opts.exclude ?? []) builder = builder.exclude(e);
  if (opts.disable) builder = builder.disableRules(opts.disable);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

const nav = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('button', { name });

for (const lang of ['en', 'fr'] as const) {
  test(`every view has no serious or critical axe violation (${lang})`, async ({ page }) => {
    await openPlanner(page);
    await saveAs(page, 'Axe one');
    await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
    await saveAs(page, 'Axe two');
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    const found: Record<string, Found[]> = {};
    // Charts drawn, the uncertainty run done.
    await page.waitForTimeout(1500);
    found.planner = await seriousViolations(page);

    await nav(page, /^(Library|Bibliothèque)$/).click();
    await expect(page.getByRole('row', { name: /Axe two/ })).toBeVisible();
    found.library = await seriousViolations(page);

    await nav(page, /^(Compare|Comparer)$/).click();
    await page.getByRole('checkbox', { name: 'Axe one' }).check();
    await page.getByRole('checkbox', { name: 'Axe two' }).check();
    await expect(page.getByRole('region', { name: /^(Comparison|Comparaison)$/ }).getByRole('table')).toBeVisible();
    await page.waitForTimeout(500);
    found.compare = await seriousViolations(page);

    await nav(page, /^(Methodology|Méthodologie)$/).click();
    await expect(page.locator('.prose h2, .prose h3').first()).toBeVisible();
    found.methodology = await seriousViolations(page);

    await nav(page, /^(Report|Rapport)$/).click();
    await expect(page.locator('article.report')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    found.report = await seriousViolations(page);

    expect(found).toEqual({ planner: [], library: [], compare: [], methodology: [], report: [] });
  });
}

test('the "out of date" results have no serious or critical axe violation', async ({ page }) => {
  await openPlanner(page);
  await editor(page).getByRole('region', { name: /colocated in France/ }).getByLabel('Number of GPUs').fill('');
  // The last good results, kept and framed as out of date (issue 16): checked in full, contrast included.
  await expect(results(page).locator('.last-good.out-of-date')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('every chart has a text equivalent: its figures in a table', async ({ page }) => {
  await openPlanner(page);
  const charts = page.locator('figure.chart');
  await expect(charts.first()).toBeVisible();
  await page.waitForTimeout(1000);
  const count = await charts.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    // The figures follow the chart, in a table the keyboard can reach (the tornado has its own table);
    // the table is drawn when its summary is opened.
    const next = chart.locator('xpath=following-sibling::details[1]');
    await expect(next.locator('summary')).toHaveCount(1);
  }
  const first = page.locator('details.chart-figures').first();
  await first.locator('summary').click();
  await expect(first.getByRole('table')).toBeVisible();
  await expect(first.getByRole('row').nth(1)).toContainText(/\d/);
});
