// Failures as cost (issue 15): on the Moroccan training example, a person opens the cloud
// option's failures, adds them (the sourced interruption rate is filled in), types the job's GPUs,
// checkpoint and restart times as people type them, and sees the nominal cost per useful GPU-hour
// beside the goodput-adjusted one — in English and French. Screenshots at 1440 px and 390 px.
import { expect, test } from '@playwright/test';
import { editor, results } from './helpers.ts';
import { dict, labelOf, openIn, typeInto } from './numbers-helpers.ts';

const money = (s: string) => Number(s.replace(/[^\d,.]/g, '').replace(',', '.'));

for (const lang of ['en', 'fr'] as const) {
  test(`(${lang}) failures on a training job: nominal beside goodput-adjusted cost`, async ({ page }, testInfo) => {
    test.slow();
    await openIn(page, lang);
    await page.getByLabel(dict[lang]['example.open']).selectOption({ label: dict[lang]['example.morocco'] });
    await expect(editor(page).getByText(/Oracle Casablanca/).first()).toBeVisible({ timeout: 30_000 });
    const card = editor(page).locator('section').filter({ hasText: /Oracle Casablanca/ }).last();
    const toggle = card.getByRole('button', { expanded: false }).first();
    if (await toggle.count()) await toggle.click();
    await card.getByText(dict[lang]['option.failures'], { exact: true }).click();
    await card.getByTestId('add-failures').click();
    // The sourced default: 0.1729 interruptions per GPU-year (derived from Llama 3).
    await expect(card.getByRole('textbox', { name: labelOf(lang, 'fail.interruptions') })).toHaveValue(/0[.,]1729/);
    await typeInto(page, card.getByRole('textbox', { name: labelOf(lang, 'fail.jobGpus') }), lang === 'fr' ? '1 024' : '1,024');
    await typeInto(page, card.getByRole('textbox', { name: labelOf(lang, 'fail.checkpoint') }), '6');
    await typeInto(page, card.getByRole('textbox', { name: labelOf(lang, 'fail.restart') }), '10');
    const table = results(page).locator('table[data-figure="failures"]');
    await expect(table).toBeVisible({ timeout: 30_000 });
    const nominal = table.locator('tr[data-row="nominal"] td').first();
    const adjusted = table.locator('tr[data-row="adjusted"] td').first();
    await expect(nominal).not.toHaveText('');
    // Goodput below 1: the adjusted cost is above the nominal one.
    await expect.poll(async () => money((await adjusted.textContent())!) > money((await nominal.textContent())!)).toBe(true);
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`failures-${lang}-1440.png`) });
    await page.setViewportSize({ width: 390, height: 900 });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`failures-${lang}-390.png`) });

    // A checkpoint longer than the interval it implies: a message on the field, and the figures under
    // the fields go (they were the last good ones, for a checkpoint the person no longer has).
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(card.locator('[data-figure="failures-now"]')).toBeVisible();
    await typeInto(page, card.getByRole('textbox', { name: labelOf(lang, 'fail.interruptions') }), '50');
    await typeInto(page, card.getByRole('textbox', { name: labelOf(lang, 'fail.checkpoint') }), '600');
    await expect(card.getByText(dict[lang]['issue.checkpointOverInterval'].split('(')[0]!.trim(), { exact: false })).toBeVisible();
    await expect(card.locator('[data-figure="failures-now"]')).toHaveCount(0);
    await expect(results(page).getByText(dict[lang]['results.lastGood'])).toBeVisible();
  });
}
