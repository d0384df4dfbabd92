import pg from 'pg';
import type { Logger } from '../logging/logger.js';

export interface PoolOptions {
  readonly max: number;
  readonly logger: Logger;
}

/**
 * A `pg` pool whose connections never crash the process when PostgreSQL goes away. The pool
 * listens for errors only on idle clients; a client checked out between two statements (a
 * transaction waiting on a webhook, a COPY consumer) emits its `error` with no listener, which
 * Node throws as an uncaught exception. Every connection therefore gets its own listener when it
 * opens; the caller still sees the failure on its next statement, and a broken client is
 * discarded on release (docs/topologies.md "Outages").
 */
export function openPool(url: string, options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: options.max, connectionTimeoutMillis: 5_000 });
  pool.on('connect', (client) => client.on('error', (error) => options.logger.warn({ err: error.message }, 'PostgreSQL connection lost')));
  // The pool's own event for an idle client's error (the listener above has logged it); the pool replaces that client.
  pool.on('error', () => undefined);
  return pool;
}
