import { createLogger } from '../src/logging/logger';
import { retryBackoffMs, startPeriodicJob } from '../src/jobs/periodicJob';

describe('retryBackoffMs', () => {
  it('doubles per attempt from the base, capped at an hour', () => {
    expect([1, 2, 3, 4].map((a) => retryBackoffMs(a, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryBackoffMs(0, 500)).toBe(500);
    expect(retryBackoffMs(30, 60_000)).toBe(3_600_000);
  });
});

describe('startPeriodicJob', () => {
  const logger = createLogger('test', 'silent');
  const HOUR = 3_600_000;

  /** A pass that stays under way until `finish` is called. */
  function heldPass() {
    const state = { started: 0, finished: false, finish: () => undefined as void };
    const pass = () => {
      state.started += 1;
      return new Promise<void>((resolve) => (state.finish = () => ((state.finished = true), resolve())));
    };
    return { state, pass };
  }

  it('with atStart, starts a pass at once, not a period later', async () => {
    const { state, pass } = heldPass();
    const job = startPeriodicJob('test pass', HOUR, logger, pass, { atStart: true });
    expect(state.started).toBe(1);
    state.finish();
    await job.stop();
  });

  it('without it, waits for the first period', async () => {
    const { state, pass } = heldPass();
    const job = startPeriodicJob('test pass', HOUR, logger, pass);
    expect(state.started).toBe(0);
    await job.stop();
  });

  it('stop resolves only after the pass under way has ended', async () => {
    const { state, pass } = heldPass();
    const job = startPeriodicJob('test pass', HOUR, logger, pass, { atStart: true });
    let stopped = false;
    const stopping = job.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    state.finish();
    await stopping;
    expect(state.finished).toBe(true);
  });
});
