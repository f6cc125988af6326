import { expect, test } from '@playwright/test';
import { openPlanner, results, saveAs } from './helpers.ts';

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
test.describe.configure({ timeout: 120_000 });

test('on a phone the results are one tap away', async ({ page }) => {
  await openPlanner(page);
  const heading = results(page).getByRole('heading', { name: 'Results', level: 2 });
  await expect(heading).not.toBeInViewport();
  await page.getByRole('link', { name: /^Results/ }).tap();
  await expect(heading).toBeInViewport();
  await expect(results(page).locator('[data-figure="total-cost"]')).toBeInViewport();
  // The address is untouched (the fragment is for share links).
  expect(new URL(page.url()).hash).toBe('');
});

test('on a phone the library shows each value and Compare its first plan’s values', async ({ page }) => {
  await openPlanner(page);
  await saveAs(page, 'Phone one');
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await saveAs(page, 'Phone two');
  await page.getByRole('navigation').getByRole('button', { name: 'Library', exact: true }).click();
  const row = page.getByRole('row', { name: /Phone two/ });
  for (let i = 0; i < 4; i++) {
    const cell = row.getByRole('cell').nth(i);
    await cell.scrollIntoViewIfNeeded();
    await expect(cell).toBeInViewport({ ratio: 1 });
  }
  await page.getByRole('navigation').getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Phone one' }).check();
  await page.getByRole('checkbox', { name: 'Phone two' }).check();
  const table = page.getByRole('region', { name: 'Comparison' }).getByRole('table');
  const first = table.getByRole('row').nth(1);
  await first.scrollIntoViewIfNeeded();
  await expect(first.getByRole('rowheader')).toBeInViewport({ ratio: 1 });
  await expect(first.getByRole('cell').first()).toBeInViewport({ ratio: 1 });
});
