import { quoteSchema, type Runtime } from '@perfanalysis/platform';

/**
 * Deletes one tenant's archived documents older than the archive's retention
 * (`REPORT_ARCHIVE_RETENTION`, separate from the metrics retention) and the finished runs as
 * old; returns how many documents went.
 */
export async function purgeArchive(runtime: Runtime, schema: string, now = new Date()): Promise<number> {
  const s = quoteSchema(schema);
  const cutoff = new Date(now.getTime() - runtime.config.reports.archiveRetentionMs);
  const { rowCount } = await runtime.db.pool.query(`DELETE FROM ${s}.report_archive WHERE created_at < $1`, [cutoff]);
  await runtime.db.pool.query(`DELETE FROM ${s}.report_runs WHERE finished_at < $1`, [cutoff]);
  return rowCount ?? 0;
}
