import type { TenantDb } from '@perfanalysis/platform';
import type { ReportProfile } from '@perfanalysis/reports';

/** A collector's stored profile; `{}` and no date when none was set (every default). */
export interface StoredReportProfile {
  readonly settings: ReportProfile;
  readonly updatedAt: Date | null;
}

/** Reads the profile of a collector already known to be `db`'s tenant's (docs/report-profiles.md). */
export async function readReportProfile(db: TenantDb, collectorId: string): Promise<StoredReportProfile> {
  const { rows } = await db.query<{ settings: ReportProfile; updated_at: Date }>(
    `SELECT settings, updated_at FROM ${db.table('report_profiles')} WHERE collector_id = $1`,
    [collectorId],
  );
  return rows[0] ? { settings: rows[0].settings, updatedAt: rows[0].updated_at } : { settings: {}, updatedAt: null };
}
