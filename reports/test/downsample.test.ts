import fc from 'fast-check';
import { BREAK, dropFlatRuns, finiteSegments, lttbIndices, minMaxBucketIndices, selectDisplayIndices } from '../src/index.js';

/** An ascending x (irregular gaps allowed) and a y of the same length. */
const series = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 5000 }),
      y: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    }),
    { minLength: 1, maxLength: 3000 },
  )
  .map((rows) => {
    let t = 0;
    return {
      x: Float64Array.from(rows, (r) => (t += r.gap)),
      y: Float64Array.from(rows, (r) => r.y),
    };
  });

function isStrictlyAscending(indices: readonly number[]): boolean {
  return indices.every((v, k) => k === 0 || v > indices[k - 1]!);
}

describe('minMaxBucketIndices', () => {
  it('keeps the global max and min of every series, and the first and last point (property)', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 400 }), ({ x, y }, buckets) => {
        const kept = minMaxBucketIndices(x, y, buckets);
        const values = kept.map((i) => y[i]!);
        expect(Math.max(...values)).toBe(Math.max(...y));
        expect(Math.min(...values)).toBe(Math.min(...y));
        expect(kept[0]).toBe(0);
        expect(kept[kept.length - 1]).toBe(x.length - 1);
        expect(isStrictlyAscending(kept)).toBe(true);
        expect(kept.length).toBeLessThanOrEqual(2 * buckets + 2);
      }),
    );
  });

  it('keeps the max and min of every bucket, so no pixel column loses its extent (property)', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 1, max: 200 }), ({ x, y }, buckets) => {
        const kept = new Set(minMaxBucketIndices(x, y, buckets));
        const x0 = x[0]!;
        const span = x[x.length - 1]! - x0;
        const bucketOf = (i: number): number => (span > 0 ? Math.min(buckets - 1, Math.floor(((x[i]! - x0) / span) * buckets)) : 0);
        const extremes = new Map<number, { max: number; min: number }>();
        for (let i = 0; i < x.length; i++) {
          const b = bucketOf(i);
          const e = extremes.get(b) ?? { max: -Infinity, min: Infinity };
          extremes.set(b, { max: Math.max(e.max, y[i]!), min: Math.min(e.min, y[i]!) });
        }
        const keptExtremes = new Map<number, { max: number; min: number }>();
        for (const i of kept) {
          const b = bucketOf(i);
          const e = keptExtremes.get(b) ?? { max: -Infinity, min: Infinity };
          keptExtremes.set(b, { max: Math.max(e.max, y[i]!), min: Math.min(e.min, y[i]!) });
        }
        expect(keptExtremes).toEqual(extremes);
      }),
    );
  });

  it('reduces a day at one second to two points per pixel column, spike included', () => {
    const n = 86_400;
    const x = Float64Array.from({ length: n }, (_, i) => i * 1000);
    const y = Float64Array.from({ length: n }, (_, i) => 20 + Math.sin(i / 500) * 5);
    y[43_210] = 99.5; // one-second spike
    y[70_001] = -3;
    const kept = minMaxBucketIndices(x, y, 900);
    expect(kept.length).toBeLessThanOrEqual(1802);
    expect(kept).toContain(43_210);
    expect(kept).toContain(70_001);
  });

  it('never picks a NaN as an extremum', () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i);
    const y = Float64Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? NaN : i));
    const kept = minMaxBucketIndices(x, y, 5);
    expect(kept.slice(1, -1).every((i) => !Number.isNaN(y[i]!))).toBe(true);
  });

  it('returns the whole range when it is already short enough', () => {
    expect(minMaxBucketIndices([1, 2, 3], [3, 1, 2], 10)).toEqual([0, 1, 2]);
    expect(minMaxBucketIndices([], [], 10)).toEqual([]);
  });
});

describe('lttbIndices', () => {
  it('keeps the first and the last point and exactly `threshold` points (property)', () => {
    fc.assert(
      fc.property(series, fc.integer({ min: 3, max: 500 }), ({ x, y }, threshold) => {
        const kept = lttbIndices(x, y, threshold);
        expect(kept[0]).toBe(0);
        expect(kept[kept.length - 1]).toBe(x.length - 1);
        expect(kept.length).toBe(Math.min(threshold, x.length));
        expect(isStrictlyAscending(kept)).toBe(true);
      }),
    );
  });

  it('keeps an isolated spike (the largest triangle in its bucket)', () => {
    const n = 10_000;
    const x = Float64Array.from({ length: n }, (_, i) => i);
    const y = new Float64Array(n).fill(1);
    y[5_003] = 100;
    expect(lttbIndices(x, y, 200)).toContain(5_003);
  });

  it('works on a sub-range', () => {
    const x = Float64Array.from({ length: 100 }, (_, i) => i);
    const y = Float64Array.from({ length: 100 }, (_, i) => i % 7);
    const kept = lttbIndices(x, y, 10, 20, 80);
    expect(kept[0]).toBe(20);
    expect(kept[kept.length - 1]).toBe(79);
    expect(kept).toHaveLength(10);
  });
});

describe('dropFlatRuns', () => {
  it('keeps only the ends of runs of equal values', () => {
    const y = [0, 0, 0, 0, 5, 5, 1, 1, 1];
    expect(dropFlatRuns([0, 1, 2, 3, 4, 5, 6, 7, 8], y)).toEqual([0, 3, 4, 5, 6, 8]);
  });

  it('never drops an extremum (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 200 }), (y) => {
        const kept = dropFlatRuns(
          y.map((_, i) => i),
          y,
        ).map((i) => y[i]!);
        expect(Math.max(...kept)).toBe(Math.max(...y));
        expect(Math.min(...kept)).toBe(Math.min(...y));
      }),
    );
  });
});

describe('finiteSegments and selectDisplayIndices', () => {
  it('breaks at missing values and at gaps wider than maxGap', () => {
    const x = [0, 1, 2, 3, 10, 11, 12];
    const y = [1, NaN, 2, 3, 4, 5, 6];
    expect(finiteSegments(x, y, 2)).toEqual([
      [0, 1],
      [2, 4],
      [4, 7],
    ]);
  });

  it('separates the reduced segments with BREAK and never bridges a hole', () => {
    const x = Float64Array.from({ length: 4000 }, (_, i) => (i < 2000 ? i : i + 5000));
    const y = Float64Array.from({ length: 4000 }, (_, i) => Math.sin(i));
    const indices = selectDisplayIndices(x, y, { columns: 100, domain: [0, 9000], maxGap: 10 });
    const breaks = indices.filter((i) => i === BREAK);
    expect(breaks).toHaveLength(1);
    const at = indices.indexOf(BREAK);
    expect(indices[at - 1]).toBe(1999);
    expect(indices[at + 1]).toBe(2000);
  });

  it('with lttb keeps both ends of every segment', () => {
    const x = Float64Array.from({ length: 1000 }, (_, i) => i);
    const y = Float64Array.from({ length: 1000 }, (_, i) => (i === 500 ? NaN : i % 13));
    const indices = selectDisplayIndices(x, y, { columns: 20, domain: [0, 999], method: 'lttb' });
    expect(indices).toContain(0);
    expect(indices).toContain(499);
    expect(indices).toContain(501);
    expect(indices).toContain(999);
  });
});
