import { CollectorsOverviewDocument, MeDocument, RegisterCollectorDocument } from '@perfanalysis/sdk';
import { clientFor, createTestEnvironment, newTenant, type TestEnvironment, readMetrics } from '@perfanalysis/testenv';

describe('one gateway over five subgraphs', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment();
  });

  afterAll(async () => {
    await env?.stop();
  });

  it('resolves one query across the collectors, tenancy and metrics subgraphs', async () => {
    const tenant = await newTenant(env);
    await tenant.client.request(RegisterCollectorDocument, { input: { machineId: 'web-01', hostname: 'web-01.example.test' } });

    const { collectors } = await tenant.client.request(CollectorsOverviewDocument);

    expect(collectors).toHaveLength(1);
    expect(collectors[0]).toMatchObject({
      machineId: 'web-01',
      status: 'NEVER_SEEN',
      tenant: { slug: tenant.slug, name: `Tenant ${tenant.slug}` },
      latestPoint: null,
    });
  });

  it('answers health and readiness on the gateway and every subgraph', async () => {
    for (const url of [env.gatewayUrl, ...Object.values(env.subgraphUrls)]) {
      const ready = await fetch(new URL('/readyz', url));
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { checks: Record<string, string> };
      expect(Object.values(body.checks).every((c) => c === 'ok')).toBe(true);
      expect((await fetch(new URL('/healthz', url))).status).toBe(200);
    }
  });

  it('exports Prometheus metrics counting operations by name', async () => {
    const tenant = await newTenant(env);
    await tenant.client.request(MeDocument);
    const text = await readMetrics(env.gatewayUrl);
    expect(text).toMatch(/graphql_requests_total\{operation="Me",type="query",service="gateway"\} [1-9]/);
  });

  it('refuses anonymous access to tenant data with UNAUTHENTICATED', async () => {
    await expect(clientFor(env).request(CollectorsOverviewDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
