import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../../src/scenario/load.ts';
import { decodeScenario, encodeScenario, fromBase64Url, SHARE_PREFIX, toBase64Url } from '../../../src/storage/share-link.ts';

const files = [
  ...readdirSync('public/examples').filter((f) => f.endsWith('.json')).map((f) => `public/examples/${f}`),
  ...readdirSync('public/examples/fr').map((f) => `public/examples/fr/${f}`),
  // footprint (issue 12): measured energy, host parts and an electricity contract travel in the link.
  'test/fixtures/scenarios/v8.json',
];

describe('share links', () => {
  it.each(files)('round-trip %s exactly through the load path', async (file) => {
    const loaded = loadScenarioText(readFileSync(file, 'utf8'));
    if (!loaded.ok) throw new Error('example does not load');
    const fragment = await encodeScenario(loaded.scenario);
    expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
    expect(fragment).toMatch(/^scenario=v1\.[A-Za-z0-9_-]+$/);
    const decoded = await decodeScenario(`https://planner.example/#${fragment}`);
    if (!decoded.ok) throw new Error(JSON.stringify(decoded.error));
    const again = loadScenarioText(decoded.text);
    if (!again.ok) throw new Error('decoded link does not load');
    expect(again.scenario).toEqual(loaded.scenario);
  });

  it('a typical 3-option link stays under 2,000 characters', async () => {
    const loaded = loadScenarioText(readFileSync('public/examples/mix-buy-cloud-decentralised.json', 'utf8'));
    if (!loaded.ok) throw new Error('example does not load');
    const url = `http://127.0.0.1:4173/#${await encodeScenario(loaded.scenario)}`;
    console.log(`share link of the 3-option mix example: ${url.length} characters`);
    expect(url.length).toBeLessThan(2000);
  });

  it('refuses what is not a link, a newer link codec, bad base64, bad deflate', async () => {
    expect(await decodeScenario('#view=compare')).toEqual({ ok: false, error: { kind: 'notShareLink' } });
    expect(await decodeScenario('#scenario=v9.AAAA')).toEqual({ ok: false, error: { kind: 'unknownLinkVersion', version: 'v9' } });
    expect(await decodeScenario('#scenario=v1.ab$cd')).toEqual({ ok: false, error: { kind: 'badEncoding' } });
    expect(await decodeScenario(`#scenario=v1.${toBase64Url(new TextEncoder().encode('not deflate at all'))}`)).toMatchObject({
      ok: false,
      error: { kind: 'badCompression' },
    });
  });

  it('stops inflating a zip bomb beyond 1 MB', async () => {
    const zeros = new Uint8Array(5_000_000);
    const deflated = new Uint8Array(
      await new Response(new Blob([zeros]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer(),
    );
    expect(deflated.length).toBeLessThan(10_000);
    expect(await decodeScenario(`#scenario=v1.${toBase64Url(deflated)}`)).toMatchObject({ ok: false, error: { kind: 'tooLarge' } });
  });

  it('base64url round-trips every byte value, without padding', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const text = toBase64Url(bytes);
    expect(text).not.toMatch(/[=+/]/);
    expect(fromBase64Url(text)).toEqual(bytes);
  });
});
