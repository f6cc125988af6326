import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { editor, openPlanner, results, totalCost } from './helpers.ts';

function option(page: Page, name: RegExp) {
  return editor(page).getByRole('region', { name });
}

test('changing a GPU count changes the results', async ({ page }) => {
  await openPlanner(page);
  const before = await totalCost(page);
  const owned = option(page, /4× H100 SXM, colocated in France/);
  await owned.getByLabel('Number of GPUs').fill('12');
  await expect.poll(() => totalCost(page)).not.toBe(before);
  await expect(results(page).getByText('Out of date')).toHaveCount(0);
});

test('adding a cloud option makes it appear in the table and the charts', async ({ page }) => {
  await openPlanner(page);
  await editor(page).getByRole('button', { name: 'Add a cloud option' }).click();
  const added = editor(page).getByRole('region').filter({ has: page.getByRole('heading', { level: 3 }) }).last();
  const name = await added.getByLabel('Option name').inputValue();
  expect(name.length).toBeGreaterThan(3);
  await expect(results(page).getByRole('columnheader', { name: new RegExp(escape(name)) }).first()).toBeVisible();
  const chart = results(page).getByRole('img', { name: /^Line chart of cumulative cost/i });
  await expect(chart).toHaveAttribute('aria-label', new RegExp(escape(name)));
  // Chart.js drew it: the canvas has pixels.
  await expect(chart.locator('canvas')).toBeVisible();
});

test('a bad input shows its message next to the field and the results keep their last good values', async ({ page }) => {
  await openPlanner(page);
  const before = await totalCost(page);
  const owned = option(page, /4× H100 SXM, colocated in France/);
  const gpus = owned.getByLabel('Number of GPUs');
  await gpus.fill('-3');
  await expect(owned.getByText('Must be at least 1.')).toBeVisible();
  await expect(gpus).toHaveAttribute('aria-invalid', 'true');
  await expect(results(page).getByText(/Out of date: 1 value/)).toBeVisible();
  expect(await totalCost(page)).toBe(before);
  // Text that is not a number at all.
  await gpus.fill('eight');
  await expect(owned.getByText('Enter a number.')).toBeVisible();
  expect(await totalCost(page)).toBe(before);
  // Fixing it brings fresh results back.
  await gpus.fill('4');
  await expect(results(page).getByText(/Out of date/)).toHaveCount(0);
  expect(await totalCost(page)).toBe(before);
});

test('switching to French makes every label French and is remembered', async ({ page }) => {
  await openPlanner(page);
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('region', { name: 'Scénario', exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Résultats', exact: true })).toBeVisible();
  await expect(page.getByLabel('Langue')).toBeVisible();
  // Open the folded sections so their labels count too.
  for (const d of await page.locator('details').all()) await d.evaluate((el) => ((el as HTMLDetailsElement).open = true));
  const text = await page.locator('body').innerText();
  // No English string of the dictionary (one that differs in French) appears on the French page.
  const leftovers = Object.entries(en)
    .filter(([k, v]) => v !== fr[k as keyof typeof fr])
    .map(([, v]) => v.split('{')[0]!.trim())
    .filter((literal) => literal.length >= 14)
    .filter((literal) => text.includes(literal));
  expect(leftovers).toEqual([]);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Scénario', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

for (const lang of ['en', 'fr'] as const) {
  test(`axe finds no serious or critical violation (${lang})`, async ({ page }) => {
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    await page.waitForTimeout(500);
    const scan = await new AxeBuilder({ page }).analyze();
    const bad = scan.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  });
}

test('everything is reachable by keyboard', async ({ page }) => {
  // 260 key presses over a page with the results beside the editor: 43 s on a quiet 2-core machine,
  // close to the 60 s default. Not a speed check: give it room.
  test.slow();
  await openPlanner(page);
  const reached = new Set<string>();
  for (let i = 0; i < 260; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const id = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return `${el.tagName}:${(id ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}`;
    });
    reached.add(label);
  }
  const all = [...reached].join('\n');
  for (const expected of ['SELECT:Language', 'SELECT:Open an example', 'INPUT:Scenario name', 'INPUT:Number of GPUs', 'BUTTON:Add a cloud option', 'SUMMARY:Power, carbon and water']) {
    expect(all).toContain(expected);
  }
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
