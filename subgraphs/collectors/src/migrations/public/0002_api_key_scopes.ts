import type { MigrationFile } from '@perfanalysis/platform';

/** What an API key may do beyond sending its own collector's data (docs/security.md "API key scopes"). */
export const migration: MigrationFile = {
  supersedes: '0002_api_key_scopes',
  sql: () => `
ALTER TABLE api_keys ADD COLUMN scopes text[] NOT NULL DEFAULT '{}' CHECK (scopes <@ ARRAY['READ']::text[]);
`,
};
