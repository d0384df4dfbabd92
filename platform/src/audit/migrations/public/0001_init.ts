import type { MigrationFile } from '../../../db/migrations/Migration.js';

/** The audit trail every service writes (`recordAudit`); the owner list runs it after tenancy's. */
export const migration: MigrationFile = {
  supersedes: '0001_init',
  sql: () => `
CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  tenant_id uuid REFERENCES tenants(id) ON DELETE SET NULL,
  actor text,
  action text NOT NULL,
  ip text,
  outcome text NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE')),
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_tenant_at ON audit_events (tenant_id, at DESC);
`,
};
