// The methodology is compiled at build time (scripts/methodology-compile.ts): what the page gets.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileMethodology } from '../../scripts/methodology-compile.ts';

const docs = { en: readFileSync('docs/methodology.md', 'utf8'), fr: readFileSync('docs/methodology.fr.md', 'utf8') } as const;

describe('the compiled methodology', () => {
  for (const lang of ['en', 'fr'] as const) {
    const { html, sections } = compileMethodology(docs[lang], lang);
    const ids = [...html.matchAll(/<h[2-6] id="([^"]+)"/g)].map((m) => m[1]!);

    it(`(${lang}) gives every heading a unique id and leaves the document's own title out`, () => {
      expect(ids.length).toBeGreaterThan(10);
      expect(new Set(ids).size).toBe(ids.length);
      expect(html).not.toMatch(/<h1/);
      expect(html).not.toContain(docs[lang].split('\n')[0]!.replace(/^# /, '') + '</h2>');
    });

    it(`(${lang}) has a table of contents whose every link lands on a heading, in the document's order`, () => {
      expect(sections.length).toBe([...docs[lang].matchAll(/^## /gm)].length);
      for (const s of sections) expect(ids).toContain(s.id);
      expect(sections.map((s) => ids.indexOf(s.id))).toEqual([...sections.map((s) => ids.indexOf(s.id))].sort((a, b) => a - b));
    });

    it(`(${lang}) makes every table and code block a named region the keyboard can scroll`, () => {
      const tables = [...html.matchAll(/<table/g)].length;
      const pres = [...html.matchAll(/<pre/g)].length;
      expect(tables).toBeGreaterThan(0);
      expect([...html.matchAll(/<div class="table-scroll" role="region" tabindex="0" aria-label="(Table|Tableau) — [^"]+"><table class="figures md">/g)].length).toBe(tables);
      expect([...html.matchAll(/<pre role="region" tabindex="0" aria-label="Code — [^"]+"><code>/g)].length).toBe(pres);
      expect(html).not.toMatch(/<th>/);
    });

    it(`(${lang}) links to http(s) only, in a new tab, and runs no script`, () => {
      for (const m of html.matchAll(/<a ([^>]*)>/g)) expect(m[1]).toMatch(/^href="https?:\/\/[^"]+" target="_blank" rel="noopener noreferrer"$/);
      expect(html).not.toMatch(/<script|javascript:|\son\w+=/i);
    });

    it(`(${lang}) is written for a planner: file paths only in the last section, "For developers", kept last`, () => {
      const dev = lang === 'fr' ? 'Pour les développeurs' : 'For developers';
      expect(sections.at(-1)?.text).toBe(dev);
      const before = docs[lang].slice(0, docs[lang].indexOf(`## ${dev}`));
      const paths = [...before.matchAll(/`(?:src|workers|test)\/[^`]*`/g)].map((m) => m[0]);
      expect(paths).toEqual([]);
      expect(html).not.toContain('&lt;!--');
    });
  }

  it('escapes raw HTML, drops non-http links and names blocks after their section', () => {
    const { html, sections } = compileMethodology('# Title\n\n## 1. `Cost` here\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [y](https://example.org)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\nx < 1\n```\n', 'fr');
    expect(sections).toEqual([{ id: 'm-1-cost-here', text: '1. Cost here' }]);
    expect(html).toContain('<h3 id="m-1-cost-here">1. <code>Cost</code> here</h3>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">y</a>');
    expect(html).toContain('aria-label="Tableau — 1. Cost here"');
    expect(html).toContain('<pre role="region" tabindex="0" aria-label="Code — 1. Cost here"><code>x &lt; 1</code></pre>');
  });
});
