import type { MigrationFile } from '@perfanalysis/platform';

/**
 * Report schedules, their runs and the report archive (issue 17, docs/report-schedules.md).
 * A run is unique per (schedule, scheduled instant), so replicas that both find a schedule due
 * insert it once; runners claim runs with FOR UPDATE SKIP LOCKED. Archived documents are bytea
 * in the tenant schema: they are deleted with their row and with the tenant's schema, which
 * PostgreSQL large objects (database-wide, outside any schema) would not be.
 */
export const migration: MigrationFile = {
  supersedes: '0005_report_schedules',
  sql: (s) => `
CREATE TABLE ${s}.report_schedules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  cron text NOT NULL,
  time_zone text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('COLLECTOR')),
  format text NOT NULL CHECK (format IN ('html', 'pdf')),
  collector_ids uuid[] NOT NULL CHECK (cardinality(collector_ids) BETWEEN 1 AND 100),
  report_window text NOT NULL CHECK (report_window IN ('PREVIOUS_HOUR', 'PREVIOUS_DAY', 'PREVIOUS_WEEK')),
  recipients text[] NOT NULL DEFAULT '{}',
  webhook_ids uuid[] NOT NULL DEFAULT '{}',
  paused boolean NOT NULL DEFAULT false,
  next_run_at timestamptz NOT NULL,
  created_by uuid,
  created_by_email text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_schedules_due ON ${s}.report_schedules (next_run_at) WHERE NOT paused;

CREATE TABLE ${s}.report_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  schedule_id uuid NOT NULL REFERENCES ${s}.report_schedules (id) ON DELETE CASCADE,
  scheduled_for timestamptz NOT NULL,
  window_from timestamptz NOT NULL,
  window_to timestamptz NOT NULL,
  manual boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('PENDING', 'DELIVERING', 'SUCCEEDED', 'FAILED')) DEFAULT 'PENDING',
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  rendered_by text,
  mailed_at timestamptz,
  webhooks_delivered uuid[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  UNIQUE (schedule_id, scheduled_for)
);
CREATE INDEX report_runs_due ON ${s}.report_runs (next_attempt_at) WHERE status IN ('PENDING', 'DELIVERING');

CREATE TABLE ${s}.report_archive (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  run_id uuid REFERENCES ${s}.report_runs (id) ON DELETE SET NULL,
  schedule_id uuid,
  schedule_name text NOT NULL,
  created_by uuid,
  created_by_email text,
  collector_id uuid NOT NULL,
  machine_id text NOT NULL,
  format text NOT NULL,
  content_type text NOT NULL,
  file_name text NOT NULL,
  window_from timestamptz NOT NULL,
  window_to timestamptz NOT NULL,
  points integer NOT NULL,
  bytes integer NOT NULL,
  body bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_archive_created ON ${s}.report_archive (created_at);
CREATE INDEX report_archive_run ON ${s}.report_archive (run_id);
`,
};
