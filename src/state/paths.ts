// Field paths as the editor names them: "options.0.pue" (issues from the worker carry arrays).
export function formatPath(path: readonly (string | number)[]): string {
  return path.join('.');
}
