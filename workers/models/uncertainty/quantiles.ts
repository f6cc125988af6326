// Percentiles of a sample without sorting it. A pilot (every k-th value) brackets each wanted
// rank; one branch-free pass counts the values below each bracket and gathers those inside;
// quickselect (Hoare 1961, median-of-three pivots) finds the rank among the gathered values.
// Exact: a bracket that misses its rank falls back to quickselect on a copy of the whole sample.
// Pure: the scratch buffers are reused between calls and hold no state a result depends on.

/** Ranks the bracketed path handles at once (the Monte Carlo asks for P5, P50, P95). */
const MAX_BRACKETS = 3;
const low = new Float64Array(MAX_BRACKETS);
const high = new Float64Array(MAX_BRACKETS);
/** Values below each bracket (0–2), then inside each (3–5). */
const counts = new Int32Array(2 * MAX_BRACKETS);
/** Values gathered inside each bracket (grown as needed, never shrunk). */
const gathered: Float64Array[] = [new Float64Array(0), new Float64Array(0), new Float64Array(0)];
let pilot = new Float64Array(1024);
let scratch = new Float64Array(1024);

/**
 * Percentiles of `values[0..n)` by the inverse of the empirical distribution (Hyndman & Fan
 * type 1: the ⌈n·p⌉-th smallest value), for probabilities in ascending order. Leaves `values` as it is.
 */
export function percentiles(values: Float64Array, n: number, ps: readonly number[]): number[] {
  if (n === 0) return ps.map(() => Number.NaN);
  const ranks = ps.map((p) => rank(n, p));
  if (n <= 2048 || ranks.length > MAX_BRACKETS) return byCopy(values, n, ranks);

  // A pilot of m values at a fixed stride (the samples are independent draws: any stride is fair)
  // brackets each rank: ±3.5 standard deviations of its position in the pilot (binomial).
  const m = Math.min(1024, n >> 2);
  if (pilot.length < m) pilot = new Float64Array(m);
  const sample = pilot; // a local: the module binding would be reloaded and checked at every access
  const stride = n / m;
  for (let i = 0; i < m; i++) sample[i] = values[Math.floor(i * stride)]!;
  let count = 0;
  let from = 0;
  const bracketOf: number[] = [];
  for (const k of ranks) {
    const q = (k + 0.5) / n;
    const margin = 3.5 * Math.sqrt(m * q * (1 - q)) + 2;
    const lo = Math.floor(q * m - margin);
    const hi = Math.ceil(q * m + margin);
    let a = -Infinity;
    if (lo > 0) {
      select(sample, Math.max(lo, from), from, m - 1);
      from = Math.max(lo, from);
      a = sample[lo]!;
    }
    let b = Infinity;
    if (hi < m - 1) {
      select(sample, hi, from, m - 1);
      from = hi;
      b = sample[hi]!;
    }
    if (a !== a || b !== b) return byCopy(values, n, ranks); // NaN in the pilot
    if (count > 0 && a <= high[count - 1]!) {
      if (b > high[count - 1]!) high[count - 1] = b; // overlapping brackets merge
    } else {
      low[count] = a;
      high[count] = b;
      count++;
    }
    bracketOf.push(count - 1);
  }
  // Unused brackets are NaN: no value is below or inside them.
  for (let j = count; j < MAX_BRACKETS; j++) low[j] = high[j] = Number.NaN;
  if (gathered[0]!.length < n) for (let j = 0; j < MAX_BRACKETS; j++) gathered[j] = new Float64Array(n);
  const g = gathered;
  if (!bracketPass(values, n, low[0]!, high[0]!, low[1]!, high[1]!, low[2]!, high[2]!, g[0]!, g[1]!, g[2]!, counts)) return byCopy(values, n, ranks); // NaN in the sample

  const out: number[] = [];
  let lastBracket = -1;
  let inFrom = 0;
  for (let r = 0; r < ranks.length; r++) {
    const j = bracketOf[r]!;
    const k = ranks[r]! - counts[j]!;
    const inside = counts[MAX_BRACKETS + j]!;
    // A bracket that missed its rank (rare): the exact slow path.
    if (k < 0 || k >= inside) return byCopy(values, n, ranks);
    if (j !== lastBracket) {
      lastBracket = j;
      inFrom = 0;
    }
    select(gathered[j]!, k, k < inFrom ? 0 : inFrom, inside - 1);
    inFrom = k;
    out.push(gathered[j]![k]!);
  }
  return out;
}

/**
 * One pass without data-dependent branches (comparisons become 0 or 1): counts the values below
 * each bracket [a, b] and appends those inside it to g (every value is written; the count moves on
 * only when it belongs). Counts go to `counts`: below 0, 1, 2, then inside 0, 1, 2. False when a
 * value is NaN. Everything comes in as arguments, so the optimised loop depends on nothing else.
 */
function bracketPass(
  values: Float64Array,
  n: number,
  a0: number,
  b0: number,
  a1: number,
  b1: number,
  a2: number,
  b2: number,
  g0: Float64Array,
  g1: Float64Array,
  g2: Float64Array,
  counts: Int32Array,
): boolean {
  let c0 = 0, c1 = 0, c2 = 0, n0 = 0, n1 = 0, n2 = 0, nan = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const x0 = +(v < a0), y0 = +(v <= b0), x1 = +(v < a1), y1 = +(v <= b1), x2 = +(v < a2), y2 = +(v <= b2);
    c0 += x0;
    c1 += x1;
    c2 += x2;
    g0[n0] = v;
    n0 += y0 - x0;
    g1[n1] = v;
    n1 += y1 - x1;
    g2[n2] = v;
    n2 += y2 - x2;
    nan += +(v !== v);
  }
  counts[0] = c0;
  counts[1] = c1;
  counts[2] = c2;
  counts[3] = n0;
  counts[4] = n1;
  counts[5] = n2;
  return nan === 0;
}

/** Small samples, NaN, or a missed bracket: quickselect on a copy of the whole sample. */
function byCopy(values: Float64Array, n: number, ranks: readonly number[]): number[] {
  let nan = false;
  if (scratch.length < n) scratch = new Float64Array(n);
  const a = scratch;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v !== v) nan = true;
    a[i] = v;
  }
  // NaN compares false with everything: sort it last, as Float64Array.sort does.
  if (nan) {
    const sorted = values.slice(0, n).sort();
    return ranks.map((k) => sorted[k]!);
  }
  const out: number[] = [];
  let from = 0;
  for (const k of ranks) {
    // Everything left of the previous rank is smaller: a larger rank is searched to its right.
    select(a, k, k < from ? 0 : from, n - 1);
    out.push(a[k]!);
    from = k;
  }
  return out;
}

/** 0-based rank of the type-1 percentile p among n values. */
function rank(n: number, p: number): number {
  return Math.min(n - 1, Math.max(0, Math.ceil(n * p) - 1));
}

/** Reorders a[left..right] so that a[k] is its k-th smallest, smaller values left, larger right. */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right - left > 16) {
    // Median of three as the pivot, moved to a[left].
    const mid = (left + right) >>> 1;
    let x = a[left]!;
    let y = a[mid]!;
    let z = a[right]!;
    let t: number;
    if (x > y) (t = x), (x = y), (y = t);
    if (y > z) (t = y), (y = z), (z = t);
    if (x > y) (t = x), (x = y), (y = t);
    a[left] = x;
    a[mid] = y;
    a[right] = z;
    const pivot = y;
    // Hoare partition of a[left+1..right-1] around the pivot (a[left] ≤ pivot ≤ a[right] are sentinels).
    let i = left;
    let j = right;
    for (;;) {
      do i++;
      while (a[i]! < pivot);
      do j--;
      while (a[j]! > pivot);
      if (i >= j) break;
      t = a[i]!;
      a[i] = a[j]!;
      a[j] = t;
    }
    // Now a[left..j] ≤ pivot ≤ a[j+1..right].
    if (k <= j) right = j;
    else left = j + 1;
  }
  // Insertion sort of the last few.
  for (let i = left + 1; i <= right; i++) {
    const v = a[i]!;
    let j = i - 1;
    while (j >= left && a[j]! > v) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = v;
  }
}
