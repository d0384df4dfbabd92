import { auditMigrations, type MigrationPlan } from '@perfanalysis/platform';
import { alertsMigrations } from '@perfanalysis/subgraph-alerts';
import { collectorsMigrations } from '@perfanalysis/subgraph-collectors';
import { identityMigrations } from '@perfanalysis/subgraph-identity';
import { metricsMigrations } from '@perfanalysis/subgraph-metrics';
import { reportsMigrations } from '@perfanalysis/subgraph-reports';
import { tenancyMigrations } from '@perfanalysis/subgraph-tenancy';

/**
 * Every owner's migrations in the order they run (docs/migrations.md): an owner's tables may
 * refer only to tables of owners before it — memberships to users, API keys and the audit
 * trail to tenants, a tenant's uploads, alerts and report profiles to its collectors.
 */
export const MIGRATIONS: MigrationPlan = [
  identityMigrations,
  tenancyMigrations,
  auditMigrations,
  collectorsMigrations,
  metricsMigrations,
  alertsMigrations,
  reportsMigrations,
];
