import { createLogger, openPool } from '@perfanalysis/platform';
import { TEST_DATABASE_URL } from '@perfanalysis/testenv';
import pg from 'pg';

/**
 * A connection lost while checked out between two statements (docs/topologies.md "Outages"):
 * before every connection had its own listener, `pg` threw the `error` as an uncaught exception
 * and the process (here, this test's) died.
 */
describe('a pool connection lost while checked out', () => {
  const pool = openPool(TEST_DATABASE_URL, { max: 2, logger: createLogger('connection-loss', 'silent') });
  const admin = new pg.Pool({ connectionString: TEST_DATABASE_URL, max: 1 });
  afterAll(async () => {
    await pool.end();
    await admin.end();
  });

  it('fails only the work on it: the next statement is refused, the pool hands out a fresh connection', async () => {
    const client = await pool.connect();
    await client.query('BEGIN');
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const ended = new Promise<void>((resolve) => client.once('end', resolve));
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await ended;

    await expect(client.query('SELECT 1')).rejects.toThrow();
    client.release(true);
    const fresh = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    expect(fresh.rows[0]!.pid).not.toBe(rows[0]!.pid);
  });
});
