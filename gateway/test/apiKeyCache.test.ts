import { announceApiKeyChanged, createLogger, MemoryPubSub } from '@perfanalysis/platform';
import { ApiKeyCache, type ApiKeyRecord, type KeyChange } from '../src/auth/apiKeyCache.js';

const record = (tenantId: string, collectorId: string): ApiKeyRecord => ({
  keyId: 'k',
  keyHash: 'h',
  collectorId,
  scopes: [],
  tenant: { id: tenantId, slug: tenantId },
  live: true,
  expiresAt: null,
});

describe('ApiKeyCache (docs/ingest.md "API keys at the gateway")', () => {
  const logger = createLogger('test', 'silent');
  let pubsub: MemoryPubSub;
  let cache: ApiKeyCache;
  let loads: number;
  const load = (tenantId: string, collectorId: string) => () => {
    loads += 1;
    return Promise.resolve(record(tenantId, collectorId));
  };
  /** Announces and waits until the cache's listeners heard it. */
  const announce = async (change: { tenantId: string; collectorId?: string }) => {
    const heard = new Promise<KeyChange>((resolve) => {
      const stop = cache.onChange((c) => (stop(), resolve(c)));
    });
    await announceApiKeyChanged(pubsub, change, logger);
    return heard;
  };

  beforeEach(async () => {
    pubsub = new MemoryPubSub();
    cache = new ApiKeyCache();
    loads = 0;
    await cache.listen(pubsub);
  });
  afterEach(() => cache.close());

  it('serves a kept key without reading again until a change names its collector or tenant', async () => {
    await cache.get('p1', load('t1', 'c1'));
    await cache.get('p1', load('t1', 'c1'));
    expect(loads).toBe(1);
    await announce({ tenantId: 't1', collectorId: 'other' });
    await announce({ tenantId: 't2' });
    await cache.get('p1', load('t1', 'c1'));
    expect(loads).toBe(1);
    await announce({ tenantId: 't1', collectorId: 'c1' });
    await cache.get('p1', load('t1', 'c1'));
    expect(loads).toBe(2);
    await announce({ tenantId: 't1' });
    await cache.get('p1', load('t1', 'c1'));
    expect(loads).toBe(3);
  });

  it('does not keep a lookup that was reading when a change was announced', async () => {
    let finish: (r: ApiKeyRecord) => void = () => undefined;
    const slow = cache.get('p2', () => new Promise((resolve) => (finish = resolve)));
    await announce({ tenantId: 't9' });
    finish(record('t1', 'c1'));
    await slow;
    await cache.get('p2', load('t1', 'c1'));
    expect(loads).toBe(1);
  });

  it('ignores messages that are not announcements', async () => {
    await cache.get('p3', load('t1', 'c1'));
    await pubsub.publish('api-key-changed', 'not json');
    await announce({ tenantId: 't1', collectorId: 'unrelated' });
    await cache.get('p3', load('t1', 'c1'));
    expect(loads).toBe(1);
  });
});
