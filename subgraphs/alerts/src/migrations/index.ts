import { loadMigrationSet, type MigrationSet } from '@perfanalysis/platform';

/** The alerts subgraph's tables: every file of ./public and ./tenant (docs/migrations.md). */
export const alertsMigrations: MigrationSet = loadMigrationSet('alerts', __dirname);
