// Issue 10, path 1: numbers are read the way the page writes them. Before the fix, "30,000" typed
// in the English page's "Price per GPU" became 30, "10,000" GPU-hours 10, a pasted "4,672" 4.672.
import { expect, test } from '@playwright/test';
import { editor, results, totalCost } from './helpers.ts';
import { box, card, dict, esc, labelOf, openIn, pasteInto, typeInto } from './numbers-helpers.ts';

test('English page: "30,000" is thirty thousand, typed or pasted; the value does not change on blur', async ({ page }) => {
  // Many keystrokes on a machine that may be busy: a longer budget (speed is not what is tested).
  test.slow();
  await openIn(page, 'en');
  const total0 = await totalCost(page);
  const price = card(page, /colocated in France/).getByLabel(labelOf('en', 'buy.unitPrice'));
  await expect(price).toHaveValue('30000');

  await typeInto(page, price, '25,000');
  await expect(price).toHaveValue('25000');
  await expect.poll(() => totalCost(page)).not.toBe(total0);
  // Back to the example's own price, typed with a thousands separator: the very same results.
  await typeInto(page, price, '30,000');
  await expect(price).toHaveValue('30000');
  await expect.poll(() => totalCost(page)).toBe(total0);
  // Leaving the field again does not change what it holds.
  await price.focus();
  await page.keyboard.press('Tab');
  await expect(price).toHaveValue('30000');

  const hours = editor(page).getByLabel(labelOf('en', 'workload.gpuHoursPerMonth'));
  // Within the example's range on this input (3,500 to 6,000).
  await typeInto(page, hours, '5,500');
  await expect(hours).toHaveValue('5500');
  await expect.poll(() => totalCost(page)).not.toBe(total0);
  // Pasted as the page shows it.
  await pasteInto(page, hours, '4,672');
  await expect(hours).toHaveValue('4672');
  await expect.poll(() => totalCost(page)).toBe(total0);

  // A value from a French spreadsheet: one reading only, and the field says how it read it.
  const trend = card(page, /colocated in France/).getByLabel(labelOf('en', 'field.priceTrend'));
  await typeInto(page, trend, '-2.5');
  await expect(trend).toHaveValue('-2.5');
  await typeInto(page, trend, '-1,5', false);
  const readAs = 'Read as -1.5 (the comma taken as the decimal separator).';
  await expect(box(trend).getByText(readAs)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(trend).toHaveValue('-1.5');
  // Once the person has left the field (a paste, then Tab at once) it still says how it read the
  // text, and the input is described by it; typed again the page's way, there is nothing to say.
  await expect(box(trend).getByText(readAs)).toBeVisible();
  await expect(trend).toHaveAccessibleDescription(new RegExp(esc(readAs)));
  await typeInto(page, trend, '-2.5');
  await expect(trend).toHaveValue('-2.5');
  await expect(box(trend).getByText(/^Read as/)).toHaveCount(0);
  await pasteInto(page, hours, '4\u202f672,0');
  await expect(hours).toHaveValue('4672');
  await expect(box(hours).getByText('Read as 4,672 (the comma taken as the decimal separator).')).toBeVisible();
});

test('French page: "30 000" with any space, "2,5", and "4.500" asked, not guessed', async ({ page }) => {
  // Many keystrokes on a machine that may be busy: a longer budget (speed is not what is tested).
  test.slow();
  await openIn(page, 'fr');
  const t = dict.fr;
  const total0 = await totalCost(page);
  const price = card(page, /colocated in France/).getByLabel(labelOf('fr', 'buy.unitPrice'));
  await expect(price).toHaveValue('30000');
  await typeInto(page, price, '25 000');
  await expect(price).toHaveValue('25000');
  await expect.poll(() => totalCost(page)).not.toBe(total0);
  await pasteInto(page, price, '30\u202f000');
  await expect(price).toHaveValue('30000');
  await expect.poll(() => totalCost(page)).toBe(total0);
  await pasteInto(page, price, '25\u00a0000');
  await expect(price).toHaveValue('25000');
  await typeInto(page, price, '30 000,00');
  await expect(price).toHaveValue('30000');
  await expect.poll(() => totalCost(page)).toBe(total0);

  const trend = card(page, /colocated in France/).getByLabel(labelOf('fr', 'field.priceTrend'));
  await typeInto(page, trend, '-2,5');
  await expect(trend).toHaveValue('-2,5');

  // "4.500": thousands (German) or four and a half (English)? The field asks; nothing is handed on.
  const hours = editor(page).getByLabel(labelOf('fr', 'workload.gpuHoursPerMonth'));
  await typeInto(page, hours, '4.500');
  const field = box(hours);
  await expect(field.getByText(/se lit de deux façons/)).toBeVisible();
  await expect(hours).toHaveValue('4.500');
  await expect(hours).toHaveAttribute('aria-invalid', 'true');
  await expect(results(page).getByText(/^Périmés/)).toBeVisible();
  await field.getByRole('button', { name: t['number.choose'].replace('{value}', '4\u202f500') }).click();
  await expect(hours).toHaveValue('4500');
  await expect(hours).toHaveAttribute('aria-invalid', 'false');
  // Pasted from an English spreadsheet: one reading only.
  await pasteInto(page, hours, '4,672.0');
  await expect(hours).toHaveValue('4672');
  await expect.poll(() => totalCost(page)).toBe(total0);
});

test('a range’s ends are read as its input is: the other convention said, two readings asked', async ({ page }) => {
  test.slow();
  await openIn(page, 'fr');
  const t = dict.fr;
  // The example gives the first month's GPU-hours a range (3 500 to 6 000).
  const range = editor(page).getByRole('group', { name: t['range.legend'].replace('{label}', t['workload.gpuHoursPerMonth']) });
  const low = range.getByLabel(t['range.low']);
  const high = range.getByLabel(t['range.high']);
  await expect(low).toHaveValue('3500');

  // Pasted from an English spreadsheet: one reading only; the range says how it read it, also once left.
  await pasteInto(page, low, '3,600.5');
  await expect(low).toHaveValue('3600,5');
  const readAs = 'Lu comme 3\u202f600,5 (séparateur décimal : point).';
  await expect(range.getByText(readAs)).toBeVisible();
  // (An accessible description's spaces are plain ones.)
  await expect(low).toHaveAccessibleDescription(readAs.replace(/\u202f/g, ' '));
  // Typed again the page's way: nothing more to say.
  await typeInto(page, low, '3 500');
  await expect(low).toHaveValue('3500');
  await expect(range.getByText(/^Lu comme/)).toHaveCount(0);

  // "6.000": thousands or six? Asked, not guessed: nothing is handed on until the person chooses.
  await typeInto(page, high, '6.000');
  await expect(range.getByText(/« 6\.000 » se lit de deux façons/)).toBeVisible();
  await expect(high).toHaveValue('6.000');
  await expect(high).toHaveAttribute('aria-invalid', 'true');
  await range.getByRole('button', { name: t['number.choose'].replace('{value}', '6\u202f000') }).click();
  await expect(high).toHaveValue('6000');
  await expect(high).toHaveAttribute('aria-invalid', 'false');
  await expect(range.getByText(/se lit de deux façons/)).toHaveCount(0);
});
