import { METRIC_COLUMNS } from '@perfanalysis/contract';
import {
  compareBeforeAfter,
  compareFleet,
  type FleetMember,
  renderComparisonHtml,
  renderComparisonPdf,
  ReportDataBuilder,
  summarizeFleetMember,
} from '@perfanalysis/reports';
import type { SideSeries } from '../src/compare/comparisonJob.js';
import { RenderPool } from '../src/report/renderPool.js';
import { turnsWhile } from './support/turnsWhile.js';

const T0 = Date.UTC(2026, 10, 2);
const HOUR_POINTS = 3_600;

/** An hour at one second of machine `name`: each column a wave shifted by the seed, plus its load. */
function series(name: string, seed: number, load = 0): { series: SideSeries; transfer: ArrayBuffer[] } {
  const builder = new ReportDataBuilder({}, HOUR_POINTS);
  const row = new Float64Array(METRIC_COLUMNS.length);
  for (let i = 0; i < HOUR_POINTS; i++) {
    for (let c = 0; c < row.length; c++) row[c] = 40 + load + 30 * Math.sin(i / (300 + seed * 17) + c + seed);
    builder.addRow(T0 + i * 1000, row);
  }
  const { state, transfer } = builder.toState();
  const meta = { machineId: name, hostname: `${name}.test`, from: new Date(T0), to: new Date(T0 + HOUR_POINTS * 1000) };
  return { series: { label: name, state, meta }, transfer };
}

/** The same series finished on this thread, as the reports service did before comparisons moved to the pool. */
const finishedHere = (name: string, seed: number, load = 0) => {
  const { series: s } = series(name, seed, load);
  return ReportDataBuilder.fromState(s.state).finish(s.meta);
};

const FLEET = Array.from({ length: 12 }, (_, i) => ({ name: `vm-${String(i).padStart(2, '0')}`, seed: i, load: i === 7 ? 45 : 0 }));
const WINDOW = { from: T0, to: T0 + HOUR_POINTS * 1000 };
const GENERATED_AT = Date.UTC(2026, 10, 3, 6);

describe('comparisons in the render pool (docs/report-comparisons.md)', () => {
  let pool: RenderPool;
  // Room to queue every member at once (the service queues one member at a time per fleet).
  beforeAll(() => (pool = new RenderPool(2, FLEET.length)));
  afterAll(() => pool.close());

  const membersInPool = (): Promise<FleetMember[]> =>
    Promise.all(
      FLEET.map(({ name, seed, load }) => {
        const { series: s, transfer } = series(name, seed, load);
        return pool.render({ type: 'fleetMember', name, series: s }, transfer);
      }),
    );

  it('summarises each fleet member in a worker exactly as on this thread', async () => {
    const here = FLEET.map(({ name, seed, load }) => summarizeFleetMember(name, finishedHere(name, seed, load)));
    expect(await membersInPool()).toEqual(here);
  }, 120_000);

  it('renders a fleet PDF in a worker, the event loop turning meanwhile, with the same bytes and outliers', async () => {
    const members = await membersInPool();
    const rendering = pool.render(
      { type: 'comparison', format: 'pdf', generatedAt: GENERATED_AT, input: { kind: 'fleet', members, ...WINDOW } },
      [],
    );
    // On this thread the PDF would be drawn from start to end without one turn of the loop.
    expect(await turnsWhile(rendering)).toBeGreaterThan(0);
    const output = await rendering;
    const comparison = compareFleet(members, WINDOW);
    expect(Buffer.from(output.body as Uint8Array).equals(await renderComparisonPdf(comparison, GENERATED_AT))).toBe(true);
    expect(output.outliers).toEqual(comparison.outliers.flatMap((m) => m.outliers.map((o) => ({ metric: m.key, ...o }))));
    expect(output.outliers.map((o) => o.name)).toContain('vm-07');
  }, 120_000);

  it('compares before and after in a worker: the same HTML and the same changes as on this thread', async () => {
    const before = series('web-01', 1);
    const after = series('web-01', 1, 20);
    const output = await pool.render(
      {
        type: 'comparison',
        format: 'html',
        generatedAt: GENERATED_AT,
        input: {
          kind: 'beforeAfter',
          sides: [
            { ...before.series, label: 'before' },
            { ...after.series, label: 'after' },
          ],
        },
      },
      [...before.transfer, ...after.transfer],
    );
    const comparison = compareBeforeAfter(
      { label: 'before', data: finishedHere('web-01', 1) },
      { label: 'after', data: finishedHere('web-01', 1, 20) },
    );
    expect(output.body).toBe(renderComparisonHtml(comparison, GENERATED_AT));
    const here = comparison.metrics.flatMap((m) =>
      (['mean', 'p95'] as const).map((statistic) => ({
        metric: m.key,
        statistic,
        verdict: m[statistic].verdict,
        change: m[statistic].change,
      })),
    );
    expect(output.changes.map(({ metric, statistic, verdict, change }) => ({ metric, statistic, verdict, change }))).toEqual(here);
    expect(here.some((c) => c.verdict !== 'no clear change')).toBe(true);
    expect(output.changes).toHaveLength(comparison.metrics.length * 2);
  }, 120_000);
});
