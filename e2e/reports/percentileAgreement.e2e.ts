import { METRIC_COLUMNS } from '@perfanalysis/contract';
import { ReportDataBuilder } from '@perfanalysis/reports';
import { bindTenant } from '@perfanalysis/platform';
import { SummaryDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { readReportPoints } from '../../subgraphs/reports/src/report/readReportPoints.js';
import { copyPoints, realisticValues, registerMachine, schemaOf, seededRandom, type TestMachine } from '../metrics/metricData.js';

const HOUR = 3_600_000;
const T0 = Math.floor((Date.now() - 3 * HOUR) / HOUR) * HOUR;
/** An odd count, so most percentile positions fall between two samples and interpolation shows. */
const SECONDS = 3_601;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * One percentile definition (docs/percentiles.md): the dashboard's `summary` (PostgreSQL's
 * percentile_cont) and the reports (selection in JavaScript over the report's own read path)
 * must print the same p95/p97.5/p99/p100 for every column of the same points.
 */
describe('percentiles: the summary query and the reports agree', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let machine: TestMachine;

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    machine = await registerMachine(tenant, 'agree-01');
    const random = seededRandom(11);
    await copyPoints(env.runtime.db.pool, schemaOf(tenant), machine.id, {
      fromMs: T0,
      count: SECONDS,
      values: (i) => realisticValues(i, random),
    });
  }, 240_000);
  afterAll(() => env?.stop());

  it('gives the same p95, p97.5, p99 and p100 for every column', async () => {
    const range = { from: new Date(T0), to: new Date(T0 + SECONDS * 1000) };
    const { summary } = await tenant.client.request(SummaryDocument, {
      collectorId: machine.id,
      from: iso(range.from.getTime()),
      to: iso(range.to.getTime()),
    });
    const builder = new ReportDataBuilder(range, SECONDS);
    await readReportPoints(
      env.runtime.db.pool,
      bindTenant(env.runtime.db.pool, tenant.slug),
      { collectorId: machine.id, ...range, deviceKinds: [] },
      builder,
    );
    const data = builder.finish({ machineId: machine.machineId, ...range, sections: ['percentiles'], generatedAt: range.to });
    let compared = 0;
    for (const row of summary) {
      const ours = data.summaries[row.metric as (typeof METRIC_COLUMNS)[number]];
      if (row.count === 0 || !ours) continue;
      compared++;
      expect(ours.count).toBe(row.count);
      // Points are stored as single-precision reals: agree to the single's precision.
      const close = (a: number, b: number | null | undefined) =>
        expect(Math.abs(a - b!)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(a)));
      close(ours.p95, row.p95);
      close(ours.p97_5, row.p975);
      close(ours.p99, row.p99);
      close(ours.p100, row.p100);
    }
    expect(compared).toBeGreaterThan(10);
  });
});
