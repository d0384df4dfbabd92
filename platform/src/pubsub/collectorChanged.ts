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

export function publishCollectorChanged(pubsub: PubSub, change: CollectorChanged): Promise<void> {
  return pubsub.publish(COLLECTOR_CHANGED_CHANNEL, JSON.stringify(change));
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
