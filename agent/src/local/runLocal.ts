import { realSleep, systemClock, type Clock, type Sleep } from '../clock.js';
import type { Sampler } from '../createSampler.js';
import { silentLogger, type Logger } from '../logger.js';
import { createReportWatcher } from '../reportWatcher.js';
import { runSchedule } from '../runSchedule.js';
import { createLocalWriter } from './createLocalWriter.js';

export interface LocalRunOptions {
  readonly sampler: Sampler;
  /** Output directory (PCC_COLLECTION / --out). */
  readonly outDir: string;
  readonly machineId: string;
  /** @default 1000 */
  readonly frequencyMs?: number;
  /** 0 = until `signal` aborts. @default 0 */
  readonly durationMs?: number;
  /** @default systemClock */
  readonly clock?: Clock;
  /** @default realSleep */
  readonly sleep?: Sleep;
  readonly signal?: AbortSignal;
  /** @default silentLogger */
  readonly log?: Logger;
}

export interface LocalRunResult {
  readonly csvPath: string;
  readonly jsonPath: string;
  /** Points written (reads minus the priming ones). */
  readonly points: number;
  readonly ticks: number;
  readonly missed: number;
}

/** Local mode: sample for the duration, appending every point to a CSV and a JSON-lines file. */
export async function runLocal(options: LocalRunOptions): Promise<LocalRunResult> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? silentLogger;
  const watch = createReportWatcher(log);
  const writer = createLocalWriter({ dir: options.outDir, machineId: options.machineId, startedAt: clock.nowMs() });
  log.info('local mode started', { csv: writer.csvPath, json: writer.jsonPath });
  let points = 0;
  try {
    const schedule = await runSchedule(
      {
        frequencyMs: options.frequencyMs ?? 1000,
        durationMs: options.durationMs ?? 0,
        clock,
        sleep: options.sleep ?? realSleep,
        signal: options.signal,
      },
      () => {
        const { point, reports } = options.sampler.sampleDetailed();
        watch(reports);
        if (!point) return;
        writer.write(point);
        points += 1;
      },
    );
    if (schedule.missed > 0) log.warn('samples missed: a read overran its period', { missed: schedule.missed });
    log.info('local mode finished', { points, csv: writer.csvPath });
    return { csvPath: writer.csvPath, jsonPath: writer.jsonPath, points, ...schedule };
  } finally {
    writer.close();
  }
}
