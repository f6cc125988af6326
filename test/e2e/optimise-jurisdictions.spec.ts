// Issue 13: the optimiser's "providers under chosen jurisdictions" limit, set in the goals panel in
// English and French. On the start-up example (owned servers in France, AWS, Vast.ai), allowing
// the USA and France keeps Vast.ai out (its headquarters is unknown, and the page says so): the
// plan moves to bought servers and AWS, and the binding limit names the option it keeps out.
import { expect, test } from '@playwright/test';
import { openPlanner } from './helpers.ts';

const L = {
  en: {
    panel: 'Goals and the proposed plan', setGoals: 'Set goals', field: 'Providers only under these jurisdictions', run: 'Find the best plan',
    planTitle: 'The proposed plan', bad: /Not a country code: US\b/, unknown: /does not know the headquarters of the provider of .*Vast\.ai/,
    binding: /The limit “Provider jurisdictions” of 0 options outside the jurisdictions costs .* Without it the plan would use .*Vast\.ai \(headquarters unknown\)\./,
  },
  fr: {
    panel: 'Objectifs et plan proposé', setGoals: 'Fixer des objectifs', field: 'Fournisseurs seulement sous ces juridictions', run: 'Trouver le meilleur plan',
    planTitle: 'Le plan proposé', bad: /Pas un code de pays : US\b/, unknown: /ne connaissent pas le siège du fournisseur de .*Vast\.ai/,
    binding: /La limite « Juridictions des fournisseurs » de 0 options hors des juridictions coûte .* Sans elle, le plan utiliserait .*Vast\.ai \(siège inconnu\)\./,
  },
} as const;

for (const lang of ['en', 'fr'] as const) {
  test(`limit the providers' jurisdictions, see the unknown headquarters excluded and the limit priced (${lang})`, async ({ page }, info) => {
    test.setTimeout(180_000);
    const l = L[lang];
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    const panel = page.getByRole('region', { name: l.panel, exact: true });
    await panel.getByRole('button', { name: l.setGoals }).click();
    const field = panel.getByRole('textbox', { name: l.field, exact: true });
    // A code that is not three letters is said on the field.
    await field.fill('US, FRA');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByText(l.bad)).toBeVisible();
    // Typed as a person might: lower case, spaces.
    await field.fill('usa fra');
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await panel.getByRole('button', { name: l.run }).click();
    await expect(panel.getByRole('heading', { name: l.planTitle, exact: true })).toBeVisible({ timeout: 120_000 });
    await expect(panel.getByText(l.unknown)).toBeVisible();
    await expect(panel.locator('ul.binding li').filter({ hasText: l.binding })).toHaveCount(1);
    // The field shows what the scenario holds: the codes in capitals.
    await expect(field).toHaveValue('USA, FRA');
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await panel.locator('ul.binding').evaluate((h) => h.scrollIntoView({ block: 'center' }));
      await page.screenshot({ path: info.outputPath(`jurisdictions-${lang}-${width}.png`) });
    }
  });
}
