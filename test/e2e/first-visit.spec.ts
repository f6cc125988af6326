// The first visit's start (issue 16): on an empty device with no link, four questions build a
// first plan whose results open; the editor is one click away; a saved library or a share link
// never gives way to the start. This spec alone opens the page as a first visit (the others mark
// the start as done in playwright.config.ts).
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encodeScenario } from '../../src/storage/share-link.ts';
import { editor, results, storedRows } from './helpers.ts';

test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ timeout: 120_000 });

const TEXT = {
  en: { title: 'Start here', training: 'Train a model once', years2: '2 years', country: 'Your country', currency: 'Currency', sovereignty: /^Sovereignty/, build: 'Build my first plan', skip: 'Open the full editor instead', name: 'My first plan', scenarioName: 'Scenario name' },
  fr: { title: 'Commencer ici', training: 'Entraîner un modèle une fois', years2: '2 ans', country: 'Votre pays', currency: 'Devise', sovereignty: /^La souveraineté/, build: 'Construire mon premier plan', skip: 'Ouvrir plutôt l’éditeur complet', name: 'Mon premier plan', scenarioName: 'Nom du scénario' },
} as const;

const start = (page: Page, lang: 'en' | 'fr') => page.getByRole('region', { name: TEXT[lang].title });

for (const lang of ['en', 'fr'] as const) {
  test.describe(lang, () => {
    test.use({ locale: lang === 'fr' ? 'fr-FR' : 'en-US' });

    test(`the start builds a first plan and opens its results, and has no serious axe violation (${lang})`, async ({ page }) => {
      const x = TEXT[lang];
      await page.goto('/');
      await expect(start(page, lang)).toBeVisible({ timeout: 30_000 });
      // Where you are: the browser's region is suggested (fr-FR → France in euros, en-US → the United States in dollars).
      await expect(page.getByLabel(x.country, { exact: true })).toHaveValue(lang === 'fr' ? 'FRA' : 'USA');
      await expect(page.getByLabel(x.currency, { exact: true })).toHaveValue(lang === 'fr' ? 'EUR' : 'USD');

      const { violations } = await new AxeBuilder({ page }).include('.first-visit').analyze();
      expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

      await page.getByRole('radio', { name: x.training }).check();
      await page.getByRole('radio', { name: x.years2 }).check();
      await page.getByLabel(x.country, { exact: true }).selectOption('MAR');
      await expect(page.getByLabel(x.currency, { exact: true })).toHaveValue('MAD');
      await page.getByRole('radio', { name: x.sovereignty }).check();
      await page.getByRole('button', { name: x.build }).click();

      // The editor holds the plan, the results are its own, and it is saved.
      await expect(start(page, lang)).toHaveCount(0);
      await expect(editor(page).getByLabel(x.scenarioName)).toHaveValue(x.name);
      await expect(results(page).locator('[data-figure="total-cost"]')).toBeVisible({ timeout: 30_000 });
      await expect(results(page)).toBeFocused();
      await expect(results(page).locator('#dependency-title')).toBeInViewport();
      await expect.poll(async () => (await storedRows(page)).length).toBe(1);
      const [row] = (await storedRows(page)) as { scenario: { settings: Record<string, unknown>; workload: { kind: string }; options: { kind: string }[] } }[];
      expect(row!.scenario.settings).toMatchObject({ horizonMonths: 24, plannerCountry: 'MAR', currency: 'MAD' });
      expect(row!.scenario.workload.kind).toBe('training');
      expect(row!.scenario.options.map((o) => o.kind)).toEqual(['buy', 'cloud']);
      const text = (await results(page).textContent()) ?? '';
      expect(text).toContain('MAD');

      // The saved library is never replaced by the start, even if the start's mark is lost.
      await page.evaluate(() => localStorage.removeItem('compute-planner.started'));
      await page.reload();
      await expect(editor(page).getByLabel(x.scenarioName)).toHaveValue(x.name, { timeout: 30_000 });
      await expect(start(page, lang)).toHaveCount(0);
    });

    test(`the full editor is one click away, and the start does not come back (${lang})`, async ({ page }) => {
      const x = TEXT[lang];
      await page.goto('/');
      await page.getByRole('button', { name: x.skip }).click();
      await expect(editor(page).getByLabel(x.scenarioName)).toBeVisible();
      await expect(results(page).locator('[data-figure="total-cost"]')).toBeVisible({ timeout: 30_000 });
      await page.reload();
      await expect(editor(page).getByLabel(x.scenarioName)).toBeVisible({ timeout: 30_000 });
      await expect(start(page, lang)).toHaveCount(0);
    });
  });
}

test('a share link opens its scenario, not the start', async ({ page }) => {
  const example = JSON.parse(readFileSync('public/examples/cloud-h100-on-demand.json', 'utf8')) as Record<string, unknown>;
  await page.goto(`/#${await encodeScenario({ ...example, id: 'from-a-link' })}`);
  await expect(editor(page).getByLabel('Scenario name')).toHaveValue(String(example.name), { timeout: 30_000 });
  await expect(start(page, 'en')).toHaveCount(0);
});
