// Issue 10, path 5: comparing a 24-month scenario of 59k GPU-hours with a 36-month one of 243k
// showed the total cost as "−3 %" with no word, and a MAD and a USD scenario on one unlabelled
// axis. Compare now shows demand, horizon and currency, warns when they differ, leads with the
// cost per useful GPU-hour, converts at each scenario's dated rate or draws one chart per currency.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { importFile, openPlanner } from './helpers.ts';

const example = JSON.parse(readFileSync('public/examples/mix-buy-cloud-decentralised.json', 'utf8'));

function variant(id: string, name: string, change: (s: typeof example) => void) {
  const s = structuredClone(example);
  s.id = id;
  s.name = name;
  change(s);
  return s;
}

const short = variant('cmp-short', 'Short plan', (s) => {
  s.settings.horizonMonths = 24;
  s.workload.gpuHoursPerMonth = 2458;
  s.workload.growthPctPerMonth = 0;
  s.uncertainty.ranges[0].low = 2000;
  s.uncertainty.ranges[0].high = 3000;
});
const long = variant('cmp-long', 'Long plan', () => {});
const dirham = (dated: boolean) =>
  variant(dated ? 'cmp-mad' : 'cmp-mad-undated', dated ? 'Dirham plan' : 'Undated dirham plan', (s) => {
    s.settings.currency = 'MAD';
    s.settings.usdPerCurrencyUnit = 0.1;
    s.settings.exchangeRateDate = dated ? '2026-11-01' : null;
  });

async function importAll(page: Page, info: TestInfo, scenarios: unknown[]) {
  for (const [i, s] of scenarios.entries()) {
    const path = info.outputPath(`s${i}.json`);
    writeFileSync(path, JSON.stringify(s));
    await importFile(page, path);
    await expect(page.getByText(`“${(s as { name: string }).name}” imported and opened.`)).toBeVisible();
  }
}

const L = {
  en: { compare: 'Compare', comparison: 'Comparison', unlike: 'These scenarios are not like for like', demand: /do not serve the same demand/, horizon: /horizons differ.*24 months.*36 months/, unlikeDiff: 'not comparable: different demand', perHour: 'Cost per useful GPU-hour', headline: 'Headline: cost per useful GPU-hour', total: 'Total cost' },
  fr: { compare: 'Comparer', comparison: 'Comparaison', unlike: 'Ces scénarios ne sont pas comparables terme à terme', demand: /ne servent pas la même demande/, horizon: /horizons diffèrent.*24 mois.*36 mois/, unlikeDiff: 'non comparable : demande différente', perHour: 'Coût par heure-GPU utile', headline: 'Chiffre clé : coût par heure-GPU utile', total: 'Coût total' },
} as const;

async function compare(page: Page, lang: 'en' | 'fr', names: string[]) {
  if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
  await page.getByRole('navigation').getByRole('button', { name: L[lang].compare, exact: true }).click();
  for (const n of names) await page.getByRole('checkbox', { name: n, exact: true }).check();
  const c = page.getByRole('region', { name: L[lang].comparison, exact: true });
  for (const n of names) await expect(c.getByRole('columnheader', { name: new RegExp(n) })).toBeVisible();
  return c;
}

for (const lang of ['en', 'fr'] as const) {
  test(`different demand and horizon are said at the top, and the cost per useful GPU-hour leads (${lang})`, async ({ page }, info) => {
    await openPlanner(page);
    await importAll(page, info, [short, long]);
    const c = await compare(page, lang, ['Short plan', 'Long plan']);
    const note = c.getByTestId('compare-unlike');
    await expect(note).toContainText(L[lang].unlike);
    await expect(note.locator('[data-unlike="demand"]')).toContainText(L[lang].demand);
    await expect(note.locator('[data-unlike="horizon"]')).toContainText(L[lang].horizon);
    await expect(note.locator('[data-unlike="currency"]')).toHaveCount(0);
    // Demand served, horizon and currency of each.
    const rows = c.locator('tbody tr');
    await expect(rows.nth(0)).toContainText(lang === 'fr' ? /58\s?992/ : /58,992/);
    await expect(rows.nth(1)).toContainText(lang === 'fr' ? '24 mois' : '24 months');
    await expect(rows.nth(2)).toContainText('USD');
    // The first figure is the cost per useful GPU-hour, marked as the headline, with a difference.
    await expect(rows.nth(3)).toContainText(L[lang].perHour);
    await expect(rows.nth(3)).toContainText(L[lang].headline);
    await expect(rows.nth(3).locator('.diff')).toHaveText(/^[+−]/);
    // Totals: no bare percentage, the word instead.
    const total = c.getByRole('row', { name: new RegExp(`^${L[lang].total}`) });
    await expect(total.locator('.diff')).toHaveText(L[lang].unlikeDiff);
  });
}

test('a MAD and a USD scenario with a dated rate: one chart, in US dollars, converted at the rate', async ({ page }, info) => {
  await openPlanner(page);
  await importAll(page, info, [long, dirham(true)]);
  const c = await compare(page, 'en', ['Long plan', 'Dirham plan']);
  await expect(c.locator('[data-unlike="currency"]')).toContainText('Their currencies differ (Long plan: USD; Dirham plan: MAD).');
  await expect(c.locator('[data-unlike="currency"]')).toContainText('converted to USD at each scenario’s own dated rate (MAD at 0.1 USD on 2026-11-01)');
  await expect(c.locator('section[data-currency]')).toHaveCount(1);
  await expect(c.locator('section[data-currency="USD"]').getByRole('heading')).toHaveText('Cumulative cost of each mix, in USD');
  await expect(c.locator('section[data-currency="USD"]').getByRole('img')).toHaveAccessibleName(/Cumulative cost \(USD\)/);
  // Same numbers in dirhams at 0.1 USD: a tenth of the dollars, −90 %.
  const total = c.getByRole('row', { name: /^Total cost/ });
  await expect(total.locator('.diff')).toHaveText(/^−US\$[\d,]+ \(−90%\)$/);
});

for (const lang of ['en', 'fr'] as const) {
  test(`a MAD scenario without a dated rate and a USD one: one chart per currency, each axis labelled (${lang})`, async ({ page }, info) => {
    await openPlanner(page);
    await importAll(page, info, [long, dirham(false)]);
    const c = await compare(page, lang, ['Long plan', 'Undated dirham plan']);
    await expect(c.locator('[data-unlike="currency"]')).toContainText(lang === 'fr' ? /ne sont pas convertis/ : /not converted/);
    await expect(c.locator('section[data-currency]')).toHaveCount(2);
    for (const cur of ['USD', 'MAD']) {
      const s = c.locator(`section[data-currency="${cur}"]`);
      await expect(s.getByRole('heading')).toContainText(cur);
      await expect(s.getByRole('img')).toHaveAccessibleName(new RegExp(`\\(${cur}\\)\\.$`));
    }
    const other = lang === 'fr' ? /autre devise/ : /other currency/;
    await expect(c.getByRole('row', { name: new RegExp(`^${L[lang].total}`) }).locator('.diff')).toHaveText(other);
  });
}
