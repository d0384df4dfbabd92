import { METRIC_COLUMNS, type MetricValues, metricsCsvHeader, parseMetricsCsv, toCsvLine } from '@perfanalysis/contract';
import {
  createTestEnvironment,
  joinTenant,
  newTenant,
  signUp,
  type TestEnvironment,
  type TestTenant,
  type TestUser,
} from '@perfanalysis/testenv';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { runInNewContext } from 'node:vm';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { setFlagsFromString } from 'node:v8';
import { seriesSql } from '../../subgraphs/metrics/src/read/readSeries.js';
import { summarySql } from '../../subgraphs/metrics/src/read/readSummary.js';
import { seriesSource } from '../../subgraphs/metrics/src/read/seriesSource.js';
import {
  copyPoints,
  exportUrl,
  gappyValues,
  realisticValues,
  registerMachine,
  schemaOf,
  tablesOf,
  seededRandom,
  signedAs,
  type TestMachine,
} from './metricData.js';

const DAY = 86_400_000;
/** Small data set: 1,000 points at 1 s from midnight two days ago. */
const SMALL_FROM = Math.floor(Date.now() / DAY) * DAY - 2 * DAY;
const SMALL_COUNT = 1_000;
/** Big data set: 200,000 points at 1 s starting a day before this month began (two partitions). */
const MONTH = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), 1);
const BIG_FROM = MONTH - DAY;
const BIG_COUNT = 200_000;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * CSV lines compared cell by cell: text for timestamp and machine id, numbers by value.
 * PostgreSQL and JavaScript both write the shortest round-trip decimal of a real, but switch
 * to exponent notation at different magnitudes (`6.779772e-05` vs `0.00006779772`).
 */
const cells = (line: string) => line.split(',').map((cell, i) => (i < 2 || cell === '' ? cell : Number(cell)));
const sameLines = (actual: string[], expected: string[]) => expect(actual.map(cells)).toEqual(expected.map(cells));

/** A heap figure without garbage: `gc()` exposed at run time. */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}
const flatten = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(flatten)];

describe('export (GET /api/v1/performance/export) and query plans', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let other: TestTenant;
  let analyst: TestUser;
  let viewer: TestUser;
  let small: TestMachine;
  let second: TestMachine;
  let big: TestMachine;
  let foreign: TestMachine;

  const asAnalyst = () => signedAs(env, tenant, { user: analyst, role: 'ANALYST' });
  const get = (query: Record<string, string>, headers: Record<string, string> = asAnalyst()) => fetch(exportUrl(env, query), { headers });
  const smallRange = { start_date: iso(SMALL_FROM), end_date: iso(SMALL_FROM + SMALL_COUNT * 1000) };

  beforeAll(async () => {
    env = await createTestEnvironment();
    [tenant, other] = [await newTenant(env), await newTenant(env)];
    [analyst, viewer] = [await signUp(env), await signUp(env)];
    await joinTenant(env, tenant, analyst, 'ANALYST');
    await joinTenant(env, tenant, viewer, 'VIEWER');
    small = await registerMachine(tenant, 'db-01');
    second = await registerMachine(tenant, 'db-02');
    big = await registerMachine(tenant, 'big-01');
    foreign = await registerMachine(other, 'b-secret');
    const pool = env.runtime.db.pool;
    const random = seededRandom(7);
    await copyPoints(pool, schemaOf(tenant), small.id, { fromMs: SMALL_FROM, count: SMALL_COUNT, values: (i) => gappyValues(i, random) });
    await copyPoints(pool, schemaOf(tenant), second.id, { fromMs: SMALL_FROM, count: 10, values: (i) => realisticValues(i, random) });
    await copyPoints(pool, schemaOf(other), foreign.id, { fromMs: SMALL_FROM, count: 10, values: (i) => realisticValues(i, random) });
    await copyPoints(pool, schemaOf(tenant), big.id, { fromMs: BIG_FROM, count: BIG_COUNT, values: (i) => realisticValues(i, random) });
    // Neighbours in the same table, as in a real fleet.
    for (const name of ['n-1', 'n-2', 'n-3']) {
      const n = await registerMachine(tenant, name);
      await copyPoints(pool, schemaOf(tenant), n.id, {
        fromMs: BIG_FROM,
        count: 40_000,
        stepMs: 5_000,
        values: (i) => realisticValues(i, random),
      });
    }
  }, 180_000);
  afterAll(() => env?.stop());

  /** The stored points of a collector, as `pg` reads them (reals → shortest decimals). */
  async function storedLines(collectorId: string, machineId: string): Promise<string[]> {
    const { rows } = await env.runtime.db.pool.query<Record<string, number | null> & { ts: Date }>(
      `SELECT ts, ${METRIC_COLUMNS.join(', ')} FROM "${schemaOf(tenant)}".metric_points WHERE collector_id = $1 ORDER BY ts`,
      [collectorId],
    );
    return rows.map((row) => {
      const values: Record<string, number> = {};
      for (const c of METRIC_COLUMNS) if (row[c] !== null) values[c] = row[c]!;
      return toCsvLine(machineId, { timestamp: row.ts.getTime(), values: values as MetricValues });
    });
  }

  it('streams CSV in the contract format: header, then the lines toCsvLine writes, and parses back', async () => {
    const response = await get({ ...smallRange, machine_id: 'db-01', format: 'csv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="perf_db-01_\d{4}-\d{2}-\d{2}T\d{6}Z_.*\.csv"$/);
    const text = await response.text();
    const lines = text.split('\n');
    expect(lines[0]).toBe(metricsCsvHeader());
    expect(lines.at(-1)).toBe('');
    sameLines(lines.slice(1, -1), await storedLines(small.id, 'db-01'));

    const parsed = parseMetricsCsv([text]);
    const rows = [];
    for await (const row of parsed.rows) rows.push(row);
    expect(rows).toHaveLength(SMALL_COUNT);
    expect(rows[0]).toMatchObject({ machineId: 'db-01', point: { timestamp: SMALL_FROM } });
    expect(rows[1]!.point.values.net_tx_errors).toBeUndefined();
    expect(rows[0]!.point.values.net_tx_errors).toBe(0);
  });

  it("exports only the machine asked, not its neighbours'", async () => {
    const text = await (await get({ ...smallRange, machine_id: 'db-02' })).text();
    const lines = text.split('\n').slice(1, -1);
    expect(lines).toHaveLength(10);
    sameLines(lines, await storedLines(second.id, 'db-02'));
  });

  it('streams a JSON array and NDJSON with the same rows', async () => {
    const json = await get({ ...smallRange, machine_id: 'db-01', format: 'json' });
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const array = (await json.json()) as Record<string, unknown>[];
    expect(array).toHaveLength(SMALL_COUNT);
    expect(Object.keys(array[0]!)).toEqual(['timestamp', 'machine_id', ...METRIC_COLUMNS]);
    expect(array[0]).toMatchObject({ timestamp: iso(SMALL_FROM), machine_id: 'db-01' });
    expect(array[1]!.net_tx_errors).toBeNull();

    const ndjson = await get({ ...smallRange, machine_id: 'db-01', format: 'ndjson' });
    expect(ndjson.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = (await ndjson.text()).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(array);

    const csvLines = (await (await get({ ...smallRange, machine_id: 'db-01' })).text()).split('\n').slice(1, -1);
    const fromJson = array.map((object) => {
      const values = Object.fromEntries(METRIC_COLUMNS.filter((c) => object[c] !== null).map((c) => [c, object[c] as number]));
      return toCsvLine(object.machine_id as string, { timestamp: Date.parse(object.timestamp as string), values });
    });
    sameLines(csvLines, fromJson);
  });

  it('answers an empty range with just the header, or an empty array', async () => {
    const range = { start_date: iso(SMALL_FROM - DAY), end_date: iso(SMALL_FROM - DAY / 2), machine_id: 'db-01' };
    expect(await (await get(range)).text()).toBe(`${metricsCsvHeader()}\n`);
    expect(await (await get({ ...range, format: 'json' })).json()).toEqual([]);
  });

  it('takes whole days: YYYY-MM-DD as end_date includes that day', async () => {
    const day = iso(SMALL_FROM).slice(0, 10);
    const text = await (await get({ start_date: day, end_date: day, machine_id: 'db-01', format: 'ndjson' })).text();
    expect(text.trimEnd().split('\n')).toHaveLength(SMALL_COUNT);
  });

  it('lets a collector API key export its own machine, machine_id optional', async () => {
    const asCollector = signedAs(env, tenant, { collectorId: small.id });
    const own = await get({ ...smallRange, format: 'ndjson' }, asCollector);
    expect(own.status).toBe(200);
    expect((await own.text()).trimEnd().split('\n')).toHaveLength(SMALL_COUNT);
    const named = await get({ ...smallRange, machine_id: 'db-01' }, asCollector);
    expect(named.status).toBe(200);
    await named.arrayBuffer();
  });

  it.each<[string, Record<string, string>, () => Record<string, string>, number, string]>([
    ['no identity', { machine_id: 'db-01' }, () => ({}), 401, 'UNAUTHENTICATED'],
    ['a forged identity header', { machine_id: 'db-01' }, () => ({ 'x-pa-identity': 'e30.AAAA' }), 401, 'UNAUTHENTICATED'],
    ['a VIEWER', { machine_id: 'db-01' }, () => signedAs(env, tenant, { user: viewer, role: 'VIEWER' }), 403, 'FORBIDDEN'],
    ['no machine_id', {}, () => asAnalyst(), 400, 'BAD_USER_INPUT'],
    ['an unknown machine', { machine_id: 'nope' }, () => asAnalyst(), 404, 'NOT_FOUND'],
    ["another tenant's machine", { machine_id: 'b-secret' }, () => asAnalyst(), 404, 'NOT_FOUND'],
    ['a key asking another machine', { machine_id: 'big-01' }, () => signedAs(env, tenant, { collectorId: small.id }), 403, 'FORBIDDEN'],
    ['a bad start_date', { machine_id: 'db-01', start_date: '2025-02-30' }, () => asAnalyst(), 400, 'BAD_USER_INPUT'],
    ['a bad end_date', { machine_id: 'db-01', end_date: 'yesterday' }, () => asAnalyst(), 400, 'BAD_USER_INPUT'],
    [
      'start after end',
      { machine_id: 'db-01', start_date: '2025-02-02', end_date: '2025-02-01' },
      () => asAnalyst(),
      400,
      'BAD_USER_INPUT',
    ],
    [
      'a range over 400 days',
      { machine_id: 'db-01', start_date: '2020-01-01', end_date: '2025-01-01' },
      () => asAnalyst(),
      400,
      'BAD_USER_INPUT',
    ],
    ['an unknown format', { machine_id: 'db-01', format: 'xml' }, () => asAnalyst(), 400, 'BAD_USER_INPUT'],
  ])('refuses %s with a typed JSON error', async (_name, query, headers, status, code) => {
    const response = await get({ ...smallRange, ...query }, headers());
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe(code);
    expect(body.errors[0]!.message).not.toMatch(new RegExp(`${other.slug}|b-secret`));
  });

  /** The raw answer of a GET (no transparent decompression, unlike fetch). */
  function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      httpGet(url, { headers }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
        res.on('error', reject);
      }).on('error', reject);
    });
  }

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('sends %s when Accept-Encoding asks, and it decodes to the plain export, through the gateway too', async (coding, decode) => {
    const range = { ...smallRange, machine_id: 'db-01', format: 'csv' };
    const plain = await rawGet(exportUrl(env, range), asAnalyst());
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const direct = await rawGet(exportUrl(env, range), { ...asAnalyst(), 'accept-encoding': `${coding}, identity;q=0.1` });
    const viaGateway = new URL('/api/v1/performance/export', env.gatewayUrl);
    for (const [k, v] of Object.entries(range)) viaGateway.searchParams.set(k, v);
    const gateway = await rawGet(viaGateway.toString(), {
      authorization: `Bearer ${tenant.session.accessToken}`,
      'accept-encoding': coding,
    });
    for (const answer of [direct, gateway]) {
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBe(coding);
      expect(answer.body.length).toBeLessThan(plain.body.length / 2);
      expect(decode(answer.body).toString()).toBe(plain.body.toString());
    }
  });

  it('records an EXPORT audit event with the range', async () => {
    const before = new Date();
    await (await get({ ...smallRange, machine_id: 'db-01', format: 'csv' })).arrayBuffer();
    // Recorded alongside the stream (not before its first byte): it may land just after the last byte.
    const read = () =>
      env.runtime.db.pool.query<{ actor: string; outcome: string; details: Record<string, string> }>(
        `SELECT actor, outcome, details FROM public.audit_events WHERE action = 'EXPORT' AND tenant_id = $1 AND at >= $2 ORDER BY at DESC LIMIT 1`,
        [tenant.id, before],
      );
    let { rows } = await read();
    for (let tries = 0; rows.length === 0 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      ({ rows } = await read());
    }
    expect(rows[0]).toMatchObject({
      actor: analyst.userId,
      outcome: 'SUCCESS',
      details: { machineId: 'db-01', collectorId: small.id, from: smallRange.start_date, to: smallRange.end_date, format: 'csv' },
    });
  });

  it('streams 200,000 rows with bounded heap growth', async () => {
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = baseline;
    // Uncompressed (fetch asks for br/gzip by default): the figure is the stream's, not the decoder's.
    const response = await get(
      { start_date: iso(BIG_FROM), end_date: iso(BIG_FROM + BIG_COUNT * 1000), machine_id: 'big-01' },
      { ...asAnalyst(), 'accept-encoding': 'identity' },
    );
    expect(response.status).toBe(200);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    gc();
    const retained = process.memoryUsage().heapUsed - baseline;
    const growth = peak - baseline;
    console.log(
      `export of ${BIG_COUNT} rows: ${(bytes / 1e6).toFixed(1)} MB; heap peak +${(growth / 1e6).toFixed(1)} MB, retained +${(retained / 1e6).toFixed(1)} MB`,
    );
    expect(lines).toBe(BIG_COUNT + 1);
    // Holding the export whole would take at least its size (as a string, twice that); streaming stays below it
    // even with the rest of the suite sharing this heap (CI runs in band).
    expect(growth).toBeLessThan(bytes);
    expect(retained).toBeLessThan(16e6);
  }, 240_000);

  describe('query plans on a fleet-sized table', () => {
    async function plan(sql: string, values: unknown[]): Promise<PlanNode[]> {
      const { rows } = await env.runtime.db.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, values);
      return flatten(rows[0]!['QUERY PLAN'][0].Plan);
    }
    const thisMonth = `metric_points_y${new Date(MONTH).getUTCFullYear()}m${String(new Date(MONTH).getUTCMonth() + 1).padStart(2, '0')}`;

    it('reads a raw-range series through the primary key of only the partitions in range', async () => {
      const from = MONTH + 12 * 3_600_000;
      const nodes = await plan(seriesSql(tablesOf(tenant), seriesSource(10), ['cpu_user', 'cpu_system']), [
        big.id,
        new Date(from),
        new Date(from + 3_600_000),
        10,
        from / 1000,
      ]);
      expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan')).toEqual([]);
      const scans = nodes.filter((n) => /Index/.test(n['Node Type']) && n['Index Name']);
      expect(scans.length).toBeGreaterThan(0);
      expect(scans.every((n) => n['Index Name']!.startsWith(thisMonth) && n['Index Name']!.endsWith('_pkey'))).toBe(true);
      expect(nodes.filter((n) => n['Relation Name']).map((n) => n['Relation Name'])).toEqual(
        expect.arrayContaining([expect.stringMatching(new RegExp(`^${thisMonth}$`))]),
      );
      expect(nodes.some((n) => n['Relation Name'] && n['Relation Name'] !== thisMonth)).toBe(false);
    });

    it('reads minute rollups and summaries through their primary keys too', async () => {
      const from = BIG_FROM;
      const rollup = await plan(seriesSql(tablesOf(tenant), seriesSource(900), ['cpu_user']), [
        big.id,
        new Date(from),
        new Date(from + 2 * DAY),
        900,
        from / 1000,
      ]);
      // Only the one-row rollup watermark is read whole (the raw tail past it goes by primary key).
      expect(rollup.some((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] !== 'metric_rollup_watermark')).toBe(false);
      const summary = await plan(summarySql(tablesOf(tenant), ['cpu_user']), [big.id, new Date(MONTH), new Date(MONTH + 3_600_000)]);
      expect(summary.some((n) => n['Node Type'] === 'Seq Scan')).toBe(false);
      expect(summary.some((n) => n['Index Name']?.endsWith('_pkey'))).toBe(true);
    });
  });
});
