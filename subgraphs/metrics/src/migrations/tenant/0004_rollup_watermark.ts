import type { MigrationFile } from '@perfanalysis/platform';

/**
 * Deferred rollups (docs/ingest.md, "Rollups"): points from `until` on are not yet in the minute
 * and hour rollups; a periodic job folds them in and moves `until` forward. Points already
 * stored were rolled up at ingest, so it starts at the next minute after the newest of them
 * (the one-time scan of `metric_points` is the price of an upgrade).
 */
export const migration: MigrationFile = {
  sql: (s) => `
CREATE TABLE ${s}.metric_rollup_watermark (
  one boolean PRIMARY KEY DEFAULT true CHECK (one),
  until timestamptz NOT NULL
);
INSERT INTO ${s}.metric_rollup_watermark (until)
  SELECT date_trunc('minute', greatest(now(), coalesce(max(ts), now()))) + interval '1 minute' FROM ${s}.metric_points;
`,
};
