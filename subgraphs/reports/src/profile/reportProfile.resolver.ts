import { auditRequest, BadUserInputError, CollectorRef, ref, type SubgraphContext } from '@perfanalysis/platform';
import { checkReportProfile, type ReportProfile as ProfileSettings } from '@perfanalysis/reports';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { findReportCollector } from '../report/findReportCollector.js';
import { readReportProfile, type StoredReportProfile } from './readReportProfile.js';
import { ReportProfile, ReportProfileSettings } from './reportProfile.type.js';

const toAnswer = (collectorId: string, stored: StoredReportProfile): ReportProfile =>
  Object.assign(new ReportProfile(), {
    collector: ref(CollectorRef, collectorId),
    settings: Object.assign(new ReportProfileSettings(), stored.settings),
    updatedAt: stored.updatedAt,
  });

/** The input without its nulls: what is stored is only what differs from the defaults. */
function setValues(input: ReportProfileSettings): ProfileSettings {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as ProfileSettings;
}

/**
 * Report profiles (docs/report-profiles.md). The collector is looked up in the caller's tenant
 * schema first, so another tenant's collector is NOT_FOUND like an unknown id.
 */
@Resolver()
export class ReportProfileResolver {
  @Authorized('ANALYST')
  @Query(() => ReportProfile, { description: 'The capacities and thresholds the reports of this collector use; null fields are defaults.' })
  async reportProfile(@Arg('collectorId', () => ID) collectorId: string, @Ctx() ctx: SubgraphContext): Promise<ReportProfile> {
    const collector = await findReportCollector(ctx, collectorId);
    return toAnswer(collector.id, await readReportProfile(ctx.tenantDb(), collector.id));
  }

  @Authorized('ADMIN')
  @Mutation(() => ReportProfile, {
    description: 'Replaces the profile of a collector: fields left out or null go back to their defaults.',
  })
  async setReportProfile(
    @Arg('collectorId', () => ID) collectorId: string,
    @Arg('input', () => ReportProfileSettings) input: ReportProfileSettings,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReportProfile> {
    const collector = await findReportCollector(ctx, collectorId);
    const settings = setValues(input);
    const problem = checkReportProfile(settings);
    if (problem) throw new BadUserInputError(problem.message, { field: `input.${problem.field}` });
    const db = ctx.tenantDb();
    const { rows } = await db.query<{ updated_at: Date }>(
      `INSERT INTO ${db.table('report_profiles')} (collector_id, settings, updated_by) VALUES ($1, $2, $3)
       ON CONFLICT (collector_id) DO UPDATE SET settings = EXCLUDED.settings, updated_at = now(), updated_by = EXCLUDED.updated_by
       RETURNING updated_at`,
      [collector.id, JSON.stringify(settings), ctx.user().userId],
    );
    await auditRequest(ctx, 'REPORT_PROFILE', { collectorId: collector.id, settings });
    return toAnswer(collector.id, { settings, updatedAt: rows[0]!.updated_at });
  }

  @Authorized('ADMIN')
  @Mutation(() => ReportProfile, { description: 'Forgets the profile of a collector: every value back to its default.' })
  async resetReportProfile(@Arg('collectorId', () => ID) collectorId: string, @Ctx() ctx: SubgraphContext): Promise<ReportProfile> {
    const collector = await findReportCollector(ctx, collectorId);
    const db = ctx.tenantDb();
    await db.query(`DELETE FROM ${db.table('report_profiles')} WHERE collector_id = $1`, [collector.id]);
    await auditRequest(ctx, 'REPORT_PROFILE', { collectorId: collector.id, reset: true });
    return toAnswer(collector.id, { settings: {}, updatedAt: null });
  }
}
