import type { MigrationFile } from '@perfanalysis/platform';

/** The API-key index: in the public schema because the gateway finds a key before it knows the tenant. */
export const migration: MigrationFile = {
  supersedes: '0001_init',
  sql: () => `
CREATE TABLE api_keys (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  prefix text NOT NULL UNIQUE,
  key_hash text NOT NULL,
  tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  collector_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX api_keys_collector ON api_keys (tenant_id, collector_id);
`,
};
