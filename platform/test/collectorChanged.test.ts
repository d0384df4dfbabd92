import { MemoryPubSub } from '../src/pubsub/MemoryPubSub.js';
import {
  COLLECTOR_CHANGED_CHANNEL,
  type CollectorChanged,
  onCollectorChanged,
  publishCollectorChanged,
} from '../src/pubsub/collectorChanged.js';

describe('collector-changed messages', () => {
  it('reach subscribers with the tenant by its slug, and ignore a message naming no tenant schema', async () => {
    const pubsub = new MemoryPubSub();
    const seen: CollectorChanged[] = [];
    await onCollectorChanged(pubsub, (change) => seen.push(change));
    await publishCollectorChanged(pubsub, { tenantSlug: 'acme_2', machineId: 'm-1' });
    for (const text of [
      JSON.stringify({ schema: 'public', machineId: 'm-2' }),
      JSON.stringify({ schema: 'tenant_X', machineId: 'm-3' }),
      JSON.stringify({ schema: 'tenant_acme', machineId: 4 }),
      'not json',
    ]) {
      await pubsub.publish(COLLECTOR_CHANGED_CHANNEL, text);
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(seen).toEqual([{ tenantSlug: 'acme_2', machineId: 'm-1' }]);
  });
});
