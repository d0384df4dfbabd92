import { createLogger, loadConfig, RedisKeyValueStore } from '@perfanalysis/platform';
import { redisAvailable, TEST_REDIS_CLUSTER, TEST_REDIS_URL } from '@perfanalysis/testenv';
import { randomBytes } from 'node:crypto';
import { Registry } from 'prom-client';
import { GatewayRateLimiter } from '../src/limits/GatewayRateLimiter.js';

const limits = loadConfig({ RATE_LIMIT_AUTH: '3', RATE_LIMIT_TRICKLE: '4' }).limits;
const logger = createLogger('test', 'silent');

/** The limiter on the real Redis (a cluster when REDIS_CLUSTER=true): one script per call, shared by every gateway. */
(redisAvailable() ? describe : describe.skip)('GatewayRateLimiter on Redis', () => {
  const prefix = `pa_rl_${randomBytes(4).toString('hex')}:`;
  const stores = [0, 1].map(() => new RedisKeyValueStore({ url: TEST_REDIS_URL, cluster: TEST_REDIS_CLUSTER }, prefix));
  const [one, two] = stores.map((kv) => new GatewayRateLimiter({ kv, limits, logger, registry: new Registry() }));
  afterAll(() => Promise.all(stores.map((kv) => kv.close())));

  it('shares one budget between gateways; another key keeps its own', async () => {
    const results = [
      await one!.check('auth', 'ip:1.1.1.1'),
      await two!.check('auth', 'ip:1.1.1.1'),
      await one!.check('auth', 'ip:1.1.1.1'),
    ];
    expect(results).toEqual([undefined, undefined, undefined]);
    const refused = await two!.check('auth', 'ip:1.1.1.1');
    // One call refills every 20 s (3/min).
    expect(refused).toBeGreaterThanOrEqual(1);
    expect(refused).toBeLessThanOrEqual(20);
    expect(await one!.check('auth', 'ip:2.2.2.2')).toBeUndefined();
  });

  it('gives every concurrent refused call its own Retry-After', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => one!.check('trickle', 'key:k1')));
    expect(results.filter((r) => r === undefined)).toHaveLength(4);
    // 4/min refills one call every 15 s: a refused call waits more than the 1 s floor.
    for (const r of results.filter((x) => x !== undefined)) expect(r).toBeGreaterThan(1);
  });
});
