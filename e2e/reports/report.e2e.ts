import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bindTenant } from '@perfanalysis/platform';
import { ReportDocument, type ReportQuery, type ReportQueryVariables } from '@perfanalysis/sdk';
import { clientFor, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import type { GraphQLClient } from '@perfanalysis/sdk';
import { storeReportDocument } from '../../subgraphs/reports/src/download/reportDownloadStore.js';
import type { TestMachine } from '../metrics/metricData.js';
import { startReportFixture } from './reportFixture.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A day at one second, from an hour boundary two days ago. */
const T0 = Math.floor((Date.now() - 2 * DAY) / HOUR) * HOUR;
const SECONDS = 86_400;
const iso = (ms: number) => new Date(ms).toISOString();

const SECTION_TITLES = ['Executive summary', 'CPU', 'Memory', 'Disk', 'Network', 'Percentiles', 'Capacity', 'Recommendations', 'Alerts'];

/**
 * Per-device rows for the whole day straight in SQL (4 cores, 2 disks, 2 interfaces), as the
 * ingest stores them: one jsonb of the aggregate column names per device and second.
 */
async function insertDevicePoints(env: TestEnvironment, tenant: TestTenant, collectorId: string): Promise<void> {
  const db = bindTenant(env.runtime.db.pool, tenant.slug);
  const devices: [string, string, string][] = [
    ...[0, 1, 2, 3].map((c): [string, string, string] => [
      'cpu',
      `cpu${c}`,
      `jsonb_build_object('cpu_user', 20 + ${c * 10} + 10 * random(), 'cpu_system', 5 * random(), 'cpu_idle', 50 - ${c * 10}, 'cpu_iowait', random(), 'cpu_steal', 0)`,
    ]),
    ...['sda', 'sdb'].map((d): [string, string, string] => [
      'disk',
      d,
      `jsonb_build_object('disk_read_mb', random(), 'disk_write_mb', 2 * random(), 'disk_read_ops', 40 * random(), 'disk_write_ops', 80 * random(), 'disk_io_util', 5 * random())`,
    ]),
    ...['eth0', 'eth1'].map((d): [string, string, string] => [
      'net',
      d,
      `jsonb_build_object('net_rx_mb', 3 * random(), 'net_tx_mb', random(), 'net_rx_packets', 2000 * random(), 'net_tx_packets', 1500 * random(), 'net_rx_errors', 0, 'net_tx_errors', 0)`,
    ]),
  ];
  for (const [kind, device, metrics] of devices) {
    await db.query(
      `INSERT INTO ${db.table('metric_device_points')} (collector_id, ts, kind, device, metrics)
       SELECT $1, ts, $2, $3, ${metrics} FROM generate_series($4::timestamptz, $5::timestamptz, interval '1 second') AS ts`,
      [collectorId, kind, device, iso(T0), iso(T0 + (SECONDS - 1) * 1000)],
    );
  }
  await db.query(`ANALYZE ${db.table('metric_device_points')}`);
}

describe('reports subgraph: Query.report and the download link', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let other: TestTenant;
  let machine: TestMachine;
  let analyst: GraphQLClient;
  let viewer: GraphQLClient;

  beforeAll(async () => {
    // Rendering a day competes for a shared, loaded machine: a generous deadline, not a bound.
    ({ env, tenant, other, machine, analyst, viewer } = await startReportFixture({
      machineId: 'db-01',
      seed: 7,
      fromMs: T0,
      seconds: SECONDS,
      timeoutMs: 300_000,
    }));
    await insertDevicePoints(env, tenant, machine.id);
  }, 240_000);
  afterAll(() => env?.stop());

  const lastDay: Pick<ReportQueryVariables, 'from' | 'to'> = { from: iso(T0), to: iso(T0 + DAY) };
  const report = (variables: Partial<ReportQueryVariables>, client = analyst): Promise<ReportQuery['report']> =>
    client.request(ReportDocument, { collectorId: machine.id, ...lastDay, ...variables }).then((r) => r.report);
  const download = (downloadUrl: string) => fetch(new URL(downloadUrl, env.gatewayUrl));

  it('renders a day at one second as HTML and serves it through the gateway as an attachment', async () => {
    const started = performance.now();
    const answer = await report({});
    const renderMs = performance.now() - started;
    expect(answer).toMatchObject({
      collector: { id: machine.id },
      format: 'HTML',
      chart: null,
      points: SECONDS,
      sections: ['SUMMARY', 'CPU', 'MEMORY', 'DISK', 'NETWORK', 'PERCENTILES', 'RADAR', 'RECOMMENDATIONS', 'ALERTS'],
    });
    expect(answer.downloadUrl).toMatch(/^\/downloads\/reports\/[A-Za-z0-9_-]{43}$/);
    const ttl = Date.parse(answer.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    expect(answer.recommendations.every((r) => r.length > 0)).toBe(true);

    const started2 = performance.now();
    const response = await download(answer.downloadUrl);
    const html = await response.text();
    const downloadMs = performance.now() - started2;
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="report_db-01_\d{4}-\d{2}-\d{2}T\d{6}Z_\d{4}-\d{2}-\d{2}T\d{6}Z\.html"$/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.byteLength(html)).toBe(answer.bytes);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    for (const title of SECTION_TITLES) expect(html).toContain(`-heading">${title}</h2>`);
    for (const chart of ['cpu', 'cpuCores', 'memory', 'diskThroughput', 'diskOps', 'diskUtilisation', 'networkThroughput', 'radar']) {
      expect(html).toContain(`data-chart="${chart}"`);
    }
    expect(html).toContain('db-01.test (db-01)');
    expect(html).toContain('86,400 samples');
    // Units on the axes and in the figures: CPU in %, memory in MB, throughput in MB/s.
    expect(html).toMatch(/CPU[^<]*\(%\)/);
    expect(html).toContain('MB');
    expect(html).toContain('MB/s');
    for (const device of ['cpu3', 'sdb', 'eth1']) expect(html).toContain(device);
    console.info(
      `report of 24 h at 1 s (86,400 points, 4 cores, 2 disks, 2 interfaces): query ${Math.round(renderMs)} ms, ` +
        `${answer.bytes} bytes, download ${Math.round(downloadMs)} ms`,
    );
  }, 300_000);

  it('renders the report as a PDF with vector charts and selectable text, served as an attachment', async () => {
    const answer = await report({ format: 'PDF', from: iso(T0), to: iso(T0 + HOUR) });
    expect(answer).toMatchObject({ format: 'PDF', chart: null, points: 3_600 });
    const response = await download(answer.downloadUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/filename="report_db-01_.*\.pdf"$/);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.length).toBe(answer.bytes);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-e2e-'));
    try {
      const file = path.join(dir, 'report.pdf');
      fs.writeFileSync(file, pdf);
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      expect(pages).toBeGreaterThanOrEqual(9);
      expect(pages).toBeLessThanOrEqual(18);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      for (const title of SECTION_TITLES) expect(text).toContain(title);
      expect(text).toContain('db-01.test (db-01)');
      expect(text).toContain('3,600 samples');
      expect(text).toContain('CPU utilisation by mode');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('renders no PDF of another tenant’s collector', async () => {
    await expect(report({ format: 'PDF' }, other.client)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('sends the download brotli- or gzip-compressed when Accept-Encoding asks, decoding to the same document', async () => {
    const answer = await report({ sections: ['SUMMARY', 'CPU'] });
    const raw = (coding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        httpGet(new URL(answer.downloadUrl, env.gatewayUrl), { headers: { 'accept-encoding': coding } }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (part: Buffer) => parts.push(part));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
          res.on('error', reject);
        }).on('error', reject);
      });
    const plain = await raw('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBe(answer.bytes);
    for (const [coding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const compressed = await raw(coding);
      expect(compressed.headers['content-encoding']).toBe(coding);
      expect(compressed.headers.vary).toBe('Accept-Encoding');
      expect(compressed.body.length).toBeLessThan(plain.body.length);
      expect(decode(compressed.body).equals(plain.body)).toBe(true);
    }
  });

  it('renders only the sections asked, in report order', async () => {
    const answer = await report({ sections: ['MEMORY', 'CPU'], from: iso(T0), to: iso(T0 + HOUR) });
    expect(answer).toMatchObject({ sections: ['CPU', 'MEMORY'], points: 3_600 });
    const html = await (await download(answer.downloadUrl)).text();
    expect(html).toContain('-heading">CPU</h2>');
    expect(html).toContain('-heading">Memory</h2>');
    expect(html).not.toContain('-heading">Network</h2>');
  }, 300_000);

  it('renders one chart as a standalone SVG', async () => {
    const answer = await report({ format: 'SVG', chart: 'cpu', from: iso(T0), to: iso(T0 + 6 * HOUR) });
    expect(answer).toMatchObject({ format: 'SVG', chart: 'cpu', points: 6 * 3_600 });
    const response = await download(answer.downloadUrl);
    expect(response.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/filename="report_db-01_.*_cpu\.svg"$/);
    const svg = await response.text();
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  }, 300_000);

  it('refuses an SVG without a known chart and ranges that are empty, reversed or too long', async () => {
    await expect(report({ format: 'SVG' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(report({ format: 'SVG', chart: 'pie' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(report({ from: iso(T0 + HOUR), to: iso(T0) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(report({ from: iso(T0 - 32 * DAY), to: iso(T0) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('needs ANALYST: a VIEWER is FORBIDDEN, anonymous UNAUTHENTICATED; the ADMIN may', async () => {
    await expect(report({}, viewer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(report({}, clientFor(env))).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(report({ from: iso(T0), to: iso(T0 + 60_000) }, tenant.client)).resolves.toMatchObject({ points: 60 });
  });

  it('knows only collectors of the caller’s tenant: unknown and foreign ids are NOT_FOUND alike', async () => {
    await expect(report({ collectorId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(report({ collectorId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(report({}, other.client)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 404 in the platform’s error shape for an unknown, malformed or expired token', async () => {
    const notFound = { errors: [{ message: expect.any(String), extensions: { code: 'NOT_FOUND' } }] };
    for (const path of [`/downloads/reports/${'A'.repeat(43)}`, '/downloads/reports/short']) {
      const response = await download(path);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual(notFound);
    }
    const expired = await storeReportDocument(env.runtime.kv, { body: '<p>gone</p>', contentType: 'text/html', fileName: 'x.html' }, 50);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const response = await download(expired.downloadUrl);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(notFound);
  });
});
