import { createGateway, type GatewayServer } from '@perfanalysis/gateway';
import { RegisterCollectorDocument } from '@perfanalysis/sdk';
import type { TestEnvironment, TestTenant } from '@perfanalysis/testenv';
import { startTcpSwitch, type TcpSwitch } from '../agent/tcpSwitch.js';
import { eventually, type FaultWorld, healthStatuses, startFaultWorld, TrickleClient } from './faultWorld.js';

interface Answer {
  readonly status: number;
  readonly body: { data?: Record<string, unknown> | null; errors?: { message: string; path?: string[]; extensions?: { code?: string } }[] };
}

describe('one subgraph down behind the gateway', () => {
  let world: FaultWorld;
  let env: TestEnvironment;
  let tenant: TestTenant;
  let line: TcpSwitch;
  let gateway: GatewayServer;
  let gatewayUrl: string;

  beforeAll(async () => {
    world = await startFaultWorld();
    ({ env, tenant } = world);
    // A second gateway whose collectors subgraph sits behind a switch: cutting it is the
    // collectors process vanishing (connections refused), with everything else running.
    line = await startTcpSwitch(new URL(env.subgraphUrls.collectors));
    gateway = createGateway({ runtime: env.runtime, subgraphUrls: { ...env.subgraphUrls, collectors: `${line.url}/graphql` } });
    gatewayUrl = (await gateway.listen(0)).url;
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
    await line?.close().catch(() => undefined);
    await world?.stop();
  }, 120_000);

  async function ask(query: string): Promise<Answer> {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.session.accessToken}` },
      body: JSON.stringify({ query }),
      signal: AbortSignal.timeout(15_000),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  const readiness = async () => {
    const response = await fetch(new URL('/readyz', gatewayUrl), { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, checks: ((await response.json()) as { checks: Record<string, string> }).checks };
  };

  it('answers what it can with typed errors for the rest, says which subgraph in /readyz, and recovers', async () => {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'sg-01', hostname: 'sg-01' },
    });
    const collectorId = registerCollector.collector.id;
    const query = `{ me { email } collector(id: "${collectorId}") { id hostname } }`;
    const before = await ask(query);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data).toMatchObject({ me: { email: tenant.admin.email }, collector: { id: collectorId } });
    expect((await readiness()).status).toBe(200);

    await line.down();
    const during = await ask(query);
    // Partial data: identity still answers; the collectors field is null with a typed error.
    expect(during.status).toBe(200);
    expect(during.body.data).toMatchObject({ me: { email: tenant.admin.email }, collector: null });
    expect(during.body.errors).toHaveLength(1);
    // (@apollo/gateway reports a failed fetch without a `path`: the null field says which part is missing.)
    expect(during.body.errors![0]!.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    const notReady = await readiness();
    expect(notReady.status).toBe(503);
    expect(notReady.checks['subgraph:collectors']).not.toBe('ok');
    expect(Object.entries(notReady.checks).filter(([, result]) => result !== 'ok')).toEqual([['subgraph:collectors', expect.any(String)]]);
    // Ingest does not need the collectors subgraph: a collector keeps trickling through this gateway.
    const agent = new TrickleClient(gatewayUrl, registerCollector.apiKey, Date.now() - 60_000);
    await agent.tick();
    expect(agent.failures).toEqual([]);

    await line.up();
    await eventually(async () => (await readiness()).status === 200, 15_000, 'gateway ready again');
    const after = await ask(query);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toMatchObject({ me: { email: tenant.admin.email }, collector: { id: collectorId, hostname: 'sg-01' } });
    expect(await healthStatuses(env)).toEqual(new Array(1 + Object.keys(env.subgraphUrls).length).fill(200));
  }, 60_000);
});
