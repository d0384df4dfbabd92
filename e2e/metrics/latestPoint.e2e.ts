import { CollectorsOverviewDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { storeBatches } from '../../subgraphs/metrics/src/storage/storePoints.js';
import { registerMachine, schemaOf, signedAs, type TestMachine } from './metricData.js';

/** `latestPoint` of many collectors in one `_entities` answer (one query per request, not per collector). */
describe('collectors with their latest point', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let other: TestTenant;
  let machines: TestMachine[];
  let foreign: TestMachine;
  const T0 = Date.now() - 600_000;
  const point = (t: number, cpuUser: number) => ({ timestamp: t, values: { cpu_user: cpuUser, cpu_idle: 100 - cpuUser } });

  beforeAll(async () => {
    env = await createTestEnvironment();
    [tenant, other] = [await newTenant(env), await newTenant(env)];
    machines = [];
    for (const name of ['web-01', 'web-02', 'idle-03']) machines.push(await registerMachine(tenant, name));
    foreign = await registerMachine(other, 'theirs');
    await storeBatches(env.runtime.db.pool, schemaOf(tenant), [
      { collectorId: machines[0]!.id, points: [point(T0, 11), point(T0 + 1_000, 12)] },
      { collectorId: machines[1]!.id, points: [point(T0 + 5_000, 21)] },
    ]);
    await storeBatches(env.runtime.db.pool, schemaOf(other), [{ collectorId: foreign.id, points: [point(T0 + 9_000, 99)] }]);
  });
  afterAll(() => env?.stop());

  it('answers each collector with its own newest point, and none for a collector without points', async () => {
    const { collectors } = await tenant.client.request(CollectorsOverviewDocument);
    const byId = new Map(collectors.map((c) => [c.id, c.latestPoint]));
    expect(byId.get(machines[0]!.id)).toMatchObject({ cpuUser: 12, timestamp: new Date(T0 + 1_000).toISOString() });
    expect(byId.get(machines[1]!.id)).toMatchObject({ cpuUser: 21 });
    expect(byId.get(machines[2]!.id)).toBeNull();
    expect(byId.has(foreign.id)).toBe(false);
  });

  it('finds no point of another tenant’s collector, and a malformed id fails nobody', async () => {
    const response = await fetch(env.subgraphUrls.metrics, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signedAs(env, tenant, { user: { userId: 'u', email: 'u@x.test' }, role: 'ADMIN' }),
      },
      body: JSON.stringify({
        query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Collector { id latestPoint { cpuUser } } } }',
        variables: { r: [machines[0]!.id, foreign.id, 'not-a-uuid'].map((id) => ({ __typename: 'Collector', id })) },
      }),
    });
    const body = (await response.json()) as { data: { _entities: { id: string; latestPoint: { cpuUser: number } | null }[] } };
    expect(body.data._entities).toEqual([
      { id: machines[0]!.id, latestPoint: { cpuUser: 12 } },
      { id: foreign.id, latestPoint: null },
      { id: 'not-a-uuid', latestPoint: null },
    ]);
  });
});
