import { MikroORM, type EntityClass } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from '../logging/logger.js';

/** Both doors into PostgreSQL: MikroORM for entities, a `pg` pool for COPY and hot paths. */
export interface Database {
  readonly url: string;
  readonly pool: pg.Pool;
  readonly orm: MikroORM;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  readonly url: string;
  readonly poolSize: number;
  readonly entities: readonly EntityClass<object>[];
  readonly logger: Logger;
}

// timestamptz and bigint arrive as strings by default; we want Dates and numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function connectDatabase(options: DatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize, connectionTimeoutMillis: 5_000 });
  // A pool error means one idle client died (e.g. PostgreSQL restarted); the pool replaces it.
  pool.on('error', (error) => options.logger.warn({ err: error.message }, 'idle PostgreSQL client lost'));
  const orm = await MikroORM.init({
    clientUrl: options.url,
    entities: [...options.entities],
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: Math.max(2, Math.ceil(options.poolSize / 2)) },
    allowGlobalContext: false,
    ensureDatabase: false,
    debug: false,
  });
  return {
    url: options.url,
    pool,
    orm,
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await orm.close(true);
      await pool.end();
    },
  };
}
