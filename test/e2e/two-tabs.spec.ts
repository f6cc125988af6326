// Two tabs on the same scenario (issue #7): an edit in one reaches the other (BroadcastChannel),
// and a tab that missed it never silently overwrites the newer copy.
import { expect, test, type Page } from '@playwright/test';
import { editor, openPlanner, totalCost } from './helpers.ts';

const status = (page: Page) => page.getByRole('toolbar', { name: 'Scenario tools' }).getByRole('status');
const nameField = (page: Page) => editor(page).getByLabel('Scenario name');
const gpus = (page: Page) => editor(page).getByRole('region', { name: /colocated in France/ }).getByLabel('Number of GPUs');

/** Tab A saves a scenario; tab B, opened after, shows it (the library reopens the last one). */
async function twoTabs(page: Page, openB: () => Promise<Page>): Promise<Page> {
  await openPlanner(page);
  await nameField(page).fill('Shared plan');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(status(page)).toHaveText(/Saved on this device/);
  const b = await openB();
  await openPlanner(b);
  await expect(nameField(b)).toHaveValue('Shared plan');
  return b;
}

test('an edit in one tab reaches the other', async ({ page, context }) => {
  const b = await twoTabs(page, () => context.newPage());
  await nameField(page).fill('Shared plan, edited in tab A');
  await gpus(page).fill('6');
  await expect(status(page)).toHaveText(/Saved on this device/);
  // Tab B follows, without a reload: same inputs, same results.
  await expect(nameField(b)).toHaveValue('Shared plan, edited in tab A');
  await expect(gpus(b)).toHaveValue('6');
  await expect.poll(() => totalCost(b)).toBe(await totalCost(page));
  // And back: an edit in B reaches A.
  await nameField(b).fill('Shared plan, edited in tab B');
  await expect(nameField(page)).toHaveValue('Shared plan, edited in tab B');
});

test('a tab that missed the other tab’s save never overwrites it: it is told, and chooses', async ({ page, context }) => {
  // Tab B cannot hear tab A (as if BroadcastChannel were missing): only the revision check protects the data.
  const b = await twoTabs(page, async () => {
    const p = await context.newPage();
    await p.addInitScript(() => {
      delete (window as unknown as { BroadcastChannel?: unknown }).BroadcastChannel;
    });
    return p;
  });
  await nameField(page).fill('Newer, from tab A');
  await expect(status(page)).toHaveText(/Saved on this device/);
  await expect(nameField(b)).toHaveValue('Shared plan'); // B did not hear it
  // B, stale, edits: its save is refused, and it says so instead of overwriting.
  await nameField(b).fill('Older base, from tab B');
  const conflict = b.getByText(/changed in another tab .* Nothing was overwritten/);
  await expect(conflict).toBeVisible();
  // Tab A's copy is intact in the library.
  await page.reload();
  await expect(nameField(page)).toHaveValue('Newer, from tab A');
  // B keeps its work as a new scenario: both are in the library.
  await b.getByRole('button', { name: 'Keep mine as a new scenario' }).click();
  await expect(conflict).toHaveCount(0);
  await b.getByRole('navigation').getByRole('button', { name: 'Library', exact: true }).click();
  await expect(b.getByRole('main').getByText('Newer, from tab A')).toBeVisible();
  await expect(b.getByRole('main').getByText('Older base, from tab B')).toBeVisible();
});
