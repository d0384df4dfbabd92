import { connectLive, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { request } from 'node:http';
import { postGraphql } from './securityWorld.js';
import { recentCsv } from '../ingest/uploadFiles.js';
import { registerCollector, type TestCollector } from '../live/liveWorld.js';

const ALLOWED_ORIGIN = 'https://dashboard.example.test';

describe('gateway limits on documents, bodies, origins and headers', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let collector: TestCollector;

  beforeAll(async () => {
    env = await createTestEnvironment({
      env: {
        GRAPHQL_MAX_DEPTH: '5',
        GRAPHQL_MAX_ALIASES: '3',
        GRAPHQL_MAX_ROOT_FIELDS: '3',
        GRAPHQL_MAX_TOKENS: '400',
        GRAPHQL_MAX_DIRECTIVES: '3',
        GRAPHQL_MAX_COST: '300',
        UPLOAD_IDLE_TIMEOUT: '1s',
        CORS_ORIGINS: ALLOWED_ORIGIN,
        HSTS_MAX_AGE: '31536000',
        HTTP_KEEP_ALIVE: '70s',
      },
    });
    tenant = await newTenant(env);
    collector = await registerCollector(tenant, 'slow-01');
  });
  afterAll(() => env?.stop());

  const codeOf = async (query: string) => {
    const answer = await postGraphql(env, { query }, { authorization: `Bearer ${tenant.session.accessToken}` });
    return { status: answer.status, code: answer.body.errors?.[0]?.extensions?.code, message: answer.body.errors?.[0]?.message ?? '' };
  };

  it.each([
    ['depth', '{ collectors { latestPoint { collector { tenant { domains { host } } } } } }', /depth limit of 5 exceeded, found 6/],
    ['aliases', '{ a: me { id } b: me { id } c: me { id } d: me { id } }', /Aliases limit of 3 exceeded/],
    ['root fields', '{ me { id } collectors { id } __typename myTenants { slug } }', /Root fields limit of 3 exceeded, found 4/],
    [
      'directives',
      '{ me { id @skip(if: false) email @skip(if: false) displayName @skip(if: false) createdAt @skip(if: false) } }',
      /Directives limit of 3/,
    ],
    ['cost', `{ collectors { ${'id '.repeat(250)}} }`, /Cost limit of 300 exceeded, found 377/],
  ])('refuses too much %s with 400 GRAPHQL_VALIDATION_FAILED', async (_name, query, message) => {
    const answer = await codeOf(query);
    expect(answer).toMatchObject({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(answer.message).toMatch(message);
  });

  it('refuses too many tokens with 400 GRAPHQL_PARSE_FAILED before validating', async () => {
    const answer = await codeOf(`{ ${'__typename '.repeat(500)} }`);
    expect(answer).toMatchObject({ status: 400, code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('applies the same limits to subscriptions over graphql-ws', async () => {
    const live = connectLive(env.gatewayUrl, tenant.session.accessToken);
    try {
      const deep = live.client.iterate({
        query: 'subscription { livePoints { collector { latestPoint { collector { tenant { domains { host } } } } } } }',
      });
      await expect(deep.next()).rejects.toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) }),
      ]);
      const aliased = live.client.iterate({ query: 'subscription { livePoints { a: cpuUser b: cpuUser c: cpuUser d: cpuUser } }' });
      await expect(aliased.next()).rejects.toEqual([expect.objectContaining({ message: expect.stringMatching(/Aliases limit of 3/) })]);
    } finally {
      await live.close();
    }
  });

  it('refuses batched (JSON array) requests', async () => {
    const answer = await postGraphql(env, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(answer.status).toBe(400);
  });

  it('refuses a JSON body over 1 MB with 413 PAYLOAD_TOO_LARGE', async () => {
    const answer = await postGraphql(env, { query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } });
    expect(answer.status).toBe(413);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a stalled upload with 408 REQUEST_TIMEOUT and stores nothing', async () => {
    const boundary = 'slowboundary';
    // A GraphQL multipart upload: 500 valid rows (enough for the subgraph to start its COPY), then silence.
    const operations = JSON.stringify({
      query: 'mutation ($file: Upload!) { uploadMetrics(file: $file) { rowsProcessed } }',
      variables: { file: null },
    });
    const part = (name: string, extra = '') => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n`;
    const head =
      `${part('operations')}${operations}\r\n${part('map')}{"0":["variables.file"]}\r\n` +
      `${part('0', '; filename="slow.csv"\r\nContent-Type: text/csv')}${recentCsv('slow-01', 500)}`;
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(env.gatewayUrl, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${collector.apiKey}`,
          'apollo-require-preflight': 'true',
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(head.length + 10_000),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.write(head); // …and never the rest.
    });
    expect([answer.status, answer.body]).toEqual([408, expect.any(String)]);
    expect(JSON.parse(answer.body)).toMatchObject({ errors: [{ extensions: { code: 'REQUEST_TIMEOUT' } }] });
    const { rows } = await env.runtime.db.pool.query<{ n: number }>(
      `SELECT count(*)::int n FROM "tenant_${tenant.slug}".metric_points WHERE collector_id = $1`,
      [collector.id],
    );
    expect(rows[0]!.n).toBe(0);
    // The subgraph's COPY was abandoned, not left holding a connection.
    await new Promise((r) => setTimeout(r, 300));
    const copies = await env.runtime.db.pool.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY%'`,
    );
    expect(copies.rowCount).toBe(0);
  });

  it('allows CORS from the allow-list only, with credentials, never a wildcard', async () => {
    const preflight = (origin: string) =>
      fetch(env.gatewayUrl, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);

    const denied = await preflight('https://evil.example.test');
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();

    const simple = await fetch(env.gatewayUrl, {
      method: 'POST',
      headers: { origin: 'https://evil.example.test', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends the security headers on API answers and HSTS when configured', async () => {
    for (const path of ['/graphql', '/healthz', '/api/v1/performance/export']) {
      const response = await fetch(new URL(path, env.gatewayUrl), {
        method: path === '/graphql' ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' },
        body: path === '/graphql' ? JSON.stringify({ query: '{ __typename }' }) : undefined,
      });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('keeps an idle client connection for HTTP_KEEP_ALIVE and says so, so the client closes first', async () => {
    const hint = await new Promise<string | undefined>((resolve, reject) => {
      const probe = request(new URL('/healthz', env.gatewayUrl), (response) => {
        response.resume();
        response.on('end', () => resolve(String(response.headers['keep-alive'])));
      });
      probe.on('error', reject);
      probe.end();
    });
    expect(hint).toBe('timeout=70');
  });
});
