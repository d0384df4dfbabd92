import { createTestEnvironment, newTenantWithCollector, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { fileOf, recentCsv } from '../ingest/uploadFiles.js';
import { UploadMetricsDocument, uploadRequest } from '@perfanalysis/sdk';

interface Answer {
  status: number;
  code: string | undefined;
  text: string;
}

const NUL = 'a\u0000b';

/** Values that used to reach SQL and come back as a 500 (or a 400 coded INTERNAL_SERVER_ERROR) with the statement text. */
describe('hostile values are refused with a typed 4xx before any SQL', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let apiKey: string;
  beforeAll(async () => {
    env = await createTestEnvironment();
    ({ tenant, apiKey } = await newTenantWithCollector(env, 'hv-01'));
  });
  afterAll(() => env?.stop());

  async function answer(response: Response): Promise<Answer> {
    const text = await response.text();
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
    } catch {
      code = undefined;
    }
    return { status: response.status, code, text };
  }

  const graphql = async (body: unknown, token?: string) =>
    answer(
      await fetch(env.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        body: JSON.stringify(body),
      }),
    );

  /** A refusal with its code: HTTP 400, or 200 for a GraphQL resolver's error (the GraphQL-over-HTTP convention). */
  const expectTyped = (a: Answer, code = 'BAD_USER_INPUT') => {
    expect({ refused: a.status === 400 || a.status === 200, code: a.code }).toEqual({ refused: true, code });
    expect(a.text).not.toMatch(/INSERT|SELECT|invalid byte sequence|out of range for type/);
  };

  const TRICKLE = 'mutation T($points: [MetricPointInput!]!) { tricklePoints(points: $points) { accepted } }';
  const point = (values: Record<string, unknown>) => ({ timestamp: new Date(Date.now() - 5_000).toISOString(), ...values });

  it.each([
    [
      'login e-mail (unauthenticated)',
      'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
      { i: { email: `${NUL}@x.test`, password: 'x' } },
    ],
    [
      'collector site',
      'mutation($i: RegisterCollectorInput!) { registerCollector(input: $i) { apiKey } }',
      { i: { machineId: 'hv-02', hostname: 'hv-02', site: NUL } },
    ],
    [
      'alert rule name',
      'mutation($i: AlertRuleInput!) { createAlertRule(input: $i) { id } }',
      { i: { name: NUL, kind: 'THRESHOLD', metric: 'cpu_user', op: 'GT', threshold: 90 } },
    ],
    [
      'silence comment',
      'mutation($i: SilenceInput!) { silenceAlerts(input: $i) { id } }',
      { i: { endsAt: new Date(Date.now() + 60_000).toISOString(), comment: `bell\u0007` } },
    ],
  ])('a NUL or control character in the %s', async (_label, query, variables) => {
    const a = await graphql({ query, variables }, tenant.session.accessToken);
    expectTyped(a);
    expect(a.text).toMatch(/\bi\.\w+/);
  });

  it('a NUL in a device name and in an inline literal', async () => {
    expectTyped(
      await graphql(
        { query: TRICKLE, variables: { points: [point({ devices: [{ kind: 'DISK', device: NUL, diskReadMb: 1 }] })] } },
        apiKey,
      ),
    );
    expectTyped(
      await graphql(
        { query: 'mutation { registerCollector(input: { machineId: "hv\\u0000x", hostname: "h" }) { apiKey } }' },
        tenant.session.accessToken,
      ),
    );
  });

  it.each([1e39, 1e-46, 5e-324, -1e39])('trickle value %s outside the stored range (variables, devices, REST)', async (value) => {
    expectTyped(await graphql({ query: TRICKLE, variables: { points: [point({ cpuUser: 1, memUsedMb: value })] } }, apiKey));
    expectTyped(
      await graphql(
        { query: TRICKLE, variables: { points: [point({ devices: [{ kind: 'NET', device: 'eth0', netRxMb: value }] })] } },
        apiKey,
      ),
    );
    const rest = await fetch(new URL('/api/trickle/ingest/', env.gatewayUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: `[{"timestamp":"${new Date(Date.now() - 5_000).toISOString()}","mem_used_mb":${value}}]`,
    });
    expectTyped(await answer(rest));
  });

  it('an inline 1e309 literal', async () => {
    const at = new Date(Date.now() - 5_000).toISOString();
    expectTyped(
      await graphql({ query: `mutation { tricklePoints(points: [{ timestamp: "${at}", cpuUser: 1e309 }]) { accepted } }` }, apiKey),
    );
  });

  it('a CSV value outside the stored range names its row and column and stores nothing', async () => {
    const csv = recentCsv('hv-01', 3).replace(/,1002$/m, ',1e39');
    const before = await env.runtime.db.pool.query(`SELECT count(*)::int n FROM "tenant_${tenant.slug}".metric_points`);
    const refusal = await uploadRequest({ url: env.gatewayUrl, token: apiKey }, UploadMetricsDocument, {}, fileOf('big.csv', csv)).then(
      () => undefined,
      (e: { code?: string; message?: string }) => e,
    );
    expect(refusal).toMatchObject({ code: 'INVALID_VALUE' });
    expect(refusal?.message).toMatch(/mem_used_mb, row 3/);
    const after = await env.runtime.db.pool.query(`SELECT count(*)::int n FROM "tenant_${tenant.slug}".metric_points`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it.each([
    ['"now"', 'now'],
    ['"2026-13-45"', '2026-13-45'],
    ['a number', 42],
    ['100 KB', '2'.repeat(100_000)],
    ['a date with NUL', `2026-01-01T00:00:00Z${NUL}`],
    ['a year before 1', '-000001-12-31T23:59:59.999Z'],
    ['a year after 9999', '+010000-01-01T00:00:00Z'],
  ])('DateTimeISO variable %s', async (_label, value) => {
    const a = await graphql(
      { query: 'mutation($i: SilenceInput!) { silenceAlerts(input: $i) { id } }', variables: { i: { endsAt: value } } },
      tenant.session.accessToken,
    );
    expectTyped(a);
  });

  it('an inline DateTimeISO literal that is no date', async () => {
    expectTyped(await graphql({ query: 'mutation { silenceAlerts(input: { endsAt: "soon" }) { id } }' }, tenant.session.accessToken));
  });

  it('an inline DateTimeISO literal before year 1 (found by the document fuzz)', async () => {
    const query = '{ auditTrail(before: "-000001-12-31T23:59:59.999Z") { id } }';
    expectTyped(await graphql({ query }, tenant.session.accessToken));
  });

  it('an APQ hash that does not match the query', async () => {
    const a = await graphql({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect({ status: a.status, code: a.code }).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  it('export with machine_id=a%00b', async () => {
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const response = await fetch(new URL(`/api/v1/performance/export?start_date=${from}&machine_id=a%00b`, env.gatewayUrl), {
      headers: { authorization: `Bearer ${tenant.session.accessToken}` },
    });
    const refusal = await answer(response);
    expectTyped(refusal);
    expect(refusal.text).toMatch(/machine_id/);
  });

  it('REST upload with a NUL machine_id', async () => {
    const form = new FormData();
    form.set('machine_id', NUL);
    form.set('file', new Blob([recentCsv('x', 2).replace(/,x,/g, ',').replace('machine_id,', '')]), 'n.csv');
    const response = await fetch(new URL('/api/v1/performance/upload', env.gatewayUrl), {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expectTyped(await answer(response));
  });
});
