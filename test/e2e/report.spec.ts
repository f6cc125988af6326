import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { editor, openPlanner, saveAs, expandOptionsOnceFolded } from './helpers.ts';

// A report draws three charts and prints two PDFs: slow on a loaded machine.
test.describe.configure({ timeout: 180_000 });

const dir = mkdtempSync(join(tmpdir(), 'report-'));

/** The text of a PDF (Debian's pdftotext, poppler-utils: .ci/run installs it), and its page count. */
function pdfText(file: string): { text: string; pages: number } {
  const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)![1]) };
}

/** Removes the line breaks and spaces the PDF layout puts inside long strings (URLs, links). */
const squeeze = (s: string) => s.replace(/\s+/g, '');

async function openReport(page: Page) {
  await page.getByRole('navigation').getByRole('button', { name: /^(Report|Rapport)$/ }).click();
  await expect(page).toHaveURL(/\?view=report$/);
  await expect(page.locator('article.report')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

for (const lang of ['en', 'fr'] as const) {
  test(`the report of the open scenario prints to PDF with its answer, every source and its share link (${lang})`, async ({ page }) => {
    await openPlanner(page);
    await saveAs(page, `Board plan ${lang}`);
    if (lang === 'fr') await page.getByLabel('Language').selectOption('fr');
    await openReport(page);
    const report = page.locator('article.report');
    await expect(report.getByRole('heading', { level: 2 })).toHaveText(`Board plan ${lang}`);
    const answer = (await report.locator('[data-report="answer"]').textContent())!;
    expect(answer).toMatch(lang === 'fr' ? /coûte le moins par heure-GPU utile/ : /costs least per useful GPU-hour/);
    const sources = await report.locator('[data-report="sources"] li').allTextContents();
    expect(sources.length).toBeGreaterThan(3);
    const link = (await report.locator('[data-report="share-link"]').textContent())!.trim();
    expect(link).toMatch(/#scenario=v1\.[A-Za-z0-9_-]+$/);
    await expect(report.locator('img')).toHaveCount(3);
    expect(await report.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).src.startsWith('data:image/png') && (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await expect(report.getByText(/^[0-9a-f]{64}$/)).toHaveCount(1);

    await page.emulateMedia({ media: 'print' });
    for (const format of ['A4', 'Letter'] as const) {
      const file = join(dir, `report-${lang}-${format}.pdf`);
      writeFileSync(file, await page.pdf({ format, printBackground: true }));
      const { text, pages } = pdfText(file);
      expect(pages).toBeGreaterThanOrEqual(4);
      expect(text).toContain(`Board plan ${lang}`);
      // The answer, every source's title and the share link, as printed.
      expect(squeeze(text)).toContain(squeeze(answer));
      for (const s of sources) expect(squeeze(text)).toContain(squeeze(s.split(' — ')[0]!));
      expect(squeeze(text)).toContain(squeeze(link));
      // The page's chrome is not printed.
      expect(text).not.toContain(lang === 'fr' ? 'Imprimer ou enregistrer en PDF' : 'Print or save as PDF');
    }
    // PNG pages to look at: pdftoppm -png -r 50 <file> <prefix>
    execFileSync('pdftoppm', ['-png', '-r', '50', join(dir, `report-${lang}-A4.pdf`), join(dir, `page-${lang}`)]);
    test.info().annotations.push({ type: 'pages', description: dir });
  });
}

test('the report is kept in the address across a reload, and saves as one self-contained HTML file', async ({ page }) => {
  await openPlanner(page);
  await saveAs(page, 'Saved report');
  await openReport(page);
  await page.reload();
  await expect(page.locator('article.report')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(page.locator('article.report').getByRole('heading', { level: 2 })).toHaveText('Saved report');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save as an HTML file' }).click()]);
  const file = join(dir, 'report.html');
  await download.saveAs(file);
  const html = readFileSync(file, 'utf8');
  expect(html).not.toMatch(/<script/i);
  expect(html).toContain('Saved report');
  expect(html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
  // Nothing in it loads from anywhere: no http(s) src or stylesheet link.
  expect(html).not.toMatch(/(src|href)="https?:/);
  // Opened on its own (no server), it shows the report and requests nothing.
  const requests: string[] = [];
  const other = await page.context().newPage();
  other.on('request', (r) => requests.push(r.url()));
  await other.goto(`file://${file}`);
  await expect(other.getByRole('heading', { level: 2 })).toHaveText('Saved report');
  expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
});

test('a comparison has its report, with each plan', async ({ page }) => {
  await openPlanner(page);
  await saveAs(page, 'Plan A');
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  // The copy is another scenario: its option cards open folded.
  await expandOptionsOnceFolded(page);
  await editor(page).getByRole('region', { name: /colocated in France/ }).getByLabel('Number of GPUs').fill('3');
  await saveAs(page, 'Plan B');
  await page.getByRole('navigation').getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Plan A' }).check();
  await page.getByRole('checkbox', { name: 'Plan B' }).check();
  await page.getByRole('button', { name: 'Report of this comparison' }).click();
  await expect(page).toHaveURL(/\?view=report&ids=[\w-]+,[\w-]+$/);
  const report = page.locator('article.report');
  await expect(report).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(report.getByRole('heading', { level: 2 })).toHaveText('Comparison: Plan A · Plan B');
  await expect(report.locator('[data-report="answer"]')).toContainText(/“Plan (A|B)” costs least per useful GPU-hour/);
  await expect(report.locator('[data-report="share-link"]')).toHaveCount(2);
});
