// A failing worker (issue #7): when it crashes, throws or runs past 10 s, it is restarted, the
// person is told what happened, and no result waits forever. The workers' scripts are replaced by
// one that fails until the test lets the real workers be served again. Issue 11: there are two
// workers (evaluator, simulator); the simulator failing leaves the evaluation running.
import { expect, test, type Page } from '@playwright/test';
import { editor, results, expandOptions } from './helpers.ts';

// The faults are injected by routing the workers' scripts; a service worker (the offline cache)
// would serve those scripts from its cache instead, past the route. Offline is tested elsewhere.
test.use({ serviceWorkers: 'block' });

/** Serves `body` instead of the worker each time the page starts one, until `heal()` is called. */
async function failingWorker(page: Page, body: string, which = /(evaluator|simulator)\.worker-[\w-]+\.js$/): Promise<{ heal: () => void; starts: () => number }> {
  let failing = true;
  let starts = 0;
  await page.route(which, async (route) => {
    starts += 1;
    if (failing) await route.fulfill({ contentType: 'text/javascript', body });
    else await route.continue();
  });
  return { heal: () => (failing = false), starts: () => starts };
}

/** The banner at the top (the results panel says it too, for its own run). */
const banner = (page: Page) => page.getByRole('alert').filter({ has: page.getByRole('button', { name: 'Compute again' }) });

test('a worker that crashes is restarted, the person is told, and computing again works', async ({ page }) => {
  const worker = await failingWorker(page, 'throw new Error("the engine crashed on start")');
  await page.goto('/');
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toHaveText(/engine \(evaluation\) crashed and was restarted/);
  await expect(results(page).getByRole('alert')).toHaveText(/stopped and was restarted/);
  // Start-up settled first: opening the library re-evaluates the scenario, which on a healed worker
  // would clear the banner before the person could press its button.
  await expect(page.getByRole('toolbar', { name: 'Scenario tools' }).getByRole('status')).not.toHaveText(/Opening your library/);
  worker.heal();
  await banner(page).getByRole('button', { name: 'Compute again' }).click();
  await expect(results(page).locator('[data-figure="total-cost"]')).toBeVisible();
  await expect(banner(page)).toHaveCount(0);
  expect(worker.starts()).toBeGreaterThanOrEqual(2);
});

test('a worker call that throws is not left waiting: the engine is restarted and the person told', async ({ page }) => {
  // Speaks Comlink's protocol just enough to throw from every call.
  const throwing = `self.onmessage = (e) => self.postMessage({ id: e.data.id, type: 'HANDLER', name: 'throw',
    value: { isError: true, value: { name: 'Error', message: 'the model exploded', stack: '' } } });`;
  const worker = await failingWorker(page, throwing);
  await page.goto('/');
  await expect(results(page).getByRole('alert')).toHaveText(/failed on this scenario and was restarted/);
  await expect(banner(page)).toBeVisible();
  worker.heal();
  // An edit computes on the restarted (real) worker.
  await editor(page).getByLabel('Scenario name').fill('After the failure');
  // The example's options open folded.
  await expandOptions(page);
  await editor(page).getByLabel('Number of GPUs').first().fill('5');
  await expect(results(page).locator('[data-figure="total-cost"]')).toBeVisible();
  await expect(results(page).getByRole('alert')).toHaveCount(0);
});

test('a worker that never answers is stopped after 10 s, the person is told, and the next run works', async ({ page }) => {
  test.setTimeout(60_000);
  const worker = await failingWorker(page, 'self.onmessage = () => {};');
  await page.goto('/');
  await expect(results(page).getByRole('alert')).toHaveText(/gave no sign of progress for 10 seconds and was stopped/, { timeout: 15_000 });
  await expect(banner(page)).toHaveText(/engine \(evaluation\) stopped answering for 10 seconds and was restarted/);
  worker.heal();
  await banner(page).getByRole('button', { name: 'Compute again' }).click();
  await expect(results(page).locator('[data-figure="total-cost"]')).toBeVisible();
});

test('a crashed simulator is restarted while the evaluation goes on', async ({ page }) => {
  const simulator = await failingWorker(page, 'throw new Error("the simulator crashed on start")', /simulator\.worker-[\w-]+\.js$/);
  await page.goto('/');
  // The evaluation (its own worker) is not affected: the results are there.
  await expect(results(page).locator('[data-figure="total-cost"]')).toBeVisible();
  const panel = results(page).getByRole('region', { name: 'Uncertainty', exact: true });
  await expect(panel.getByRole('alert')).toHaveText(/stopped and was restarted/);
  await expect(banner(page)).toHaveText(/engine \(uncertainty\) crashed and was restarted/);
  await expect(page.getByRole('toolbar', { name: 'Scenario tools' }).getByRole('status')).not.toHaveText(/Opening your library/);
  simulator.heal();
  // An edit evaluates and runs the uncertainty on a fresh simulator (the example's options open folded).
  await expandOptions(page);
  await editor(page).getByLabel('Number of GPUs').first().fill('5');
  await expect(panel.getByRole('alert')).toHaveCount(0, { timeout: 30_000 });
  await expect(panel.getByRole('table')).toBeVisible({ timeout: 30_000 });
  expect(simulator.starts()).toBeGreaterThanOrEqual(2);
});
