import { RegisterCollectorDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { request } from 'node:http';
import { recentCsv } from './uploadFiles.js';
import { eventually } from '../faults/faultWorld.js';

/** One deterministic case per multipart bug the fuzz suite (e2e/fuzz/multipartBodies.e2e.ts) found. */
describe('broken and abandoned multipart uploads', () => {
  const MACHINE = 'abuse-01';
  let env: TestEnvironment;
  let tenant: TestTenant;
  let apiKey: string;

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: MACHINE, hostname: MACHINE },
    });
    apiKey = registerCollector.apiKey;
  }, 60_000);
  afterAll(() => env?.stop(), 60_000);

  const rows = async () =>
    (await env.runtime.db.pool.query<{ n: number }>(`SELECT count(*)::int n FROM "tenant_${tenant.slug}".metric_points`)).rows[0]!.n;
  const copies = async () =>
    (
      await env.runtime.db.pool.query(
        `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE 'COPY%'`,
      )
    ).rowCount ?? 0;
  const healthy = async () => (await fetch(new URL('/healthz', env.subgraphUrls.metrics), { signal: AbortSignal.timeout(5_000) })).status;
  const part = (boundary: string, name: string, extra = '') =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n`;

  async function post(url: string, token: string, body: string, contentType: string) {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': contentType, authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
      body,
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, body: (await response.json()) as { errors?: { extensions?: { code?: string } }[] } };
  }

  it('a GraphQL multipart body cut off inside the file answers 400 BAD_USER_INPUT and the service lives on', async () => {
    const before = await rows();
    const boundary = 'cut-off-boundary';
    const operations = JSON.stringify({
      query: 'mutation($file: Upload!) { uploadMetrics(file: $file) { rowsProcessed } }',
      variables: { file: null },
    });
    const csv = recentCsv(MACHINE, 50);
    const body =
      `${part(boundary, 'operations')}${operations}\r\n${part(boundary, 'map')}{"0":["variables.file"]}\r\n` +
      `${part(boundary, '0', '; filename="cut.csv"\r\nContent-Type: text/csv')}${csv.slice(0, Math.floor(csv.length / 2))}`;
    const answer = await post(env.gatewayUrl, tenant.session.accessToken, body, `multipart/form-data; boundary=${boundary}`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rows()).toBe(before);
    expect(await healthy()).toBe(200);
  });

  it('a GraphQL multipart file part with a header too large for the parser answers 400 BAD_USER_INPUT', async () => {
    const before = await rows();
    const boundary = 'a';
    const operations = JSON.stringify({
      query: 'mutation($file: Upload!) { uploadMetrics(file: $file) { rowsProcessed } }',
      variables: { file: null },
    });
    const body =
      `${part(boundary, 'operations')}${operations}\r\n${part(boundary, 'map')}{"0":["variables.file"]}\r\n` +
      `${part(boundary, 'f'.repeat(100_000), '; filename="huge.csv"\r\nContent-Type: text/csv')}${recentCsv(MACHINE, 1)}x\r\n--${boundary}--\r\n`;
    const answer = await post(env.gatewayUrl, tenant.session.accessToken, body, `multipart/form-data; boundary=${boundary}`);
    expect([answer.status, answer.body.errors?.[0]]).toEqual([
      400,
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    ]);
    expect(await rows()).toBe(before);
    expect(await healthy()).toBe(200);
  });

  it('a REST upload abandoned mid-body leaves no COPY running and stores nothing', async () => {
    const before = await rows();
    const boundary = 'abandoned-boundary';
    const head = `${part(boundary, 'machine_id')}${MACHINE}\r\n${part(boundary, 'file', '; filename="big.csv"\r\nContent-Type: text/csv')}`;
    const csv = recentCsv(MACHINE, 2_000);
    const req = request(new URL('/api/v1/performance/upload', env.gatewayUrl), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + csv.length * 2),
      },
    });
    req.on('error', () => undefined);
    req.write(head + csv);
    // Wait until the subgraph's COPY is under way, then walk away.
    // Generous deadlines: what matters is that the COPY is released, not how fast on a loaded machine.
    await eventually(async () => (await copies()) === 1, 20_000, "the upload's COPY is running");
    req.destroy();
    await eventually(async () => (await copies()) === 0, 20_000, "the aborted upload's COPY is gone");
    expect(await rows()).toBe(before);
    expect(await healthy()).toBe(200);
  });

  it.each([
    ['the file under another field name', 'abuse-boundary', 'upload'],
    ['an unquoted boundary holding = and /', 'E_=/_0', 'file'],
  ])('a broken REST upload through the gateway (%s) answers the typed 4xx, not 503', async (_why, boundary, field) => {
    const before = await rows();
    const body =
      `${part(boundary, 'machine_id')}${MACHINE}\r\n` +
      `${part(boundary, field, '; filename="a.csv"\r\nContent-Type: text/csv')}${recentCsv(MACHINE, 50)}\r\n--${boundary}--\r\n`;
    const answer = await post(
      new URL('/api/v1/performance/upload', env.gatewayUrl).toString(),
      apiKey,
      body,
      `multipart/form-data; boundary=${boundary}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rows()).toBe(before);
  });
});
