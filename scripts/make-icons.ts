// The app's icons for the web app manifest, drawn from our own public/favicon.svg by headless
// Chromium (nothing downloaded): 192 and 512 px, and a "maskable" 512 px with the safe-zone margin.
// Run: npx tsx scripts/make-icons.ts (the PNGs are committed; rerun after changing the SVG).
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('public/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
for (const [file, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
] as const) {
  await page.setViewportSize({ width: size, height: size });
  // Maskable: a full-bleed background, the mark inside the central 80 % safe zone.
  const inner = maskable ? Math.round(size * 0.7) : size;
  const body = maskable
    ? `<div style="width:${size}px;height:${size}px;background:#1f4e79;display:grid;place-items:center">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div>`
    : svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${body}</body></html>`);
  await page.screenshot({ path: `public/icons/${file}`, omitBackground: !maskable, clip: { x: 0, y: 0, width: size, height: size } });
}
await browser.close();
