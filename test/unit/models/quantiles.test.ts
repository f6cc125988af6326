// Percentiles and fan bands are exact: they equal the type-1 percentiles of a sorted copy, on any
// sample — ties, infinities and NaN included, small and large, in any order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fanBands } from '../../../workers/models/uncertainty/fan.ts';
import { percentiles } from '../../../workers/models/uncertainty/quantiles.ts';

/** The ⌈n·p⌉-th smallest value of a sorted copy (Float64Array sorts NaN last). */
function bySort(values: Float64Array, ps: readonly number[]): number[] {
  const sorted = values.slice().sort();
  return ps.map((p) => sorted[Math.min(values.length - 1, Math.max(0, Math.ceil(values.length * p) - 1))]!);
}

const PS = [0.05, 0.5, 0.95] as const;
/** −0 and +0 are the same number to a percentile (the sort puts −0 first; selection does not care). */
const plain = (xs: number[]) => xs.map((v) => (v === 0 ? 0 : v));

describe('percentiles', () => {
  it('equal those of a sorted copy on any sample of any size', () => {
    const value = fc.oneof(
      { weight: 20, arbitrary: fc.double({ min: -1e9, max: 1e9, noNaN: true }) },
      { weight: 3, arbitrary: fc.integer({ min: -3, max: 3 }) },
      { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, Number.NaN, 0, -0) },
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 6000 }), fc.constantFrom([...PS], [0.25, 0.75], [0, 1], [0.5]), (xs, ps) => {
        const values = Float64Array.from(xs);
        const copy = values.slice();
        expect(plain(percentiles(values, values.length, ps))).toEqual(plain(bySort(values, ps)));
        // The sample is left as it was.
        expect(values).toEqual(copy);
      }),
      { numRuns: 300 },
    );
  });

  it('on large samples of the kinds the Monte Carlo produces (the bracketed path)', () => {
    for (const n of [2049, 10_000, 100_000]) {
      const normalish = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898) * 43758.5453 - Math.floor(Math.sin(i * 12.9898) * 43758.5453) + (i % 7));
      const skewed = Float64Array.from({ length: n }, (_, i) => Math.exp(((i * 7919) % n) / (n / 8)));
      const sorted = Float64Array.from({ length: n }, (_, i) => i);
      const constant = new Float64Array(n).fill(42);
      for (const values of [normalish, skewed, sorted, constant]) expect(percentiles(values, n, PS)).toEqual(bySort(values, PS));
    }
  });

  it('of an empty sample are NaN', () => {
    expect(percentiles(new Float64Array(0), 0, PS).every(Number.isNaN)).toBe(true);
  });
});

/** The fan's bands of `traces` (column-major) are, column by column, the percentiles a full sort gives. */
function expectBandsBySort(traces: Float64Array, samples: number, width: number): void {
  const ps = [0.05, 0.25, 0.5, 0.75, 0.95];
  const bands = new Float64Array(ps.length * width);
  fanBands(traces, samples, width, ps, bands);
  for (let j = 0; j < width; j++) {
    const want = bySort(traces.subarray(j * samples, (j + 1) * samples), ps);
    ps.forEach((_, r) => expect(bands[r * width + j]).toBe(want[r]));
  }
}

describe('fan bands', () => {
  it('equal the percentiles of each column, whatever the order of the samples from one column to the next', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 1000 }), (samples, width, seed) => {
        // Column-major traces: cumulative costs that mostly keep their order, with some crossings.
        const traces = new Float64Array(samples * width);
        let x = seed + 1;
        const rand = () => ((x = (x * 16807) % 2147483647) / 2147483647);
        for (let k = 0; k < samples; k++) {
          let cum = rand() * 1000;
          for (let j = 0; j < width; j++) {
            cum += rand() * 100;
            traces[j * samples + k] = rand() < 0.02 ? cum * 10 : cum;
          }
        }
        expectBandsBySort(traces, samples, width);
      }),
      { numRuns: 200 },
    );
  });

  it('equal the percentiles of each column when the order changes entirely from one column to the next (reversed, or drawn afresh)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 0, max: 1000 }), fc.boolean(), (samples, width, seed, reversed) => {
        const traces = new Float64Array(samples * width);
        let x = seed + 1;
        const rand = () => ((x = (x * 16807) % 2147483647) / 2147483647);
        for (let j = 0; j < width; j++) {
          for (let k = 0; k < samples; k++) traces[j * samples + k] = reversed ? (j % 2 === 0 ? k : samples - k) + j : Math.round(rand() * 50);
        }
        expectBandsBySort(traces, samples, width);
      }),
      { numRuns: 200 },
    );
  });
});
