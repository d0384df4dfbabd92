import type { Migration } from '../Migration.js';

/** What an API key may do beyond sending its own collector's data (docs/security.md "API key scopes"). */
export const m0002ApiKeyScopes: Migration = {
  id: '0002_api_key_scopes',
  sql: () => `
ALTER TABLE api_keys ADD COLUMN scopes text[] NOT NULL DEFAULT '{}' CHECK (scopes <@ ARRAY['READ']::text[]);
`,
};
