import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { METRIC_COLUMNS } from '@perfanalysis/contract';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyPoints, gappyValues, realisticValues, registerMachine, schemaOf, seededRandom } from './metricData.js';

const DAY = 86_400_000;
/** 70,000 points at 1 s: more than one row group (docs/export.md). */
const FROM = Math.floor(Date.now() / DAY) * DAY - 3 * DAY;
const COUNT = 70_000;
/** One more point with microseconds, which both formats cut to the millisecond. */
const MICRO_TS = new Date(FROM + COUNT * 1000 + 5).toISOString().replace('Z', '789+00');
const RANGE = { start_date: new Date(FROM).toISOString(), end_date: new Date(FROM + (COUNT + 1) * 1000).toISOString() };

describe('Parquet export (GET /api/v1/performance/export?format=parquet through the gateway)', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let other: TestTenant;
  let dir: string;
  let duck: DuckDBInstance;
  let db: DuckDBConnection;

  const exportAs = (who: TestTenant, query: Record<string, string>, headers: Record<string, string> = {}) => {
    const url = new URL('/api/v1/performance/export', env.gatewayUrl);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return fetch(url, { headers: { authorization: `Bearer ${who.session.accessToken}`, ...headers } });
  };

  /** Saves a response body and opens it with DuckDB, a reader independent of the writer. */
  async function saved(response: Response, name: string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    return file.replace(/'/g, "''");
  }

  beforeAll(async () => {
    env = await createTestEnvironment();
    [tenant, other] = [await newTenant(env), await newTenant(env)];
    const mine = await registerMachine(tenant, 'pq-01');
    const theirs = await registerMachine(other, 'pq-other');
    const random = seededRandom(15);
    const pool = env.runtime.db.pool;
    await copyPoints(pool, schemaOf(tenant), mine.id, { fromMs: FROM, count: COUNT, values: (i) => gappyValues(i, random) });
    await pool.query(`INSERT INTO "${schemaOf(tenant)}".metric_points (collector_id, ts, cpu_user) VALUES ($1, $2, 1.25)`, [
      mine.id,
      MICRO_TS,
    ]);
    await copyPoints(pool, schemaOf(other), theirs.id, { fromMs: FROM, count: 10, values: (i) => realisticValues(i, random) });
    dir = await mkdtemp(path.join(tmpdir(), 'parquet-export-'));
    duck = await DuckDBInstance.create(':memory:');
    db = await duck.connect();
  }, 180_000);
  afterAll(async () => {
    db?.closeSync();
    duck?.closeSync();
    if (dir) await rm(dir, { recursive: true, force: true });
    await env?.stop();
  });

  it('writes typed, snappy-compressed columns holding exactly the values of the CSV export', async () => {
    const query = { ...RANGE, machine_id: 'pq-01' };
    const parquet = await exportAs(tenant, { ...query, format: 'parquet' }, { 'accept-encoding': 'br, gzip' });
    expect(parquet.status).toBe(200);
    expect(parquet.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    expect(parquet.headers.get('content-encoding')).toBeNull();
    expect(parquet.headers.get('content-disposition')).toMatch(/filename="perf_pq-01_.*\.parquet"$/);
    const file = await saved(parquet, 'mine.parquet');

    const types = (await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`)).getRowObjectsJS();
    expect(types.map((t) => [t.column_name, t.column_type])).toEqual([
      ['timestamp', 'TIMESTAMP WITH TIME ZONE'],
      ['machine_id', 'VARCHAR'],
      ...METRIC_COLUMNS.map((c) => [c, 'FLOAT']),
    ]);
    const codecs = (await db.runAndReadAll(`SELECT DISTINCT compression FROM parquet_metadata('${file}')`)).getRowsJS();
    expect(codecs).toEqual([['SNAPPY']]);
    const groups = (await db.runAndReadAll(`SELECT count(DISTINCT row_group_id) FROM parquet_metadata('${file}')`)).getRowsJS();
    expect(Number(groups[0]![0])).toBeGreaterThan(1);

    const rows = (
      await db.runAndReadAll(`SELECT epoch_ms("timestamp") AS ms, * EXCLUDE ("timestamp") FROM read_parquet('${file}')`)
    ).getRowsJS();
    const csv = (await (await exportAs(tenant, { ...query, format: 'csv' })).text()).trimEnd().split('\n').slice(1);
    expect(csv).toHaveLength(COUNT + 1);
    expect(rows).toHaveLength(csv.length);
    // Every cell: the timestamp to the millisecond, the machine id, each real exactly (CSV text
    // is its shortest round-trip decimal, so `Math.fround` of it is the stored value), absent as null.
    const expected = csv.map((line) => {
      const [timestamp, machine, ...metrics] = line.split(',');
      return [Date.parse(timestamp!), machine, ...metrics.map((cell) => (cell === '' ? null : Math.fround(Number(cell))))];
    });
    // Compared row by row as JSON text: a deep `toEqual` of 70,000 rows blocks the event loop for seconds.
    const actual = rows.map(([ms, ...rest]) => JSON.stringify([Number(ms), ...rest]));
    const first = actual.findIndex((row, i) => row !== JSON.stringify(expected[i]));
    expect(first < 0 ? null : { row: first, parquet: actual[first], csv: expected[first] }).toBeNull();
    expect(rows.at(-1)![0]).toBe(BigInt(Date.parse(MICRO_TS.replace('789+00', 'Z'))));
  });

  it('writes a valid empty file for a range without points', async () => {
    const response = await exportAs(tenant, { start_date: '2001-01-01', end_date: '2001-01-02', machine_id: 'pq-01', format: 'parquet' });
    expect(response.status).toBe(200);
    const file = await saved(response, 'empty.parquet');
    const count = (await db.runAndReadAll(`SELECT count(*) FROM read_parquet('${file}')`)).getRowsJS();
    expect(count).toEqual([[0n]]);
  });

  it("gives another tenant's token nothing of this tenant's machine", async () => {
    const refused = await exportAs(other, { ...RANGE, machine_id: 'pq-01', format: 'parquet' });
    expect(refused.status).toBe(404);
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('NOT_FOUND');

    const own = await exportAs(other, { ...RANGE, machine_id: 'pq-other', format: 'parquet' });
    expect(own.status).toBe(200);
    const file = await saved(own, 'theirs.parquet');
    const machines = (await db.runAndReadAll(`SELECT machine_id, count(*) FROM read_parquet('${file}') GROUP BY 1`)).getRowsJS();
    expect(machines).toEqual([['pq-other', 10n]]);
  });

  it.each(['orc', 'PARQUET2', 'parquet;csv'])('refuses format=%s with a typed 400', async (format) => {
    const response = await exportAs(tenant, { ...RANGE, machine_id: 'pq-01', format });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string; field: string } }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });
  });
});
