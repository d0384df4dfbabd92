import { RateLimitedError } from '@perfanalysis/platform';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RenderReply } from './renderWorker.js';
import type { OutputOf, WorkerJob } from './workerJob.js';

/**
 * The compiled worker entry. From `dist/` it is this file's sibling; from the TypeScript
 * sources (Jest) it is the build's, since a worker thread loads plain JavaScript — `npm test`
 * runs `tsc -b` first.
 */
const WORKER_FILE = __filename.endsWith('.ts')
  ? path.resolve(__dirname, '../../dist/report/renderWorker.js')
  : path.join(__dirname, 'renderWorker.js');

interface Task {
  readonly job: WorkerJob;
  readonly transfer: ArrayBuffer[];
  readonly resolve: (output: OutputOf<WorkerJob>) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Renders reports and comparisons in worker threads so a render never blocks the service's
 * event loop (docs/report-contents.md, docs/report-comparisons.md): at most `size` workers, started on demand and kept (unref'd)
 * while idle; at most `maxQueue` jobs wait for one, past that a job is refused RATE_LIMITED.
 * A worker that dies fails its job and is replaced by the next one needed.
 */
export class RenderPool {
  private readonly idle: Worker[] = [];
  private readonly queue: Task[] = [];
  private busy = 0;

  constructor(
    private readonly size: number,
    private readonly maxQueue: number,
    private readonly file = WORKER_FILE,
  ) {}

  /** Runs `job` in a worker; the `transfer` buffers move to it (they are unusable here afterwards). */
  render<J extends WorkerJob>(job: J, transfer: ArrayBuffer[]): Promise<OutputOf<J>> {
    if (this.busy >= this.size && this.queue.length >= this.maxQueue) return Promise.reject(new RateLimitedError(2));
    return new Promise<OutputOf<J>>((resolve, reject) => {
      // The worker answers the job's own type (workerJob.ts).
      this.queue.push({ job, transfer, resolve: resolve as (output: OutputOf<WorkerJob>) => void, reject });
      this.next();
    });
  }

  /** Stops every idle worker (a busy one stops when its job ends and none follows). */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((worker) => worker.terminate()));
  }

  private next(): void {
    while (this.queue.length > 0 && this.busy < this.size) {
      const task = this.queue.shift()!;
      const worker = this.idle.pop() ?? this.spawn();
      if (worker instanceof Error) task.reject(worker);
      else {
        this.busy++;
        this.run(worker, task);
      }
    }
  }

  private spawn(): Worker | Error {
    if (!existsSync(this.file)) return new Error(`The render worker ${this.file} is missing: build with \`npx tsc -b\`.`);
    return new Worker(this.file);
  }

  private run(worker: Worker, task: Task): void {
    const settle = (reply: RenderReply | Error, reusable: boolean) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      this.busy--;
      if (reusable) {
        worker.unref();
        this.idle.push(worker);
      }
      if (reply instanceof Error) task.reject(reply);
      else if (reply.ok) task.resolve(reply.output);
      else task.reject(new Error(`Rendering failed: ${reply.message}`));
      this.next();
    };
    const onMessage = (reply: RenderReply) => settle(reply, true);
    const onError = (error: Error) => settle(error, false);
    const onExit = (code: number) => settle(new Error(`The render worker exited (${code}).`), false);
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.ref();
    worker.postMessage(task.job, task.transfer);
  }
}
