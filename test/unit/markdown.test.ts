import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/ui/markdown.ts';

describe('the methodology renderer', () => {
  it('leaves code spans alone and escapes HTML', () => {
    const html = renderMarkdown('Files `workers/models/*.ts` and `src/*.ts`, *emphasis*, <script>alert(1)</script>');
    expect(html).toContain('<code>workers/models/*.ts</code>');
    expect(html).toContain('<code>src/*.ts</code>');
    expect(html).toContain('<em>emphasis</em>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
  it('drops the document title and renders tables, lists and code blocks', () => {
    const html = renderMarkdown('# Title\n\n## Section\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n\n```\nx = 1 * 2\n```\n');
    expect(html).not.toContain('Title');
    expect(html).toContain('<h3 id="m-section">Section</h3>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<li>two</li>');
    expect(html).toContain('<pre role="region" tabindex="0" aria-label="Code — Section"><code>x = 1 * 2</code></pre>');
    expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-label="Table — Section">');
  });
  it('only links http(s) URLs', () => {
    expect(renderMarkdown('[x](javascript:alert(1))')).not.toContain('href="javascript');
  });
});

import { markdownSections } from '../../src/ui/markdown.ts';
describe('the methodology’s table of contents', () => {
  it('lists the "##" sections with the ids their headings get, not headings inside code', () => {
    const md = '# Title\n\n## 1. Scope\n\n### 1.1 Sub\n\n```\n## not a heading\n```\n\n## 2. `Cost`\n';
    expect(markdownSections(md)).toEqual([
      { id: 'm-1-scope', text: '1. Scope' },
      { id: 'm-2-cost', text: '2. Cost' },
    ]);
    const html = renderMarkdown(md);
    for (const s of markdownSections(md)) expect(html).toContain(`id="${s.id}"`);
  });
});
