import { loadMigrationSet, type MigrationSet } from '@perfanalysis/platform';

/** The metrics subgraph's tables: every file of ./public and ./tenant (docs/migrations.md). */
export const metricsMigrations: MigrationSet = loadMigrationSet('metrics', __dirname);
