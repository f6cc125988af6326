import { expect, type Page } from '@playwright/test';

/**
 * Opens the planner on a fresh profile and waits for the first results. The example it opens on
 * has several options, so their cards open folded: unless `folded`, every card is then unfolded
 * (expandOptions) so that a test can type into an option's fields.
 */
export async function openPlanner(page: Page, path = '/', { folded = false } = {}): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  // The first results need the worker warm: generous on a loaded machine (timings are noise here).
  await expect(page.getByRole('region', { name: /^(Results|Résultats)$/ }).locator('[data-figure="total-cost"]')).toBeVisible({ timeout: 30_000 });
  // The library has loaded (the start-up scenario is settled).
  await expect(page.getByRole('toolbar', { name: /^(Scenario tools|Outils du scénario)$/ }).getByRole('status')).not.toHaveText(/Opening your library|Ouverture/);
  expect(errors).toEqual([]);
  if (!folded) await expandOptions(page);
}

/** Unfolds every folded option card of the editor (a scenario with several options opens with them folded). */
export async function expandOptions(page: Page): Promise<void> {
  const folded = editor(page).locator('section.option > header button[aria-expanded="false"]');
  for (let n = await folded.count(); n > 0; n = await folded.count()) {
    await folded.first().click();
    await expect(folded).toHaveCount(n - 1);
  }
}

export function results(page: Page) {
  return page.getByRole('region', { name: /^(Results|Résultats)$/ });
}

export function editor(page: Page) {
  return page.getByRole('region', { name: /^(Scenario|Scénario)$/ });
}

export async function totalCost(page: Page): Promise<string> {
  return (await results(page).locator('[data-figure="total-cost"]').textContent()) ?? '';
}

/** Names the scenario, saves it, and waits until the status says it is saved. */
export async function saveAs(page: Page, name: string): Promise<void> {
  await editor(page).getByLabel('Scenario name').fill(name);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('toolbar', { name: 'Scenario tools' }).getByRole('status')).toHaveText(/Saved on this device/);
}

/** Imports a file through the toolbar's "Import a file" button. */
export async function importFile(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import a file' }).click()]);
  await chooser.setFiles(path);
}

/** After opening another scenario with several options (a copy, an import): waits until its cards fold, then unfolds them. */
export async function expandOptionsOnceFolded(page: Page): Promise<void> {
  await expect(editor(page).locator('section.option > header button[aria-expanded="false"]').first()).toBeVisible();
  await expandOptions(page);
}

/** Every row of one of the library's IndexedDB stores, read directly (not through the app). */
export async function storedRows(page: Page, store = 'scenarios'): Promise<unknown[]> {
  return page.evaluate(async (store) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('compute-planner');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const q = db.transaction(store).objectStore(store).getAll();
      q.onsuccess = () => resolve(q.result);
      q.onerror = () => reject(q.error);
    });
    db.close();
    return rows;
  }, store);
}

/** Dismisses and counts every dialog (alert, confirm, prompt) the page opens: hostile text must open none. */
export function countDialogs(page: Page): () => number {
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  return () => dialogs;
}
