// Uncertainty in the browser (issue #6): a range on a price brings the fan chart and the odds;
// a 100,000-sample run shows its progress and can be cancelled.
import { expect, test, type Page } from '@playwright/test';
import { editor, importFile, openPlanner, results } from './helpers.ts';

function uncertaintyPanel(page: Page) {
  return results(page).getByRole('region', { name: 'Uncertainty', exact: true });
}

/** Removes every range of the scenario (the Uncertainty section lists them). */
async function removeAllRanges(page: Page): Promise<void> {
  const section = editor(page).getByRole('group', { name: 'Uncertainty', exact: true });
  while ((await section.getByRole('button', { name: 'Remove range' }).count()) > 0) {
    await section.getByRole('button', { name: 'Remove range' }).first().click();
  }
  await expect(section.getByText('No range yet')).toBeVisible();
}

/** The field (label, input and its range) of an option's input, by the start of its label. */
function field(page: Page, option: RegExp, label: string) {
  return editor(page)
    .getByRole('region', { name: option })
    .locator('.field')
    .filter({ has: page.getByLabel(new RegExp(`^${label}`)) })
    .first();
}

test('a range on a price brings the fan chart and the odds of each option', async ({ page }) => {
  await openPlanner(page);
  await removeAllRanges(page);
  await expect(uncertaintyPanel(page).getByText(/Every input is taken as certain/)).toBeVisible();

  const price = field(page, /AWS Stockholm/, 'Price per GPU-hour');
  await price.getByRole('button', { name: 'Give a range…' }).click();
  const range = price.getByRole('group', { name: /^Range of Price per GPU-hour/ });
  await range.getByLabel('Low (5th percentile)').fill('2');
  await range.getByLabel('High (95th percentile)').fill('9');
  await range.getByLabel('Shape').selectOption('lognormal');

  const panel = uncertaintyPanel(page);
  await expect(panel.getByText(/10,000 samples, seed 1, uncertain inputs: 1/)).toBeVisible();
  await expect(panel.getByRole('img', { name: /^Fan chart of cumulative cost/ })).toBeVisible();
  await expect(panel.getByText(/is the cheapest per useful GPU-hour in \d+(\.\d)?\s?% of the samples/)).toBeVisible();
  // One row per option with its chance of being the cheapest; the three add up to 100 %.
  const table = panel.getByRole('table', { name: 'Spread of each option’s results' });
  await expect(table.getByRole('row')).toHaveCount(4);
  const odds = await table.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => parseFloat((r.children[5]?.textContent ?? '').replace(',', '.'))));
  expect(odds.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 0);
  // The tornado names the input that moves the cloud's cost.
  await panel.getByLabel('Option', { exact: true }).selectOption({ label: 'H100 on demand, AWS Stockholm' });
  await expect(panel.getByRole('img', { name: /^Tornado chart of Total cost of H100 on demand/ })).toBeVisible();
  await panel.getByText('The figures of the tornado').click();
  await expect(panel.getByRole('rowheader', { name: /Price per GPU-hour/ })).toBeVisible();

  // The range is part of the scenario: it survives a reload (autosave) and gives the same odds.
  const summary = await panel.getByText(/is the cheapest per useful GPU-hour/).textContent();
  await editor(page).getByRole('button', { name: 'Save', exact: true }).click();
  await page.reload();
  await expect(uncertaintyPanel(page).getByText(/is the cheapest per useful GPU-hour/)).toHaveText(summary!);
  await expect(field(page, /AWS Stockholm/, 'Price per GPU-hour').getByLabel('High (95th percentile)')).toHaveValue('9');
});

test('a 100,000-sample run shows its progress and can be cancelled', async ({ page }) => {
  await openPlanner(page);
  const panel = uncertaintyPanel(page);
  await expect(panel.getByText(/10,000 samples/)).toBeVisible();
  // A heavy scenario: 6 options over 120 months, 40 ranges, 100,000 samples (about half a second
  // of worker time when warm, more on a fresh worker).
  await importFile(page, 'test/fixtures/scenarios/heavy-uncertainty.json');
  await expect(editor(page).getByLabel('Scenario name')).toHaveValue(/Heavy uncertainty/);
  const progress = panel.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(panel.getByText(/Running 100,000 samples/)).toBeVisible();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByText(/The run was cancelled/)).toBeVisible();
  await expect(progress).toHaveCount(0);
  // The editor still answers, and a run can be started again; it completes.
  await editor(page).getByLabel('Scenario name').fill('Heavy uncertainty, again');
  await panel.getByRole('button', { name: 'Run again' }).click();
  await expect(panel.getByText(/100,000 samples, seed 7, uncertain inputs: 40/)).toBeVisible({ timeout: 30_000 });
  await expect(panel.getByText(/The run was cancelled/)).toHaveCount(0);
});

// Out-of-date figures are marked by their frame's colour, not by a frame that appears: a frame
// that took room narrowed the fan chart by 24 px, and Chart.js redrew it (a main-thread task of
// 40–100 ms) when the figures went out of date and again when the new ones came, at each pause in typing.
test('figures going out of date and back keep their size: the fan chart is not redrawn for the frame', async ({ page }) => {
  await openPlanner(page);
  const panel = uncertaintyPanel(page);
  await expect(panel.getByText(/10,000 samples/)).toBeVisible();
  await expect(panel.locator('.chart-img[aria-label^="Fan chart"] canvas')).toBeVisible();
  await page.evaluate(() => {
    const w = window as unknown as { sizes: string[]; marks: string[] };
    w.sizes = [];
    w.marks = [];
    const chart = document.querySelector('.uncertainty .chart-img[aria-label^="Fan chart"]')!;
    new ResizeObserver((es) => es.forEach((e) => w.sizes.push(`${Math.round(e.contentRect.width)}x${Math.round(e.contentRect.height)}`))).observe(chart);
    new MutationObserver((ms) => ms.forEach((m) => w.marks.push((m.target as Element).getAttribute('data-out-of-date')!))).observe(document.querySelector('.uncertainty')!, { attributes: true, subtree: true, attributeFilter: ['data-out-of-date'] });
  });
  const growth = editor(page).getByLabel(/^Monthly growth/).first();
  await growth.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('3');
  // The figures went out of date, then the new run's came.
  await expect.poll(() => page.evaluate(() => (window as unknown as { marks: string[] }).marks.join(' '))).toBe('true false');
  // The observer reports the size once when it starts; nothing after.
  expect(await page.evaluate(() => (window as unknown as { sizes: string[] }).sizes)).toHaveLength(1);
});
