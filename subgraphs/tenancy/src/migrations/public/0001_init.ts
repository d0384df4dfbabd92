import type { MigrationFile } from '@perfanalysis/platform';

/**
 * Tenants, their domains and who holds which role in them. A tenant's removal takes its
 * sessions with it: the refresh tokens' foreign key (identity's table) is declared here,
 * under PostgreSQL's default name, so the schema is the one the single first migration made.
 */
export const migration: MigrationFile = {
  supersedes: '0001_init',
  sql: () => `
CREATE TABLE tenants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9_]{2,39}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  active boolean NOT NULL DEFAULT true,
  paid_until timestamptz,
  created_on timestamptz NOT NULL DEFAULT now(),
  retention_days integer NOT NULL DEFAULT 90 CHECK (retention_days BETWEEN 1 AND 3650),
  schema_name text NOT NULL UNIQUE
);

CREATE TABLE domains (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  host text NOT NULL UNIQUE CHECK (host = lower(host)),
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  is_primary boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX domains_one_primary ON domains (tenant_id) WHERE is_primary;

CREATE TABLE memberships (
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('ADMIN', 'ANALYST', 'VIEWER')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, tenant_id)
);
CREATE INDEX memberships_tenant ON memberships (tenant_id);

ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id) ON DELETE CASCADE;
`,
};
