import { loadMigrationSet, type MigrationSet } from '@perfanalysis/platform';

/** The collectors subgraph's tables: every file of ./public and ./tenant (docs/migrations.md). */
export const collectorsMigrations: MigrationSet = loadMigrationSet('collectors', __dirname);
