import { METRIC_COLUMNS } from '@perfanalysis/contract';
import { REPORT_SECTIONS, ReportDataBuilder } from '@perfanalysis/reports';
import type { RenderJob } from '../src/report/renderJob.js';
import { RenderPool } from '../src/report/renderPool.js';
import { turnsWhile } from './support/turnsWhile.js';

const T0 = Date.UTC(2026, 10, 1);
const DAY_POINTS = 86_400;

/** `points` seconds with every column; a day at one second takes the CPU a good while to render. */
function job(points: number): { job: RenderJob; transfer: ArrayBuffer[] } {
  const builder = new ReportDataBuilder({}, points);
  const row = new Float64Array(METRIC_COLUMNS.length);
  for (let i = 0; i < points; i++) {
    for (let c = 0; c < row.length; c++) row[c] = 50 + 40 * Math.sin(i / 600 + c);
    builder.addRow(T0 + i * 1000, row);
  }
  const { state, transfer } = builder.toState();
  const meta = { machineId: 'render-01', from: T0, to: T0 + points * 1000, sections: [...REPORT_SECTIONS], generatedAt: new Date(T0) };
  return { job: { type: 'report', state, meta, format: 'html', chart: null }, transfer };
}

describe('RenderPool (reports rendered in worker threads)', () => {
  let pool: RenderPool;
  beforeEach(() => (pool = new RenderPool(1, 1)));
  afterEach(() => pool.close());

  it('keeps the event loop turning while a day at one second renders, and returns the document', async () => {
    const day = job(DAY_POINTS);
    const rendering = pool.render(day.job, day.transfer);
    // Rendered on this thread, the render would run from start to end without one turn of the loop.
    expect(await turnsWhile(rendering)).toBeGreaterThan(0);
    const output = await rendering;
    expect(typeof output.body).toBe('string');
    expect(output.body as string).toContain('render-01');
    expect(output.body as string).toContain('<svg');
  }, 120_000);

  it('refuses a job RATE_LIMITED when its worker is busy and the queue is full', async () => {
    const first = pool.render(job(600).job, []);
    const queued = pool.render(job(600).job, []);
    await expect(pool.render(job(600).job, [])).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED' } });
    await expect(first).resolves.toHaveProperty('body');
    await expect(queued).resolves.toHaveProperty('body');
  }, 60_000);

  it('fails a job whose render throws, and keeps serving the next', async () => {
    const broken = { ...job(600).job, chart: 'no-such-chart' } as unknown as RenderJob;
    await expect(pool.render(broken, [])).rejects.toThrow(/Rendering failed/);
    await expect(pool.render(job(600).job, [])).resolves.toHaveProperty('body');
  }, 60_000);
});
