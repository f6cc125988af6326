// Today's date (YYYY-MM-DD) for the "possibly stale" flag, read once per page load.
let cached: string | null = null;

export function today(): string {
  cached ??= new Date().toISOString().slice(0, 10);
  return cached;
}
