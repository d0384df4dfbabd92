import type { Runtime, TenantDb } from '@perfanalysis/platform';

/**
 * Deletes one tenant's archived documents older than the archive's retention
 * (`REPORT_ARCHIVE_RETENTION`, separate from the metrics retention) and the finished runs as
 * old; returns how many documents went.
 */
export async function purgeArchive(runtime: Runtime, db: TenantDb, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - runtime.config.reports.archiveRetentionMs);
  const { rowCount } = await db.query(`DELETE FROM ${db.table('report_archive')} WHERE created_at < $1`, [cutoff]);
  await db.query(`DELETE FROM ${db.table('report_runs')} WHERE finished_at < $1`, [cutoff]);
  return rowCount ?? 0;
}
