import { MikroORM, type EntityClass } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from '../logging/logger.js';
import { openPool } from './openPool.js';

/** Both doors into PostgreSQL: MikroORM for entities, a `pg` pool for COPY and hot paths. */
export interface Database {
  readonly url: string;
  readonly pool: pg.Pool;
  /**
   * Where read-only queries that tolerate replication lag go (series, summaries): a pool on
   * the streaming replica when one is configured, else `pool` itself. See docs/topologies.md.
   */
  readonly readPool: pg.Pool;
  readonly orm: MikroORM;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  readonly url: string;
  /** A hot-standby replica of `url` for lag-tolerant reads. @default undefined (reads use the primary) */
  readonly replicaUrl?: string;
  readonly poolSize: number;
  readonly entities: readonly EntityClass<object>[];
  readonly logger: Logger;
}

// timestamptz and bigint arrive as strings by default; we want Dates and numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function connectDatabase(options: DatabaseOptions): Promise<Database> {
  const poolOptions = { max: options.poolSize, logger: options.logger };
  const pool = openPool(options.url, poolOptions);
  const readPool = options.replicaUrl ? openPool(options.replicaUrl, poolOptions) : pool;
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
    readPool,
    orm,
    async ping() {
      await Promise.all([pool.query('SELECT 1'), readPool === pool ? undefined : readPool.query('SELECT 1')]);
    },
    async close() {
      await orm.close(true);
      await pool.end();
      if (readPool !== pool) await readPool.end();
    },
  };
}
