import fc from 'fast-check';
import { percentilePosition, percentiles, summarizeSeries } from '../src/index.js';

/** The definition, by sorting (as PostgreSQL's percentile_cont): what the selection must agree with. */
function sortedPercentile(values: number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const position = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo]! + (position - lo) * (sorted[hi]! - sorted[lo]!);
}

describe('percentilePosition', () => {
  it('is (n − 1) × p / 100, 0-based', () => {
    expect(percentilePosition(95, 101)).toBe(95);
    expect(percentilePosition(97.5, 100)).toBeCloseTo(96.525, 12);
    expect(percentilePosition(100, 7)).toBe(6);
    expect(percentilePosition(0, 7)).toBe(0);
    expect(percentilePosition(50, 1)).toBe(0);
  });
});

describe('percentiles (linear interpolation)', () => {
  it('interpolates between neighbours: p95 of 1..100 is 95.05, p100 is 100', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    const [p95, p975, p99, p100] = percentiles(values, [95, 97.5, 99, 100]);
    expect(p95).toBeCloseTo(95.05, 10);
    expect(p975).toBeCloseTo(97.525, 10);
    expect(p99).toBeCloseTo(99.01, 10);
    expect(p100).toBe(100);
  });

  it('returns an observed value when the position is whole: p95 of 0..100 is 95', () => {
    expect(
      percentiles(
        Array.from({ length: 101 }, (_, i) => i),
        [95, 50],
      ),
    ).toEqual([95, 50]);
  });

  it('answers in the order asked, whatever that order', () => {
    const values = Array.from({ length: 1001 }, (_, i) => i);
    expect(percentiles(values, [99, 5, 50])).toEqual([990, 50, 500]);
  });

  it('ignores NaN and infinities, and answers NaN for an empty series', () => {
    expect(percentiles([NaN, 3, Infinity, 1, 2], [100])).toEqual([3]);
    expect(percentiles([], [95])).toEqual([NaN]);
    expect(percentiles([NaN], [95])).toEqual([NaN]);
  });

  it('refuses a percentile outside [0, 100]', () => {
    expect(() => percentiles([1, 2], [101])).toThrow(RangeError);
  });

  it('agrees with sort-and-index on any series (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 2000 }),
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (values, ps) => {
          const got = percentiles(values, ps);
          ps.forEach((p, i) => expect(got[i]).toBeCloseTo(sortedPercentile(values, p), 6));
        },
      ),
    );
  });

  it('answers long runs of equal values (swap at 0 all day) exactly', () => {
    // A selection that degrades on equal keys would be quadratic here (200,000² steps) and blow the
    // test's time-out; speed itself is measured in bench/, not asserted here.
    const zeros = new Float64Array(200_000);
    zeros[123] = 5;
    expect(percentiles(zeros, [95, 99, 100])).toEqual([0, 0, 5]);
  });
});

describe('summarizeSeries', () => {
  it('gives count, min, mean, max and p95/p97.5/p99/p100', () => {
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    const s = summarizeSeries(values);
    expect(s).toMatchObject({ count: 200, min: 1, mean: 100.5, max: 200, p100: 200 });
    expect(s.p95).toBeCloseTo(190.05, 10);
    expect(s.p97_5).toBeCloseTo(195.025, 10);
    expect(s.p99).toBeCloseTo(198.01, 10);
  });

  it('skips missing samples rather than counting them as zero', () => {
    const summary = summarizeSeries([NaN, 10, NaN, 20]);
    expect(summary.count).toBe(2);
    expect(summary.min).toBe(10);
    expect(summary.mean).toBe(15);
  });

  it('is all NaN for a series with no value', () => {
    const summary = summarizeSeries(new Float64Array([NaN, NaN]));
    expect(summary.count).toBe(0);
    expect(summary.p95).toBeNaN();
    expect(summary.mean).toBeNaN();
  });

  it('does not modify its input', () => {
    const values = new Float64Array([5, 1, 4, 2, 3]);
    summarizeSeries(values);
    expect([...values]).toEqual([5, 1, 4, 2, 3]);
  });

  it('p100 is max and min ≤ p95 ≤ p97.5 ≤ p99 ≤ max (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 500 }), (values) => {
        const s = summarizeSeries(values);
        expect(s.p100).toBe(s.max);
        expect(s.min).toBeLessThanOrEqual(s.p95);
        expect(s.p95).toBeLessThanOrEqual(s.p97_5);
        expect(s.p97_5).toBeLessThanOrEqual(s.p99);
        expect(s.p99).toBeLessThanOrEqual(s.max);
        expect(s.mean).toBeGreaterThanOrEqual(s.min - Math.abs(s.min) * 1e-12);
        expect(s.mean).toBeLessThanOrEqual(s.max + Math.abs(s.max) * 1e-12);
      }),
    );
  });
});
