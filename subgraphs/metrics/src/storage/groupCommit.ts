import type { TenantTables } from '@perfanalysis/platform';
import type { Pool } from 'pg';
import { type PointBatch, storeBatches } from './storePoints.js';

/** Transactions of one tenant in flight at once: one commits while the next fills. */
const IN_FLIGHT_PER_TENANT = 2;

interface Waiting extends PointBatch {
  resolve(inserted: number[]): void;
  reject(error: unknown): void;
}

interface TenantQueue {
  readonly db: TenantTables;
  waiting: Waiting[];
  timer: NodeJS.Timeout | undefined;
  inFlight: number;
}

export interface GroupCommitOptions {
  /** How long the first batch of a tick waits for others. */
  readonly windowMs: number;
  /** Most points per transaction. */
  readonly maxPoints: number;
}

/**
 * Group commit of trickled batches (docs/ingest.md): the batches of concurrent requests of
 * one tenant go into one transaction, and each request is answered once that
 * transaction has committed. Tenants never share a transaction. When a shared transaction
 * fails, each of its batches is stored again alone, so an error reaches only the request
 * that caused it.
 */
export class GroupCommit {
  private readonly queues = new Map<string, TenantQueue>();

  constructor(
    private readonly pool: Pool,
    private readonly options: GroupCommitOptions,
  ) {}

  /** Resolves with the batch's new timestamps once they are committed. */
  store(db: TenantTables, batch: PointBatch): Promise<number[]> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(db.tenant);
      if (!queue) this.queues.set(db.tenant, (queue = { db, waiting: [], timer: undefined, inFlight: 0 }));
      queue.waiting.push({ ...batch, resolve, reject });
      queue.timer ??= setTimeout(() => this.flush(queue), this.options.windowMs);
    });
  }

  private flush(queue: TenantQueue): void {
    queue.timer = undefined;
    while (queue.waiting.length && queue.inFlight < IN_FLIGHT_PER_TENANT) {
      queue.inFlight += 1;
      void this.commit(queue.db, this.takeGroup(queue)).finally(() => this.settled(queue));
    }
  }

  /** Batches from the front of the queue up to the point limit (at least one). */
  private takeGroup(queue: TenantQueue): Waiting[] {
    let points = queue.waiting[0]!.points.length;
    let count = 1;
    while (count < queue.waiting.length && points + queue.waiting[count]!.points.length <= this.options.maxPoints) {
      points += queue.waiting[count]!.points.length;
      count += 1;
    }
    return queue.waiting.splice(0, count);
  }

  /** A transaction ended: batches that queued meanwhile have waited long enough. */
  private settled(queue: TenantQueue): void {
    queue.inFlight -= 1;
    if (queue.waiting.length) {
      clearTimeout(queue.timer);
      this.flush(queue);
    } else if (queue.inFlight === 0 && !queue.timer) {
      this.queues.delete(queue.db.tenant);
    }
  }

  private async commit(db: TenantTables, group: Waiting[]): Promise<void> {
    try {
      const inserted = await storeBatches(this.pool, db, group);
      group.forEach((w, i) => w.resolve(inserted[i]!));
    } catch (error) {
      if (group.length === 1) return group[0]!.reject(error);
      // Nothing of the group was committed: each batch alone finds out whether it was the cause.
      await Promise.all(group.map((w) => this.commit(db, [w])));
    }
  }
}

const perPool = new WeakMap<Pool, GroupCommit>();

/** The process's group commit on this pool. */
export function groupCommitFor(pool: Pool, options: GroupCommitOptions): GroupCommit {
  let commit = perPool.get(pool);
  if (!commit) perPool.set(pool, (commit = new GroupCommit(pool, options)));
  return commit;
}
