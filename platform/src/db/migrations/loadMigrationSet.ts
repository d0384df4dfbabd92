import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Migration, MigrationFile, MigrationSet } from './Migration.js';

/** `0007_report_tags.ts` in sources (tests), `0007_report_tags.js` in dist/; never `.d.ts` or maps. */
const MIGRATION_FILE = /^(\d{4}_[a-z0-9_]+)\.(?:js|ts)$/;

function loadFolder(folder: string): Migration[] {
  if (!existsSync(folder)) return [];
  const files = readdirSync(folder)
    .map((name) => MIGRATION_FILE.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .sort((a, b) => a[1]!.localeCompare(b[1]!));
  return files.map((match) => {
    // Loaded by file name so that adding a migration is adding one file; require() keeps the
    // loading synchronous and lets Jest compile the TypeScript sources.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(path.join(folder, match[0])) as { migration?: MigrationFile };
    if (!loaded.migration) throw new Error(`${path.join(folder, match[0])} exports no \`migration\``);
    return { ...loaded.migration, id: match[1]! };
  });
}

/** The migrations in `<migrationsDir>/public` and `<migrationsDir>/tenant`, by file name. */
export function loadMigrationSet(owner: string, migrationsDir: string): MigrationSet {
  return { owner, public: loadFolder(path.join(migrationsDir, 'public')), tenant: loadFolder(path.join(migrationsDir, 'tenant')) };
}
