import { randomUUID } from 'node:crypto';
import type { MetricValues } from '@perfanalysis/contract';
import { CompareReportDocument, type CompareReportInput, type CompareReportQuery, type GraphQLClient } from '@perfanalysis/sdk';
import { clientFor, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { copyPoints, realisticValues, registerMachine, schemaOf, seededRandom, type TestMachine } from '../metrics/metricData.js';
import { pdfText } from './pdfText.js';

const HOUR = 3_600_000;
/** Two hours at 10 s, from an hour boundary two days ago. */
const T0 = Math.floor((Date.now() - 48 * HOUR) / HOUR) * HOUR;
const STEP = 10_000;
const COUNT = 720;
const iso = (ms: number) => new Date(ms).toISOString();
const firstHour = { from: iso(T0), to: iso(T0 + HOUR) };
const secondHour = { from: iso(T0 + HOUR), to: iso(T0 + 2 * HOUR) };

/** Moves `extra` points of CPU from idle to user. */
function busier(values: MetricValues, extra: number): MetricValues {
  const moved = Math.min(extra, values.cpu_idle ?? 0);
  return { ...values, cpu_user: (values.cpu_user ?? 0) + moved, cpu_idle: (values.cpu_idle ?? 0) - moved };
}

describe('reports subgraph: Query.compareReport (docs/report-comparisons.md)', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let other: TestTenant;
  let oldVm: TestMachine;
  let newVm: TestMachine;
  let fleet: TestMachine[];
  let otherVm: TestMachine;

  /** A machine with two hours of points; `busy(i)` adds that much CPU at sample i. */
  async function machine(owner: TestTenant, name: string, seed: number, busy: (i: number) => number): Promise<TestMachine> {
    const m = await registerMachine(owner, name);
    const random = seededRandom(seed);
    await copyPoints(env.runtime.db.pool, schemaOf(owner), m.id, {
      fromMs: T0,
      count: COUNT,
      stepMs: STEP,
      values: (i) => busier(realisticValues(i, random), busy(i)),
    });
    return m;
  }

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    other = await newTenant(env);
    // old-vm: its second hour 40 points busier. new-vm: old-vm's first hour, sample for sample.
    oldVm = await machine(tenant, 'old-vm', 5, (i) => (i >= COUNT / 2 ? 40 : 0));
    newVm = await machine(tenant, 'new-vm', 5, () => 0);
    fleet = [];
    for (let i = 0; i < 6; i++) fleet.push(await machine(tenant, `fleet-${i}`, 20 + i, () => (i === 5 ? 60 : 0)));
    otherVm = await machine(other, 'other-vm', 9, () => 0);
  }, 240_000);
  afterAll(() => env?.stop());

  const compare = (input: CompareReportInput, client: GraphQLClient = tenant.client): Promise<CompareReportQuery['compareReport']> =>
    client.request(CompareReportDocument, { input }).then((r) => r.compareReport);
  const download = async (url: string) => {
    const response = await fetch(new URL(url, env.gatewayUrl));
    expect(response.status).toBe(200);
    return response;
  };
  const beforeAfter = (format: CompareReportInput['format']): CompareReportInput => ({
    kind: 'BEFORE_AFTER',
    collectorIds: [oldVm.id],
    windows: [firstHour, secondHour],
    format,
  });
  const fleetInput = (format: CompareReportInput['format']): CompareReportInput => ({
    kind: 'FLEET',
    collectorIds: fleet.map((m) => m.id),
    windows: [{ from: iso(T0), to: iso(T0 + 2 * HOUR) }],
    format,
  });

  it('before/after of one collector’s two windows: CPU busy higher, verdicts in the answer and the HTML', async () => {
    const answer = await compare(beforeAfter('HTML'));
    expect(answer).toMatchObject({ kind: 'BEFORE_AFTER', format: 'HTML', points: COUNT, collectors: [{ id: oldVm.id }] });
    const cpu = answer.changes.filter((c) => c.metric === 'cpu_busy');
    expect(cpu.map((c) => [c.statistic, c.verdict])).toEqual([
      ['mean', 'HIGHER'],
      ['p95', 'HIGHER'],
    ]);
    expect(cpu[0]!.low!).toBeGreaterThan(0);
    expect(cpu[0]!.low!).toBeLessThanOrEqual(cpu[0]!.change!);
    const response = await download(answer.downloadUrl);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/filename="comparison_before-after_old-vm_.*\.html"$/);
    const html = await response.text();
    expect(html).toContain('data-table="mean"');
    expect(html).toContain('old-vm before');
    expect(html).toContain('data-chart="distributions"');
  });

  it('before/after of two collectors over one window: the same samples give no verdict', async () => {
    const answer = await compare({ kind: 'BEFORE_AFTER', collectorIds: [oldVm.id, newVm.id], windows: [firstHour] });
    expect(answer.collectors.map((c) => c.id)).toEqual([oldVm.id, newVm.id]);
    expect(answer.changes.length).toBeGreaterThan(0);
    for (const change of answer.changes) expect(change.verdict).toBe('NO_CLEAR_CHANGE');
  });

  it('before/after as SVG (distributions) and as PDF whose text holds the figures', async () => {
    const svg = await (await download((await compare(beforeAfter('SVG'))).downloadUrl)).text();
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svg).toContain('data-metric="cpu_busy"');
    const answer = await compare(beforeAfter('PDF'));
    const response = await download(answer.downloadUrl);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain('Before/after');
    expect(text).toMatch(/CPU busy.*higher/);
    expect(text).toContain(`${(COUNT / 2).toLocaleString('en-US')} samples`);
  }, 120_000);

  it('fleet: the busy collector ranked first and named as the CPU outlier, in HTML, SVG and PDF', async () => {
    const answer = await compare(fleetInput('HTML'));
    expect(answer).toMatchObject({ kind: 'FLEET', points: 6 * COUNT, changes: [] });
    expect(answer.outliers).toContainEqual(expect.objectContaining({ collector: { id: fleet[5]!.id }, metric: 'cpu_busy', side: 'high' }));
    const html = await (await download(answer.downloadUrl)).text();
    expect(html).toContain('fleet-5: CPU busy p95');
    expect(html).toMatch(/data-table="rank-cpu_busy">.*?<tbody>\n<tr><td>1<\/td><td class="text">fleet-5<\/td>/s);
    const svg = await (await download((await compare(fleetInput('SVG'))).downloadUrl)).text();
    expect(svg).toContain('data-chart="fleetHeatmap"');
    const pdf = Buffer.from(await (await download((await compare(fleetInput('PDF'))).downloadUrl)).arrayBuffer());
    const text = pdfText(pdf);
    expect(text).toContain('Fleet comparison');
    expect(text).toContain('fleet-5: CPU busy p95');
    expect(text).toContain('Percentiles and ranking');
  }, 120_000);

  it('refuses bad input with BAD_USER_INPUT: >100 collectors, no or reversed windows, a fleet over 7 days, wrong shapes', async () => {
    const bad = { code: 'BAD_USER_INPUT' };
    const ids101 = Array.from({ length: 101 }, () => randomUUID());
    await expect(compare({ ...fleetInput('HTML'), collectorIds: ids101 })).rejects.toMatchObject(bad);
    await expect(compare({ ...fleetInput('HTML'), windows: [] })).rejects.toMatchObject(bad);
    await expect(compare({ ...fleetInput('HTML'), windows: [{ from: secondHour.to, to: firstHour.from }] })).rejects.toMatchObject(bad);
    await expect(compare({ ...fleetInput('HTML'), windows: [firstHour, secondHour] })).rejects.toMatchObject(bad);
    await expect(compare({ ...fleetInput('HTML'), windows: [{ from: iso(T0 - 8 * 24 * HOUR), to: iso(T0) }] })).rejects.toMatchObject(bad);
    await expect(compare({ ...fleetInput('HTML'), collectorIds: [oldVm.id, oldVm.id] })).rejects.toMatchObject(bad);
    await expect(compare({ ...beforeAfter('HTML'), windows: [firstHour] })).rejects.toMatchObject(bad);
    await expect(compare({ ...beforeAfter('HTML'), collectorIds: [oldVm.id, newVm.id, fleet[0]!.id] })).rejects.toMatchObject(bad);
    await expect(
      compare({ ...beforeAfter('HTML'), windows: [firstHour, { from: secondHour.from, to: secondHour.from }] }),
    ).rejects.toMatchObject(bad);
  });

  it('needs ANALYST: anonymous is UNAUTHENTICATED', async () => {
    await expect(compare(beforeAfter('HTML'), clientFor(env))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('tenant isolation: another tenant can neither compare these collectors nor download their comparison', async () => {
    const notFound = { code: 'NOT_FOUND' };
    await expect(compare(beforeAfter('PDF'), other.client)).rejects.toMatchObject(notFound);
    await expect(compare(fleetInput('HTML'), other.client)).rejects.toMatchObject(notFound);
    // Mixed with one of its own: still NOT_FOUND, and nothing is rendered.
    await expect(
      compare({ kind: 'BEFORE_AFTER', collectorIds: [otherVm.id, oldVm.id], windows: [firstHour] }, other.client),
    ).rejects.toMatchObject(notFound);
    await expect(
      compare({ ...fleetInput('HTML'), collectorIds: [otherVm.id, ...fleet.map((m) => m.id)] }, other.client),
    ).rejects.toMatchObject(notFound);
    // The first tenant's own link is the only way to the document: a guessed one is a 404,
    // and the other tenant's own comparison holds none of the first tenant's machines.
    const guessed = await fetch(new URL(`/downloads/reports/${'B'.repeat(43)}`, env.gatewayUrl));
    expect(guessed.status).toBe(404);
    const mine = await compare({ ...fleetInput('HTML'), collectorIds: [otherVm.id] }, other.client);
    const html = await (await download(mine.downloadUrl)).text();
    expect(html).toContain('other-vm');
    for (const m of [oldVm, ...fleet]) expect(html).not.toContain(m.machineId);
    // And the first tenant cannot compare the other's collector either.
    await expect(compare({ ...fleetInput('HTML'), collectorIds: [otherVm.id] })).rejects.toMatchObject(notFound);
  });
});
