import fc from 'fast-check';
import { bootstrapDifference, changeVerdict, meanStatistic, p95Statistic, thin } from '../src/index.js';

/** Samples of a machine's metric: 5–200 finite values in a realistic range. */
const samples = fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 5, maxLength: 200 });
const fast = { resamples: 200 };

describe('bootstrapDifference and changeVerdict (docs/report-comparisons.md)', () => {
  it('gives the same intervals for the same data: the generator is seeded', () => {
    const before = Array.from({ length: 500 }, (_, i) => (i * 7919) % 101);
    const after = before.map((v) => v + 3);
    const first = bootstrapDifference(before, after, [meanStatistic, p95Statistic]);
    expect(bootstrapDifference(before, after, [meanStatistic, p95Statistic])).toEqual(first);
    expect(bootstrapDifference(before, after, [meanStatistic], { seed: 99 })).not.toEqual([first[0]]);
  });

  it('identical samples: the interval contains 0, so there is no verdict', () => {
    fc.assert(
      fc.property(samples, (values) => {
        for (const interval of bootstrapDifference(values, values, [meanStatistic, p95Statistic], fast)) {
          expect(interval.low).toBeLessThanOrEqual(0);
          expect(interval.high).toBeGreaterThanOrEqual(0);
          expect(changeVerdict(interval)).toBe('no clear change');
        }
      }),
      { numRuns: 50 },
    );
  });

  it('a shift by more than the samples’ range: "higher" up, "lower" down, for the mean and the p95', () => {
    fc.assert(
      fc.property(samples, fc.double({ min: 1, max: 1e6, noNaN: true }), (values, extra) => {
        const range = Math.max(...values) - Math.min(...values);
        const shift = range + extra;
        const up = bootstrapDifference(
          values,
          values.map((v) => v + shift),
          [meanStatistic, p95Statistic],
          fast,
        );
        const down = bootstrapDifference(
          values,
          values.map((v) => v - shift),
          [meanStatistic, p95Statistic],
          fast,
        );
        for (const interval of up) expect(changeVerdict(interval)).toBe('higher');
        for (const interval of down) expect(changeVerdict(interval)).toBe('lower');
      }),
      { numRuns: 50 },
    );
  });

  it('the interval surrounds a moderate shift of noisy data and excludes 0', () => {
    let seed = 1;
    const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 10;
    const before = Array.from({ length: 3_000 }, noise);
    const after = Array.from({ length: 3_000 }, () => noise() + 2);
    const [mean] = bootstrapDifference(before, after, [meanStatistic]);
    expect(mean!.low).toBeGreaterThan(0);
    expect(mean!.low).toBeLessThan(2);
    expect(mean!.high).toBeGreaterThan(2);
    expect(mean!.high).toBeLessThan(3);
  });

  it('verdicts only where the interval excludes zero', () => {
    expect(changeVerdict({ low: 0.1, high: 2 })).toBe('higher');
    expect(changeVerdict({ low: -2, high: -0.1 })).toBe('lower');
    expect(changeVerdict({ low: 0, high: 2 })).toBe('no clear change');
    expect(changeVerdict({ low: -1, high: 1 })).toBe('no clear change');
    expect(changeVerdict({ low: NaN, high: NaN })).toBe('no clear change');
  });

  it('has no interval without samples on both sides', () => {
    expect(bootstrapDifference([], [1, 2], [meanStatistic])).toEqual([{ low: NaN, high: NaN }]);
    expect(bootstrapDifference([NaN], [1, 2], [meanStatistic])).toEqual([{ low: NaN, high: NaN }]);
  });

  it('thins to at most the cap, evenly, skipping missing samples', () => {
    expect(Array.from(thin([1, NaN, 2, 3, 4, 5], 10))).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(thin([1, 2, 3, 4, 5, 6, 7], 3))).toEqual([1, 4, 7]);
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 500 }),
        fc.integer({ min: 1, max: 50 }),
        (values, cap) => {
          const thinned = thin(values, cap);
          expect(thinned.length).toBeLessThanOrEqual(cap);
          if (values.length) expect(thinned[0]).toBe(values[0]);
        },
      ),
    );
  });
});
