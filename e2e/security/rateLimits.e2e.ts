import { LoginDocument, TricklePointsDocument } from '@perfanalysis/sdk';
import { connectLive, createTestEnvironment, type TestEnvironment, readMetrics } from '@perfanalysis/testenv';
import { bearer, expectRateLimited, fromIp, op, postGraphql, type SecureTenant, tenantFrom, untilLimited } from './securityWorld.js';

/** The real, small limits (other test files run with high ones: see createTestEnvironment). */
const LIMITS = { auth: 4, api: 8, upload: 2, trickle: 4, wsConnect: 3 };

describe('rate limits (per user, per API key, else per address)', () => {
  let env: TestEnvironment;
  let a: SecureTenant;
  let b: SecureTenant;

  beforeAll(async () => {
    env = await createTestEnvironment({
      env: {
        RATE_LIMIT_AUTH: String(LIMITS.auth),
        RATE_LIMIT_API: String(LIMITS.api),
        RATE_LIMIT_UPLOAD: String(LIMITS.upload),
        RATE_LIMIT_TRICKLE: String(LIMITS.trickle),
        RATE_LIMIT_WS_CONNECT: String(LIMITS.wsConnect),
        // Lets each test speak from its own address (X-Forwarded-For from the loopback "proxy").
        TRUSTED_PROXIES: '127.0.0.1',
      },
    });
    a = await tenantFrom(env, '10.1.0.1');
    b = await tenantFrom(env, '10.1.0.2');
  });
  afterAll(() => env?.stop());

  const point = (i: number) => ({
    timestamp: new Date(Date.now() - 60_000 + i * 1000).toISOString(),
    cpuUser: 1,
    memUsedMb: 1,
    memTotalMb: 2,
  });

  it('limits login attempts per address: 429 RATE_LIMITED with Retry-After; another address is unaffected', async () => {
    const attempt = (ip: string) =>
      postGraphql(env, op(LoginDocument, { input: { email: 'nobody@example.test', password: 'Wrong-password-1' } }), fromIp(ip));
    const answers = await untilLimited(() => attempt('10.9.0.1'), LIMITS.auth + 1);
    expect(answers).toHaveLength(LIMITS.auth + 1);
    for (const early of answers.slice(0, LIMITS.auth)) {
      expect(early.status).not.toBe(429);
      expect(early.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expectRateLimited(answers[LIMITS.auth]);
    expect((await attempt('10.9.0.2')).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("limits a user's API calls; another tenant's user keeps its whole budget", async () => {
    const me = (token: string) => postGraphql(env, { query: '{ me { id } }' }, { ...bearer(token), ...fromIp('10.9.1.1') });
    const answers = await untilLimited(() => me(a.token), LIMITS.api + 1);
    expectRateLimited(answers.at(-1));
    // Same address, other tenant's user: its own budget, untouched by A's traffic.
    for (let i = 0; i < LIMITS.api - 2; i++) expect((await me(b.token)).status).toBe(200);
  });

  it('limits trickle per API key, over GraphQL and the REST compatibility endpoint alike', async () => {
    const graphql = (key: string, i: number) => postGraphql(env, op(TricklePointsDocument, { points: [point(i)] }), bearer(key));
    let sent = 0;
    const answers = await untilLimited(() => graphql(a.apiKey, sent++), LIMITS.trickle + 1);
    expect(answers.slice(0, -1).every((x) => x.status === 200 && !x.body.errors)).toBe(true);
    expectRateLimited(answers.at(-1));

    const rest = await fetch(new URL('/api/trickle/ingest/', env.gatewayUrl), {
      method: 'POST',
      headers: { ...bearer(a.apiKey), 'content-type': 'application/json' },
      body: JSON.stringify({ points: [{ timestamp: new Date().toISOString(), cpu_user: 1 }] }),
    });
    expect(rest.status).toBe(429);
    expect(Number(rest.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await rest.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED', retryAfter: expect.any(Number) } }] });

    // Tenant B's collector: its own budget.
    expect((await graphql(b.apiKey, 0)).body.errors).toBeUndefined();
  });

  it('limits uploads (REST multipart) per API key', async () => {
    const upload = async (key: string) => {
      const form = new FormData();
      form.set('file', new Blob(['timestamp,cpu_user\n']), 'empty.csv');
      const response = await fetch(new URL('/api/v1/performance/upload', env.gatewayUrl), {
        method: 'POST',
        body: form,
        headers: bearer(key),
      });
      return { status: response.status, headers: response.headers, body: (await response.json()) as never };
    };
    const answers = await untilLimited(() => upload(b.apiKey), LIMITS.upload + 1);
    expect(answers).toHaveLength(LIMITS.upload + 1);
    expectRateLimited(answers.at(-1));
    expect((await upload(a.apiKey)).status).not.toBe(429);
  });

  it('closes graphql-ws connection attempts past the budget with 4429', async () => {
    const opened = [];
    for (let i = 0; i < LIMITS.wsConnect; i++) {
      const connection = connectLive(env.gatewayUrl, b.token);
      await new Promise<void>((resolve, reject) => {
        connection.client.on('connected', () => resolve());
        void connection.closed.then((c) => reject(new Error(`closed ${c.code} ${c.reason}`)));
      });
      opened.push(connection);
    }
    const refused = connectLive(env.gatewayUrl, b.token);
    expect(await refused.closed).toMatchObject({ code: 4429, reason: expect.stringMatching(/retry after \d+ s/) });
    // Tenant A's user: its own budget.
    const other = connectLive(env.gatewayUrl, a.token);
    await new Promise<void>((resolve) => other.client.on('connected', () => resolve()));
    await Promise.all([...opened, other].map((c) => c.close()));
  });

  it('counts refusals on /metrics', async () => {
    const text = await readMetrics(env.gatewayUrl);
    expect(text).toMatch(/rate_limited_total\{bucket="auth"[^}]*\} [1-9]/);
    expect(text).toMatch(/rate_limited_total\{bucket="trickle"[^}]*\} [1-9]/);
  });
});
