import type { TenantDb } from '@perfanalysis/platform';
import { CronExpressionParser } from 'cron-parser';
import { insertRun } from './insertRun.js';
import type { ScheduleRow } from './scheduleStore.js';
import { nextRunAfter } from './scheduleTiming.js';

/** The latest instant at or before `now` the cron matches, in the zone. */
function lastDue(cron: string, timeZone: string, now: Date): Date {
  return CronExpressionParser.parse(cron, { tz: timeZone, currentDate: new Date(now.getTime() + 1) })
    .prev()
    .toDate();
}

/**
 * Turns one tenant's due schedules into runs. Each due schedule is locked (SKIP LOCKED: a
 * replica already doing this skips it), gets one run for the latest instant it was due — runs
 * missed while no runner was up collapse into that one — and its next instant after `now`.
 */
export async function enqueueDueRuns(db: TenantDb, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<ScheduleRow>(
      `SELECT * FROM ${tx.table('report_schedules')} WHERE NOT paused AND next_run_at <= $1 ORDER BY next_run_at FOR UPDATE SKIP LOCKED`,
      [now],
    );
    let queued = 0;
    for (const schedule of rows) {
      if (await insertRun(tx, schedule, lastDue(schedule.cron, schedule.time_zone, now), false)) queued += 1;
      await tx.query(`UPDATE ${tx.table('report_schedules')} SET next_run_at = $2 WHERE id = $1`, [
        schedule.id,
        nextRunAfter(schedule.cron, schedule.time_zone, now),
      ]);
    }
    return queued;
  });
}
