import type { MigrationFile } from '@perfanalysis/platform';

/**
 * Report profiles (issue 17, docs/report-profiles.md): per collector, the capacities and
 * recommendation thresholds its reports use. `settings` is the flat profile object, checked
 * by `checkReportProfile` on every write, so a new rule's threshold needs no migration; a
 * key absent from it keeps the default.
 */
export const migration: MigrationFile = {
  supersedes: '0006_report_profiles',
  sql: (s) => `
CREATE TABLE ${s}.report_profiles (
  collector_id uuid PRIMARY KEY REFERENCES ${s}.collectors(id) ON DELETE CASCADE,
  settings jsonb NOT NULL CHECK (jsonb_typeof(settings) = 'object'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid
);
`,
};
