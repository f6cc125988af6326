import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
const base = 'http://127.0.0.1:4207/';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const ex = JSON.parse(readFileSync('public/examples/mix-buy-cloud-decentralised.json', 'utf8'));
const v = (id: string, name: string, f: (s: any) => void) => { const s = structuredClone(ex); s.id = id; s.name = name; f(s); return s; };
const short = v('cmp-short', 'Short plan', (s) => { s.settings.horizonMonths = 24; s.workload.gpuHoursPerMonth = 2458; s.workload.growthPctPerMonth = 0; s.uncertainty.ranges[0].low = 2000; s.uncertainty.ranges[0].high = 3000; });
const long = v('cmp-long', 'Long plan', () => {});
const mad = v('cmp-mad', 'Undated dirham plan', (s) => { s.settings.currency = 'MAD'; s.settings.usdPerCurrencyUnit = 0.1; s.settings.exchangeRateDate = null; });
for (const lang of ['en', 'fr']) for (const width of [1440, 390]) {
  const ctx = await browser.newContext({ viewport: { width, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto(base);
  await page.locator('[data-figure="total-cost"]').waitFor();
  if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
  await page.locator('[data-explain]').first().waitFor();
  await page.locator('[data-explain]').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/res/shot-explain-${lang}-${width}.png` });
  await page.locator('#f-options-0-unitPriceCcyPerGpu').fill('');
  await page.locator('#f-options-1-pue').evaluate((e) => (e.closest('details')!.open = true));
  await page.locator('#f-options-1-pue').fill(lang === 'fr' ? '0,5' : '0.5');
  await page.locator('#f-options-1-pue').evaluate((e) => (e.closest('details')!.open = false));
  await page.waitForTimeout(1200);
  await page.locator('.results .stale-banner').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/res/shot-stale-${lang}-${width}.png` });
  await page.locator('#f-options-0-unitPriceCcyPerGpu').fill('30000');
  await page.locator('#f-options-1-pue').evaluate((e) => (e.closest('details')!.open = true));
  await page.locator('#f-options-1-pue').fill(lang === 'fr' ? '1,14' : '1.14');
  for (const [i, s] of [short, long, mad].entries()) {
    writeFileSync(`/tmp/res/s${i}.json`, JSON.stringify(s));
    const [ch] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: lang === 'fr' ? 'Importer un fichier' : 'Import a file' }).click()]);
    await ch.setFiles(`/tmp/res/s${i}.json`);
    await page.waitForTimeout(800);
  }
  await page.getByRole('navigation').getByRole('button', { name: lang === 'fr' ? 'Comparer' : 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Short plan', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Long plan', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Undated dirham plan', exact: true }).check();
  await page.waitForTimeout(2500);
  await page.getByRole('region', { name: lang === 'fr' ? 'Comparaison' : 'Comparison', exact: true }).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/res/shot-compare-${lang}-${width}.png`, fullPage: true });
  await ctx.close();
}
await browser.close();
