import type { EntityClass } from '@mikro-orm/postgresql';
import { type Config, loadConfig } from './config/config.js';
import { connectDatabase, type Database } from './db/database.js';
import { type EmbeddedPostgresHandle, startEmbeddedPostgres } from './db/embeddedPostgres.js';
import { migrateAll } from './db/migrate.js';
import type { MigrationPlan } from './db/migrations/Migration.js';
import type { KeyValueStore } from './kv/KeyValueStore.js';
import { MemoryKeyValueStore } from './kv/MemoryKeyValueStore.js';
import { RedisKeyValueStore } from './kv/RedisKeyValueStore.js';
import { createLogger, type Logger } from './logging/logger.js';
import { startSentry } from './observability/sentry.js';
import { MemoryPubSub } from './pubsub/MemoryPubSub.js';
import type { PubSub } from './pubsub/PubSub.js';
import { RedisPubSub } from './pubsub/RedisPubSub.js';
import { resolveSecrets, type Secrets } from './secrets/resolveSecrets.js';

/** Everything a service needs from the outside world, created once per process. */
export interface Runtime {
  readonly config: Config;
  readonly secrets: Secrets;
  readonly logger: Logger;
  readonly db: Database;
  readonly pubsub: PubSub;
  readonly kv: KeyValueStore;
  /** Every owner's migrations, in order: what a new tenant's schema is provisioned with. */
  readonly migrations: MigrationPlan;
  /** Set when this process started the embedded PostgreSQL. */
  readonly embedded: EmbeddedPostgresHandle | undefined;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  readonly service: string;
  readonly entities?: readonly EntityClass<object>[];
  readonly config?: Config;
  /** Every owner's migrations, in order (the launcher's `MIGRATIONS`). @default none */
  readonly migrations?: MigrationPlan;
  /** Apply pending migrations at start (the single-process default and tests do). */
  readonly migrate?: boolean;
  readonly logger?: Logger;
}

export async function createRuntime(options: RuntimeOptions): Promise<Runtime> {
  const config = options.config ?? loadConfig();
  const logger = options.logger ?? createLogger(options.service, config.logLevel);
  const secrets = await resolveSecrets(config, logger);
  startSentry(secrets.sentryDsn, config.nodeEnv, logger);

  const embedded = secrets.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({
        dir: config.database.embeddedDir,
        port: config.database.embeddedPort,
        database: 'perfanalysis',
        logger,
      });
  const db = await connectDatabase({
    url: secrets.databaseUrl ?? embedded!.url,
    replicaUrl: config.database.replicaUrl,
    poolSize: config.database.poolSize,
    entities: options.entities ?? [],
    logger,
  });
  const migrations = options.migrations ?? [];
  if (options.migrate) await migrateAll(db.pool, logger, migrations);

  const redisUrl = config.redis.url;
  const target = { url: redisUrl ?? '', cluster: config.redis.cluster };
  const pubsub: PubSub = redisUrl ? new RedisPubSub({ ...target, prefix: config.redis.prefix }) : new MemoryPubSub();
  const kv: KeyValueStore = redisUrl ? new RedisKeyValueStore(target, config.redis.prefix) : new MemoryKeyValueStore();
  if (!redisUrl) logger.warn('REDIS_URL unset: in-process pub/sub, valid only while every service shares this process');

  return {
    config,
    secrets,
    logger,
    db,
    pubsub,
    kv,
    migrations,
    embedded,
    async close() {
      await Promise.allSettled([pubsub.close(), kv.close()]);
      await db.close();
      await embedded?.stop();
    },
  };
}
