import { expect, test, type Page } from '@playwright/test';
import { editor, openPlanner, saveAs } from './helpers.ts';

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });

test('each view has an address; Back and Forward move between views; a reload keeps the view', async ({ page }) => {
  await openPlanner(page);
  await expect(page).toHaveURL(/\/$/);
  await nav(page, 'Library').click();
  await expect(page).toHaveURL(/\?view=library$/);
  await expect(page.getByRole('heading', { name: 'Library', level: 2 })).toBeVisible();
  await nav(page, 'Methodology').click();
  await expect(page).toHaveURL(/\?view=methodology$/);
  await expect(page.getByRole('heading', { name: 'Methodology', level: 2 })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\?view=library$/);
  await expect(page.getByRole('heading', { name: 'Library', level: 2 })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(editor(page).getByLabel('Scenario name')).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Library', level: 2 })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\?view=library$/);
  await expect(page.getByRole('heading', { name: 'Library', level: 2 })).toBeVisible();
  await expect(nav(page, 'Library')).toHaveAttribute('aria-current', 'page');
});

test('Compare keeps its chosen scenarios in the address, across a reload and Back', async ({ page }) => {
  await openPlanner(page);
  await saveAs(page, 'Plan one');
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await saveAs(page, 'Plan two');
  await nav(page, 'Compare').click();
  await expect(page).toHaveURL(/\?view=compare$/);
  await page.getByRole('checkbox', { name: 'Plan one' }).check();
  await page.getByRole('checkbox', { name: 'Plan two' }).check();
  await expect(page).toHaveURL(/\?view=compare&ids=[\w-]+,[\w-]+$/);
  const table = page.getByRole('region', { name: 'Comparison' });
  await expect(table.getByRole('columnheader', { name: /Plan two/ })).toBeVisible();
  const address = page.url();

  await page.reload();
  expect(page.url()).toBe(address);
  await expect(page.getByRole('checkbox', { name: 'Plan one' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Plan two' })).toBeChecked();
  await expect(table.getByRole('columnheader', { name: /Plan one/ })).toBeVisible();

  // Ticking does not add history entries: Back goes to the view before Compare.
  await page.goBack();
  await expect(page).toHaveURL(/\/$/);
  await expect(editor(page).getByLabel('Scenario name')).toHaveValue('Plan two');
  await page.goForward();
  await expect(page.getByRole('checkbox', { name: 'Plan one' })).toBeChecked();
  // Another view and back: Compare opens on its last choice.
  await nav(page, 'Library').click();
  await nav(page, 'Compare').click();
  expect(page.url()).toBe(address);
});

test('the share fragment stays separate from the view', async ({ page, browser }) => {
  await openPlanner(page);
  await editor(page).getByLabel('Scenario name').fill('Linked plan');
  await nav(page, 'Library').click();
  await nav(page, 'Planner').click();
  await page.getByRole('button', { name: 'Share' }).click();
  const link = await page.getByLabel('Link to this scenario').inputValue();
  expect(new URL(link).search).toBe('');
  expect(new URL(link).hash).toMatch(/^#scenario=v1\./);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(editor(other).getByLabel('Scenario name')).toHaveValue('Linked plan');
  await nav(other, 'Methodology').click();
  const url = new URL(other.url());
  expect(url.search).toBe('?view=methodology');
  expect(url.hash).toBe(new URL(link).hash);
  await other.goBack();
  await expect(editor(other).getByLabel('Scenario name')).toHaveValue('Linked plan');
  await expect(other.getByText('This scenario comes from a link.')).toBeVisible();
  await fresh.close();
});

test('the methodology opens on its table of contents; a section link keeps the address', async ({ page }) => {
  await openPlanner(page);
  await nav(page, 'Methodology').click();
  const toc = page.getByRole('navigation', { name: 'Contents' });
  await expect(toc.getByRole('link')).not.toHaveCount(0);
  const address = page.url();
  await toc.getByRole('link', { name: /^4\. / }).click();
  await expect(page.getByRole('heading', { name: /^4\. / }).first()).toBeInViewport();
  expect(page.url()).toBe(address);
});
