import { isRangePreset, resolveRange, toDateTimeLocal } from '../src/charts/timeRange.js';

describe('time ranges', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');

  it.each([
    ['live', 15 * 60_000],
    ['1h', 3_600_000],
    ['24h', 86_400_000],
    ['7d', 7 * 86_400_000],
  ] as const)('%s ends now and spans its length', (preset, span) => {
    const range = resolveRange(preset, now)!;
    expect(range.to.getTime()).toBe(now);
    expect(range.to.getTime() - range.from.getTime()).toBe(span);
  });

  it('accepts a custom range in order, and refuses reversed or unreadable ones', () => {
    expect(resolveRange('custom', now, { from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z' })).toMatchObject({
      preset: 'custom',
      from: new Date('2026-11-01T00:00:00Z'),
    });
    expect(resolveRange('custom', now, { from: '2026-11-02T00:00:00Z', to: '2026-11-01T00:00:00Z' })).toBeUndefined();
    expect(resolveRange('custom', now, { from: 'yesterday', to: null })).toBeUndefined();
  });

  it('round-trips datetime-local values', () => {
    const d = new Date(2026, 0, 5, 7, 9);
    expect(toDateTimeLocal(d)).toBe('2026-01-05T07:09');
    expect(new Date(toDateTimeLocal(d)).getTime()).toBe(d.getTime());
  });

  it('knows its presets', () => {
    expect(isRangePreset('24h')).toBe(true);
    expect(isRangePreset('2h')).toBe(false);
    expect(isRangePreset(null)).toBe(false);
  });
});
