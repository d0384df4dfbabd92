import { formatTable, median, percentile, summarize } from '../lib/stats.js';

describe('percentile', () => {
  it('takes the nearest rank of an ascending list', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
  });
  it('answers NaN for no samples and the only value for one', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(percentile([7], 99)).toBe(7);
  });
  it('summarizes unsorted samples without reordering them', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(summarize(samples)).toEqual({ p50: 3, p95: 5, p99: 5, max: 5, count: 5 });
    expect(samples).toEqual([5, 1, 4, 2, 3]);
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe('formatTable', () => {
  it('prints one row per figure with the goal verdict, escaping pipes', () => {
    const table = formatTable([
      { figure: 'a', measured: '1 | 2', baseline: 'b', goal: '< 1', met: true },
      { figure: 'c', measured: '3', baseline: '—', goal: '< 1', met: false },
      { figure: 'd', measured: '4', baseline: '', goal: '' },
    ]);
    expect(table).toBe(
      [
        '| figure | measured | baseline in the same run | goal | met? |',
        '| --- | --- | --- | --- | --- |',
        '| a | 1 \\| 2 | b | < 1 | yes |',
        '| c | 3 | — | < 1 | no |',
        '| d | 4 |  |  | — |',
      ].join('\n'),
    );
  });
});
