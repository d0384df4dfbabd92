import { CollectorsOverviewDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { storeBatches } from '../../subgraphs/metrics/src/storage/storePoints.js';
import { registerMachine, tablesOf, signedAs, type TestMachine } from './metricData.js';

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
    await storeBatches(env.runtime.db.pool, tablesOf(tenant), [
      { collectorId: machines[0]!.id, points: [point(T0, 11), point(T0 + 1_000, 12)] },
      { collectorId: machines[1]!.id, points: [point(T0 + 5_000, 21)] },
    ]);
    await storeBatches(env.runtime.db.pool, tablesOf(other), [{ collectorId: foreign.id, points: [point(T0 + 9_000, 99)] }]);
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

  /** `_entities` asked of one subgraph directly, as the gateway would ask it for `tenant`'s admin. */
  async function entities<T>(subgraph: 'metrics' | 'collectors', selection: string, ids: string[], fragments = ''): Promise<T[]> {
    const response = await fetch(env.subgraphUrls[subgraph], {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signedAs(env, tenant, { user: { userId: 'u', email: 'u@x.test' }, role: 'ADMIN' }),
      },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Collector { ${selection} } } } ${fragments}`,
        variables: { r: ids.map((id) => ({ __typename: 'Collector', id })) },
      }),
    });
    const body = (await response.json()) as { data: { _entities: T[] } };
    return body.data._entities;
  }

  it('lists the collectors’ own fields beside their points', async () => {
    const { collectors } = await tenant.client.request(CollectorsOverviewDocument);
    expect(collectors.map((c) => c.hostname)).toEqual(['idle-03.test', 'web-01.test', 'web-02.test']);
    const web01 = collectors.find((c) => c.id === machines[0]!.id)!;
    expect(web01).toMatchObject({ machineId: 'web-01', active: true, tenant: { slug: tenant.slug } });
    expect(new Date(web01.createdAt).toISOString()).toBe(web01.createdAt);
  });

  it('finds no point of another tenant’s collector, and a malformed id fails nobody', async () => {
    expect(await entities('metrics', 'id latestPoint { cpuUser }', [machines[0]!.id, foreign.id, 'not-a-uuid'])).toEqual([
      { id: machines[0]!.id, latestPoint: { cpuUser: 12 } },
      { id: foreign.id, latestPoint: null },
      { id: 'not-a-uuid', latestPoint: null },
    ]);
  });

  it('reads every column any selection asks for: aliases and fragments of one request share the read', async () => {
    const answer = await entities(
      'metrics',
      'a: latestPoint { cpuUser } b: latestPoint { ...Idle } c: latestPoint { ... on MetricPoint { memUsedMb } }',
      [machines[0]!.id, machines[1]!.id],
      'fragment Idle on MetricPoint { timestamp cpuIdle }',
    );
    expect(answer).toEqual([
      { a: { cpuUser: 12 }, b: { timestamp: new Date(T0 + 1_000).toISOString(), cpuIdle: 88 }, c: { memUsedMb: null } },
      { a: { cpuUser: 21 }, b: { timestamp: new Date(T0 + 5_000).toISOString(), cpuIdle: 79 }, c: { memUsedMb: null } },
    ]);
  });

  it('answers many collector references at once from the tenant’s own collectors only', async () => {
    const ids = [machines[2]!.id, foreign.id, 'not-a-uuid', machines[0]!.id];
    expect(await entities('collectors', 'id hostname status', ids)).toEqual([
      { id: machines[2]!.id, hostname: 'idle-03.test', status: 'NEVER_SEEN' },
      null,
      null,
      { id: machines[0]!.id, hostname: 'web-01.test', status: 'NEVER_SEEN' },
    ]);
  });
});
