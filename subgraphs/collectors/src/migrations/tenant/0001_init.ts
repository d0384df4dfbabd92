import type { MigrationFile } from '@perfanalysis/platform';

/** A tenant's machines: the first table of its schema, which other owners' tables refer to. */
export const migration: MigrationFile = {
  supersedes: '0001_init',
  sql: (s) => `
CREATE TABLE ${s}.collectors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  machine_id text NOT NULL UNIQUE CHECK (length(machine_id) BETWEEN 1 AND 200),
  hostname text NOT NULL,
  ip text,
  platform text,
  site text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz
);
`,
};
