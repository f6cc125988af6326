// The spread of a set of offers: count, minimum, median, maximum and the 5th/95th percentiles,
// with the rows behind them. Environment-free.

export interface Spread<T> {
  count: number;
  min: number;
  median: number;
  max: number;
  /** 5th and 95th percentiles (linear interpolation between order statistics, Hyndman & Fan type 7). */
  p5: number;
  p95: number;
  /** The rows, sorted by value (ascending), each with its value in the spread's currency. */
  rows: { row: T; value: number }[];
}

/** Percentile q (0–1) of sorted values, type 7 (R's default; numpy's "linear"). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/** The spread of `rows` valued by `value` (rows whose value is null are left out); null when none. */
export function spreadOf<T>(rows: readonly T[], value: (r: T) => number | null): Spread<T> | null {
  const valued = rows.flatMap((row) => {
    const v = value(row);
    return v === null || !Number.isFinite(v) ? [] : [{ row, value: v }];
  });
  if (valued.length === 0) return null;
  valued.sort((a, b) => a.value - b.value);
  const values = valued.map((x) => x.value);
  return {
    count: values.length,
    min: values[0]!,
    median: percentile(values, 0.5),
    max: values[values.length - 1]!,
    p5: percentile(values, 0.05),
    p95: percentile(values, 0.95),
    rows: valued,
  };
}

/**
 * The median offer: the row in the middle of the sorted list (for an even count, the lower of the
 * two middle rows), so that a default is a real, citable offer rather than an average of two.
 */
export function medianRow<T>(s: Spread<T>): { row: T; value: number } {
  return s.rows[Math.floor((s.rows.length - 1) / 2)]!;
}
