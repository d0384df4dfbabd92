import { METRIC_COLUMNS } from '@perfanalysis/contract';
import type { MigrationFile } from '@perfanalysis/platform';

const metricColumns = METRIC_COLUMNS.map((c) => `  ${c} real`).join(',\n');

/**
 * A tenant's metric points, device samples and upload records. Points are partitioned
 * by month on the timestamp (partitions are created ahead of time by the metrics service)
 * with primary key (collector, timestamp), so re-sending a point is harmless.
 */
export const migration: MigrationFile = {
  supersedes: '0001_init',
  sql: (s) => `
CREATE TABLE ${s}.metric_points (
  collector_id uuid NOT NULL,
  ts timestamptz NOT NULL,
${metricColumns},
  PRIMARY KEY (collector_id, ts)
) PARTITION BY RANGE (ts);

CREATE TABLE ${s}.metric_device_points (
  collector_id uuid NOT NULL,
  ts timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cpu', 'disk', 'net')),
  device text NOT NULL,
  metrics jsonb NOT NULL,
  PRIMARY KEY (collector_id, ts, kind, device)
) PARTITION BY RANGE (ts);

CREATE TABLE ${s}.uploads (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  collector_id uuid NOT NULL REFERENCES ${s}.collectors(id),
  file_name text,
  rows_processed integer NOT NULL,
  duplicates_skipped integer NOT NULL,
  range_from timestamptz,
  range_to timestamptz,
  uploaded_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
};
