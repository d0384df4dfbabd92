import { parentPort } from 'node:worker_threads';
import { runWorkerJob, type WorkerJob } from './workerJob.js';

/** The answer to one job: the output, or the failure's message (an internal error of the render). */
export type RenderReply =
  | { readonly ok: true; readonly output: Awaited<ReturnType<typeof runWorkerJob>> }
  | { readonly ok: false; readonly message: string };

/** Entry of a render worker (renderPool.ts): one job at a time, answered by one message. */
parentPort?.on('message', (job: WorkerJob) => {
  runWorkerJob(job).then(
    (output) => parentPort!.postMessage({ ok: true, output } satisfies RenderReply),
    (error: unknown) =>
      parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
