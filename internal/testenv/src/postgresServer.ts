import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { postgresAnswers } from './globalSetup.js';
import { freePort } from './redisServer.js';

const run = promisify(execFile);

/** A PostgreSQL cluster of a test's own (never the machine's shared one), which the test may stop and restart. */
export interface TestPostgres {
  /** Superuser URL of the cluster's `postgres` database (trust auth, no password). */
  readonly url: string;
  readonly port: number;
  /** Stops the server: `fast` disconnects clients cleanly, `immediate` is a crash without shutdown checkpoint. @default 'fast' */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /** Starts it again on the same port and data directory (data is kept); does nothing when it runs. */
  start(): Promise<void>;
  /** Stops the server and deletes its data directory. */
  destroy(): Promise<void>;
}

/** The newest PostgreSQL server binaries installed Debian-style (`/usr/lib/postgresql/<version>/bin`), else PATH. */
function binDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : undefined;
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` OS user. */
async function asPostgres(bin: string, args: string[]): Promise<void> {
  const root = process.getuid?.() === 0;
  const [file, argv] = root ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  await run(file, argv, { timeout: 60_000 });
}

/**
 * initdb's a throw-away cluster in a temp directory (trust auth, no fsync), starts it on a
 * free port and waits until it answers. `stop()`/`start()` simulate a PostgreSQL outage.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const dir = binDir();
  const tool = (name: string) => (dir ? join(dir, name) : name);
  const port = await freePort();
  const base = mkdtempSync(join(tmpdir(), 'pa-test-pg-'));
  const data = join(base, 'data');
  if (process.getuid?.() === 0) await run('chown', ['postgres:postgres', base]);
  await asPostgres(tool('initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;

  async function start(): Promise<void> {
    if (existsSync(join(data, 'postmaster.pid'))) return;
    await asPostgres(tool('pg_ctl'), ['-D', data, '-o', options, '-l', join(base, 'server.log'), '-w', '-t', '30', 'start']);
    const started = Date.now();
    while ((await postgresAnswers(url)) !== undefined) {
      if (Date.now() - started > 15_000) throw new Error(`private PostgreSQL on ${port} did not answer`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async function stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    if (!existsSync(join(data, 'postmaster.pid'))) return;
    await asPostgres(tool('pg_ctl'), ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
  }

  await start();
  return {
    url,
    port,
    stop,
    start,
    async destroy() {
      await stop('immediate').catch(() => undefined);
      rmSync(base, { recursive: true, force: true });
    },
  };
}
