import type { MetricPoint } from '@perfanalysis/contract';
import { realSleep, systemClock, type Clock, type Sleep } from '../clock.js';
import type { Sampler } from '../createSampler.js';
import { silentLogger, type Logger } from '../logger.js';
import { createReportWatcher } from '../reportWatcher.js';
import { runSchedule } from '../runSchedule.js';
import { createShipper, type ShipperOptions } from '../shipper/createShipper.js';
import type { Spool } from '../spool/openSpool.js';
import type { Transport } from '../transport/Transport.js';

export interface UploadRunOptions {
  readonly sampler: Sampler;
  readonly spool: Spool;
  /** The upload transport (one multipart CSV per batch; its maxBatch sets the file size). */
  readonly transport: Transport;
  /** @default 1000 */
  readonly frequencyMs?: number;
  /** Collection time before the upload, ms (> 0). */
  readonly durationMs: number;
  /** @default systemClock */
  readonly clock?: Clock;
  /** @default realSleep */
  readonly sleep?: Sleep;
  readonly signal?: AbortSignal;
  /** @default silentLogger */
  readonly log?: Logger;
  /** Back-off and jitter of the shipper. */
  readonly shipper?: Pick<ShipperOptions, 'backoff' | 'random'>;
}

/**
 * Upload mode: collect for the duration, every point appended to the spool as it is sampled
 * (so a crash mid-collection loses nothing), then ship the spool through the upload transport,
 * retrying through outages. Resolves with the number of points collected.
 */
export async function runUpload(options: UploadRunOptions): Promise<{ points: number; uploaded: boolean }> {
  const log = options.log ?? silentLogger;
  const sleep = options.sleep ?? realSleep;
  const watch = createReportWatcher(log);
  let points = 0;
  await runSchedule(
    {
      frequencyMs: options.frequencyMs ?? 1000,
      durationMs: options.durationMs,
      clock: options.clock ?? systemClock,
      sleep,
      signal: options.signal,
    },
    () => {
      const { point, reports } = options.sampler.sampleDetailed();
      watch(reports);
      if (!point) return;
      options.spool.append([point] satisfies MetricPoint[]);
      points += 1;
    },
  );
  if (options.signal?.aborted) return { points, uploaded: false };
  log.info('collection finished; uploading', { points, spooled: options.spool.size });
  const shipper = createShipper({ ...options.shipper, transport: options.transport, spool: options.spool, sleep, log });
  const stop = (): void => void shipper.stop();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const uploaded = await shipper.drain();
    return { points, uploaded };
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await shipper.stop();
  }
}
