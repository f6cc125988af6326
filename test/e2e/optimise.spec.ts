// Issue 14: from comparing to deciding. A person sets goals (a capex budget and a power cap,
// typed as a person types them: "400,000" in English, "400 000" in French), runs the optimiser,
// sees the proposed plan, what each binding limit costs and the frontier, opens the plan as a new
// scenario, saves it and compares it with the original — in English and in French. Screenshots at
// 1440 and 390 px.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openPlanner } from './helpers.ts';

const L = {
  en: {
    setGoals: 'Set goals', capex: 'Capex budget', power: 'Power available at the site', budget: '400,000', share: 'Largest share of spend with one provider', run: 'Find the best plan',
    panel: 'Goals and the proposed plan', planTitle: 'The proposed plan', binding: 'What each limit costs', frontier: 'The frontier',
    co2eFigures: 'Figures of the chart: Net present cost against CO2e', open: 'Open this plan', name: 'Scenario name', save: 'Save',
    saved: /Saved on this device/, tools: 'Scenario tools', compare: 'Compare', comparison: 'Comparison', planSuffix: '— proposed plan',
    opened: /is open in the planner: a new scenario/, bindingText: /costs .*over the horizon \(net present value\)/, exact: /Every whole-number combination was tried/,
  },
  fr: {
    setGoals: 'Fixer des objectifs', capex: 'Budget d’investissement', power: 'Puissance disponible sur le site', budget: '400 000', share: 'Part maximale des dépenses chez un fournisseur', run: 'Trouver le meilleur plan',
    panel: 'Objectifs et plan proposé', planTitle: 'Le plan proposé', binding: 'Ce que coûte chaque limite', frontier: 'La frontière',
    co2eFigures: 'Chiffres du graphique : Coût actualisé selon le CO2e', open: 'Ouvrir ce plan', name: 'Nom du scénario', save: 'Enregistrer',
    saved: /Enregistré sur cet appareil/, tools: 'Outils du scénario', compare: 'Comparer', comparison: 'Comparaison', planSuffix: '— plan proposé',
    opened: /est ouvert dans le planificateur : un nouveau scénario/, bindingText: /coûte .*sur l’horizon \(valeur actuelle nette\)/, exact: /Toutes les combinaisons en nombres entiers/,
  },
} as const;

async function saveNamed(page: Page, lang: 'en' | 'fr', name: string) {
  const l = L[lang];
  await page.getByLabel(l.name, { exact: true }).fill(name);
  await page.getByRole('button', { name: l.save, exact: true }).click();
  await expect(page.getByRole('toolbar', { name: l.tools }).getByRole('status')).toHaveText(l.saved);
}

for (const lang of ['en', 'fr'] as const) {
  test(`set a budget and a power cap, run, see the plan and the frontier, open the plan, save it and compare it (${lang})`, async ({ page }, info) => {
    test.setTimeout(180_000);
    const l = L[lang];
    await openPlanner(page);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    const original = lang === 'en' ? 'Original mix' : 'Mix d’origine';
    await saveNamed(page, lang, original);

    const panel = page.getByRole('region', { name: l.panel, exact: true });
    await panel.getByRole('button', { name: l.setGoals }).click();
    // Typed as a person types: with the page's thousands separator.
    const capex = panel.getByRole('textbox', { name: new RegExp(`^${l.capex}`) });
    await capex.click();
    await capex.pressSequentially(l.budget);
    await capex.blur();
    const power = panel.getByRole('textbox', { name: new RegExp(`^${l.power}`) });
    await power.click();
    await power.pressSequentially('10');
    await power.blur();
    // And no more than 70 % of the spend with one provider: the limits then bind, each with its price.
    const share = panel.getByRole('textbox', { name: new RegExp(`^${l.share}`) });
    await share.click();
    await share.pressSequentially('70');
    await share.blur();
    // Read as four hundred thousand (the field shows what it holds the page's way once left).
    await expect(capex).toHaveValue(/^400[\s,\u202f]?000$/);
    await expect(capex).toHaveAttribute('aria-invalid', 'false');

    await panel.getByRole('button', { name: l.run }).click();
    await expect(panel.getByRole('heading', { name: l.planTitle, exact: true })).toBeVisible({ timeout: 90_000 });
    await expect(panel.getByText(l.exact)).toBeVisible();
    await expect(panel.getByRole('heading', { name: l.binding })).toBeVisible();
    await expect(panel.locator('ul.binding li').first()).toHaveText(l.bindingText);
    await expect(panel.getByRole('heading', { name: l.frontier })).toBeVisible();
    await expect(panel.locator('canvas')).toHaveCount(2);
    // The frontier's figures: at least 20 points, each with a button that opens it.
    await panel.getByText(l.co2eFigures, { exact: true }).click();
    const rows = panel.getByRole('region', { name: l.co2eFigures }).getByRole('button');
    expect(await rows.count()).toBeGreaterThanOrEqual(20);

    // The panel with its result and a figures table open: no serious or critical axe violation.
    const { violations } = await new AxeBuilder({ page }).include('section.optimiser').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await panel.getByRole('heading', { name: l.planTitle, exact: true }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: info.outputPath(`optimise-${lang}-${width}.png`), fullPage: false });
      await panel.getByRole('heading', { name: l.frontier }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: info.outputPath(`optimise-frontier-${lang}-${width}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 900 });

    await panel.getByRole('button', { name: l.open, exact: true }).click();
    await expect(panel.getByText(l.opened)).toBeVisible();
    const name = page.getByLabel(l.name, { exact: true });
    await expect(name).toHaveValue(new RegExp(`${l.planSuffix}$`));
    const planName = await name.inputValue();
    await page.getByRole('button', { name: l.save, exact: true }).click();
    await expect(page.getByRole('toolbar', { name: l.tools }).getByRole('status')).toHaveText(l.saved);

    await page.getByRole('navigation').getByRole('button', { name: l.compare, exact: true }).click();
    await page.getByRole('checkbox', { name: original, exact: true }).check();
    await page.getByRole('checkbox', { name: planName, exact: true }).check();
    const c = page.getByRole('region', { name: l.comparison, exact: true });
    await expect(c.getByRole('columnheader', { name: new RegExp(`^${original} (baseline|référence)$`) })).toBeVisible();
    await expect(c.getByRole('columnheader', { name: new RegExp(planName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
    await page.screenshot({ path: info.outputPath(`optimise-compare-${lang}.png`), fullPage: false });
  });
}
