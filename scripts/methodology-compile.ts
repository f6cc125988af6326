// The methodology (docs/methodology.md, docs/methodology.fr.md) compiled to HTML at build time by
// `marked` (a maintained CommonMark + GFM compiler; Node >= 20), so the page ships HTML and no
// Markdown code. Used by the vite plugin below (import "…/methodology.md?methodology") and the tests.
// The document's own title is left out (the page shows one); headings get stable ids ("m-" + slug,
// unchanged from the former hand-written renderer, so old links still land); each table and code
// block is a region the keyboard can reach and scroll (tabindex 0, named after its section); raw
// HTML in the text is shown as text (comments are left out); links go to http(s) only, in a new tab.
import { readFileSync } from 'node:fs';
import { Marked, Renderer, type Tokens } from 'marked';
import type { Plugin } from 'vite';

export interface CompiledMethodology {
  html: string;
  /** The "##" sections, for the table of contents. */
  sections: { id: string; text: string }[];
}

/** Names of the scrolling blocks, per language of the document. */
const BLOCK_LABELS = { en: { code: 'Code', table: 'Table' }, fr: { code: 'Code', table: 'Tableau' } } as const;

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A heading's plain text (what the TOC and the block names show). */
function plain(tokens: Tokens.Generic[] | undefined, fallback: string): string {
  const text = (tokens ?? []).map((t) => ('tokens' in t && t.tokens ? plain(t.tokens as Tokens.Generic[], t.text ?? '') : (t.text ?? t.raw ?? ''))).join('');
  return (text || fallback).replace(/[`*_]/g, '');
}

export function compileMethodology(md: string, lang: 'en' | 'fr'): CompiledMethodology {
  const labels = BLOCK_LABELS[lang];
  const sections: CompiledMethodology['sections'] = [];
  let section = '';
  const region = (kind: string) => `role="region" tabindex="0" aria-label="${escapeHtml(section ? `${kind} — ${section}` : kind)}"`;
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading(this: Renderer, { tokens, depth, text }: Tokens.Heading) {
        const title = plain(tokens as Tokens.Generic[], text);
        const id = `m-${slug(text)}`;
        section = title;
        if (depth === 2) sections.push({ id, text: title });
        const level = Math.min(6, depth + 1);
        return `<h${level} id="${id}">${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      code({ text }: Tokens.Code) {
        return `<pre ${region(labels.code)}><code>${escapeHtml(text)}</code></pre>\n`;
      },
      table(this: Renderer, token: Tokens.Table) {
        const table = Renderer.prototype.table.call(this, token).replace('<table>', '<table class="figures md">').replace(/<th(?=[ >])/g, '<th scope="col"');
        return `<div class="table-scroll" ${region(labels.table)}>${table}</div>\n`;
      },
      html({ text }: Tokens.HTML | Tokens.Tag) {
        // A comment is a note to editors (the "For developers" markers): left out; any other HTML shows as text.
        return /^\s*<!--[\s\S]*-->\s*$/.test(text) ? '' : escapeHtml(text);
      },
      link(this: Renderer, { href, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        return /^https?:\/\//.test(href) ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${inner}</a>` : inner;
      },
      image({ text }: Tokens.Image) {
        return escapeHtml(text);
      },
    },
  });
  const body = md.replace(/\r\n/g, '\n').replace(/^# [^\n]*\n/, '');
  const html = marked.parse(body, { async: false });
  return { html, sections };
}

/** `import doc from '…/methodology.fr.md?methodology'` gives the compiled document (its language from the name). */
export function methodologyPlugin(): Plugin {
  const SUFFIX = '?methodology';
  return {
    name: 'compute-planner:methodology',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith(SUFFIX)) return null;
      const r = await this.resolve(source.slice(0, -SUFFIX.length), importer, { skipSelf: true });
      return r ? `${r.id}${SUFFIX}` : null;
    },
    load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      const compiled = compileMethodology(readFileSync(file, 'utf8'), file.endsWith('.fr.md') ? 'fr' : 'en');
      return `export default ${JSON.stringify(compiled)};`;
    },
  };
}
