// Option cards fold to a summary line (issue 16, "so the page is short"): a scenario that opens
// with several options opens with them folded, each showing its kind, name, accelerator, key price
// and total alone; a button (aria-expanded) shows or folds its inputs, by keyboard too; the choice
// is kept per card; a newly added option opens unfolded. English and French.
import { expect, test, type Page } from '@playwright/test';
import { en } from '../../src/i18n/en.ts';
import { fr } from '../../src/i18n/fr.ts';
import { editor, openPlanner, results } from './helpers.ts';

const L = {
  en: { show: (n: string) => en['option.show'].replace('{name}', n), hide: (n: string) => en['option.hide'].replace('{name}', n), perHour: 'per GPU-hour', perGpu: 'per GPU', price: 'Price per GPU-hour', add: en['options.addCloud'] },
  fr: { show: (n: string) => fr['option.show'].replace('{name}', n), hide: (n: string) => fr['option.hide'].replace('{name}', n), perHour: 'par heure-GPU', perGpu: 'par GPU', price: 'Prix par heure-GPU', add: fr['options.addCloud'] },
} as const;

const cards = (page: Page) => editor(page).locator('section.option');
const card = (page: Page, name: string) => editor(page).getByRole('region', { name: new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });

for (const lang of ['en', 'fr'] as const) {
  test(`${lang}: the mix opens folded to summary lines; a card unfolds and folds by keyboard; the choice is kept per card`, async ({ page }) => {
    await openPlanner(page, '/', { folded: true });
    if (lang === 'fr') {
      await page.getByLabel('Language').selectOption('fr');
      await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    }
    const t = L[lang];
    await expect(cards(page)).toHaveCount(3);
    // Folded: no input of any option is on the page, each card says what it is in one summary.
    await expect(editor(page).getByLabel(new RegExp(`^${t.price}`))).toHaveCount(0);
    for (const name of ['4× H100 SXM, colocated in France', 'H100 on demand, AWS Stockholm', 'H100 on Vast.ai']) {
      const toggle = card(page, name).getByRole('button', { name: t.show(name), exact: true });
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(card(page, name).locator('header .summary')).toContainText('H100 SXM5');
    }
    const cloud = card(page, 'H100 on demand, AWS Stockholm');
    const summary = cloud.locator('header .summary');
    await expect(summary).toContainText(t.perHour);
    // The total alone is the one the results table shows for this option.
    await expect(summary).toContainText(/\d/);
    await expect(card(page, '4× H100 SXM, colocated in France').locator('header .summary')).toContainText(t.perGpu);
    await expect(results(page).locator('[data-figure="total-cost"]')).toBeVisible();

    // Keyboard: Tab reaches the button, Enter unfolds, the focus stays on it, Space folds.
    const toggle = cloud.getByRole('button', { name: t.show('H100 on demand, AWS Stockholm'), exact: true });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const hide = cloud.getByRole('button', { name: t.hide('H100 on demand, AWS Stockholm'), exact: true });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(hide).toBeFocused();
    const controls = await hide.getAttribute('aria-controls');
    expect(controls).toBeTruthy();
    await expect(page.locator(`#${controls}`)).toBeVisible();
    const price = cloud.getByLabel(new RegExp(`^${t.price}`));
    await expect(price).toBeVisible();
    await expect(cloud.locator('header .summary')).toHaveCount(0);

    // Typing into it keeps it open; the other cards stay folded.
    await price.fill('8');
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(editor(page).locator('section.option > header button[aria-expanded="false"]')).toHaveCount(2);

    // A new option opens unfolded (the person is about to fill it); the others keep their state.
    await editor(page).getByRole('button', { name: t.add }).click();
    await expect(cards(page)).toHaveCount(4);
    await expect(cards(page).last().locator('header button').first()).toHaveAttribute('aria-expanded', 'true');
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(card(page, 'H100 on Vast.ai').getByRole('button', { name: t.show('H100 on Vast.ai'), exact: true })).toHaveAttribute('aria-expanded', 'false');

    await hide.focus();
    await page.keyboard.press(' ');
    await expect(cloud.getByRole('button', { name: t.show('H100 on demand, AWS Stockholm'), exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(cloud.getByLabel(new RegExp(`^${t.price}`))).toHaveCount(0);
  });
}

test('a scenario with one option opens with its inputs shown; an input to fix is said on the folded card', async ({ page }) => {
  await openPlanner(page, '/', { folded: true });
  await page.getByLabel('Open an example').selectOption({ label: 'Same demand on H100 on demand (AWS)' });
  await expect(cards(page)).toHaveCount(1);
  await expect(cards(page).first().getByRole('button', { expanded: true })).toHaveCount(1);
  const price = cards(page).first().getByLabel(/^Price per GPU-hour/);
  await price.fill('');
  await cards(page).first().getByRole('button', { expanded: true }).click();
  await expect(cards(page).first().locator('header .summary')).toContainText('inputs to fix');
});
