import { assertCleanText, onCollectorChanged, type PubSub, type TenantDb, TtlCache, type Unsubscribe } from '@perfanalysis/platform';
import { type CollectorRecord, collectorByMachineId, collectorsByIds, recordLastSeen } from '@perfanalysis/subgraph-collectors/read';

export interface CollectorRow {
  readonly id: string;
  readonly machineId: string;
  readonly active: boolean;
}

function toRow(collector: CollectorRecord): CollectorRow {
  return { id: collector.id, machineId: collector.machineId, active: collector.active };
}

const byMachine = new TtlCache<CollectorRow | null>(5_000);
/** Last `last_seen` written per collector: the column moves at most every few seconds. */
const lastTouched = new Map<string, number>();
const TOUCH_EVERY_MS = 5_000;

/** Drops a machine's cached answer as soon as the collectors subgraph registers or (de)activates it. */
export function followCollectorChanges(pubsub: PubSub): Promise<Unsubscribe> {
  return onCollectorChanged(pubsub, ({ tenantSlug, machineId }) => byMachine.delete(machineKey(tenantSlug, machineId)));
}

function machineKey(tenantSlug: string, machineId: string): string {
  return `${tenantSlug}:${machineId}`;
}

/** A tenant's collector by machine id, or null when the tenant has no such machine (cached a few seconds). */
export async function collectorByMachine(db: TenantDb, machineId: string): Promise<CollectorRow | null> {
  // Every machine id a caller names (export, REST upload field, CSV default) passes here before SQL.
  assertCleanText(machineId, 'machine_id');
  return byMachine.get(machineKey(db.tenant, machineId), async () => {
    const found = await collectorByMachineId(db, machineId);
    return found && toRow(found);
  });
}

/** A tenant's collector by id, or null; a malformed id is null without a query (the read module checks it). */
export async function collectorById(db: TenantDb, id: string): Promise<CollectorRow | null> {
  const [found] = await collectorsByIds(db, [id]);
  return found ? toRow(found) : null;
}

/**
 * Moves `last_seen` forward (never back), at most once per few seconds per collector. A point
 * that arrives inside the period is not dropped: the latest such instant is written when the
 * period ends, with every other collector of the tenant waiting then, in one statement — so the
 * column is never more than TOUCH_EVERY_MS behind the last point (the collector-silent alert
 * resolves on it, docs/ingest.md "Last seen"), and a fleet at 1 Hz costs one UPDATE per tenant per
 * period rather than one per collector.
 */
export async function touchLastSeen(db: TenantDb, collectorId: string, seenAt: number): Promise<void> {
  const now = Date.now();
  const at = Math.min(seenAt, now);
  const last = lastTouched.get(collectorId) ?? 0;
  if (now - last >= TOUCH_EVERY_MS) {
    lastTouched.set(collectorId, now);
    await recordLastSeen(db, new Map([[collectorId, new Date(at)]]));
    return;
  }
  let queued = deferred.get(db.tenant);
  if (!queued) {
    deferred.set(db.tenant, (queued = new Map()));
    setTimeout(() => writeDeferred(db), last + TOUCH_EVERY_MS - now).unref();
  }
  queued.set(collectorId, Math.max(queued.get(collectorId) ?? 0, at));
}

/** Instants waiting for a period to end, per tenant (slug) and collector. */
const deferred = new Map<string, Map<string, number>>();

function writeDeferred(db: TenantDb): void {
  const queued = deferred.get(db.tenant)!;
  deferred.delete(db.tenant);
  const now = Date.now();
  for (const collectorId of queued.keys()) lastTouched.set(collectorId, now);
  const seen = new Map([...queued].map(([collectorId, at]) => [collectorId, new Date(at)]));
  // Best effort, like the throttle itself: the next point writes it again if the database was away.
  recordLastSeen(db, seen).catch(() => undefined);
}
