// Freshness classes from dates, and the median and spread of a known set of rows.
import { describe, expect, it } from 'vitest';
import { freshestClass, freshness, freshnessCounts, latestPerItem, monthsBetween } from '../../src/catalog/freshness.ts';
import { medianRow, percentile, spreadOf } from '../../src/catalog/spread.ts';
import { catalog } from '../../src/catalog/index.ts';

describe('freshness against the catalog build date', () => {
  const build = '2026-12-01';
  it.each([
    ['2026-12', 'current'],
    ['2026-06', 'current'], // 6 months: still current
    ['2026-05', 'flagged'], // 7 months
    ['2025-12', 'flagged'], // 12 months: still flagged
    ['2025-11', 'old'], // 13 months
    ['2019-01', 'old'],
    ['2027-02', 'current'], // dated after the build (a scheduled figure): not old
  ] as const)('%s is %s', (asOf, expected) => {
    expect(freshness(asOf, build)).toBe(expected);
  });

  it('an undated figure is old', () => {
    expect(freshness(null, build)).toBe('old');
  });

  it('months are counted by calendar month', () => {
    expect(monthsBetween('2025-12', '2026-12-01')).toBe(12);
    expect(monthsBetween('2026-12', '2026-01')).toBe(-11);
  });

  it('counts rows per class, and keeps the freshest class only', () => {
    const rows = [{ asOf: '2026-10' }, { asOf: '2026-03' }, { asOf: '2024-01' }, { asOf: null }];
    expect(freshnessCounts(rows, build)).toEqual({ current: 1, flagged: 1, old: 2 });
    expect(freshestClass(rows, build)).toEqual({ rows: [{ asOf: '2026-10' }], freshness: 'current' });
    expect(freshestClass(rows.slice(2), build).freshness).toBe('old');
  });

  it('a price series counts once: only the newest observation of an item is kept', () => {
    const rows = [
      { id: 'a-jul', item: 'a', asOf: '2026-07', date: '2026-07-16' },
      { id: 'a-nov', item: 'a', asOf: '2026-11', date: '2026-11-09' },
      { id: 'b', item: 'b', asOf: '2026-08', date: '2026-08-19' },
    ];
    expect(latestPerItem(rows, (r) => r.item).map((r) => r.id)).toEqual(['a-nov', 'b']);
  });

  it('the shipped catalog holds rows of every class, and its prices are mostly current', () => {
    const prices = [...catalog.cloudPrices, ...catalog.decentralisedPrices, ...catalog.purchasePrices];
    const counts = freshnessCounts(prices, catalog.compiled);
    expect(counts.current).toBeGreaterThan(100);
    expect(counts.old).toBeGreaterThan(100); // the older rows are kept as history
  });
});

describe('median and spread of a known set of rows', () => {
  const rows = [3.25, 4.4868, 3.7969, 3.8883, 2.0].map((v, i) => ({ id: `r${i}`, v }));

  it('count, min, median, max and P5–P95 (type 7)', () => {
    const s = spreadOf(rows, (r) => r.v)!;
    expect(s.count).toBe(5);
    expect(s.min).toBe(2.0);
    expect(s.max).toBe(4.4868);
    expect(s.median).toBe(3.7969);
    // sorted 2, 3.25, 3.7969, 3.8883, 4.4868: h = 4 × 0.05 = 0.2 → 2 + 0.2 × 1.25
    expect(s.p5).toBeCloseTo(2.25, 12);
    // h = 3.8 → 3.8883 + 0.8 × (4.4868 − 3.8883)
    expect(s.p95).toBeCloseTo(4.3671, 12);
    expect(s.rows.map((x) => x.row.id)).toEqual(['r4', 'r0', 'r2', 'r3', 'r1']);
  });

  it('the median offer of an even count is the lower middle row, a real offer', () => {
    const s = spreadOf(rows.slice(0, 4), (r) => r.v)!;
    expect(s.median).toBeCloseTo((3.7969 + 3.8883) / 2, 12);
    expect(medianRow(s).row.id).toBe('r2');
  });

  it('rows without a value are left out; no rows, no spread', () => {
    expect(spreadOf([{ v: null }, { v: 2 }], (r) => r.v)?.count).toBe(1);
    expect(spreadOf([], () => 1)).toBeNull();
    expect(percentile([5], 0.95)).toBe(5);
  });
});
