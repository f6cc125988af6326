// The report as one self-contained HTML file: the report's markup (charts already PNG data URLs),
// its stylesheet inline, no script, and a policy that lets the file load nothing at all.
import reportCss from './report.css?raw';

const FILE_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

export function reportHtmlFile(article: HTMLElement, title: string, lang: string): string {
  const body = article.outerHTML;
  const escapedTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${FILE_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapedTitle}</title>
<style>body{margin:1rem;background:#fff}${reportCss}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
