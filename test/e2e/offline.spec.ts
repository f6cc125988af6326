import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { editor, openPlanner, results, saveAs, totalCost, expandOptions } from './helpers.ts';

const swFile = fileURLToPath(new URL('../../dist/sw.js', import.meta.url));

/** First visit: waits until the service worker has precached everything and is active. */
async function installOffline(page: Page): Promise<void> {
  await openPlanner(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // A reload puts the page under the service worker's control.
  await page.reload();
  await expect(results(page).locator('[data-figure="total-cost"]')).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

test('after a first visit the planner loads, computes, saves and opens share links with no network', async ({ page, context }) => {
  await installOffline(page);
  await context.setOffline(true);
  expect(await page.evaluate(() => fetch('/favicon.svg?not-cached', { cache: 'no-store' }).then(() => 'online', () => 'offline'))).toBe('offline');

  await page.reload();
  await expect(results(page).locator('[data-figure="total-cost"]')).toBeVisible();
  // The example opens again (with its options folded) once the library has loaded.
  await expect(page.getByRole('toolbar', { name: 'Scenario tools' }).getByRole('status')).not.toHaveText(/Opening your library/);
  await expandOptions(page);
  const before = await totalCost(page);
  await editor(page).getByRole('region', { name: /colocated in France/ }).getByLabel('Number of GPUs').fill('6');
  await expect.poll(() => totalCost(page)).not.toBe(before);
  await saveAs(page, 'Planned offline');

  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Link to this scenario').inputValue();
  const edited = await totalCost(page);
  // Another view's address, and a share link, open offline too.
  await page.goto('/?view=library');
  await expect(page.getByRole('row', { name: /Planned offline/ })).toBeVisible();
  const other = await context.newPage();
  await other.goto(link);
  await expect(editor(other).getByLabel('Scenario name')).toHaveValue('Planned offline');
  await expect(results(other).locator('[data-figure="total-cost"]')).toHaveText(edited);
  // An example (fetched from the precache).
  await other.getByLabel('Open an example').selectOption({ index: 1 });
  await expect(editor(other).getByLabel('Scenario name')).not.toHaveValue('Planned offline');
  await context.setOffline(false);
});

test('the app is installable: a manifest with our icons', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await page.request.get(href!)).json();
  expect(manifest).toMatchObject({ name: 'Compute Planner', display: 'standalone', start_url: '/' });
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const res = await page.request.get(`/${icon.src}`);
    expect(res.ok()).toBe(true);
    expect(res.headers()['content-type']).toBe('image/png');
  }
});

test('a new version announces itself and applies only on the person’s click, keeping the edit', async ({ page }) => {
  await installOffline(page);
  const original = readFileSync(swFile, 'utf8');
  try {
    // A new build: the service worker's bytes change.
    appendFileSync(swFile, `\n// a new version ${Date.now()}\n`);
    await editor(page).getByLabel('Scenario name').fill('Typed before the update');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.getByRole('status').filter({ hasText: 'A new version of the planner is ready' });
    await expect(notice).toBeVisible();
    // It waits: the page has not reloaded, the edit is still there.
    await page.waitForTimeout(500);
    await expect(editor(page).getByLabel('Scenario name')).toHaveValue('Typed before the update');
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Update now' }).click()]);
    await expect(editor(page).getByLabel('Scenario name')).toHaveValue('Typed before the update');
    await expect(page.getByText('A new version of the planner is ready')).toHaveCount(0);
  } finally {
    writeFileSync(swFile, original);
  }
});
