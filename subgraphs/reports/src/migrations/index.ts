import { loadMigrationSet, type MigrationSet } from '@perfanalysis/platform';

/** The reports subgraph's tables: every file of ./public and ./tenant (docs/migrations.md). */
export const reportsMigrations: MigrationSet = loadMigrationSet('reports', __dirname);
