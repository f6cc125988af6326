// Nothing runs that the app did not ship, and nothing leaves the origin (issue #7): the
// Content-Security-Policy forbids inline script, eval and connections elsewhere, for the page and
// for the worker; a whole session requests nothing from any other host and trips no policy.
import { expect, test } from '@playwright/test';
import { editor, openPlanner, results } from './helpers.ts';

test('the policy forbids inline script, eval and connections to other hosts — on the page and in the worker', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  // The results come from the worker: by then the page has started it.
  await openPlanner(page);
  const workerUrl = urls.find((u) => /(evaluator|simulator)\.worker-[\w-]+\.js$/.test(u));
  expect(workerUrl, 'the worker script was requested').toBeTruthy();
  // The headers as the server sends them (what the browser reports for a worker's own request
  // may lack them), for the page and for the worker's script: a worker takes its own policy.
  const headerOf = async (url: string) => (await page.request.get(url)).headers()['content-security-policy'];

  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const [where, policy] of [
    ['meta tag', meta],
    ['page header', await headerOf('/')],
    ['worker header', await headerOf(workerUrl!)],
  ] as const) {
    expect(policy, where).toBeTruthy();
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).toContain("worker-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  }

  // The page refuses what the policy forbids (each attempt is reported as a violation).
  const attempts = await page.evaluate(async () => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
    const w = window as unknown as { inlineRan?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
    // Tried from a later task: code that DevTools evaluates directly is exempt from the policy.
    const evalError = await new Promise<string>((resolve) =>
      setTimeout(() => {
        try {
          (0, eval)('1 + 1');
          resolve('');
        } catch (e) {
          resolve((e as Error).name);
        }
      }, 0),
    );
    let fetchError = '';
    try {
      await fetch('https://example.com/');
    } catch (e) {
      fetchError = (e as Error).name;
    }
    await new Promise((r) => setTimeout(r, 100));
    return { inlineRan: w.inlineRan === true, evalError, fetchError, violations };
  });
  expect(attempts.inlineRan).toBe(false);
  expect(attempts.evalError).toBe('EvalError');
  expect(attempts.fetchError).toBe('TypeError');
  expect(attempts.violations).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/), expect.stringMatching(/^connect-src/)]));
});

test('a whole session requests nothing from another host and trips no policy', async ({ page, context, baseURL }) => {
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.addInitScript(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });

  await openPlanner(page);
  // The uncertainty runs (the worker validates with zod: no eval), the charts draw.
  await expect(results(page).getByText(/10,000 samples, seed 1/)).toBeVisible();
  await editor(page).getByLabel('Scenario name').fill('Session across every view');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByLabel('Link to this scenario')).toHaveValue(/#scenario=v1\./);
  for (const view of ['Library', 'Compare', 'Methodology', 'Planner']) {
    await page.getByRole('navigation').getByRole('button', { name: view, exact: true }).click();
    await page.waitForTimeout(300);
  }
  await page.getByLabel('Language').selectOption('fr');
  await expect(page.getByRole('region', { name: 'Résultats', exact: true })).toBeVisible();
  await page.waitForTimeout(500);

  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(5);
  // The worker's own script is among them: requests made for the worker are seen too.
  expect(requests.some((u) => /(evaluator|simulator)\.worker-.*\.js$/.test(u))).toBe(true);
  expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
});
