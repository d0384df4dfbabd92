import { LoginDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, signUp, startTestRedis, type TestEnvironment, type TestRedis, readMetrics } from '@perfanalysis/testenv';
import { expectRateLimited, fromIp, op, postGraphql, untilLimited } from './securityWorld.js';

describe('a rate-limit store outage lets calls through (never a 500), loudly', () => {
  let redis: TestRedis;
  let env: TestEnvironment;

  beforeAll(async () => {
    // A Redis of this test's own: stopping it must not touch the machine's shared one.
    redis = await startTestRedis();
    env = await createTestEnvironment({ env: { REDIS_URL: redis.url, RATE_LIMIT_API: '3', TRUSTED_PROXIES: '127.0.0.1' } });
  });
  afterAll(async () => {
    await env?.stop();
    await redis?.stop();
  });

  const ask = (ip: string) => postGraphql(env, { query: '{ __typename }' }, fromIp(ip));

  it('limits while Redis answers, lets everything through while it does not, and limits again once it is back', async () => {
    expectRateLimited((await untilLimited(() => ask('10.2.0.1'), 4)).at(-1));
    const user = await signUp(env);

    await redis.stop();
    // The per-account login back-off keeps its state in Redis too: logins still work (docs/security.md "Login throttling").
    const login = await postGraphql(env, op(LoginDocument, { input: { email: user.email, password: user.password } }), fromIp('10.2.0.3'));
    expect(login.body).toMatchObject({ data: { login: { accessToken: expect.any(String) } } });
    for (let i = 0; i < 8; i++) {
      const answer = await ask('10.2.0.1');
      expect([answer.status, answer.body]).toEqual([200, { data: { __typename: 'Query' } }]);
    }
    const metrics = await readMetrics(env.gatewayUrl);
    expect(Number(/rate_limit_store_errors_total\{[^}]*\} (\d+)/.exec(metrics)?.[1])).toBeGreaterThanOrEqual(8);

    await redis.start();
    const deadline = Date.now() + 15_000;
    let limited = false;
    while (!limited && Date.now() < deadline) {
      limited = (await ask('10.2.0.2')).status === 429;
      if (!limited) await new Promise((r) => setTimeout(r, 100));
    }
    expect(limited).toBe(true);
  }, 40_000);
});
