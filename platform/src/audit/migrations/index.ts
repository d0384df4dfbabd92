import type { MigrationSet } from '../../db/migrations/Migration.js';
import { loadMigrationSet } from '../../db/migrations/loadMigrationSet.js';

/** The audit trail's table (docs/migrations.md); the launcher runs it after tenancy's. */
export const auditMigrations: MigrationSet = loadMigrationSet('audit', __dirname);
