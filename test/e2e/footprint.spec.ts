// Issue 12: a person types the metered energy of an option (with thousands separators, as people
// type) and the share of its electricity a PPA covers, and sees both emission figures —
// location-based and market-based — side by side, in English and French; a share above 100 % is
// refused on its field. Screenshots at 1440 px and 390 px in both languages.
import { expect, test, type Page } from '@playwright/test';
import { editor, openPlanner, results } from './helpers.ts';

const L = {
  en: { footprint: 'Power, carbon and water', known: 'Known energy and contract', measured: 'Measured energy', source: 'Where the measured energy comes from', covered: 'Share covered by PPAs or certificates', typed: '250,000', location: 'Operational, location-based', market: 'Operational, market-based', parts: 'The footprint’s parts', measuredFrom: 'measured (meter)', tooBig: /100/ },
  fr: { footprint: 'Puissance, carbone et eau', known: 'Énergie connue et contrat', measured: 'Énergie mesurée', source: 'Origine de l’énergie mesurée', covered: 'Part couverte par PPA ou certificats', typed: '250 000', location: 'Exploitation, méthode localisation', market: 'Exploitation, méthode marché', parts: 'Le détail de l’empreinte', measuredFrom: 'mesurée (meter)', tooBig: /100/ },
} as const;

/** A figure of the headline as a number of tonnes or kilograms (the unit is read from the text). */
function kg(text: string): number {
  const t = text.replace(/[\s\u202f\u00a0]/g, '');
  const n = Number(t.replace(/[^\d,.]/g, '').replace(/,(?=\d{3}(\D|$))/g, '').replace(',', '.'));
  return /t/i.test(t.replace(/kg/i, '')) && !/kg/i.test(t) ? n * 1000 : n;
}

/** The first editor field whose label starts with `label` (the label is followed by its unit). */
function input(page: Page, label: string) {
  return editor(page).getByRole('textbox', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }).first();
}

async function typeInto(page: Page, label: string, text: string) {
  const field = input(page, label);
  await field.click();
  await field.press('ControlOrMeta+a');
  await field.pressSequentially(text, { delay: 20 });
  await field.blur();
}

for (const lang of ['en', 'fr'] as const) {
  test(`measured energy and a PPA share give both emission figures (${lang})`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 1440, height: 1000 });
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    const l = L[lang];
    const location = results(page).locator('[data-figure="operational"]');
    const market = results(page).locator('[data-figure="operational-market"]');
    await expect(results(page).getByText(l.location, { exact: true }).first()).toBeVisible();
    await expect(results(page).getByText(l.market, { exact: true }).first()).toBeVisible();
    // No contract yet: market-based reads as location-based.
    await expect(market).toHaveText((await location.textContent())!);

    await editor(page).getByText(l.footprint, { exact: true }).first().click();
    await editor(page).getByText(l.known, { exact: true }).first().click();
    const before = await location.textContent();
    await typeInto(page, l.measured, l.typed);
    await typeInto(page, l.source, 'meter');
    await expect(location).not.toHaveText(before!);
    const parts = results(page).getByRole('table', { name: l.parts });
    await expect(parts.getByText(l.measuredFrom)).toBeVisible();

    await typeInto(page, l.covered, '60');
    await expect(market).not.toHaveText((await location.textContent())!);
    // 60 % covered at 0 g and the rest at the grid factor: the mix's market-based figure is below its location-based one.
    expect(kg((await market.textContent())!)).toBeLessThan(kg((await location.textContent())!));

    await editor(page).getByText(l.known, { exact: true }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`footprint-${lang}-1440.png`), fullPage: false });
    await parts.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`footprint-parts-${lang}-1440.png`) });
    await page.setViewportSize({ width: 390, height: 900 });
    await input(page, l.covered).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`footprint-${lang}-390.png`) });

    // A share above 100 %: a message on the field; the results are the last good ones, marked out of date.
    await typeInto(page, l.covered, '140');
    const field = input(page, l.covered);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const said = (await field.getAttribute('aria-describedby'))!;
    await expect(page.locator(`[id="${said}"]`)).toContainText(l.tooBig);
    await expect(results(page).locator('[data-out-of-date="true"]')).toBeVisible();
  });
}
