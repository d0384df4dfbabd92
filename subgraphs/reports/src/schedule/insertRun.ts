import type { TenantDb } from '@perfanalysis/platform';
import type { RunRow, ScheduleRow } from './scheduleStore.js';
import { windowOf } from './scheduleTiming.js';

/**
 * Adds the run of a schedule at `scheduledFor` (its window computed in the schedule's zone),
 * unless that run exists already: two replicas finding the same schedule due insert one run
 * (the (schedule_id, scheduled_for) key). Returns the run, or undefined when it existed.
 */
export async function insertRun(
  db: TenantDb,
  schedule: Pick<ScheduleRow, 'id' | 'report_window' | 'time_zone'>,
  scheduledFor: Date,
  manual: boolean,
): Promise<RunRow | undefined> {
  const { from, to } = windowOf(schedule.report_window, schedule.time_zone, scheduledFor);
  const { rows } = await db.query<RunRow>(
    `INSERT INTO ${db.table('report_runs')} (schedule_id, scheduled_for, window_from, window_to, manual)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (schedule_id, scheduled_for) DO NOTHING RETURNING *`,
    [schedule.id, scheduledFor, from, to, manual],
  );
  return rows[0];
}
