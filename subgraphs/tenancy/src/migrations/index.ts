import { loadMigrationSet, type MigrationSet } from '@perfanalysis/platform';

/** The tenancy subgraph's tables: every file of ./public and ./tenant (docs/migrations.md). */
export const tenancyMigrations: MigrationSet = loadMigrationSet('tenancy', __dirname);
