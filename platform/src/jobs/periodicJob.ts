import type { Logger } from '../logging/logger.js';

/** A background job started by a service. */
export interface PeriodicJob {
  /** Stops the timer and waits for a pass under way. */
  stop(): Promise<void>;
}

export interface PeriodicJobOptions {
  /**
   * Also run a pass as the job starts, not only after the first `everyMs`: for a long period
   * (an hour) whose work a restarted service should not wait for. @default false
   */
  readonly atStart?: boolean;
}

/**
 * Runs `pass` every `everyMs` (and at start when asked), never two passes at once (a slow pass
 * makes the next ticks skip), until stopped. A failed pass is logged as `what failed` and the
 * next tick tries again. `pass` is handed a check to end early once the job is stopping.
 */
export function startPeriodicJob(
  what: string,
  everyMs: number,
  logger: Logger,
  pass: (stopping: () => boolean) => Promise<unknown>,
  options: PeriodicJobOptions = {},
): PeriodicJob {
  let running: Promise<void> | undefined;
  let stopped = false;
  const stopping = () => stopped;
  const tick = () => {
    if (running || stopped) return;
    running = pass(stopping)
      .then(() => undefined)
      .catch((error: unknown) => {
        if (!stopped) logger.warn({ err: error }, `${what} failed`);
      })
      .finally(() => (running = undefined));
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  if (options.atStart) tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

/** The wait before attempt `attempts + 1` of a retried job: base × 2^(attempts − 1), at most an hour. */
export function retryBackoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}
