import { tenantSchemaName, tenantSlugOfSchema } from '../db/identifiers.js';
import type { PubSub, Unsubscribe } from './PubSub.js';

/**
 * Told whenever a collector is registered or (de)activated, so that caches of "which machine
 * is a collector" drop their answer at once instead of waiting out their time-to-live.
 */
export const COLLECTOR_CHANGED_CHANNEL = 'collector-changed';

/** The message on the wire: the tenant schema the collector lives in, and its machine id. */
interface CollectorChangedMessage {
  readonly schema: string;
  readonly machineId: string;
}

/** A change as subscribers see it: the tenant by its slug (docs/tenant-db.md). */
export interface CollectorChanged {
  readonly tenantSlug: string;
  readonly machineId: string;
}

/** Announces a change to the collector with this machine id in the tenant with this slug; the message names its schema. */
export function publishCollectorChanged(
  pubsub: PubSub,
  change: { readonly tenantSlug: string; readonly machineId: string },
): Promise<void> {
  const message: CollectorChangedMessage = { schema: tenantSchemaName(change.tenantSlug), machineId: change.machineId };
  return pubsub.publish(COLLECTOR_CHANGED_CHANNEL, JSON.stringify(message));
}

/** Calls `handler` for every well-formed change message; others are ignored. */
export function onCollectorChanged(pubsub: PubSub, handler: (change: CollectorChanged) => void): Promise<Unsubscribe> {
  return pubsub.subscribe(COLLECTOR_CHANGED_CHANNEL, (text) => {
    let change: Partial<CollectorChangedMessage>;
    try {
      change = JSON.parse(text) as Partial<CollectorChangedMessage>;
    } catch {
      return;
    }
    if (typeof change.schema !== 'string' || typeof change.machineId !== 'string') return;
    let tenantSlug: string;
    try {
      tenantSlug = tenantSlugOfSchema(change.schema);
    } catch {
      return;
    }
    handler({ tenantSlug, machineId: change.machineId });
  });
}
