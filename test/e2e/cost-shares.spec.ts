// Issue 13's leftovers in the page: a purchase's servers and networking get a second, sourced
// estimate from published cost shares, which the person takes with one click (the facility build
// is shown as context beside the monthly facility cost); a catalog row read from a stored public
// file says "public file, repository not recorded"; the dependency panel's source descriptions
// and qualifications are in French on the French page (issue 16). Screenshots at 1440 and 390 px.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { editor, importFile, openPlanner, results } from './helpers.ts';

const shots = (name: string) => `test-results/cost-shares/${name}.png`;

for (const lang of ['en', 'fr'] as const) {
  test(`servers and networking: the cost-share estimate with its arithmetic, taken with one click (${lang})`, async ({ page }) => {
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    // The mix example: 4 H100 at 30,000 USD, so 120,000 × (13 + 3 + 1.25) ÷ 39 = 53,076.9 (52,307.7–53,846.2).
    const hint = editor(page).getByTestId('cost-shares-server');
    await expect(hint).toContainText(lang === 'en' ? 'Second estimate from published cost shares' : 'Seconde estimation à partir de parts de coût publiées');
    await expect(hint).toContainText(/53[,\u202f\s]?077/);
    await expect(hint).toContainText(/52[,\u202f\s]?308/);
    await expect(hint).toContainText(/53[,\u202f\s]?846/);
    await expect(hint).toContainText(lang === 'en' ? 'Networking 13 % + CPUs 3 % + storage 1–1.5 %' : 'Réseau 13 % + processeurs 3 % + stockage 1–1,5 %');
    await expect(hint).toContainText(lang === 'en' ? '0.442 × the GPU spend' : '0,442 × la dépense en GPU');
    await expect(hint.locator('.source-note')).toContainText(lang === 'en' ? 'single source' : /source unique/);
    const field = editor(page).getByLabel(lang === 'en' ? 'Servers and networking' : 'Serveurs et réseau').first();
    await expect(field).toHaveValue(lang === 'en' ? '76800' : '76800');
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await hint.scrollIntoViewIfNeeded();
      await field.locator('xpath=ancestor::div[contains(@class,"grid")][1]').screenshot({ path: shots(`server-${lang}-${width}`) });
    }
    await hint.getByRole('button', { name: lang === 'en' ? /^Use / : /^Utiliser / }).click();
    await expect(field).toHaveValue(lang === 'en' ? '53076.9' : '53076,9');
    await expect(hint).toContainText(lang === 'en' ? 'In use' : 'Utilisé');
    // The Epoch suggestion stays one click away.
    const box = field.locator('xpath=ancestor::div[contains(@class,"field")][1]');
    await expect(box).toContainText(lang === 'en' ? 'Overridden' : 'Modifié');

    // On own premises, the facility build is context beside the monthly cost, never filled in.
    await editor(page).getByLabel(lang === 'en' ? 'Hosting' : 'Hébergement', { exact: true }).first().selectOption('onPrem');
    const facility = editor(page).getByTestId('cost-shares-facility');
    await expect(facility).toContainText(/101[,\u202f\s]?538/);
    await expect(facility).toContainText(lang === 'en' ? 'stays your own figure' : 'reste votre propre chiffre');
    await expect(editor(page).getByLabel(lang === 'en' ? 'Facility cost' : 'Coût du site').first()).toHaveValue('0');
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await facility.scrollIntoViewIfNeeded();
      await facility.screenshot({ path: shots(`facility-${lang}-${width}`) });
    }
  });

  test(`a price read from a stored public file says its repository is not recorded (${lang})`, async ({ page }) => {
    const s = JSON.parse(readFileSync('public/examples/cloud-h100-on-demand.json', 'utf8'));
    Object.assign(s.options[0], { name: 'H100 on demand, Verda', provider: 'Verda', region: '', regionCountry: null, priceCcyPerGpuHour: 3.25 });
    mkdirSync('test-results/cost-shares', { recursive: true });
    const path = `test-results/cost-shares/verda-${lang}.json`;
    writeFileSync(path, JSON.stringify(s));
    await openPlanner(page);
    await importFile(page, path);
    await expect(editor(page).getByLabel('Scenario name')).toHaveValue(s.name);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    const price = editor(page).getByLabel(lang === 'en' ? 'Price per GPU-hour' : 'Prix par heure-GPU').first();
    const note = price.locator('xpath=ancestor::div[contains(@class,"field")][1]').locator('.origin .source-note').first();
    await expect(note).toContainText(lang === 'en' ? 'public file, repository not recorded' : 'fichier public, dépôt non enregistré');
    await note.screenshot({ path: shots(`stored-file-${lang}`) });
  });

  test(`the provider-jurisdiction list shows its sources in the page's language (${lang})`, async ({ page }) => {
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    const list = results(page).getByTestId('jurisdiction');
    // The mix example rents from AWS: its headquarters from Amazon's 10-K.
    await expect(list).toContainText(lang === 'en' ? "Transcription of Amazon.com, Inc.'s Form 10-K for 2019" : 'Transcription du formulaire 10-K 2019 d’Amazon.com, Inc.');
    await expect(list).not.toContainText('(note en anglais)');
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 1000 });
      await list.scrollIntoViewIfNeeded();
      await list.screenshot({ path: shots(`jurisdiction-${lang}-${width}`) });
    }
  });
}
