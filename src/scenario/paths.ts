// A field's path as a person reads it in a message: "options[1].pue". Kept apart from the
// validator (load.ts pulls in zod) so the page can print paths without loading it.

/** "options[1].pue"; the document itself is "(scenario)". */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(scenario)';
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
