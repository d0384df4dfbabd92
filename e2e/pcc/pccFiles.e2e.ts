import { RegisterCollectorDocument, ReportDocument, SeriesDocument, UploadMetricsDocument, uploadRequest } from '@perfanalysis/sdk';
import { importApiKey, poolStatement } from '@perfanalysis/subgraph-collectors';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { fork } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileOf } from '../ingest/uploadFiles.js';
import { collection, INTERVAL_S, RX_PER_INTERVAL, sample } from './pccCollection.js';

const AGENT = path.resolve(__dirname, '../../agent/dist/cli.js');

/** Runs the built `perfagent` with arguments and variables; its JSON log lines from stderr. */
function perfagent(args: string[], env: Record<string, string>): Promise<{ code: number | null; logs: Record<string, unknown>[] }> {
  const child = fork(AGENT, args, { env: { ...process.env, ...env }, stdio: 'pipe' });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) =>
    child.once('exit', (code) =>
      resolve({
        code,
        logs: stderr
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      }),
    ),
  );
}

const bytesOf = (text: string) => fileOf('collection.json', text);

interface Machine {
  readonly tenant: TestTenant;
  readonly id: string;
  readonly machineId: string;
  readonly apiKey: string;
}

describe('pcc collection files through perfagent, uploadMetrics and the REST upload; both pcc paths in the dashboard and a report', () => {
  let env: TestEnvironment;
  let a: Machine;
  let b: Machine;
  const dir = mkdtempSync(path.join(tmpdir(), 'pa-pcc-files-'));
  const now = Math.floor(Date.now() / 1000);

  async function machine(tenant: TestTenant, machineId: string): Promise<Machine> {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, { input: { machineId, hostname: machineId } });
    return { tenant, id: registerCollector.collector.id, machineId, apiKey: registerCollector.apiKey };
  }

  const stored = async (m: Machine) =>
    (
      await env.runtime.db.pool.query<{ ts: Date; cpu_user: number }>(
        `SELECT ts, cpu_user FROM "tenant_${m.tenant.slug}".metric_points WHERE collector_id = $1 ORDER BY ts`,
        [m.id],
      )
    ).rows;

  /** The `uploads` rows of a machine, oldest first: what CSV files and collections record alike. */
  const uploads = async (m: Machine) =>
    (
      await env.runtime.db.pool.query<{
        file_name: string | null;
        rows_processed: number;
        duplicates_skipped: number;
        uploaded_by: string;
      }>(
        `SELECT file_name, rows_processed, duplicates_skipped, uploaded_by FROM "tenant_${m.tenant.slug}".uploads
          WHERE collector_id = $1 ORDER BY created_at`,
        [m.id],
      )
    ).rows;

  const file = (name: string, text: string) => {
    const where = path.join(dir, name);
    writeFileSync(where, text);
    return where;
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    a = await machine(await newTenant(env), 'pcc-files-a');
    b = await machine(await newTenant(env), 'pcc-files-b');
  });
  afterAll(() => env?.stop());

  it('perfagent import sends a folder of collections (and a CSV) with the agent key, one progress bar over all bytes', async () => {
    const files = [
      file('jan-1.json', collection(now - 50 * 86_400, 4)),
      file('jan-2.json', collection(now - 49 * 86_400, 4)),
      file('feb.csv', `timestamp,machine_id,cpu_user,cpu_system,cpu_idle\n${now - 48 * 86_400},${a.machineId},40,10,50\n`),
    ];
    const { code, logs } = await perfagent(['import', ...files], { PCC_SERVER: new URL(env.gatewayUrl).origin, PCC_APIKEY: a.apiKey });
    expect(code).toBe(0);
    expect(logs.filter((l) => l.msg === 'file stored').map((l) => l.rows)).toEqual([3, 3, 1]);
    // Not a terminal: the one bar is one line at the end, over the bytes of every file.
    const sent = logs.filter((l) => l.msg === 'upload sent');
    expect(sent).toEqual([expect.objectContaining({ bytes: files.reduce((sum, f) => sum + statSync(f).size, 0) })]);
    expect(await stored(a)).toHaveLength(7);
    // Collections and the CSV leave one `uploads` row each, by the key's collector.
    expect(await uploads(a)).toEqual(
      [3, 3, 1].map((rows) => ({
        file_name: expect.any(String),
        rows_processed: rows,
        duplicates_skipped: 0,
        uploaded_by: `collector:${a.id}`,
      })),
    );
  });

  it('perfagent upload goes on past a refused file and exits 1 naming it; nothing of that file is stored', async () => {
    const before = (await stored(a)).length;
    const lines = collection(now - 47 * 86_400, 4).split('\n');
    lines[5] = 'not json';
    const files = [file('bad.json', lines.join('\n')), file('good.json', collection(now - 46 * 86_400, 3))];
    const { code, logs } = await perfagent(['upload', ...files], { PCC_SERVER: new URL(env.gatewayUrl).origin, PCC_APIKEY: a.apiKey });
    expect(code).toBe(1);
    expect(logs.find((l) => l.msg === 'file refused')).toMatchObject({ file: files[0], error: expect.stringContaining('Line 6') });
    expect(await stored(a)).toHaveLength(before + 2);
  });

  it('uploadMetrics takes a collection: an ADMIN names the machine, a key uploads for its own', async () => {
    const before = (await stored(a)).length;
    const asAdmin = await uploadRequest(
      { url: env.gatewayUrl, token: a.tenant.session.accessToken },
      UploadMetricsDocument,
      { machineId: a.machineId },
      bytesOf(collection(now - 45 * 86_400, 4)),
    );
    expect(asAdmin.uploadMetrics).toMatchObject({ rowsProcessed: 3, machines: [a.machineId] });
    expect(asAdmin.uploadMetrics.ignoredColumns).toEqual(expect.arrayContaining(['statfs[*]', '/proc/cpuinfo']));
    const unnamed = uploadRequest(
      { url: env.gatewayUrl, token: a.tenant.session.accessToken },
      UploadMetricsDocument,
      {},
      bytesOf(collection(now - 44 * 86_400, 3)),
    );
    await expect(unnamed).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await stored(a)).toHaveLength(before + 3);
    expect((await uploads(a)).at(-1)).toEqual({
      file_name: 'collection.json',
      rows_processed: 3,
      duplicates_skipped: 0,
      uploaded_by: a.tenant.admin.userId,
    });
  });

  it('the REST upload takes a collection as its multipart file', async () => {
    const before = (await stored(a)).length;
    const form = new FormData();
    form.append('file', new Blob([collection(now - 43 * 86_400, 3)]), 'collection.json');
    const response = await fetch(new URL('/api/v1/performance/upload', env.gatewayUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${a.apiKey}` },
      body: form,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'success', records_processed: 2, rows_processed: 2 });
    expect(await stored(a)).toHaveLength(before + 2);
  });

  it("tenant B can upload a collection into A's machine by no route", async () => {
    const before = (await stored(a)).length;
    const text = collection(now - 42 * 86_400, 3);
    const asBAdmin = uploadRequest(
      { url: env.gatewayUrl, token: b.tenant.session.accessToken },
      UploadMetricsDocument,
      { machineId: a.machineId },
      bytesOf(text),
    );
    await expect(asBAdmin).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const asBKey = uploadRequest(
      { url: env.gatewayUrl, token: b.apiKey },
      UploadMetricsDocument,
      { machineId: a.machineId },
      bytesOf(text),
    );
    await expect(asBKey).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const form = new FormData();
    form.append('machine_id', a.machineId);
    form.append('file', new Blob([text]), 'collection.json');
    const rest = await fetch(new URL('/api/v1/performance/upload', env.gatewayUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${b.apiKey}` },
      body: form,
    });
    expect(rest.status).toBe(403);
    const imported = await perfagent(['import', file('b.json', text), '--machine-id', a.machineId], {
      PCC_SERVER: new URL(env.gatewayUrl).origin,
      PCC_APIKEY: b.apiKey,
    });
    expect(imported.code).toBe(1);
    expect(await stored(a)).toHaveLength(before);
    expect(await stored(b)).toHaveLength(0);
  });

  it('exports pcd byte counts (`units=bytes`), which upload back to the same rates', async () => {
    const start = now - 50 * 86_400;
    const query = `machine_id=${a.machineId}&start=${new Date(start * 1000).toISOString()}&end=${new Date((start + 60) * 1000).toISOString()}`;
    const exported = await fetch(new URL(`/api/v1/performance/export?${query}&units=bytes`, env.gatewayUrl), {
      headers: { authorization: `Bearer ${a.tenant.session.accessToken}` },
    });
    expect(exported.status).toBe(200);
    const [header, ...rows] = (await exported.text()).trimEnd().split('\n');
    const columns = header!.split(',');
    expect(columns).toEqual(expect.arrayContaining(['disk_read_bytes', 'disk_write_bytes', 'net_rx_bytes', 'net_tx_bytes']));
    expect(columns).not.toContain('net_rx_mb');
    expect(rows.map((r) => Number(r.split(',')[columns.indexOf('net_rx_bytes')]))).toEqual([
      RX_PER_INTERVAL,
      RX_PER_INTERVAL,
      RX_PER_INTERVAL,
    ]);
    const copy = await machine(a.tenant, 'pcc-files-copy');
    const csv = [header, ...rows.map((r) => r.replace(a.machineId, copy.machineId))].join('\n');
    await uploadRequest(
      { url: env.gatewayUrl, token: a.tenant.session.accessToken },
      UploadMetricsDocument,
      {},
      { ...bytesOf(csv), name: 'copy.csv' },
    );
    const rates = async (m: Machine) =>
      (
        await env.runtime.db.pool.query<{ net_rx_mb: number; disk_read_mb: number | null }>(
          `SELECT net_rx_mb, disk_read_mb FROM "tenant_${m.tenant.slug}".metric_points WHERE collector_id = $1 AND ts < $2 ORDER BY ts`,
          [m.id, new Date((start + 60) * 1000)],
        )
      ).rows;
    const original = await rates(a);
    const again = await rates(copy);
    expect(again).toHaveLength(3);
    again.forEach((row, i) => {
      expect(row.net_rx_mb).toBeCloseTo(original[i]!.net_rx_mb, 4);
      expect(row.disk_read_mb ?? 0).toBeCloseTo(original[i]!.disk_read_mb ?? 0, 4);
    });
  });

  it('a collection file and a trickling pcc client both land and show in the dashboard series and in a report', async () => {
    const fresh = await machine(a.tenant, 'pcc-files-live');
    await importApiKey(poolStatement(env.runtime.db.pool), a.tenant.id, fresh.id, 'pcd-key-live-host');
    const uploadStart = now - 3_600;
    const upload = await perfagent(['import', file('live.json', collection(uploadStart, 6))], {
      PCC_SERVER: new URL(env.gatewayUrl).origin,
      PCC_APIKEY: fresh.apiKey,
    });
    expect(upload.code).toBe(0);
    const trickleStart = now - 300;
    for (let i = 0; i < 4; i++) {
      const response = await fetch(new URL('/v1/trickle', env.gatewayUrl), {
        method: 'POST',
        headers: { apikey: 'pcd-key-live-host', 'content-type': 'application/json' },
        body: JSON.stringify({ identifier: fresh.machineId, measurements: sample(i, trickleStart + i * INTERVAL_S) }),
      });
      expect(response.status).toBe(200);
    }
    const range = { from: new Date((uploadStart - 60) * 1000).toISOString(), to: new Date((now + 60) * 1000).toISOString() };
    // The query the collector page draws its CPU chart from.
    const { series } = await a.tenant.client.request(SeriesDocument, { collectorId: fresh.id, group: 'CPU', buckets: 2_000, ...range });
    const user = series.metrics.find((m) => m.metric === 'cpu_user')!;
    const filled = series.timestamps.filter((_, i) => user.avg[i] !== null);
    expect(filled.map((t) => Date.parse(t) < trickleStart * 1000)).toEqual([true, true, true, true, true, false, false, false]);
    for (const value of user.avg.filter((v) => v !== null)) expect(value).toBeCloseTo(30, 3);
    const { report } = await a.tenant.client.request(ReportDocument, { collectorId: fresh.id, ...range });
    expect(report.points).toBe(8);
    const html = await (await fetch(new URL(report.downloadUrl, env.gatewayUrl))).text();
    expect(html).toContain(fresh.machineId);
  });
});
