import type { MigrationFile } from '@perfanalysis/platform';

/**
 * pcc compatibility (issue 16): the newest raw measurement of each collector and subsystem, so
 * the next trickled sample's rates are computed against it on any replica and after restarts.
 */
export const migration: MigrationFile = {
  supersedes: '0004_pcc_state',
  sql: (s) => `
CREATE TABLE ${s}.pcc_previous (
  collector_id uuid NOT NULL REFERENCES ${s}.collectors(id) ON DELETE CASCADE,
  subsystem text NOT NULL,
  ts timestamptz NOT NULL,
  measurement text NOT NULL,
  PRIMARY KEY (collector_id, subsystem)
);
`,
};
