import { compact, formatDateTime, formatRelative, formatValue } from '../src/charts/format.js';

describe('formatRelative', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it.each([
    [null, 'never'],
    ['not a date', 'unknown'],
    ['2026-11-22T11:59:58Z', 'just now'],
    ['2026-11-22T12:00:30Z', 'just now'],
    ['2026-11-22T11:59:18Z', '42 s ago'],
    ['2026-11-22T11:57:00Z', '3 min ago'],
    ['2026-11-22T07:00:00Z', '5 h ago'],
    ['2026-11-19T12:00:00Z', '3 d ago'],
  ])('%s → %s', (iso, expected) => {
    expect(formatRelative(iso, now)).toBe(expected);
  });
});

describe('formatValue', () => {
  it.each([
    [12.345, '%', '12.3 %'],
    [512, 'MB', '512 MB'],
    [2.5, 'MB', '2.5 MB'],
    [15_872, 'MB', '15.5 GB'],
    [2_097_152, 'MB', '2 TB'],
    [0.5, 'MB/s', '512 KB/s'],
    [3.14159, 'MB/s', '3.14 MB/s'],
    [2048, 'MB/s', '2 GB/s'],
    [12_500, 'ops/s', '12.5k ops/s'],
    [3, '/s', '3 /s'],
    [1.234, 'ratio', '1.23'],
    [null, '%', '–'],
    [Number.NaN, 'MB', '–'],
  ])('%p %s → %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });

  it('compacts large counts', () => {
    expect(compact(950)).toBe('950');
    expect(compact(3_400_000)).toBe('3.4M');
    expect(compact(2.345)).toBe('2.35');
  });

  it('writes local date-times', () => {
    const d = new Date(2026, 10, 22, 9, 5, 7);
    expect(formatDateTime(d)).toBe('2026-11-22 09:05:07');
    expect(formatDateTime('garbage')).toBe('–');
  });
});
