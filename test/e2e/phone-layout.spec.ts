import { expect, test } from '@playwright/test';
import { openPlanner, results } from './helpers.ts';

// What a person sees at 390 px: figures whole, wide tables scrolling in their own region.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
test.describe.configure({ timeout: 120_000 });

test('on a phone a headline figure never breaks inside its digits', async ({ page }) => {
  await openPlanner(page, '/', { folded: true });
  await page.locator('#example').selectOption('ma-pool-casablanca.json');
  const total = results(page).locator('[data-figure="total-cost"]');
  await expect(total).toContainText(/MAD\s*\d{2},\d{3},\d{3}/, { timeout: 30_000 });
  // The digits' run ("10,581,209") lies on one line: one client rectangle.
  const lines = await total.evaluate((el) => {
    const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && /\d/.test(n.textContent ?? ''))!;
    const text = node.textContent ?? '';
    const m = /\d[\d,.]*\d/.exec(text)!;
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  });
  expect(lines).toBe(1);
});

test('on a phone the tornado’s figures scroll in their own region, not the whole results panel', async ({ page }) => {
  await openPlanner(page, '/', { folded: true });
  const summary = results(page).getByText('The figures of the tornado', { exact: true });
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await summary.click();
  const region = results(page).getByRole('region', { name: 'The figures of the tornado' });
  await expect(region.getByRole('table')).toBeVisible();
  const panelOverflows = await results(page).evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  expect(panelOverflows).toBe(false);
});

for (const lang of ['en', 'fr'] as const) {
  test(`on a phone the uncertainty charts take the panel's width and the tornado's labels are drawn whole (${lang})`, async ({ page }) => {
    await openPlanner(page, '/', { folded: true });
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    const panel = results(page).locator('.uncertainty');
    const canvases = panel.locator('canvas');
    await expect(canvases).toHaveCount(2, { timeout: 60_000 });
    await panel.getByText(lang === 'en' ? 'The figures of the tornado' : 'Les chiffres de la tornade', { exact: true }).scrollIntoViewIfNeeded();
    // Nested out-of-date frames (results, then uncertainty) leave the charts most of a 390 px screen.
    for (const w of await canvases.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().width))) expect(w).toBeGreaterThanOrEqual(320);
    // A label too long for the axis (Chart.js gives it at most half the chart) runs off the canvas's
    // left edge: ink in its first columns. Drawn whole, the chart's padding keeps them blank.
    const tornado = canvases.nth(1);
    await expect
      .poll(
        () =>
          tornado.evaluate((c: HTMLCanvasElement) => {
            const ctx = c.getContext('2d')!;
            const { data } = ctx.getImageData(0, 0, 3, c.height);
            let inked = 0;
            for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) inked++;
            // The chart has drawn (its bars) before its edge is read.
            const mid = ctx.getImageData(Math.floor(c.width * 0.75), 0, 1, c.height).data;
            let drawn = 0;
            for (let i = 3; i < mid.length; i += 4) if (mid[i]! > 0) drawn++;
            return drawn > 0 ? inked : -1;
          }),
        { timeout: 30_000 },
      )
      .toBe(0);
  });
}
