import { loadMigrationSet, type MigrationSet } from '@perfanalysis/platform';

/** The identity subgraph's tables: every file of ./public and ./tenant (docs/migrations.md). */
export const identityMigrations: MigrationSet = loadMigrationSet('identity', __dirname);
