// Hostile and broken links (issue #7): each gives a clear message in a role="alert" element,
// changes nothing that was saved, runs nothing (no dialog, no request elsewhere) and pollutes
// nothing. The links are made with the app's own encoder, then damaged or filled with bad content.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { encodeScenario } from '../../src/storage/share-link.ts';
import { countDialogs, editor, importFile, openPlanner, results, saveAs, storedRows } from './helpers.ts';

const example = JSON.parse(readFileSync('public/examples/mix-buy-cloud-decentralised.json', 'utf8')) as Record<string, any>;
const variant = (change: (s: Record<string, any>) => void) => {
  const s = structuredClone(example);
  s.id = 'from-a-link';
  change(s);
  return s;
};
const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);

/** [what it is, the fragment, what the alert says] */
const toFix = /not valid, marked in the editor\. It is open for you to fix them; nothing was saved/;

async function hostileLinks(): Promise<[string, string, RegExp][]> {
  const good = await encodeScenario(variant(() => {}));
  const refused = /The link could not be opened/;
  return [
    ['a truncated link', good.slice(0, Math.floor(good.length * 0.6)), refused],
    ['characters outside base64url', 'scenario=v1.<svg/onload=alert(1)>', refused],
    ['a link from a newer codec', 'scenario=v9.AAAA', /newer version/],
    ['a zip bomb (3 MB of spaces)', await encodeScenario(' '.repeat(3_000_000)), refused],
    ['not JSON', await encodeScenario('{"format": "compute-planner/scenario", '), refused],
    ['a scenario from a future version', await encodeScenario(variant((s) => (s.version = 99))), /newer version/],
    ['a prototype-pollution key', await encodeRaw(JSON.stringify(variant(() => {})).replace('{', '{"__proto__":{"polluted":true},')), refused],
    ['a constructor key', await encodeRaw(JSON.stringify(variant(() => {})).replace('{', '{"constructor":{"prototype":{"polluted":true}},')), refused],
    ['deep nesting', await encodeScenario(variant((s) => (s.notes = nested(60)))), refused],
    ['wrong types', await encodeScenario(variant((s) => (s.options = 'all of them'))), refused],
    ['a script in the name', await encodeScenario(variant((s) => (s.name = '<img src=x onerror=alert(1)>'))), toFix],
    ['a script in the notes', await encodeScenario(variant((s) => (s.notes = '</textarea><script>alert(1)</script>'))), toFix],
    ['out-of-range numbers', await encodeScenario(variant((s) => (s.options[0].gpuCount = -5))), toFix],
    ['Infinity (1e999)', await encodeRaw(JSON.stringify(variant(() => {})).replace('"gpuCount":4', '"gpuCount":1e999')), refused],
    ['NaN as text', await encodeScenario(variant((s) => (s.options[1].priceCcyPerGpuHour = 'NaN'))), refused],
  ];
}

/** Encodes text exactly as given (keys such as "__proto__" survive as text). */
async function encodeRaw(json: string): Promise<string> {
  // encodeScenario stringifies its argument (a string would be quoted): deflate the text by hand.
  const bytes = new TextEncoder().encode(json);
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const out = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of out) binary += String.fromCharCode(b);
  return `scenario=v1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** The saved scenarios, as stored. */
async function savedRows(page: Page): Promise<string> {
  return JSON.stringify(await storedRows(page));
}

test('every hostile or broken link is refused or opened to fix, with an alert, and changes nothing saved', async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const links = await hostileLinks();
  const requests: string[] = [];
  context.on('request', (r) => requests.push(r.url()));
  const dialogs = countDialogs(page);

  await openPlanner(page);
  await saveAs(page, 'My saved plan');
  const before = await savedRows(page);

  for (const [what, fragment, message] of links) {
    // A fresh load each time: an alert left by the previous link must not count for this one.
    await page.goto('about:blank');
    await page.goto(`/#${fragment}`);
    await expect(page.getByRole('alert').filter({ hasText: message }), what).toBeVisible();
    if (message === toFix) {
      // The results are not another scenario's figures passed off as this one's last good values.
      await expect(results(page), what).toContainText(/Fix the \d+ value\(s\) marked in the scenario/);
      await expect(results(page).locator('[data-figure="total-cost"]'), what).toHaveCount(0);
    }
    expect(await savedRows(page), `${what}: the saved scenarios changed`).toBe(before);
    expect(await page.evaluate(() => typeof ({} as Record<string, unknown>).polluted), what).toBe('undefined');
  }
  // Text from a link is shown as text, never run.
  expect(dialogs()).toBe(0);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  const origin = new URL(baseURL!).origin;
  expect(requests.filter((u) => new URL(u).origin !== origin)).toEqual([]);
});

test('every hostile or broken file is refused with an alert, and changes nothing saved', async ({ page }, testInfo) => {
  const good = JSON.stringify(variant(() => {}));
  // [what it is, the file's text, what the alert says]
  const files: [string, string, RegExp][] = [
    ['over 1 MB', good.replace('{', `{${' '.repeat(1_100_000)}`), /a scenario is at most 1,000,000 bytes \(1 MB\)/],
    ['not JSON', good.slice(0, 200), /not a valid JSON file/],
    ['a future version', JSON.stringify(variant((s) => (s.version = 99))), /saved by a newer version/],
    ['a prototype-pollution key', good.replace('{', '{"__proto__":{"polluted":true},'), /invalid value.*__proto__/],
    ['a script in the name', JSON.stringify(variant((s) => (s.name = '<script>alert(1)</script>'))), /invalid value.*HTML tags/],
    ['out-of-range numbers', JSON.stringify(variant((s) => (s.settings.horizonMonths = 10_000))), /invalid value/],
    ['deep nesting', JSON.stringify(variant((s) => (s.notes = nested(60)))), /nested too deeply/],
    ['a library file from a newer version', JSON.stringify({ format: 'compute-planner/library', version: 9, exportedAt: '2030-01-01T00:00:00Z', scenarios: [] }), /library file was exported by a newer version/],
  ];
  const dialogs = countDialogs(page);
  await openPlanner(page);
  await saveAs(page, 'My saved plan');
  const before = await savedRows(page);
  for (const [what, text, message] of files) {
    const path = testInfo.outputPath(`${what.replace(/\W+/g, '-')}.json`);
    writeFileSync(path, text);
    await importFile(page, path);
    // Each file's own message (the previous one is replaced, never counted for this one).
    await expect(page.getByRole('toolbar', { name: 'Scenario tools' }).getByRole('alert'), what).toHaveText(message);
    expect(await savedRows(page), `${what}: the saved scenarios changed`).toBe(before);
    expect(await page.evaluate(() => typeof ({} as Record<string, unknown>).polluted), what).toBe('undefined');
  }
  expect(dialogs()).toBe(0);
  await expect(editor(page).getByLabel('Scenario name')).toHaveValue('My saved plan');
});
