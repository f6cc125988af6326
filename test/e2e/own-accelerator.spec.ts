// Own accelerators (issue 12): a person defines an accelerator the catalog lacks, typing its
// figures the page's way; a bad die area is refused on its field and nothing is saved; once saved
// it drives the results (embodied carbon, suppliers, export controls); the share link carries it
// and a fresh browser profile shows the same results. English and French.
import { expect, test, type Page } from '@playwright/test';
import { editor, expandOptions, openPlanner, results } from './helpers.ts';

const L = {
  en: {
    define: 'Define your own accelerator…',
    name: 'Name', vendor: 'Vendor', vendorCountry: 'Vendor’s country', foundry: 'Foundry', foundryCountry: 'Country of the foundry’s fab',
    node: /^Process node/, die: /^Die area/, memory: /^Memory/, tdp: /^TDP/, bf16: /^Dense BF16 peak/, tpp: /^TPP/,
    save: 'Save this accelerator', shipped: /Outside the parts shipped so far: the catalog’s accelerators range from 608\.4 to 1,060/,
    notSaved: /Nothing was saved/, tdpOther: '600,0', tdpRead: 'Read as 600 (the comma taken as the decimal separator).', price: '25,000', tppTyped: '6,400', dieBad: '5,000', country: 'South Korea',
    share: 'Share', link: 'Link to this scenario', preview: /Embodied carbon per card: 49\.6 kgCO2e/,
  },
  fr: {
    define: 'Définir votre propre accélérateur…',
    name: 'Nom', vendor: 'Fabricant', vendorCountry: 'Pays du fabricant', foundry: 'Fonderie', foundryCountry: 'Pays de l’usine de la fonderie',
    node: /^Nœud de gravure/, die: /^Surface de la puce/, memory: /^Mémoire/, tdp: /^TDP/, bf16: /^Pic BF16 dense/, tpp: /^TPP/,
    save: 'Enregistrer cet accélérateur', shipped: /Hors des puces livrées à ce jour : les accélérateurs du catalogue vont de 608,4 à 1\u202f060/,
    notSaved: /Rien n’a été enregistré/, tdpOther: '600.0', tdpRead: 'Lu comme 600 (séparateur décimal : point).', price: '25 000', tppTyped: '6 400', dieBad: '5 000', country: 'Corée du Sud',
    share: 'Partager', link: 'Lien vers ce scénario', preview: /Carbone intrinsèque par carte : 49,6 kgCO2e/,
  },
} as const;

async function figures(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const el of await results(page).locator('[data-figure]').all()) out[(await el.getAttribute('data-figure'))!] = (await el.textContent())!.trim();
  return out;
}

/** The supplier table of the dependency panel, as text, row by row. */
async function tiers(page: Page): Promise<string[]> {
  return results(page).locator('section[aria-labelledby="dependency-title"] table tbody tr').allInnerTexts();
}

for (const lang of ['en', 'fr'] as const) {
  test(`define an own accelerator, see its results, share it, same results in a fresh profile (${lang})`, async ({ page, browser }) => {
    // Two full evaluations, a share and a second browser: the slow timeout (it checks results, not speed).
    test.slow();
    const l = L[lang];
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    const before = await figures(page);

    // The first option's "Define your own accelerator…" (the workload's reference select has one too).
    await editor(page).getByRole('button', { name: l.define }).nth(1).click();
    const form = page.getByRole('dialog');
    await expect(form).toBeVisible();
    await form.getByLabel(l.name, { exact: true }).pressSequentially('Rivet R1');
    await form.getByLabel(l.vendor, { exact: true }).pressSequentially('Rivet Labs');
    await form.getByLabel(l.vendorCountry).selectOption({ label: l.country });
    await form.getByLabel(l.foundry, { exact: true }).pressSequentially('Samsung');
    await form.getByLabel(l.foundryCountry).selectOption({ label: l.country });
    await form.getByLabel(l.node).pressSequentially('7');
    await form.getByLabel(l.die).pressSequentially(l.dieBad);
    await form.getByLabel(l.memory).pressSequentially('96');
    // In the other language's convention: one reading only, and the field says how it read it.
    await form.getByLabel(l.tdp).pressSequentially(l.tdpOther);
    await expect(form.getByText(l.tdpRead)).toBeVisible();
    await expect(form.getByLabel(l.tdp)).toHaveAccessibleDescription(new RegExp(`^${l.tdpRead.replace(/[.()]/g, '\\$&')}`));
    await form.getByLabel(l.bf16).pressSequentially('400');
    // TPP pasted with the page's thousands separator.
    await form.getByLabel(l.tpp).focus();
    await page.keyboard.insertText(l.tppTyped);

    // A die area beyond the shipped parts: refused on its field, nothing saved.
    await form.getByRole('button', { name: l.save }).click();
    await expect(form.getByText(l.shipped)).toBeVisible();
    await expect(form.getByText(l.notSaved)).toBeVisible();
    await expect(form.getByLabel(l.die)).toHaveAttribute('aria-invalid', 'true');
    expect(await figures(page)).toEqual(before);

    await form.getByLabel(l.die).fill('');
    await form.getByLabel(l.die).pressSequentially('700');
    await expect(form.getByText(l.preview)).toBeVisible();
    await form.getByRole('button', { name: l.save }).click();
    await expect(form).toBeHidden();

    // Its results: the option runs on it. The catalog has no price for it: the person types theirs.
    await expect(page.locator('#f-options-0-acceleratorId')).toHaveValue('own-rivet-r1');
    await expect(page.locator('#f-options-0-unitPriceCcyPerGpu')).toHaveAttribute('aria-invalid', 'true');
    await page.locator('#f-options-0-unitPriceCcyPerGpu').pressSequentially(l.price);
    await page.locator('#f-options-0-maintenanceCcyPerYear').pressSequentially('0');
    // Its vendor, foundry and fab country are in the supplier tiers.
    await expect.poll(async () => (await tiers(page)).join('\n'), { timeout: 20_000 }).toMatch(/Samsung/);
    await expect.poll(async () => (await tiers(page)).join('\n')).toMatch(/Rivet Labs/);
    await expect.poll(async () => (await figures(page)).embodied, { timeout: 20_000 }).not.toBe(before.embodied);
    await page.waitForTimeout(500);
    const mine = await figures(page);
    const mineTiers = await tiers(page);
    await page.screenshot({ path: `.test-output/screens/own-accelerator-${lang}-1440.png`, fullPage: false });

    await page.getByRole('button', { name: l.share }).click();
    const link = await page.getByLabel(l.link).inputValue();
    expect(link).toMatch(/#scenario=v1\.[A-Za-z0-9_-]+$/);

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(results(other).locator('[data-figure="total-cost"]')).toBeVisible({ timeout: 30_000 });
    if (lang === 'fr') await other.getByLabel('Language').selectOption('fr');
    await expect.poll(async () => (await tiers(other)).join('\n'), { timeout: 20_000 }).toMatch(/Samsung/);
    await other.waitForTimeout(500);
    expect(await figures(other)).toEqual(mine);
    expect(await tiers(other)).toEqual(mineTiers);
    // A scenario opened from a link with several options opens with its cards folded.
    await expandOptions(other);
    await expect(other.locator('#f-options-0-acceleratorId')).toHaveValue('own-rivet-r1');
    await fresh.close();
  });
}

for (const [lang, width] of [['en', 1440], ['fr', 1440], ['en', 390], ['fr', 390]] as const) {
  test(`screenshot of the form (${lang}, ${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    await editor(page).getByRole('button', { name: L[lang].define }).nth(1).click();
    const form = page.getByRole('dialog');
    await form.getByLabel(L[lang].name, { exact: true }).pressSequentially('Rivet R1');
    await form.getByLabel(L[lang].node).pressSequentially('7');
    await form.getByLabel(L[lang].die).pressSequentially('700');
    await form.getByLabel(L[lang].memory).pressSequentially('96');
    await form.getByLabel(L[lang].bf16).pressSequentially('400');
    await form.getByLabel(L[lang].tdp).pressSequentially('2000');
    await form.getByRole('button', { name: L[lang].save }).click();
    await page.screenshot({ path: `.test-output/screens/own-accelerator-form-${lang}-${width}.png`, fullPage: false });
  });
}
