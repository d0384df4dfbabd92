import { UploadMetricsDocument, RegisterCollectorDocument, uploadRequest } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, setRetentionDays, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import fc from 'fast-check';
import { METRIC_COLUMNS, type MetricValues, metricsCsvHeader, parseMetricsCsv, toCsvLine } from '@perfanalysis/contract';
import { realisticValues, seededRandom } from '../metrics/metricData.js';
import { dialectFixtures, fileOf, fixtureFile, machinesOf, recentCsv } from './uploadFiles.js';

const MAX_BYTES = 200_000;

describe('CSV upload through the gateway (GraphQL multipart, streamed)', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  const upload = (file: ReturnType<typeof fileOf>, machineId?: string, token = tenant.session.accessToken) =>
    uploadRequest({ url: env.gatewayUrl, token }, UploadMetricsDocument, { machineId }, file).then((r) => r.uploadMetrics);

  async function storedRows(): Promise<number> {
    const { rows } = await env.runtime.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "tenant_${tenant.slug}".metric_points`);
    return rows[0]!.n;
  }

  // The dialect fixtures are dated 2024: an upload may hold what its tenant keeps, so the tenant keeps ten years.
  const keepTenYears = (t: TestTenant) => setRetentionDays(env, t, 3650);

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { UPLOAD_MAX_BYTES: String(MAX_BYTES) } });
    tenant = await newTenant(env);
    await keepTenYears(tenant);
    for (const machineId of ['recent-01', 'web-01'])
      await tenant.client.request(RegisterCollectorDocument, { input: { machineId, hostname: machineId } });
  });
  afterAll(() => env?.stop());

  it.each(dialectFixtures())('loads the %s dialect, then skips every row as a duplicate on a second upload', async (name) => {
    // Fixtures share machines and instants: each loads into a tenant of its own.
    const own = await newTenant(env);
    await keepTenYears(own);
    for (const machineId of await machinesOf(name, 'from-argument'))
      await own.client.request(RegisterCollectorDocument, { input: { machineId, hostname: machineId } });
    const upload = (file: ReturnType<typeof fileOf>, machineId?: string) =>
      uploadRequest({ url: env.gatewayUrl, token: own.session.accessToken }, UploadMetricsDocument, { machineId }, file).then(
        (r) => r.uploadMetrics,
      );
    const first = await upload(fixtureFile(name), 'from-argument');
    expect(first.rowsProcessed).toBeGreaterThan(0);
    expect(first.duplicatesSkipped).toBe(0);
    expect(new Date(first.from!).getTime()).toBeLessThanOrEqual(new Date(first.to!).getTime());
    const again = await upload(fixtureFile(name), 'from-argument');
    expect(again).toMatchObject({ rowsProcessed: first.rowsProcessed, duplicatesSkipped: first.rowsProcessed });
  });

  it('stores only the new points of a file overlapping stored ones, and of a file repeating a point, each counted once in the rollups', async () => {
    // An overlap (and a repeat) fails the plain insert of staged rows; the general statement then skips and counts them.
    await tenant.client.request(RegisterCollectorDocument, { input: { machineId: 'overlap-01', hostname: 'overlap-01' } });
    const startMs = Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000;
    expect(await upload(fileOf('a.csv', recentCsv('overlap-01', 90, startMs)))).toMatchObject({ rowsProcessed: 90, duplicatesSkipped: 0 });
    expect(await upload(fileOf('b.csv', recentCsv('overlap-01', 150, startMs)))).toMatchObject({
      rowsProcessed: 150,
      duplicatesSkipped: 90,
    });
    const later = startMs + 150_000;
    const repeated = recentCsv('overlap-01', 3, later) + recentCsv('overlap-01', 1, later).split('\n')[1] + '\n';
    expect(await upload(fileOf('c.csv', repeated))).toMatchObject({ rowsProcessed: 4, duplicatesSkipped: 1 });
    const schema = `"tenant_${tenant.slug}"`;
    const { rows } = await env.runtime.db.pool.query<{ points: number; minutes: number; hours: number }>(
      `SELECT (SELECT count(*)::int FROM ${schema}.metric_points WHERE collector_id = c.id) AS points,
              (SELECT sum(n)::int FROM ${schema}.metric_rollup_1m WHERE collector_id = c.id) AS minutes,
              (SELECT sum(n)::int FROM ${schema}.metric_rollup_1h WHERE collector_id = c.id) AS hours
         FROM ${schema}.collectors c WHERE c.machine_id = 'overlap-01'`,
    );
    expect(rows[0]).toEqual({ points: 153, minutes: 153, hours: 153 });
  });

  it('reports unknown columns without failing', async () => {
    const result = await upload(fixtureFile('spreadsheet-crlf-bom.csv'));
    expect(result.ignoredColumns).toContain('notes');
  });

  it('refuses a file without required columns, naming found and missing ones', async () => {
    const error = await upload(fileOf('bad.csv', 'timestamp,cpu_user\n2026-11-21T00:00:00Z,1\n'), 'recent-01').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_CSV_FORMAT' });
    const extensions = (error as { errors: { extensions: { found: string[]; missing: string[] } }[] }).errors[0]!.extensions;
    expect(extensions.found).toEqual(['timestamp', 'cpu_user']);
    expect(extensions.missing).toEqual(['cpu_system', 'cpu_idle']);
  });

  it('is all-or-nothing: a bad value in row 150 leaves nothing of rows 1–149', async () => {
    const before = await storedRows();
    const lines = recentCsv('recent-01', 200).split('\n');
    lines[150] = lines[150]!.replace(/,(\d+),2,/, ',abc,2,');
    const error = await upload(fileOf('half-bad.csv', lines.join('\n'))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_VALUE' });
    expect((error as { errors: { extensions: object }[] }).errors[0]!.extensions).toMatchObject({
      row: 150,
      column: 'cpu_user',
      value: 'abc',
    });
    expect(await storedRows()).toBe(before);
  });

  it('refuses a value too large for a real with its row and column, and stores nothing', async () => {
    const before = await storedRows();
    const lines = recentCsv('recent-01', 200).split('\n');
    lines[120] = lines[120]!.replace(/,\d+$/, ',1e39');
    const error = await upload(fileOf('huge.csv', lines.join('\n'))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_VALUE' });
    expect((error as { errors: { extensions: object }[] }).errors[0]!.extensions).toMatchObject({ row: 120, column: 'mem_used_mb' });
    expect(await storedRows()).toBe(before);
  });

  it('round-trips every column through upload and export, and folds hour rollups equal to the points', async () => {
    const machineId = 'trip-01';
    await tenant.client.request(RegisterCollectorDocument, { input: { machineId, hostname: machineId } });
    const random = seededRandom(11);
    const startMs = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3 * 3_600_000 + 1_234;
    // A point every 30 s keeps the file under this environment's upload limit.
    const points = Array.from({ length: 3 * 120 }, (_, i) => ({
      timestamp: startMs + i * 30_000,
      values: realisticValues(i * 30, random),
    }));
    const csv = `${metricsCsvHeader()}\n${points.map((p) => toCsvLine(machineId, p)).join('\n')}\n`;
    expect(await upload(fileOf('trip.csv', csv))).toMatchObject({ rowsProcessed: points.length, duplicatesSkipped: 0 });

    const url = new URL('/api/v1/performance/export', env.gatewayUrl);
    const range = {
      machine_id: machineId,
      start_date: new Date(startMs).toISOString(),
      end_date: new Date(startMs + 4 * 3_600_000).toISOString(),
    };
    for (const [k, v] of Object.entries(range)) url.searchParams.set(k, v);
    const exported = await fetch(url, { headers: { authorization: `Bearer ${tenant.session.accessToken}` } });
    expect(exported.status).toBe(200);
    const rows = [];
    for await (const row of parseMetricsCsv([await exported.text()]).rows) rows.push(row);
    expect(rows).toHaveLength(points.length);
    // Stored as float4: each value comes back as the nearest real to what was sent.
    const asReal = (values: MetricValues) => Object.fromEntries(METRIC_COLUMNS.map((c) => [c, Math.fround(values[c]!)]));
    rows.forEach((row, i) => {
      expect(row.point.timestamp).toBe(points[i]!.timestamp);
      expect(asReal(row.point.values)).toEqual(asReal(points[i]!.values));
    });

    const schema = `"tenant_${tenant.slug}"`;
    const { rows: mismatched } = await env.runtime.db.pool.query(
      `SELECT h.bucket FROM ${schema}.metric_rollup_1h h
         JOIN (SELECT collector_id, date_trunc('hour', ts) AS bucket, count(*) AS n, min(cpu_user) AS lo, max(cpu_user) AS hi,
                      sum(cpu_user::float8) AS total, count(load_15min) AS loads
                 FROM ${schema}.metric_points GROUP BY 1, 2) p USING (collector_id, bucket)
         JOIN ${schema}.collectors c ON c.id = h.collector_id
        WHERE c.machine_id = $1
          AND (h.n <> p.n OR h.cpu_user_min <> p.lo OR h.cpu_user_max <> p.hi OR abs(h.cpu_user_sum - p.total) > 1e-6 * p.total
               OR h.load_15min_cnt <> p.loads)`,
      [machineId],
    );
    expect(mismatched).toEqual([]);
    const { rows: hours } = await env.runtime.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${schema}.metric_rollup_1h h JOIN ${schema}.collectors c ON c.id = h.collector_id WHERE c.machine_id = $1`,
      [machineId],
    );
    expect(hours[0]!.n).toBe(3);
  });

  it('refuses machines that are not collectors of this tenant with FORBIDDEN', async () => {
    const before = await storedRows();
    await expect(upload(fileOf('x.csv', recentCsv('not-registered', 5)))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await storedRows()).toBe(before);
  });

  it('refuses timestamps in the future', async () => {
    await expect(upload(fileOf('future.csv', recentCsv('recent-01', 3, Date.now() + 3_600_000)))).rejects.toMatchObject({
      code: 'INVALID_VALUE',
    });
  });

  it('answers PAYLOAD_TOO_LARGE past the size limit and stores nothing', async () => {
    const before = await storedRows();
    const big = recentCsv('recent-01', 6_000);
    expect(big.length).toBeGreaterThan(MAX_BYTES);
    await expect(upload(fileOf('big.csv', big))).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // Without a Content-Length the stream itself is cut off at the limit.
    const unsized = { ...fileOf('big.csv', big), size: undefined };
    await expect(upload(unsized)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await storedRows()).toBe(before);
  });

  it('requires the CSRF preflight header on multipart requests', async () => {
    const form = new FormData();
    form.set(
      'operations',
      JSON.stringify({ query: 'mutation($f: Upload!) { uploadMetrics(file: $f) { rowsProcessed } }', variables: { f: null } }),
    );
    form.set('map', JSON.stringify({ 0: ['variables.f'] }));
    form.set('0', new Blob([recentCsv('recent-01', 2)]), 'a.csv');
    const response = await fetch(env.gatewayUrl, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${tenant.session.accessToken}` },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/apollo-require-preflight/);
  });

  it('refuses anonymous uploads with UNAUTHENTICATED', async () => {
    await expect(
      uploadRequest({ url: env.gatewayUrl }, UploadMetricsDocument, {}, fileOf('a.csv', recentCsv('recent-01', 2))),
    ).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('answers any byte string with rows stored or a typed error, never a 5xx or a partial commit (property)', async () => {
    const header = 'timestamp,machine_id,cpu_user,cpu_system,cpu_idle\n';
    const typed = new Set(['INVALID_CSV_FORMAT', 'INVALID_VALUE', 'FORBIDDEN', 'PAYLOAD_TOO_LARGE', 'BAD_USER_INPUT']);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.string({ maxLength: 300 }).map((s) => new TextEncoder().encode(header + s)),
        ),
        async (bytes) => {
          const before = await storedRows();
          try {
            const result = await upload(fileOf('fuzz.csv', bytes), 'recent-01');
            expect(await storedRows()).toBe(before + result.rowsProcessed - result.duplicatesSkipped);
          } catch (error) {
            const e = error as { code?: string; status?: number };
            expect(typed.has(e.code ?? '')).toBe(true);
            expect(e.status ?? 200).toBeLessThan(500);
            expect(await storedRows()).toBe(before);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
