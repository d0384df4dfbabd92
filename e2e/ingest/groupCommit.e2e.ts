import type { MetricPoint } from '@perfanalysis/contract';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { GroupCommit } from '../../subgraphs/metrics/src/storage/groupCommit.js';
import { registerMachine, schemaOf, tablesOf, type TestMachine } from '../metrics/metricData.js';

/** Group commit of concurrent trickle batches (docs/ingest.md), on real PostgreSQL. */
describe('trickle group commit', () => {
  let env: TestEnvironment;
  let tenants: TestTenant[];
  let machines: TestMachine[][];
  // A long window: every batch of a test lands in the same tick, so they do share transactions.
  let commits: GroupCommit;
  const T0 = Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000;
  const points = (from: number, n: number, cpuUser = 10): MetricPoint[] =>
    Array.from({ length: n }, (_, i) => ({ timestamp: from + i * 1000, values: { cpu_user: cpuUser, cpu_idle: 90 - cpuUser } }));
  const count = async (tenant: TestTenant, collectorId: string) =>
    (
      await env.runtime.db.pool.query<{ n: number }>(
        `SELECT count(*)::int n FROM "${schemaOf(tenant)}".metric_points WHERE collector_id = $1`,
        [collectorId],
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenants = [await newTenant(env), await newTenant(env)];
    machines = await Promise.all(tenants.map((t) => Promise.all(['a', 'b'].map((m) => registerMachine(t, m)))));
    commits = new GroupCommit(env.runtime.db.pool, { windowMs: 50, maxPoints: 20_000 });
  });
  afterAll(() => env?.stop());

  it('never puts one tenant’s points into another tenant’s schema', async () => {
    const [a, b] = tenants as [TestTenant, TestTenant];
    // The same collector ids sent under the wrong schema find nothing of the other tenant: each
    // request lands only in the schema it was queued for, however the batches interleave.
    const answers = await Promise.all([
      commits.store(tablesOf(a), { collectorId: machines[0]![0]!.id, points: points(T0, 5) }),
      commits.store(tablesOf(b), { collectorId: machines[1]![0]!.id, points: points(T0, 7) }),
      commits.store(tablesOf(a), { collectorId: machines[0]![1]!.id, points: points(T0, 3) }),
      commits.store(tablesOf(b), { collectorId: machines[1]![1]!.id, points: points(T0, 2) }),
    ]);
    expect(answers.map((a) => a.length)).toEqual([5, 7, 3, 2]);
    expect([await count(a, machines[0]![0]!.id), await count(a, machines[0]![1]!.id)]).toEqual([5, 3]);
    expect([await count(b, machines[1]![0]!.id), await count(b, machines[1]![1]!.id)]).toEqual([7, 2]);
    expect([await count(a, machines[1]![0]!.id), await count(b, machines[0]![0]!.id)]).toEqual([0, 0]);
  });

  it('counts a point sent by two requests of one transaction once, for the first', async () => {
    const [a] = tenants as [TestTenant];
    const collectorId = machines[0]![0]!.id;
    const from = T0 + 600_000;
    const [first, second] = await Promise.all([
      commits.store(tablesOf(a), { collectorId, points: points(from, 4) }),
      commits.store(tablesOf(a), { collectorId, points: points(from + 2_000, 4) }),
    ]);
    expect(first).toEqual([from, from + 1_000, from + 2_000, from + 3_000]);
    expect(second).toEqual([from + 4_000, from + 5_000]);
    const { rows } = await env.runtime.db.pool.query<{ n: number }>(
      `SELECT sum(n)::int n FROM "${schemaOf(a)}".metric_rollup_1m WHERE collector_id = $1 AND bucket >= $2`,
      [collectorId, new Date(from)],
    );
    expect(rows[0]!.n).toBe(6);
  });

  it('fails only the request whose batch the database refuses; its neighbours commit', async () => {
    const [a] = tenants as [TestTenant];
    const [good, bad] = machines[0] as [TestMachine, TestMachine];
    const from = T0 + 1_200_000;
    // A device kind the table's CHECK refuses: the shared transaction fails, each batch is tried alone.
    const refused: MetricPoint[] = [{ ...points(from, 1)[0]!, devices: [{ kind: 'gpu' as 'cpu', device: 'g0', values: {} }] }];
    const results = await Promise.allSettled([
      commits.store(tablesOf(a), { collectorId: good.id, points: points(from, 3) }),
      commits.store(tablesOf(a), { collectorId: bad.id, points: refused }),
    ]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: [from, from + 1_000, from + 2_000] });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: { code: '23514' } });
    const { rows } = await env.runtime.db.pool.query<{ n: number }>(
      `SELECT count(*)::int n FROM "${schemaOf(a)}".metric_points WHERE collector_id = $1 AND ts >= $2`,
      [bad.id, new Date(from)],
    );
    expect(rows[0]!.n).toBe(0);
  });
});
