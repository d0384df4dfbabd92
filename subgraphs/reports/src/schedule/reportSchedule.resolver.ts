import { auditRequest, BadUserInputError, type SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { checkScheduleInput, SCHEDULE_LIMITS } from './checkScheduleInput.js';
import { insertRun } from './insertRun.js';
import { ReportRun, ReportSchedule, ReportScheduleInput, ReportScheduleUpdate } from './reportSchedule.type.js';
import {
  findSchedule,
  inputOf,
  type RunRow,
  SCHEDULE_COLUMNS,
  type ScheduleRow,
  scheduleValues,
  toRun,
  toSchedule,
} from './scheduleStore.js';
import { nextRunAfter } from './scheduleTiming.js';

/** Audits a change of a schedule: where the tenant's reports go is worth a trail (docs/report-schedules.md). */
function auditSchedule(ctx: SubgraphContext, change: string, row: ScheduleRow): Promise<void> {
  return auditRequest(ctx, 'REPORT_SCHEDULE', { change, scheduleId: row.id, recipients: row.recipients, webhookIds: row.webhook_ids });
}

/**
 * Report schedules (docs/report-schedules.md). Managing them is ADMIN's, like alert rules and
 * webhooks: a schedule sends the tenant's data to e-mail addresses and webhooks. ANALYST reads
 * them and their runs.
 */
@Resolver(() => ReportSchedule)
export class ReportScheduleResolver {
  @Authorized('ANALYST')
  @Query(() => [ReportSchedule], { description: 'Your tenant’s report schedules, oldest first.' })
  async reportSchedules(@Ctx() ctx: SubgraphContext): Promise<ReportSchedule[]> {
    const db = ctx.tenantDb();
    const { rows } = await db.query<ScheduleRow>(`SELECT * FROM ${db.table('report_schedules')} ORDER BY created_at, id`);
    return rows.map(toSchedule);
  }

  @Authorized('ANALYST')
  @Query(() => [ReportRun], { description: 'Runs of one schedule, newest first.' })
  async reportRuns(
    @Arg('scheduleId', () => ID) scheduleId: string,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportRun[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new BadUserInputError('limit must lie between 1 and 500.', { field: 'limit' });
    await findSchedule(ctx, scheduleId);
    const db = ctx.tenantDb();
    const { rows } = await db.query<RunRow>(
      `SELECT * FROM ${db.table('report_runs')} WHERE schedule_id = $1 ORDER BY scheduled_for DESC, id LIMIT $2`,
      [scheduleId, limit],
    );
    return rows.map(toRun);
  }

  @Authorized('ADMIN')
  @Mutation(() => ReportSchedule)
  async createReportSchedule(@Arg('input') input: ReportScheduleInput, @Ctx() ctx: SubgraphContext): Promise<ReportSchedule> {
    const valid = await checkScheduleInput(ctx, input);
    const db = ctx.tenantDb();
    const { rows: count } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${db.table('report_schedules')}`);
    if (count[0]!.n >= SCHEDULE_LIMITS.maxSchedules) {
      throw new BadUserInputError(`At most ${SCHEDULE_LIMITS.maxSchedules} report schedules per tenant.`, {
        max: SCHEDULE_LIMITS.maxSchedules,
      });
    }
    const user = ctx.user();
    const { rows } = await db.query<ScheduleRow>(
      `INSERT INTO ${db.table('report_schedules')} (${SCHEDULE_COLUMNS}, paused, next_run_at, created_by, created_by_email)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *`,
      [...scheduleValues(valid), input.paused, nextRunAfter(valid.cron, valid.timeZone, new Date()), user.userId, user.email],
    );
    await auditSchedule(ctx, 'CREATED', rows[0]!);
    return toSchedule(rows[0]!);
  }

  @Authorized('ADMIN')
  @Mutation(() => ReportSchedule, { description: 'Changes a schedule; the next run is computed again from now.' })
  async updateReportSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ReportScheduleUpdate,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportSchedule> {
    const current = await findSchedule(ctx, id);
    const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null));
    const valid = await checkScheduleInput(ctx, { ...inputOf(current), ...given } as ReportScheduleInput);
    const db = ctx.tenantDb();
    const { rows } = await db.query<ScheduleRow>(
      `UPDATE ${db.table('report_schedules')}
          SET (${SCHEDULE_COLUMNS}, next_run_at, updated_at) = ($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
        WHERE id = $1 RETURNING *`,
      [id, ...scheduleValues(valid), nextRunAfter(valid.cron, valid.timeZone, new Date())],
    );
    await auditSchedule(ctx, 'UPDATED', rows[0]!);
    return toSchedule(rows[0]!);
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: 'Deletes a schedule and its runs; archived documents stay until their retention ends.' })
  async deleteReportSchedule(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    const schedule = await findSchedule(ctx, id);
    const db = ctx.tenantDb();
    await db.query(`DELETE FROM ${db.table('report_schedules')} WHERE id = $1`, [id]);
    await auditSchedule(ctx, 'DELETED', schedule);
    return true;
  }

  @Authorized('ADMIN')
  @Mutation(() => ReportSchedule, {
    description: 'Pauses (true) or resumes (false) a schedule. Resuming skips the runs missed while paused: the next is computed from now.',
  })
  async pauseReportSchedule(
    @Arg('id', () => ID) id: string,
    @Arg('paused', { defaultValue: true }) paused: boolean,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportSchedule> {
    const current = await findSchedule(ctx, id);
    const db = ctx.tenantDb();
    const { rows } = await db.query<ScheduleRow>(
      `UPDATE ${db.table('report_schedules')} SET paused = $2, next_run_at = $3, updated_at = now() WHERE id = $1 RETURNING *`,
      [id, paused, paused ? current.next_run_at : nextRunAfter(current.cron, current.time_zone, new Date())],
    );
    await auditSchedule(ctx, paused ? 'PAUSED' : 'RESUMED', rows[0]!);
    return toSchedule(rows[0]!);
  }

  @Authorized('ADMIN')
  @Mutation(() => ReportRun, {
    description: 'Queues a run now, outside the cron (paused schedules too); a runner renders, archives and delivers it.',
  })
  async runReportSchedule(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ReportRun> {
    const schedule = await findSchedule(ctx, id);
    const run = await insertRun(ctx.tenantDb(), schedule, new Date(), true);
    if (!run) throw new BadUserInputError('A run of this schedule was queued this very millisecond: try again.', { field: 'id' });
    return toRun(run);
  }
}
