// Issue 10, paths 2 and 3: an amount keeps its currency, and a missing rate is never a zero.
// Before the fix, USD → MAD at 0.1 USD per MAD left "30000" in the price, now read as dirhams
// ($30,000 → 30,000 MAD ≈ $3,000); a cloud option added in MAD before the rate priced at 0.
import { expect, test } from '@playwright/test';
import { editor, results } from './helpers.ts';
import { box, card, dict, labelOf, openIn, typeInto, type Lang } from './numbers-helpers.ts';

for (const lang of ['en', 'fr'] as const satisfies readonly Lang[]) {
  const t = dict[lang];
  const rate = lang === 'fr' ? '0,1' : '0.1';

  test(`path 2 (${lang}): changing the currency converts every amount in one step, undone in one`, async ({ page }) => {
  // Many keystrokes on a machine that may be busy: a longer budget (speed is not what is tested).
  test.slow();
    await openIn(page, lang);
    const buy = card(page, /colocated in France/);
    const price = buy.getByLabel(labelOf(lang, 'buy.unitPrice'));
    const server = buy.getByLabel(labelOf(lang, 'buy.serverAndNetwork'));
    const cloud = card(page, /AWS Stockholm/).getByLabel(labelOf(lang, 'rent.price'));
    const vast = card(page, /Vast\.ai/).getByLabel(labelOf(lang, 'rent.price'));
    await expect(price).toHaveValue('30000');

    await editor(page).getByLabel(t['settings.currency'], { exact: true }).selectOption('MAD');
    const panel = editor(page).getByRole('group', { name: t['currency.changeTitle'].replace('{from}', 'USD').replace('{to}', 'MAD') });
    await expect(panel).toBeVisible();
    const convert = panel.getByRole('button', { name: t['currency.convert'] });
    // No rate yet: nothing to convert with.
    await expect(convert).toBeDisabled();
    await typeInto(page, panel.getByLabel(labelOf(lang, 'settings.rate', { currency: 'MAD' })), rate);
    await convert.click();

    await expect(price).toHaveValue('300000');
    await expect(server).toHaveValue('1220640');
    await expect(cloud).toHaveValue(lang === 'fr' ? '73,616' : '73.616');
    await expect(vast).toHaveValue(lang === 'fr' ? '18,7' : '18.7');
    await expect(buy.getByText('(MAD)').first()).toBeVisible();
    const rateField = editor(page).getByLabel(labelOf(lang, 'settings.rate', { currency: 'MAD' }));
    await expect(rateField).toHaveValue(rate);
    await expect(results(page).getByText(/^(Out of date|Périmés)/)).toHaveCount(0);

    // One step back.
    await editor(page).getByRole('button', { name: t['common.undo'], exact: true }).click();
    await expect(price).toHaveValue('30000');
    await expect(cloud).toHaveValue(lang === 'fr' ? '7,3616' : '7.3616');
    await expect(editor(page).getByLabel(t['settings.currency'], { exact: true })).toHaveValue('USD');

    // Or, explicitly, only the label.
    await editor(page).getByLabel(t['settings.currency'], { exact: true }).selectOption('MAD');
    await panel.getByRole('button', { name: t['currency.relabel'] }).click();
    await expect(price).toHaveValue('30000');
    await expect(editor(page).getByLabel(t['settings.currency'], { exact: true })).toHaveValue('MAD');
    await expect(buy.getByText('(MAD)').first()).toBeVisible();
  });

  test(`path 3 (${lang}): a price the catalog cannot convert yet is an error on the field, filled once the rate is typed`, async ({ page }) => {
  // Many keystrokes on a machine that may be busy: a longer budget (speed is not what is tested).
  test.slow();
    await openIn(page, lang);
    await editor(page).getByLabel(t['settings.currency'], { exact: true }).selectOption('MAD');
    await editor(page).getByRole('button', { name: t['currency.relabel'] }).click();
    await editor(page).getByRole('button', { name: t['options.addCloud'] }).click();
    const added = page.locator('#f-options-3-priceCcyPerGpuHour');
    await expect(added).toHaveValue('');
    await expect(added).toHaveAttribute('aria-invalid', 'true');
    await expect(box(added).getByText(t['gap.noRate'].replaceAll('{currency}', 'MAD'))).toBeVisible();

    const rateField = editor(page).getByLabel(labelOf(lang, 'settings.rate', { currency: 'MAD' }));
    await typeInto(page, rateField, rate);
    await expect(added).not.toHaveValue('');
    const value = Number((await added.inputValue()).replace(',', '.'));
    expect(value).toBeGreaterThan(10);
    await expect(added).toHaveAttribute('aria-invalid', 'false');
    await expect(box(added).getByText(t['field.fromCatalog'], { exact: true })).toBeVisible();
  });

  test(`no silent zero (${lang}): a zero price the person types is kept and flagged as free compute`, async ({ page }) => {
  // Many keystrokes on a machine that may be busy: a longer budget (speed is not what is tested).
  test.slow();
    await openIn(page, lang);
    const aws = card(page, /AWS Stockholm/).getByLabel(labelOf(lang, 'rent.price'));
    await typeInto(page, aws, '0');
    await expect(aws).toHaveValue('0');
    await expect(aws).toHaveAttribute('aria-invalid', 'false');
    await expect(results(page).getByText(new RegExp(t['results.freeCompute'].split('{')[0]!.trim()))).toContainText('AWS Stockholm');
  });
}
