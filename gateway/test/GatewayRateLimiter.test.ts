import { createLogger, loadConfig, MemoryKeyValueStore, type KeyValueStore } from '@perfanalysis/platform';
import { Registry } from 'prom-client';
import { GatewayRateLimiter } from '../src/limits/GatewayRateLimiter.js';

const limits = loadConfig({ RATE_LIMIT_AUTH: '3', RATE_LIMIT_API: '5' }).limits;
const logger = createLogger('test', 'silent');

function limiterOn(kv: KeyValueStore, registry = new Registry()) {
  return { limiter: new GatewayRateLimiter({ kv, limits, logger, registry, storeTimeoutMs: 100 }), registry };
}

describe('GatewayRateLimiter', () => {
  it('refuses the call past the budget with a Retry-After within the window, per key and bucket', async () => {
    const { limiter } = limiterOn(new MemoryKeyValueStore());
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.check('auth', 'ip:1.1.1.1'));
    expect(results.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    // Seconds until the oldest call leaves the one-minute window (how many depends on the machine's pace).
    expect(results[3]).toBeGreaterThanOrEqual(1);
    expect(results[3]).toBeLessThanOrEqual(60);
    expect(await limiter.check('auth', 'ip:2.2.2.2')).toBeUndefined();
    expect(await limiter.check('api', 'ip:1.1.1.1')).toBeUndefined();
  });

  it('holds under concurrent calls of one key (no lost updates in one process)', async () => {
    const { limiter } = limiterOn(new MemoryKeyValueStore());
    const results = await Promise.all(Array.from({ length: 20 }, () => limiter.check('api', 'user:u')));
    expect(results.filter((r) => r === undefined)).toHaveLength(5);
  });

  it('lets calls through and counts when the store fails or hangs', async () => {
    const broken = new MemoryKeyValueStore();
    broken.spendRate = () => Promise.reject(new Error('connection refused'));
    const { limiter, registry } = limiterOn(broken);
    for (let i = 0; i < 10; i++) expect(await limiter.check('auth', 'ip:1.1.1.1')).toBeUndefined();
    const hanging = new MemoryKeyValueStore();
    hanging.spendRate = () => new Promise(() => undefined);
    const slow = limiterOn(hanging);
    // A store that never answers must not hang the call (jest's own time-out would fail it).
    expect(await slow.limiter.check('auth', 'ip:1.1.1.1')).toBeUndefined();
    const errors = async (r: Registry) => (await r.getSingleMetric('rate_limit_store_errors_total')!.get()).values[0]?.value;
    expect(await errors(registry)).toBe(10);
    expect(await errors(slow.registry)).toBe(1);
    await broken.close();
    await hanging.close();
  });

  it('treats a limit of 0 as no limit and never touches the store', async () => {
    const untouched = new MemoryKeyValueStore();
    untouched.spendRate = () => Promise.reject(new Error('the store must not be read'));
    const registry = new Registry();
    const off = new GatewayRateLimiter({ kv: untouched, limits: loadConfig({ RATE_LIMIT_TRICKLE: '0' }).limits, logger, registry });
    for (let i = 0; i < 500; i++) expect(await off.check('trickle', 'key:k')).toBeUndefined();
    expect((await registry.getSingleMetric('rate_limit_store_errors_total')!.get()).values[0]?.value ?? 0).toBe(0);
    await untouched.close();
  });
});
