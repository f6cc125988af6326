import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.addInitScript(() => {
  (window as any).lt = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
});
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await page.goto(process.argv[2] ?? 'http://127.0.0.1:4202/');
await page.locator('[data-figure="total-cost"]').waitFor();
const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Import a file' }).click()]);
await chooser.setFiles('test/fixtures/scenarios/heavy-uncertainty.json');
const panel = page.getByRole('region', { name: 'Uncertainty', exact: true });
await panel.getByText(/100,000 samples, seed 7/).waitFor({ timeout: 60_000 });
await page.waitForTimeout(4000);
const price = page.getByRole('region', { name: 'Scenario', exact: true }).getByRole('region', { name: 'Cloud Cloud' }).nth(1).getByLabel(/^Price per GPU-hour/);
await price.click();
await price.press('End');
await page.evaluate(() => ((window as any).lt = []));
await cdp.send('Profiler.start');
for (let i = 0; i < 20; i++) await page.keyboard.type(String(i % 10), { delay: 60 });
for (let i = 0; i < 20; i++) await page.keyboard.press('Backspace', { delay: 60 });
await page.waitForTimeout(1000);
const { profile } = await cdp.send('Profiler.stop');
console.log('longtasks', JSON.stringify(await page.evaluate(() => (window as any).lt)));
// self time by function
const self = new Map<string, number>();
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const dt = profile.timeDeltas; let counts = new Map<number, number>();
profile.samples.forEach((id: number, i: number) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
// inclusive time per top-level-ish function via parents
const parent = new Map<number, number>();
for (const n of profile.nodes as any[]) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map<string, number>();
for (const [id, t] of counts) {
  const seen = new Set<string>();
  let cur: number | undefined = id;
  while (cur !== undefined) {
    const n: any = byId.get(cur);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    if (!seen.has(key)) { incl.set(key, (incl.get(key) ?? 0) + t); seen.add(key); }
    cur = parent.get(cur);
  }
  const n: any = byId.get(id);
  const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  self.set(k, (self.get(k) ?? 0) + t);
}
const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n');
console.log('SELF\n' + top(self));
console.log('INCL\n' + top(incl));
await browser.close();
