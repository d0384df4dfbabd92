import { BadUserInputError, isUuid, type SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { REPORT_LIMITS } from '../report/reportLimits.js';
import { createArchiveLink } from './archiveLink.js';
import { ARCHIVE_COLUMNS, type ArchiveRow, findArchived, toArchiveEntry } from './archiveStore.js';
import { ReportArchiveEntry, ReportArchiveLink } from './reportArchive.type.js';

/** The report archive (docs/report-schedules.md): listed and downloaded by whoever may render reports. */
@Resolver(() => ReportArchiveEntry)
export class ReportArchiveResolver {
  @Authorized('ANALYST')
  @Query(() => [ReportArchiveEntry], { description: 'Archived documents of your tenant, newest first (optionally of one schedule).' })
  async reportArchive(
    @Arg('scheduleId', () => ID, { nullable: true }) scheduleId: string | null,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportArchiveEntry[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new BadUserInputError('limit must lie between 1 and 500.', { field: 'limit' });
    if (scheduleId && !isUuid(scheduleId)) throw new BadUserInputError('scheduleId is not an id.', { field: 'scheduleId' });
    const db = ctx.tenantDb();
    const { rows } = await db.query<ArchiveRow>(
      `SELECT ${ARCHIVE_COLUMNS} FROM ${db.table('report_archive')}
        WHERE $1::uuid IS NULL OR schedule_id = $1 ORDER BY created_at DESC, id LIMIT $2`,
      [scheduleId ?? null, limit],
    );
    return rows.map((row) => toArchiveEntry(row, ctx.runtime.config.reports.archiveRetentionMs));
  }

  @Authorized('ANALYST')
  @Query(() => ReportArchiveLink, {
    description: `A download link of one archived document, valid for ${REPORT_LIMITS.downloadTtlMs / 60_000} minutes.`,
  })
  async reportArchiveDownload(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ReportArchiveLink> {
    const row = await findArchived(ctx, id);
    const link = await createArchiveLink(ctx.runtime, ctx.tenantDb(), row.id, REPORT_LIMITS.downloadTtlMs);
    return Object.assign(new ReportArchiveLink(), link);
  }
}
