// Broken stored data (issue #7): a record that cannot be loaded — damaged, or from a newer
// version — is set aside and reported, never deleted, and never blocks the rest of the library.
import { expect, test, type Page } from '@playwright/test';
import { countDialogs, editor, openPlanner, saveAs, storedRows } from './helpers.ts';

/** Writes rows straight into the library's IndexedDB store, as another version or a bug might. */
async function writeRaw(page: Page, rows: unknown[]): Promise<void> {
  await page.evaluate(async (rows) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('compute-planner');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('scenarios', 'readwrite');
      for (const row of rows) tx.objectStore('scenarios').put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, rows);
}

test('damaged and newer-version records are set aside and reported, never deleted, and the rest opens', async ({ page }) => {
  await openPlanner(page);
  await saveAs(page, 'Good plan');
  const good = (await storedRows(page))[0] as { scenario: Record<string, unknown> };
  const now = new Date().toISOString();
  await writeRaw(page, [
    { id: 'damaged', name: 'Damaged', updatedAt: now, revision: 1, summary: null, scenario: { ...good.scenario, id: 'damaged', options: 'not a list' } },
    { id: 'from-the-future', name: 'From the future', updatedAt: now, revision: 1, summary: null, scenario: { ...good.scenario, id: 'from-the-future', version: 99 } },
    { id: 'not-a-scenario', name: 'Not a scenario', updatedAt: now, revision: 1, summary: null, scenario: '<script>alert(1)</script>' },
    { id: 'half-a-row' },
  ]);
  const dialogs = countDialogs(page);

  await page.reload();
  const report = page.getByRole('status').filter({ hasText: /could not be read/ });
  await expect(report).toHaveText(/4 saved scenario\(s\) could not be read .* set aside, not deleted/);
  // The good scenario still opens, and the library lists it alone.
  await expect(editor(page).getByLabel('Scenario name')).toHaveValue('Good plan');
  await page.getByRole('navigation').getByRole('button', { name: 'Library', exact: true }).click();
  await expect(page.getByRole('main').getByText('Good plan')).toBeVisible();
  await expect(page.getByRole('main').getByText('From the future')).toHaveCount(0);
  // Kept, not deleted: the four rows moved to the set-aside store; a reload reports them again.
  expect((await storedRows(page, 'setAside')).length).toBe(4);
  expect((await storedRows(page, 'scenarios')).length).toBe(1);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /could not be read/ })).toHaveText(/^4 /);
  expect((await storedRows(page, 'setAside')).length).toBe(4);
  expect(dialogs()).toBe(0);
});
