import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync } from 'node:fs';
const base = process.argv[2]!;
const out: Record<string, unknown> = {};
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const ex = JSON.parse(readFileSync('/work/wt/results/public/examples/mix-buy-cloud-decentralised.json', 'utf8'));
const v = (id: string, name: string, f: (s: any) => void) => { const s = structuredClone(ex); s.id = id; s.name = name; f(s); return s; };
const short = v('cmp-short', 'Short plan', (s) => { s.settings.horizonMonths = 24; s.workload.gpuHoursPerMonth = 2458; s.workload.growthPctPerMonth = 0; s.uncertainty.ranges[0].low = 2000; s.uncertainty.ranges[0].high = 3000; });
const long = v('cmp-long', 'Long plan', () => {});
const mad = v('cmp-mad', 'Undated dirham plan', (s) => { s.settings.currency = 'MAD'; s.settings.usdPerCurrencyUnit = 0.1; s.settings.exchangeRateDate = null; });
async function fresh() {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await ctx.newPage();
  await page.goto(base);
  await page.locator('[data-figure="total-cost"]').waitFor();
  await page.waitForTimeout(1500);
  return { ctx, page };
}
async function imp(page: any, s: any, name: string) {
  const p = `/tmp/res/probe/${name}`;
  writeFileSync(p, typeof s === 'string' ? s : JSON.stringify(s));
  const [ch] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import a file' }).click()]);
  await ch.setFiles(p);
  await page.waitForTimeout(1200);
}
{
  const { ctx, page } = await fresh();
  out.explain = await page.locator('[data-explain]').allTextContents();
  out.breakEvenSentence = await page.locator('.sentences li').first().textContent();
  out.oddsHeadline = await page.locator('.headline-odds').textContent();
  await page.locator('#f-options-0-unitPriceCcyPerGpu').fill('');
  await page.waitForTimeout(1500);
  out.banner = await page.locator('.results .stale-banner').first().innerText();
  out.bannerLinks = await page.locator('.results .stale-banner a').count();
  const scan = await new AxeBuilder({ page }).include('.results').analyze();
  out.axeResultsStale = scan.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => `${x.id}: ${x.nodes.length}`);
  await page.locator('#f-options-0-unitPriceCcyPerGpu').fill('30000');
  await page.waitForTimeout(1500);
  await imp(page, 'Month,Demand (reference GPU-hours)\r\n2027-01,4672\r\n', 'r.csv');
  out.importCsv = await page.getByRole('alert').allTextContents();
  await page.getByLabel('Language').selectOption('fr');
  await page.waitForTimeout(2500);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exporter les résultats (CSV)' }).click()]);
  const text = readFileSync(await dl.path(), 'utf8');
  out.csvFrLines12 = text.split('\r\n').slice(0, 2).map((l) => l.slice(0, 80));
  out.csvHasMonteCarlo = /Monte/.test(text);
  await ctx.close();
}
{
  const { ctx, page } = await fresh();
  await imp(page, short, 'a.json');
  await imp(page, long, 'b.json');
  await imp(page, mad, 'c.json');
  await page.getByRole('navigation').getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Short plan', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Long plan', exact: true }).check();
  await page.waitForTimeout(2500);
  const c = page.getByRole('region', { name: 'Comparison', exact: true });
  out.compareRows = (await c.locator('tbody tr').allInnerTexts()).slice(0, 6).map((x) => x.replace(/\s+/g, ' '));
  out.compareNote = await c.locator('[data-testid="compare-unlike"]').allInnerTexts();
  await page.getByRole('checkbox', { name: 'Short plan', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Undated dirham plan', exact: true }).check();
  await page.waitForTimeout(2500);
  out.madTotalRow = (await c.getByRole('row', { name: /^Total cost/ }).innerText()).replace(/\s+/g, ' ');
  out.madCharts = await c.locator('[role=img]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  await ctx.close();
}
console.log(JSON.stringify(out, null, 1));
await browser.close();
