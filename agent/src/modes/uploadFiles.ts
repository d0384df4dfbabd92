import { UploadMetricsDocument, uploadRequest } from '@perfanalysis/sdk';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Sleep } from '../clock.js';
import { AuthRejectedError } from '../errors/AuthRejectedError.js';
import { FatalError } from '../errors/FatalError.js';
import { RetryableError } from '../errors/RetryableError.js';
import type { Logger } from '../logger.js';
import { classifySendError, graphqlEndpoint } from '../transport/classifySendError.js';
import { progressBar, type ProgressOutput } from '../transport/progressBar.js';

export interface UploadFilesOptions {
  /** CSV files or pcc collections; the server tells them apart (docs/pcc-compatibility.md). */
  readonly files: readonly string[];
  readonly server: string;
  readonly apiKey: string;
  /** Sent only when set: a key's collection always goes to its own collector. */
  readonly machineId?: string;
  readonly log: Logger;
  readonly progress: ProgressOutput;
  readonly sleep: Sleep;
}

/** Times one file is sent again after a rate limit or an outage before it counts as failed. */
const ATTEMPTS = 5;

async function sendOnce(options: UploadFilesOptions, file: string, size: number, onProgress: (sent: number) => void) {
  const stream = createReadStream(file);
  try {
    const { uploadMetrics } = await uploadRequest(
      { url: graphqlEndpoint(options.server), token: options.apiKey },
      UploadMetricsDocument,
      options.machineId === undefined ? {} : { machineId: options.machineId },
      { name: basename(file), size, stream },
      { onProgress },
    );
    return uploadMetrics;
  } catch (error) {
    throw classifySendError(error);
  } finally {
    stream.destroy();
  }
}

/** One file, retried while the server answers "later" (rate limit, outage), each file all or nothing. */
async function sendFile(options: UploadFilesOptions, file: string, size: number, onProgress: (sent: number) => void) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await sendOnce(options, file, size, onProgress);
    } catch (error) {
      if (!(error instanceof RetryableError) || attempt >= ATTEMPTS) throw error;
      const waitMs = error.retryAfterMs ?? 1000 * 2 ** attempt;
      options.log.warn('upload deferred', { file, reason: error.message, retryInMs: waitMs });
      onProgress(0);
      await options.sleep(waitMs);
    }
  }
}

/**
 * `perfagent upload FILE…` / `perfagent import FILE…`: the files one after the other through
 * the gateway with the agent's key, under one progress bar over all their bytes. A refused
 * file is logged and the rest still go; a refused key stops at once (exit 3). Resolves with
 * the number of files stored; throws a FatalError when any failed.
 */
export async function uploadFiles(options: UploadFilesOptions): Promise<number> {
  const sizes = options.files.map((file) => statSync(file).size);
  const bar = progressBar(
    options.progress,
    'upload',
    sizes.reduce((a, b) => a + b, 0),
  );
  let before = 0;
  const failed: string[] = [];
  for (const [index, file] of options.files.entries()) {
    const size = sizes[index]!;
    try {
      const stored = await sendFile(options, file, size, (sent) => bar.update(before + sent));
      options.log.info('file stored', {
        file,
        rows: stored.rowsProcessed,
        duplicates: stored.duplicatesSkipped,
        from: stored.from,
        to: stored.to,
      });
    } catch (error) {
      if (error instanceof AuthRejectedError) throw error;
      failed.push(file);
      options.log.error('file refused', { file, error: (error as Error).message });
    }
    before += size;
    bar.update(before);
  }
  bar.done();
  if (failed.length) throw new FatalError(`${failed.length} of ${options.files.length} files were not stored: ${failed.join(', ')}`, 1);
  return options.files.length;
}
