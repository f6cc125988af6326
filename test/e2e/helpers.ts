import { expect, type Page } from '@playwright/test';

/** Opens the planner on a fresh profile and waits for the first results. */
export async function openPlanner(page: Page, path = '/'): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(path);
  await expect(page.getByRole('region', { name: /^(Results|Résultats)$/ }).locator('[data-figure="total-cost"]')).toBeVisible();
  // The library has loaded (the start-up scenario is settled).
  await expect(page.getByRole('toolbar', { name: /^(Scenario tools|Outils du scénario)$/ }).getByRole('status')).not.toHaveText(/Opening your library|Ouverture/);
  expect(errors).toEqual([]);
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
