// The fan chart's bands: percentiles of cumulative cost at each charted month, over the samples
// traced month by month. Cumulative costs keep nearly the same order from one charted month to
// the next, so each column is sorted by insertion starting from the previous column's order:
// close to one pass per column instead of a full sort. Where the order changes much from one
// column to the next, the insertion gives up after a few moves per sample and the column is
// quicksorted: never much more than a sort's work. Exact. Pure: scratch
// buffers are reused between calls and hold no state a result depends on.

/** Moves per sample the insertion may make in a column before the column is quicksorted instead (about log2 of 500 samples). */
const MOVES_PER_SAMPLE = 8;
let order = new Int32Array(1024);
let sorted = new Float64Array(1024);

/**
 * `traces` holds `width` columns of `samples` cumulative costs (column j at j × samples). Writes, for each percentile r and
 * column j, the type-1 percentile (the ⌈n·p⌉-th smallest value) to bands[r × width + j].
 */
export function fanBands(traces: Float64Array, samples: number, width: number, ps: readonly number[], bands: Float64Array): void {
  if (samples === 0) {
    bands.fill(Number.NaN);
    return;
  }
  if (order.length < samples) {
    order = new Int32Array(samples);
    sorted = new Float64Array(samples);
  }
  // Locals, not the module's bindings: V8 would reload and check those at every access.
  const order_ = order;
  const sorted_ = sorted;
  for (let i = 0; i < samples; i++) order_[i] = i;
  // An Int32Array, not ps.map(…): a plain array's elements may be small integers in one call and
  // doubles in the next (as Math.ceil's result was boxed or not), and each change of kind threw the
  // optimised loop away (the mix example's bands: about 100 ns a value, against 30–50 ns with this).
  const ranks = Int32Array.from(ps, (p) => Math.min(samples - 1, Math.max(0, Math.ceil(samples * p) - 1)));
  const budget = MOVES_PER_SAMPLE * samples;
  for (let j = 0; j < width; j++) {
    const column = j * samples;
    for (let i = 0; i < samples; i++) sorted_[i] = traces[column + order_[i]!]!;
    if (j === 0) quicksort(sorted_, order_, 0, samples - 1);
    // Insertion sort of the values with their sample numbers; the order carries to the next column.
    // NaN never compares greater, so it stays where it is; no sample is lost either way.
    let moves = 0;
    for (let i = 1; i < samples; i++) {
      const v = sorted_[i]!;
      if (!(sorted_[i - 1]! > v)) continue;
      const id = order_[i]!;
      let k = i - 1;
      while (k >= 0 && sorted_[k]! > v) {
        sorted_[k + 1] = sorted_[k]!;
        order_[k + 1] = order_[k]!;
        k--;
      }
      sorted_[k + 1] = v;
      order_[k + 1] = id;
      moves += i - 1 - k;
      if (moves > budget) {
        // Too far from the previous order: sorting the whole column costs less than going on. The
        // quicksort leaves runs of up to 16 in any order: the insertion starts again, without a budget.
        quicksort(sorted_, order_, 0, samples - 1);
        moves = -Infinity;
        i = 0;
      }
    }
    for (let r = 0; r < ranks.length; r++) bands[r * width + j] = sorted_[ranks[r]!]!;
  }
}

/** Sorts sorted[lo..hi] with order[] alongside: quicksort (median of three), insertion sort below 16. */
function quicksort(sorted: Float64Array, order: Int32Array, lo: number, hi: number): void {
  while (hi - lo > 16) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < sorted[lo]!) swap(sorted, order, mid, lo);
    if (sorted[hi]! < sorted[lo]!) swap(sorted, order, hi, lo);
    if (sorted[hi]! < sorted[mid]!) swap(sorted, order, hi, mid);
    const pivot = sorted[mid]!;
    let i = lo;
    let j = hi;
    for (;;) {
      do i++;
      while (sorted[i]! < pivot);
      do j--;
      while (sorted[j]! > pivot);
      if (i >= j) break;
      swap(sorted, order, i, j);
    }
    // Recurse into the smaller side, loop on the larger: the stack stays logarithmic.
    if (j - lo < hi - j) {
      quicksort(sorted, order, lo, j);
      lo = j + 1;
    } else {
      quicksort(sorted, order, j + 1, hi);
      hi = j;
    }
  }
}

function swap(sorted: Float64Array, order: Int32Array, a: number, b: number): void {
  const v = sorted[a]!;
  sorted[a] = sorted[b]!;
  sorted[b] = v;
  const o = order[a]!;
  order[a] = order[b]!;
  order[b] = o;
}
