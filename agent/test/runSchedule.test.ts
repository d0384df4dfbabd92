import { runSchedule } from '../src/runSchedule.js';
import { manualClock } from './helpers/manualClock.js';

describe('runSchedule', () => {
  it('ticks at fixed offsets from the start: duration/frequency + 1 reads', async () => {
    const time = manualClock();
    const at: number[] = [];
    const result = await runSchedule({ frequencyMs: 1000, durationMs: 5000, clock: time.clock, sleep: time.sleep() }, () => {
      at.push(time.clock.nowMs() - Date.UTC(2025, 0, 15, 12, 0, 0));
      time.advance(37); // the tick's own work does not push the next one back
    });
    expect(at).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(result).toEqual({ ticks: 6, missed: 0 });
  });

  it('skips the slots an overrunning tick missed instead of bursting', async () => {
    const time = manualClock();
    const at: number[] = [];
    const result = await runSchedule({ frequencyMs: 1000, durationMs: 6000, clock: time.clock, sleep: time.sleep() }, (slot) => {
      at.push(slot);
      if (slot === 1) time.advance(2500);
    });
    expect(at).toEqual([0, 1, 4, 5, 6]);
    expect(result.missed).toBe(2);
  });

  it('runs until aborted when the duration is 0', async () => {
    const time = manualClock();
    const stop = new AbortController();
    const result = await runSchedule(
      { frequencyMs: 1000, durationMs: 0, clock: time.clock, sleep: time.sleep(), signal: stop.signal },
      (slot) => {
        if (slot === 9) stop.abort();
      },
    );
    expect(result.ticks).toBe(10);
  });
});
