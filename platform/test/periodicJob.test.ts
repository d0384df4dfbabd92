import { retryBackoffMs } from '../src/jobs/periodicJob';

describe('retryBackoffMs', () => {
  it('doubles per attempt from the base, capped at an hour', () => {
    expect([1, 2, 3, 4].map((a) => retryBackoffMs(a, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryBackoffMs(0, 500)).toBe(500);
    expect(retryBackoffMs(30, 60_000)).toBe(3_600_000);
  });
});
