import { alignRange, bucketStep } from '../src/read/bucketStep.js';
import { SeriesSource, seriesSource } from '../src/read/seriesSource.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('bucketStep', () => {
  it.each([
    [10 * 60_000, 60, 10],
    [HOUR, 3_600, 1],
    [HOUR, 5_000, 1],
    [7 * DAY, 1_000, 900],
    [7 * DAY, 168, 3_600],
    [DAY, 1_000, 120],
    [400 * DAY, 1, 400 * 86_400],
    [3 * DAY, 1, 3 * 86_400],
  ])('%d ms in %d buckets → %d s', (range, buckets, step) => {
    expect(bucketStep(range, buckets)).toBe(step);
  });

  it('never gives more buckets than asked, plus one for an unaligned start', () => {
    for (const buckets of [1, 7, 100, 500, 1_000, 5_000]) {
      for (const range of [61_000, HOUR + 1, DAY, 7 * DAY + 12_345]) {
        const step = bucketStep(range, buckets);
        expect(alignRange(0, range, step).count).toBeLessThanOrEqual(buckets);
        expect(alignRange(1_500, 1_500 + range, step).count).toBeLessThanOrEqual(buckets + 1);
      }
    }
  });
});

describe('alignRange', () => {
  it('widens to whole buckets on the epoch', () => {
    expect(alignRange(90_000, 150_000, 60)).toEqual({ fromMs: 60_000, toMs: 180_000, count: 2 });
    expect(alignRange(60_000, 120_000, 60)).toEqual({ fromMs: 60_000, toMs: 120_000, count: 1 });
  });
});

describe('seriesSource', () => {
  it.each([
    [1, SeriesSource.RAW],
    [30, SeriesSource.RAW],
    [60, SeriesSource.MINUTE],
    [900, SeriesSource.MINUTE],
    [3_600, SeriesSource.HOUR],
    [86_400, SeriesSource.HOUR],
  ])('%d s buckets read %s', (step, source) => {
    expect(seriesSource(step).source).toBe(source);
  });
});
