// Memoised exp and log1p for the closed forms. Across the samples of a run most arguments repeat
// (only uncertain rates change them) and each call costs tens of nanoseconds. Each entry keeps its
// argument and is checked in full, so a collision only costs a recomputation: results never depend
// on what the tables hold. Pure.

const SIZE = 256;

function table() {
  return { arg: new Float64Array(SIZE).fill(Number.NaN), value: new Float64Array(SIZE) };
}
const exps = table();
const logs = table();

/** A cheap hash of a double into [0, SIZE). */
function slot(x: number): number {
  return ((x * 1048573.7) ^ (x * 8191.3)) & (SIZE - 1);
}

/** e^x. */
export function expOf(x: number): number {
  const h = slot(x);
  if (exps.arg[h] === x) return exps.value[h]!;
  const v = Math.exp(x);
  exps.arg[h] = x;
  exps.value[h] = v;
  return v;
}

/** ln(1 + x). */
export function ln1p(x: number): number {
  const h = slot(x);
  if (logs.arg[h] === x) return logs.value[h]!;
  const v = Math.log1p(x);
  logs.arg[h] = x;
  logs.value[h] = v;
  return v;
}
