import { expect, test } from '@playwright/test';
import { editor, openPlanner, results, totalCost } from './helpers.ts';

test('the built app opens on an example with its results, without errors', async ({ page }) => {
  await openPlanner(page);
  await expect(page).toHaveTitle('Compute Planner');
  await expect(editor(page).getByLabel('Scenario name')).toHaveValue(/.+/);
  expect(await totalCost(page)).toMatch(/\d/);
  await expect(results(page).getByRole('heading', { name: 'Each option alone, and the mix' })).toBeVisible();
});
