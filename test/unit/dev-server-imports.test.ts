// `npm start` (vite's dev server) serves a JSON file as a JavaScript module. A dynamic import that
// carries the import attribute `{ with: { type: 'json' } }` keeps it in the browser, which then
// refuses the module ("Expected a JSON module script"): the sources of the catalog never loaded in
// `npm start`. Static imports are rewritten by vite and may keep the attribute (node needs it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(f) ? [p] : [];
  });
}

describe('modules the dev server can serve', () => {
  it('no dynamic import of JSON carries an import attribute', () => {
    const offending = [...files('src'), ...files('workers')].filter((p) => /import\(\s*['"][^'"]+\.json['"]\s*,\s*\{\s*with\s*:/.test(readFileSync(p, 'utf8')));
    expect(offending).toEqual([]);
  });
});
