import { METRIC_COLUMNS, type MetricColumn, type MetricValues } from '@perfanalysis/contract';
import { COMPARISON_COLUMNS, type FleetMember } from '@perfanalysis/reports';
import { bindTenant } from '@perfanalysis/platform';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import {
  type ComparisonJob,
  renderComparisonJob,
  type SideSeries,
  summarizeMemberJob,
} from '../../subgraphs/reports/src/compare/comparisonJob.js';
import { ComparisonKind } from '../../subgraphs/reports/src/compare/comparison.type.js';
import { type ComparisonRead, renderComparison } from '../../subgraphs/reports/src/compare/renderComparison.js';
import { closeReportRenderer } from '../../subgraphs/reports/src/report/sharedRenderPool.js';
import { streamReportPoints } from '../../subgraphs/reports/src/report/streamReportPoints.js';
import { copyPoints, realisticValues, registerMachine, schemaOf, seededRandom } from '../metrics/metricData.js';

const HOUR = 3_600_000;
const T0 = Math.floor((Date.now() - 30 * HOUR) / HOUR) * HOUR;
const WINDOW = { from: new Date(T0), to: new Date(T0 + 2 * HOUR) };
const GENERATED_AT = new Date(T0 + 3 * HOUR);

/** Realistic values with one value in six missing (stored NULL), so CPU busy also takes its user + system + steal branch. */
function gappyValues(i: number, random: () => number): MetricValues {
  return Object.fromEntries(Object.entries(realisticValues(i, random)).filter(() => random() >= 1 / 6)) as MetricValues;
}

/**
 * A comparison reads only COMPARISON_COLUMNS (docs/report-comparisons.md): on real PostgreSQL,
 * the service's fleet and before/after documents and figures are those computed from a read of
 * every column.
 */
describe('comparisons read only the columns they use', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let reads: ComparisonRead[];

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    reads = [];
    for (let m = 0; m < 5; m++) {
      const machine = await registerMachine(tenant, `narrow-${m}`);
      const random = seededRandom(40 + m);
      await copyPoints(env.runtime.db.pool, schemaOf(tenant), machine.id, {
        fromMs: T0,
        count: 720,
        stepMs: 10_000,
        values: (i) => gappyValues(i, random),
      });
      reads.push({ collector: { id: machine.id, machineId: machine.machineId, hostname: `${machine.machineId}.test` }, ...WINDOW });
    }
  }, 240_000);
  afterAll(async () => {
    await closeReportRenderer();
    await env?.stop();
  });

  /** One collector's window read with every column, as the service read it before. */
  async function everyColumn(read: ComparisonRead): Promise<SideSeries> {
    const builder = await streamReportPoints(env.runtime, bindTenant(env.runtime.db.pool, tenant.slug), {
      collectorId: read.collector.id,
      ...WINDOW,
      deviceKinds: [],
    });
    const { state } = builder.toState();
    return {
      label: read.collector.machineId,
      state,
      meta: { machineId: read.collector.machineId, hostname: read.collector.hostname, ...WINDOW },
    };
  }

  const render = (job: ComparisonJob['input']) =>
    renderComparisonJob({ type: 'comparison', format: 'html', generatedAt: GENERATED_AT.getTime(), input: job });

  it('reads 14 of the 27 columns', async () => {
    const request = { collectorId: reads[0]!.collector.id, ...WINDOW, deviceKinds: [] };
    const held = async (columns?: readonly MetricColumn[]) => {
      const builder = await streamReportPoints(env.runtime, bindTenant(env.runtime.db.pool, tenant.slug), {
        ...request,
        ...(columns && { columns }),
      });
      return builder.toState().state.columns.filter(Boolean).length;
    };
    expect(await held()).toBe(METRIC_COLUMNS.length);
    expect(await held(COMPARISON_COLUMNS)).toBe(COMPARISON_COLUMNS.length);
    expect(COMPARISON_COLUMNS).toHaveLength(14);
  });

  it('fleet: the same members, outliers and HTML as from every column', async () => {
    const rendered = await renderComparison(env.runtime, bindTenant(env.runtime.db.pool, tenant.slug), {
      kind: ComparisonKind.FLEET,
      reads,
      format: 'html',
      generatedAt: GENERATED_AT,
    });
    const members: FleetMember[] = [];
    for (const read of reads)
      members.push(summarizeMemberJob({ type: 'fleetMember', name: read.collector.machineId, series: await everyColumn(read) }));
    const expected = await render({ kind: 'fleet', members, from: WINDOW.from.getTime(), to: WINDOW.to.getTime() });
    expect(rendered.points).toBe(5 * 720);
    expect(rendered.outliers).toEqual(expected.outliers);
    expect(rendered.body).toBe(expected.body);
  });

  it('before/after of two collectors: the same changes and HTML as from every column', async () => {
    const pair = [reads[0]!, reads[1]!] as const;
    const rendered = await renderComparison(env.runtime, bindTenant(env.runtime.db.pool, tenant.slug), {
      kind: ComparisonKind.BEFORE_AFTER,
      reads: pair,
      format: 'html',
      generatedAt: GENERATED_AT,
    });
    const expected = await render({ kind: 'beforeAfter', sides: [await everyColumn(pair[0]), await everyColumn(pair[1])] });
    expect(rendered.changes.length).toBeGreaterThan(0);
    expect(rendered.changes).toEqual(expected.changes);
    expect(rendered.body).toBe(expected.body);
  });
});
