import { gapThresholdMs, mergeSamples, type Sample, trimToWindow, windowEnd, withGapMarkers } from '../src/charts/liveWindow.js';

const at = (t: number, v = t): Sample => ({ t, values: { cpu: v } });
const times = (samples: readonly (Sample | null)[]) => samples.map((s) => (s ? s.t : null));

describe('mergeSamples: the live window', () => {
  it('appends newer samples in order', () => {
    expect(times(mergeSamples([at(1), at(2)], [at(3), at(4)], 100))).toEqual([1, 2, 3, 4]);
  });

  it('keeps a fixed window ending at the newest sample, plus one sample before its edge', () => {
    const existing = Array.from({ length: 10 }, (_, i) => at(i * 1000));
    const merged = mergeSamples(existing, [at(10_000)], 5_000);
    expect(times(merged)).toEqual([4000, 5000, 6000, 7000, 8000, 9000, 10_000]);
  });

  it('resumes after a reconnect without a gap or a duplicate: the replay from `since` overlaps the last point', () => {
    const before = [at(1000), at(2000), at(3000)];
    // Disconnected after 3000; the server replays from since=3000 (inclusive) and carries on.
    const replay = [at(3000, 99), at(4000), at(5000), at(6000)];
    const merged = mergeSamples(before, replay, 60_000);
    expect(times(merged)).toEqual([1000, 2000, 3000, 4000, 5000, 6000]);
    expect(merged[2]!.values.cpu).toBe(99); // the re-sent point replaces the held one
    expect(withGapMarkers(merged, gapThresholdMs(merged)).includes(null)).toBe(false);
  });

  it('puts late and out-of-order samples in their place', () => {
    expect(times(mergeSamples([at(1000), at(3000)], [at(2000), at(500), at(4000)], 60_000))).toEqual([500, 1000, 2000, 3000, 4000]);
  });

  it('drops samples without a valid time', () => {
    expect(times(mergeSamples([at(1000)], [at(Number.NaN), at(2000)], 60_000))).toEqual([1000, 2000]);
  });

  it('does not modify its inputs', () => {
    const existing = [at(1), at(2)];
    mergeSamples(existing, [at(0)], 10);
    expect(times(existing)).toEqual([1, 2]);
  });

  it('trims an empty or fully-inside window to itself', () => {
    expect(trimToWindow([], 10)).toEqual([]);
    expect(times(trimToWindow([at(5), at(6)], 10))).toEqual([5, 6]);
  });
});

describe('gaps', () => {
  it('breaks the line where the data pauses for longer than three intervals', () => {
    const samples = [at(0), at(1000), at(2000), at(20_000), at(21_000)];
    const threshold = gapThresholdMs(samples);
    expect(threshold).toBe(5_000); // 3 × 1 s is below the 5 s floor
    expect(times(withGapMarkers(samples, threshold))).toEqual([0, 1000, 2000, null, 20_000, 21_000]);
  });

  it('follows the data’s own cadence: one point a minute is not a gap', () => {
    const samples = [at(0), at(60_000), at(120_000), at(180_000)];
    expect(gapThresholdMs(samples)).toBe(180_000);
    expect(withGapMarkers(samples, gapThresholdMs(samples))).not.toContain(null);
  });
});

describe('windowEnd', () => {
  it('is the newest sample, carried forward by the time since it arrived', () => {
    expect(windowEnd(50_000, 1_000, 1_400)).toBe(50_400);
  });

  it('never falls behind the newest sample, and is "now" without samples', () => {
    expect(windowEnd(50_000, 1_000, 900)).toBe(50_000);
    expect(windowEnd(undefined, undefined, 1234)).toBe(1234);
  });
});
