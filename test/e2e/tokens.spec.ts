// tokens (issue 15): a person states an inference load, ticks the daily load profile, types the
// average, the peak and the hours at the peak as they would (thousands separators), and sees the
// cost per million tokens — in English and in French; a peak below the average is a message on the field.
import { expect, test } from '@playwright/test';
import { messages } from '../../src/i18n/areas/tokens.ts';
import { messages as poolMessages } from '../../src/i18n/areas/pool.ts';
import { editor, results } from './helpers.ts';
import { dict, labelOf, openIn, typeInto } from './numbers-helpers.ts';

const shots = 'test-results/tokens';

for (const lang of ['en', 'fr'] as const) {
  const m = messages[lang];
  const d = dict[lang];
  const thousands = (n: string) => (lang === 'en' ? n : n.replace(',', ' '));
  test(`(${lang}) an inference load with a daily profile: cost per million tokens`, async ({ page }) => {
    test.slow();
    await openIn(page, lang);
    const workload = editor(page).getByRole('group', { name: d['workload.title'] }).first();
    await workload.getByRole('radio', { name: d['workload.kind.inference'] }).check();
    await typeInto(page, workload.getByLabel(labelOf(lang, 'workload.tokensPerSecond')), thousands('20,000'));
    await typeInto(page, workload.getByLabel(labelOf(lang, 'workload.tokensPerSecondPerGpu')), thousands('2,500'));
    await workload.getByRole('checkbox', { name: m['tokens.profile'] }).check();
    const peak = workload.getByLabel(labelOf(lang, 'tokens.peak'));
    await typeInto(page, peak, thousands('40,000'));
    await expect(peak).toHaveValue('40000');
    await typeInto(page, workload.getByLabel(labelOf(lang, 'tokens.hoursAtPeak')), '6');
    // Where a range would be put: the hours at the peak say why they take none.
    await expect(workload.getByText(m['tokens.hoursAtPeakNoRange'])).toBeVisible();

    // The price of a token: one row per option alone, then the mix, in the scenario's currency.
    const panel = results(page).getByTestId('tokens-results');
    await expect(panel.getByRole('heading', { name: m['tokens.results.title'] })).toBeVisible({ timeout: 30_000 });
    await expect(panel.getByRole('columnheader', { name: m['tokens.col.cost'], exact: true })).toBeVisible();
    const mix = panel.getByRole('row', { name: new RegExp(`^${m['tokens.mix']}`) });
    const money = lang === 'en' ? /^(US)?\$\d/ : /\d\u00a0\$US$/;
    await expect(mix.getByTestId('tokens-cost')).toHaveText(money);
    // 40,000 ÷ 2,500 = 16 GPUs held for the peak, busy half the time.
    await expect(panel.getByText(lang === 'en' ? /^16 GPUs held for the peak, busy 50%/ : /^16 GPU réservés à la pointe, occupés 50\u00a0%/)).toBeVisible();
    await expect(results(page).getByText(d['results.lastGood'])).toHaveCount(0);
    // No input and output throughputs: their columns say what they hold, and a sentence says why they show "—".
    await expect(panel.getByRole('columnheader', { name: m['tokens.col.input'], exact: true })).toBeVisible();
    await expect(mix.getByRole('cell').nth(1)).toHaveText(m['tokens.none']);
    await expect(panel.getByTestId('tokens-no-split')).toHaveText(m['tokens.noSplit']);

    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 2400 });
      await workload.scrollIntoViewIfNeeded();
      await workload.screenshot({ path: `${shots}/profile-${lang}-${width}.png` });
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: `${shots}/results-${lang}-${width}.png` });
    }

    // A peak below the average: a message on the field, and the last good results kept (out of date).
    await typeInto(page, peak, thousands('10,000'));
    const message = d['issue.peakBelowAverage'].split('(')[0]!.trim();
    await expect(workload.getByText(message, { exact: false }).first()).toBeVisible();
  });
}

for (const lang of ['en', 'fr'] as const) {
  const p = poolMessages[lang];
  test(`(${lang}) a pool: each member's price of a token in the pool and alone; a member without a profile says so`, async ({ page }) => {
    test.slow();
    await openIn(page, lang);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: dict[lang]['file.import'] }).click()]);
    // The format-9 fixture: "French team" (GPU-hours, no profile) and "Chat service" (a load profile, 12,000 tokens/s at the peak).
    await chooser.setFiles('test/fixtures/scenarios/v9.json');
    const table = results(page).getByTestId('pool-tokens');
    await expect(table).toBeVisible({ timeout: 60_000 });
    await expect(results(page).getByRole('heading', { name: p['pool.tokens.title'] })).toBeVisible();
    // Chat service: 256,055 USD in the pool ÷ 473.04 billion tokens = 0.541 USD per million; alone (the CPU option's 113,530 USD) 0.24.
    const inPool = table.getByRole('row', { name: new RegExp(`^${p['pool.tokens.inPool'].replace('{name}', 'Chat service')}`) });
    const alone = table.getByRole('row', { name: new RegExp(`^${p['pool.tokens.alone'].replace('{name}', 'Chat service')}`) });
    await expect(inPool.getByTestId('pool-tokens-cost')).toHaveText(lang === 'en' ? /^(US)?\$0\.541$/ : /^0,541\u00a0\$US$/);
    await expect(alone.getByTestId('pool-tokens-cost')).toHaveText(lang === 'en' ? /^(US)?\$0\.24$/ : /^0,24\u00a0\$US$/);
    await expect(table.getByTestId('pool-tokens-none')).toHaveText(new RegExp(`French team\\s*${p['pool.tokens.none'].replace(/[.()]/g, '\\$&')}`));
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 2400 });
      await table.scrollIntoViewIfNeeded();
      await table.screenshot({ path: `${shots}/pool-${lang}-${width}.png` });
    }
  });
}
