import { realSleep, systemClock, type Clock, type Sleep } from '../clock.js';
import type { Sampler } from '../createSampler.js';
import { silentLogger, type Logger } from '../logger.js';
import { createReportWatcher } from '../reportWatcher.js';
import { runSchedule } from '../runSchedule.js';
import type { Shipper } from '../shipper/createShipper.js';

export interface TrickleRunOptions {
  readonly sampler: Sampler;
  readonly shipper: Shipper;
  /** @default 1000 */
  readonly frequencyMs?: number;
  /** 0 = until `signal` aborts. @default 0 */
  readonly durationMs?: number;
  /** How long to keep sending at the end before leaving the rest in the spool. @default 10000 */
  readonly drainTimeoutMs?: number;
  /** @default systemClock */
  readonly clock?: Clock;
  /** @default realSleep */
  readonly sleep?: Sleep;
  readonly signal?: AbortSignal;
  /** @default silentLogger */
  readonly log?: Logger;
}

export interface TrickleRunResult {
  readonly points: number;
  /** Everything sent before the end (false: the rest waits in the spool for the next run). */
  readonly drained: boolean;
}

/**
 * Trickle mode: one sample per period handed to the shipper, which batches whatever is waiting
 * (several samples when the server is slow) and spools through outages. A FatalError from the
 * shipper ends the run and is rethrown (the CLI maps it to its exit code).
 */
export async function runTrickle(options: TrickleRunOptions): Promise<TrickleRunResult> {
  const { shipper } = options;
  const log = options.log ?? silentLogger;
  const sleep = options.sleep ?? realSleep;
  const watch = createReportWatcher(log);
  const stopSampling = new AbortController();
  const onAbort = (): void => stopSampling.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let fatal: unknown;
  shipper.done.catch((error: unknown) => {
    fatal = error;
    stopSampling.abort();
  });
  let points = 0;
  try {
    await runSchedule(
      {
        frequencyMs: options.frequencyMs ?? 1000,
        durationMs: options.durationMs ?? 0,
        clock: options.clock ?? systemClock,
        sleep,
        signal: stopSampling.signal,
      },
      () => {
        const { point, reports } = options.sampler.sampleDetailed();
        watch(reports);
        if (!point) return;
        shipper.offer([point]);
        points += 1;
      },
    );
    if (fatal) throw fatal;
    const drained = await drainWithin(shipper, options.drainTimeoutMs ?? 10_000, sleep, options.signal);
    if (fatal) throw fatal;
    return { points, drained };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await shipper.stop();
  }
}

async function drainWithin(shipper: Shipper, timeoutMs: number, sleep: Sleep, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return false;
  const timer = new AbortController();
  const timeout = sleep(timeoutMs, timer.signal).then(() => false);
  try {
    return await Promise.race([shipper.drain(), timeout]);
  } finally {
    timer.abort();
  }
}
