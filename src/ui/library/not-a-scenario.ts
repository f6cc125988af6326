// Recognises a file that is plainly not a scenario file (a CSV of results, a spreadsheet export),
// so that the person is told what can be imported instead of "not valid JSON". Pure.

/** True for a CSV by its name or type, or by its first line (cells between commas or semicolons, no JSON). */
export function looksLikeCsv(name: string, type: string, text: string): boolean {
  if (/\.(csv|tsv)$/i.test(name) || type === 'text/csv' || type === 'text/tab-separated-values') return true;
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return false;
  const first = head.split(/\r?\n/, 1)[0] ?? '';
  return /[,;\t]/.test(first) && /\r?\n/.test(head);
}
