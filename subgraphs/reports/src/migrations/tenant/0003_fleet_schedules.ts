import type { MigrationFile } from '@perfanalysis/platform';

/**
 * Scheduled fleet comparisons (docs/report-schedules.md). A schedule may be of kind FLEET:
 * one comparison document of all its collectors per run. Its archive entry is about several
 * collectors, so the archive records every collector and machine id of a document
 * (`collector_ids`, `machine_ids`), and the single `collector_id` / `machine_id` of a
 * collector report become null for a fleet. Existing rows get one-element lists.
 */
export const migration: MigrationFile = {
  sql: (s) => `
ALTER TABLE ${s}.report_schedules DROP CONSTRAINT report_schedules_kind_check;
ALTER TABLE ${s}.report_schedules ADD CONSTRAINT report_schedules_kind_check CHECK (kind IN ('COLLECTOR', 'FLEET'));

ALTER TABLE ${s}.report_archive
  ADD COLUMN kind text NOT NULL DEFAULT 'COLLECTOR',
  ADD COLUMN collector_ids uuid[],
  ADD COLUMN machine_ids text[];
UPDATE ${s}.report_archive SET collector_ids = ARRAY[collector_id], machine_ids = ARRAY[machine_id];
ALTER TABLE ${s}.report_archive
  ALTER COLUMN collector_ids SET NOT NULL,
  ALTER COLUMN machine_ids SET NOT NULL,
  ALTER COLUMN collector_id DROP NOT NULL,
  ALTER COLUMN machine_id DROP NOT NULL,
  ADD CONSTRAINT report_archive_kind_check CHECK (
    (kind = 'COLLECTOR' AND collector_id IS NOT NULL AND machine_id IS NOT NULL AND cardinality(collector_ids) = 1)
    OR (kind = 'FLEET' AND collector_id IS NULL AND machine_id IS NULL AND cardinality(collector_ids) BETWEEN 1 AND 100)
  ),
  ADD CONSTRAINT report_archive_machine_ids_check CHECK (cardinality(machine_ids) = cardinality(collector_ids));
`,
};
