// Issue 10, paths 2 and 3: an amount keeps its currency, and a missing rate is never a zero.
// Before the fix, USD → MAD at 0.1 USD per MAD left "30000" in the price, now read as dirhams
// ($30,000 → 30,000 MAD ≈ $3,000); a cloud option added in MAD before the rate priced at 0.
import { expect, test } from '@playwright/test';
import { editor, results } from './helpers.ts';
import { box, card, dict, esc, labelOf, openIn, pasteInto, typeInto, type Lang } from './numbers-helpers.ts';

for (const lang of ['en', 'fr'] as const satisfies readonly Lang[]) {
  const t = dict[lang];
  const dec = (x: string) => (lang === 'fr' ? x.replace('.', ',') : x);
  const rate = dec('0.1');

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
    const panelRate = panel.getByLabel(labelOf(lang, 'settings.rate', { currency: 'MAD' }));
    // The catalog ships a MAD rate (DGI 2025): offered, the person may replace it.
    await expect(panelRate).toHaveValue(dec('0.107021'));
    await expect(convert).toBeEnabled();
    // No rate: nothing to convert with.
    await typeInto(page, panelRate, '', false);
    await expect(convert).toBeDisabled();
    await typeInto(page, panelRate, rate);
    await expect(convert).toBeEnabled();
    await convert.click();

    // The opening example (2026 catalog): 30,000; servers 4 × 30,000 × 0.64 = 76,800; AWS 7.3616; Vast.ai 2.4024 — all × 10.
    await expect(price).toHaveValue('300000');
    await expect(server).toHaveValue('768000');
    await expect(cloud).toHaveValue(dec('73.616'));
    await expect(vast).toHaveValue(dec('24.024'));
    await expect(buy.getByText('(MAD)').first()).toBeVisible();
    const rateField = editor(page).getByLabel(labelOf(lang, 'settings.rate', { currency: 'MAD' }));
    await expect(rateField).toHaveValue(rate);
    // A rate the person typed has no date until they give it (the shipped rate's date is not carried over).
    await expect(editor(page).getByLabel(t['settings.rateDate'], { exact: true })).toHaveValue('');
    await expect(results(page).getByText(/^(Out of date|Périmés)/)).toHaveCount(0);

    // One step back.
    await editor(page).getByRole('button', { name: t['common.undo'], exact: true }).click();
    await expect(price).toHaveValue('30000');
    await expect(cloud).toHaveValue(dec('7.3616'));
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
    // The rate must be missing for this path: relabel to MAD with the offered (shipped) rate cleared.
    await editor(page).getByLabel(t['settings.currency'], { exact: true }).selectOption('MAD');
    const panel = editor(page).getByRole('group', { name: t['currency.changeTitle'].replace('{from}', 'USD').replace('{to}', 'MAD') });
    await typeInto(page, panel.getByLabel(labelOf(lang, 'settings.rate', { currency: 'MAD' })), '', false);
    await panel.getByRole('button', { name: t['currency.relabel'] }).click();
    const rateField = editor(page).getByLabel(labelOf(lang, 'settings.rate', { currency: 'MAD' }));
    await expect(rateField).toHaveValue('');
    await editor(page).getByRole('button', { name: t['options.addCloud'] }).click();
    const added = page.locator('#f-options-3-priceCcyPerGpuHour');
    await expect(added).toHaveValue('');
    await expect(added).toHaveAttribute('aria-invalid', 'true');
    await expect(box(added).getByText(t['gap.noRate'].replaceAll('{currency}', 'MAD'))).toBeVisible();

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

// The rate of a pending currency change is read as every number input reads a text (issue 10):
// another convention's text is read and said, two readings are asked about, and the value the
// person typed stays that value when the page's language changes.
test('the rate of a currency change says how it read a text, asks between two readings, and keeps its value in the other language', async ({ page }) => {
  // Many keystrokes on a machine that may be busy: a longer budget (speed is not what is tested).
  test.slow();
  const { en, fr } = dict;
  await openIn(page, 'fr');
  const price = card(page, /colocated in France/).getByLabel(labelOf('fr', 'buy.unitPrice'));
  await expect(price).toHaveValue('30000');
  await editor(page).getByLabel(fr['settings.currency'], { exact: true }).selectOption('MAD');
  const panel = editor(page).getByRole('group', { name: fr['currency.changeTitle'].replace('{from}', 'USD').replace('{to}', 'MAD') });
  const rate = panel.getByLabel(labelOf('fr', 'settings.rate', { currency: 'MAD' }));
  const convert = panel.getByRole('button', { name: fr['currency.convert'] });

  // "1.085" on the French page: 1 085 or 1,085. Asked, never guessed; nothing converts meanwhile.
  await typeInto(page, rate, '1.085');
  await expect(panel.getByText(fr['number.ambiguous'].replace('{text}', '1.085'))).toBeVisible();
  await expect(convert).toBeDisabled();
  await panel.getByRole('button', { name: fr['number.choose'].replace('{value}', '1,085') }).click();
  await expect(rate).toHaveValue('1,085');
  await expect(convert).toBeEnabled();

  // A text from an English spreadsheet: one reading, said, and still said once the person has left the box.
  await pasteInto(page, rate, '0.1');
  const readAs = 'Lu comme 0,1 (séparateur décimal : point).';
  await expect(panel.getByText(readAs)).toBeVisible();
  await expect(rate).toHaveAccessibleDescription(new RegExp(esc(readAs)));
  await expect(convert).toBeEnabled();

  // Typed "1,085" the French way, then the page switched to English: the rate is still 1.085, written
  // the English way (read again as typed, "1,085" would have become 1,085 dollars a dirham).
  await typeInto(page, rate, '1,085');
  await expect(panel.getByText(/^Lu comme/)).toHaveCount(0);
  await page.locator('#language').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const enPanel = editor(page).getByRole('group', { name: en['currency.changeTitle'].replace('{from}', 'USD').replace('{to}', 'MAD') });
  const enRate = enPanel.getByLabel(labelOf('en', 'settings.rate', { currency: 'MAD' }));
  await expect(enRate).toHaveValue('1.085');
  await expect(enPanel.getByText(/^Read as/)).toHaveCount(0);
  await typeInto(page, enRate, '0.2');
  await enPanel.getByRole('button', { name: en['currency.convert'] }).click();
  // $30,000 at 0.2 USD per MAD: 150,000 MAD.
  await expect(card(page, /colocated in France/).getByLabel(labelOf('en', 'buy.unitPrice'))).toHaveValue('150000');
});
