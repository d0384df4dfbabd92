import { tenantSchemaName } from '../db/identifiers.js';
import type { PubSub, Unsubscribe } from './PubSub.js';

/**
 * Told whenever a collector is registered or (de)activated, so that caches of "which machine
 * is a collector" drop their answer at once instead of waiting out their time-to-live.
 */
export const COLLECTOR_CHANGED_CHANNEL = 'collector-changed';

export interface CollectorChanged {
  /** The tenant schema the collector lives in. */
  readonly schema: string;
  readonly machineId: string;
}

/** Announces a change to the collector with this machine id in the tenant with this slug; the message names its schema. */
export function publishCollectorChanged(
  pubsub: PubSub,
  change: { readonly tenantSlug: string; readonly machineId: string },
): Promise<void> {
  const message: CollectorChanged = { schema: tenantSchemaName(change.tenantSlug), machineId: change.machineId };
  return pubsub.publish(COLLECTOR_CHANGED_CHANNEL, JSON.stringify(message));
}

/** Calls `handler` for every well-formed change message; others are ignored. */
export function onCollectorChanged(pubsub: PubSub, handler: (change: CollectorChanged) => void): Promise<Unsubscribe> {
  return pubsub.subscribe(COLLECTOR_CHANGED_CHANNEL, (text) => {
    let change: Partial<CollectorChanged>;
    try {
      change = JSON.parse(text) as Partial<CollectorChanged>;
    } catch {
      return;
    }
    if (typeof change.schema === 'string' && typeof change.machineId === 'string') {
      handler({ schema: change.schema, machineId: change.machineId });
    }
  });
}
