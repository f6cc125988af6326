// A small Markdown renderer for the methodology page (our own documents): headings, paragraphs,
// lists, tables, fenced code, inline code, bold, italics and links. Everything is HTML-escaped
// first, so no markup in the text can run.
function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inline(s: string): string {
  // Code spans first, set aside so that no emphasis or link rule touches their content.
  const codes: string[] = [];
  let out = escapeHtml(s).replace(/`([^`]+)`/g, (_, code: string) => `\u0000${codes.push(code) - 1}\u0000`);
  out = out.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  out = out.replace(/(^|[^*])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
  out = out.replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
  out = out.replace(/(^|[\s(])(https?:\/\/[^\s)<]+)/g, '$1<a href="$2" target="_blank" rel="noopener noreferrer">$2</a>');
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => `<code>${codes[Number(i)]}</code>`);
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Renders a document; its own top-level title is left out (the page shows one). */
/** Names of the blocks that scroll on their own (each is a keyboard-reachable region). */
export interface BlockLabels {
  code: string;
  table: string;
}

export function renderMarkdown(md: string, labels: BlockLabels = { code: 'Code', table: 'Table' }): string {
  const lines = md.replace(/\r\n/g, '\n').replace(/^# [^\n]*\n/, '').split('\n');
  const html: string[] = [];
  let i = 0;
  // The heading above a block names it ("Table — 4. Energy"): a scrolling block is a region
  // the keyboard can reach (tabindex 0) and a screen reader can name.
  let section = '';
  const region = (kind: string) => `role="region" tabindex="0" aria-label="${escapeHtml(section ? `${kind} — ${section}` : kind)}"`;
  while (i < lines.length) {
    const line = lines[i]!;
    if (/^```/.test(line)) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !/^```/.test(lines[i]!)) code.push(lines[i++]!);
      i++;
      html.push(`<pre ${region(labels.code)}><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const h = /^(#{1,4})\s+(.*)$/.exec(line);
    if (h) {
      const level = Math.min(6, h[1]!.length + 1);
      section = h[2]!.replace(/[`*_]/g, '');
      html.push(`<h${level} id="m-${slug(h[2]!)}">${inline(h[2]!)}</h${level}>`);
      i++;
      continue;
    }
    if (/^\|/.test(line)) {
      const rows: string[][] = [];
      while (i < lines.length && /^\|/.test(lines[i]!)) {
        rows.push(lines[i]!.replace(/^\||\|$/g, '').split('|').map((c) => c.trim()));
        i++;
      }
      const [head, , ...body] = rows;
      html.push(
        `<div class="table-scroll" ${region(labels.table)}><table class="figures md"><thead><tr>${(head ?? []).map((c) => `<th scope="col">${inline(c)}</th>`).join('')}</tr></thead><tbody>${body
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table></div>`,
      );
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: string[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i]!)) {
        let item = lines[i]!.replace(/^\s*([-*]|\d+\.)\s+/, '');
        i++;
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]!) && !/^\s*([-*]|\d+\.)\s+/.test(lines[i]!)) item += ` ${lines[i++]!.trim()}`;
        items.push(`<li>${inline(item)}</li>`);
      }
      html.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
      continue;
    }
    if (line.trim() === '' || /^---+$/.test(line.trim())) {
      i++;
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== '' && !/^(#{1,4}\s|```|\||\s*([-*]|\d+\.)\s+)/.test(lines[i]!)) para.push(lines[i++]!);
    html.push(`<p>${inline(para.join(' '))}</p>`);
  }
  return html.join('\n');
}

/** The document's sections (its "##" headings) for a table of contents, with the ids the renderer gives them. */
export function markdownSections(md: string): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  let fenced = false;
  for (const line of md.replace(/\r\n/g, '\n').split('\n')) {
    if (/^```/.test(line)) fenced = !fenced;
    const h = !fenced && /^##\s+(.*)$/.exec(line);
    if (h) out.push({ id: `m-${slug(h[1]!)}`, text: h[1]!.replace(/[`*_]/g, '') });
  }
  return out;
}
