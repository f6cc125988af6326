// The editor stays responsive: no main-thread task over 50 ms while a person types, the models
// and the Monte Carlo running in the worker meanwhile. Run alone (see playwright.config.ts).
import { expect, test } from '@playwright/test';
import { editor, openPlanner } from './helpers.ts';

test('typing never blocks the main thread for more than 50 ms', async ({ page }) => {
  await openPlanner(page);
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) (window as unknown as { longTasks: number[] }).longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const field = editor(page).getByLabel('GPU-hours in the first month');
  await field.click();
  await field.press('End');
  for (const ch of '123456') {
    await page.keyboard.type(ch, { delay: 60 });
  }
  for (let i = 0; i < 6; i++) await page.keyboard.press('Backspace', { delay: 60 });
  await page.waitForTimeout(300);
  const long = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  expect(long.filter((d) => d > 50)).toEqual([]);
});
