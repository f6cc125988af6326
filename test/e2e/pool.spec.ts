// Pooling (issue 15): a person adds a second member to the open scenario, names it and types its
// demand, and sees both members' costs alone and in the pool — in English and in French.
import { expect, test, type Page } from '@playwright/test';
import { messages } from '../../src/i18n/areas/pool.ts';
import { editor, results } from './helpers.ts';
import { dict, esc, labelOf, openIn, typeInto, type Lang } from './numbers-helpers.ts';

const shots = 'test-results/pool';

function members(page: Page, lang: Lang) {
  return editor(page).getByRole('group', { name: messages[lang]['pool.title'] });
}

for (const lang of ['en', 'fr'] as const) {
  const m = messages[lang];
  test(`(${lang}) add a second member: both members' costs alone and pooled`, async ({ page }) => {
    test.slow();
    await openIn(page, lang);
    const section = members(page, lang);
    await expect(section.getByText(m['pool.none'])).toBeVisible();
    await section.getByRole('button', { name: m['pool.add'] }).click();

    // The new member, renamed as a person types it.
    const second = m['pool.member'].replace('{n}', '2');
    await expect(section.getByRole('heading', { name: second })).toBeVisible();
    const names = section.getByLabel(m['pool.memberName']);
    await expect(names).toHaveCount(2);
    await typeInto(page, names.nth(0), 'Atlas NLP');
    await typeInto(page, names.nth(1), 'Sahel Agritech');
    // Its demand, with the page's thousands separator; it starts in month 6.
    const hours = section.getByLabel(labelOf(lang, 'workload.gpuHoursPerMonth'));
    await typeInto(page, hours, lang === 'en' ? '2,000' : '2 000');
    await expect(hours).toHaveValue('2000');
    await typeInto(page, section.getByLabel(labelOf(lang, 'pool.startMonth')), '6');

    // The results: one row per member, its cost alone and in the pool, and the utilisation sentence.
    const panel = results(page).locator('section[aria-labelledby="pool-results-title"]');
    const table = panel.getByRole('region', { name: m['pool.results.title'] });
    await expect(table).toBeVisible({ timeout: 30_000 });
    for (const name of ['Atlas NLP', 'Sahel Agritech']) {
      const row = table.getByRole('row', { name: new RegExp(`^${esc(name)}`) });
      await expect(row).toBeVisible();
      const cells = row.getByRole('cell');
      // Cells: demand, alone (with the way it is served alone), in the pool, saving — in US dollars, the page's way.
      const dollars = lang === 'en' ? /^US\$\d{1,3}(,\d{3})+/ : /^\d{1,3}(\u202f\d{3})+\u00a0\$US/;
      await expect(cells.nth(1)).toHaveText(dollars);
      await expect(cells.nth(2)).toHaveText(dollars);
      const alone = (await cells.nth(1).innerText()).split('\n')[0]!;
      await expect(cells.nth(2)).not.toHaveText(alone);
    }
    // The demand column says its unit (the figures under it are bare GPU-hours).
    await expect(table.getByRole('columnheader').nth(1)).toHaveText(lang === 'en' ? /\(GPU-hours\)$/ : /\(heures-GPU\)$/);
    const prefix = m['pool.utilisation'].split('{pooled}')[0]!;
    await expect(panel.getByText(new RegExp(`^${esc(prefix)}`))).toBeVisible();
    await expect(results(page).getByText(dict[lang]['results.lastGood'])).toHaveCount(0);

    // Screenshots at 1440 and 390 px: the members section and the members' results.
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 2400 });
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `${shots}/members-${lang}-${width}.png` });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${shots}/results-${lang}-${width}.png` });
      // The split rule's label stands on its own line, above its choices (they wrapped beside and under it).
      const rules = section.getByRole('radiogroup', { name: m['pool.splitRule'] });
      const label = await rules.getByText(m['pool.splitRule'], { exact: true }).boundingBox();
      const first = await rules.getByRole('radio').first().boundingBox();
      expect(first!.y).toBeGreaterThanOrEqual(label!.y + label!.height - 1);
    }
  });
}

for (const lang of ['en', 'fr'] as const) {
  const m = messages[lang];
  test(`(${lang}) the Casablanca example: three members, each cheaper in the pool than alone`, async ({ page }) => {
    test.slow();
    await openIn(page, lang);
    await page.getByLabel(dict[lang]['example.open']).selectOption({ label: dict[lang]['example.pool'] });
    const panel = results(page).locator('section[aria-labelledby="pool-results-title"]');
    const table = panel.getByRole('region', { name: m['pool.results.title'] });
    await expect(table).toBeVisible({ timeout: 30_000 });
    for (const name of ['Atlas NLP', 'Sahel Agritech', 'Medina Health']) {
      // Saving (the fifth cell) in dirhams, positive.
      const saving = table.getByRole('row', { name: new RegExp(`^${esc(name)}`) }).getByRole('cell').nth(3);
      await expect(saving).toHaveText(/^\d[\d,\u202f\u00a0 ]*\s?MAD|^MAD\s?\d/);
    }
    // Utilisation pooled and alone, side by side in one sentence: both with one decimal, the page's way.
    const pct = lang === 'en' ? '\\d+\\.\\d%' : '\\d+,\\d\\u00a0%';
    await expect(panel.getByText(new RegExp(`^${esc(m['pool.utilisation'].split('{pooled}')[0]!)}`))).toHaveText(new RegExp(`${pct}[^]*${pct}`));
    await page.setViewportSize({ width: 1440, height: 2400 });
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `${shots}/casablanca-${lang}-1440.png` });
  });
}

for (const lang of ['en', 'fr'] as const) {
  const m = messages[lang];
  test(`(${lang}) a range on another member's demand: each member's cost alone and pooled, 5th to 95th percentile`, async ({ page }) => {
    test.slow();
    await openIn(page, lang);
    await page.getByLabel(dict[lang]['example.open']).selectOption({ label: dict[lang]['example.pool'] });
    const section = members(page, lang);
    // Medina Health is the second member beyond the first: its GPU-hours a month get a range (±20 % to start).
    const give = section.locator('button[aria-describedby="f-pool-members-1-workload-gpuHoursPerMonth-label"]');
    await give.scrollIntoViewIfNeeded();
    await expect(give).toHaveText(dict[lang]['range.add']);
    await give.click();
    await expect(section.getByRole('group', { name: new RegExp(esc(dict[lang]['range.legend'].split('{label}')[0]!)) })).toHaveCount(1);
    // The range list names the member.
    await expect(editor(page).locator('#uncertainty-fields').getByText(new RegExp(`^Medina Health — `))).toBeVisible();

    const panel = results(page).locator('section[aria-labelledby="pool-results-title"]');
    const band = panel.getByTestId('pool-mc');
    // While the pool's run goes (after the options'), the page says so, in the page's language; then its table replaces the sentence.
    await expect(panel.getByTestId('pool-mc-running').or(band)).toBeVisible({ timeout: 120_000 });
    if (await panel.getByTestId('pool-mc-running').isVisible()) await expect(panel.getByTestId('pool-mc-running')).toHaveText(m['pool.mc.running']);
    await expect(band).toBeVisible({ timeout: 120_000 });
    await expect(panel.getByTestId('pool-mc-running')).toHaveCount(0);
    await expect(panel.getByTestId('pool-mc-failure')).toHaveCount(0);
    await expect(panel.getByRole('heading', { name: new RegExp(`^${esc(m['pool.mc.title'].split('(')[0]!)}`) })).toBeVisible();
    for (const name of ['Atlas NLP', 'Sahel Agritech', 'Medina Health']) {
      const cells = band.getByRole('row', { name: new RegExp(`^${esc(name)}`) }).getByRole('cell');
      // Alone and in the pool: two amounts in dirhams, low – high.
      for (const i of [0, 1]) await expect(cells.nth(i)).toHaveText(/MAD[^]*–[^]*MAD/);
    }
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 2400 });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${shots}/ranges-${lang}-${width}.png` });
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: `${shots}/members-range-${lang}-${width}.png` });
    }
  });
}

for (const lang of ['en', 'fr'] as const) {
  const m = messages[lang];
  test(`(${lang}) a range on a committed share: a note under it, the members' figures vary, high ends over 100 % are refused`, async ({ page }) => {
    test.slow();
    await openIn(page, lang);
    await page.getByLabel(dict[lang]['example.open']).selectOption({ label: dict[lang]['example.pool'] });
    const section = members(page, lang);
    await section.getByRole('radio', { name: m['pool.split.committedShare'] }).check();
    const shares = section.getByLabel(labelOf(lang, 'pool.committedShare'));
    await expect(shares).toHaveCount(3);
    for (const [i, v] of [50, 30, 20].entries()) await typeInto(page, shares.nth(i), String(v));
    // Atlas NLP 50 %, Sahel Agritech 30 %, Medina Health 20 %. Medina Health's share gets a range (±20 % to start:
    // 16 to 24); the note says it moves the split only.
    const give = section.locator('button[aria-describedby="f-pool-members-1-committedSharePct-label"]');
    await give.scrollIntoViewIfNeeded();
    await give.click();
    await expect(section.getByText(m['pool.shareRangeNote'])).toHaveCount(1);
    await expect(editor(page).locator('#uncertainty-fields').getByText(new RegExp(`^Medina Health — ${esc(dict[lang]['pool.committedShare'])}`))).toBeVisible();
    const panel = results(page).locator('section[aria-labelledby="pool-results-title"]');
    const band = panel.getByTestId('pool-mc');
    await expect(band).toBeVisible({ timeout: 120_000 });
    // In the pool, Medina Health's cost is a low – high band.
    await expect(band.getByRole('row', { name: /^Medina Health/ }).getByRole('cell').nth(1)).toHaveText(/MAD[^]*–[^]*MAD/);

    // Sahel Agritech's share too (24 to 36), its high end typed 80: 80 + 24 = 104 % at the high ends, a message on the ranges.
    await section.locator('button[aria-describedby="f-pool-members-0-committedSharePct-label"]').click();
    const high = section.getByLabel(dict[lang]['range.high']);
    await expect(high).toHaveCount(2);
    await typeInto(page, high.nth(0), '80');
    const over = dict[lang]['issue.rangeSharesOver'].split('{sumPct}')[0]!;
    await expect(section.getByText(new RegExp(esc(over))).first()).toBeVisible();
    await page.setViewportSize({ width: 1440, height: 2400 });
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `${shots}/share-range-${lang}-1440.png` });
  });
}
