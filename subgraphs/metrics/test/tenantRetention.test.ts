import { announceTenantChanged, createLogger, MemoryPubSub, type PubSubStatus, type Unsubscribe } from '@perfanalysis/platform';
import type { Queryable } from '@perfanalysis/subgraph-tenancy/read';
import { followTenantChanges, retentionDaysOf, TENANT_SETTINGS_TTL_MS } from '../src/ingest/tenantRetention.js';

/** The tenant registry as `tenantById` reads it, counting reads per tenant. */
class Registry {
  readonly days = new Map<string, number>();
  readonly reads = new Map<string, number>();
  readonly db = {
    query: async (_text: string, [id]: [string]) => {
      this.reads.set(id, (this.reads.get(id) ?? 0) + 1);
      const days = this.days.get(id);
      return { rows: days === undefined ? [] : [{ id, retentionDays: days }] };
    },
  } as unknown as Queryable;
}

/** MemoryPubSub that reports coming back after an outage, like Redis. */
class RecoveringPubSub extends MemoryPubSub {
  private readonly listeners = new Set<(status: PubSubStatus) => void>();
  onStatus(listener: (status: PubSubStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  comeBack(): void {
    this.listeners.forEach((listener) => listener('up'));
  }
}

const logger = createLogger('test', 'silent');

describe('tenant retention cache (docs/ingest.md "Tenant settings")', () => {
  const pubsub = new RecoveringPubSub();
  const registry = new Registry();
  let stop: Unsubscribe;
  beforeAll(async () => (stop = await followTenantChanges(pubsub)));
  afterAll(() => stop());
  afterEach(() => jest.useRealTimers());

  it("reads an announced tenant again at once and keeps every other tenant's entry", async () => {
    registry.days.set('a', 90).set('b', 90);
    expect([await retentionDaysOf(registry.db, 'a'), await retentionDaysOf(registry.db, 'b')]).toEqual([90, 90]);
    registry.days.set('a', 1).set('b', 1);
    await announceTenantChanged(pubsub, { tenantId: 'a' }, logger);
    await Promise.resolve();
    expect(await retentionDaysOf(registry.db, 'a')).toBe(1);
    expect(await retentionDaysOf(registry.db, 'b')).toBe(90);
    expect([registry.reads.get('a'), registry.reads.get('b')]).toEqual([2, 1]);
  });

  it('sees a change made behind the API (direct SQL) once the time-to-live ends', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    registry.days.set('c', 90);
    expect(await retentionDaysOf(registry.db, 'c')).toBe(90);
    registry.days.set('c', 1);
    jest.setSystemTime(Date.now() + TENANT_SETTINGS_TTL_MS - 1);
    expect(await retentionDaysOf(registry.db, 'c')).toBe(90);
    jest.setSystemTime(Date.now() + 1);
    expect(await retentionDaysOf(registry.db, 'c')).toBe(1);
  });

  it('forgets every tenant when pub/sub comes back, since announcements may have been lost', async () => {
    registry.days.set('d', 90);
    expect(await retentionDaysOf(registry.db, 'd')).toBe(90);
    registry.days.set('d', 1);
    pubsub.comeBack();
    expect(await retentionDaysOf(registry.db, 'd')).toBe(1);
  });

  it('answers null for a tenant that does not exist', async () => {
    expect(await retentionDaysOf(registry.db, 'gone')).toBeNull();
  });
});
