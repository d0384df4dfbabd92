import type { ReportAlert } from '@perfanalysis/reports';
import { quoteSchema } from '@perfanalysis/platform';
import type { Pool } from 'pg';

/** At most this many alerts are listed in one report (the newest are kept). */
export const MAX_REPORT_ALERTS = 500;

interface AlertRow {
  name: string;
  severity: string;
  fired_at: Date;
  resolved_at: Date | null;
  fired_value: number | null;
  summary: string;
}

/**
 * The collector's alerts that fired and were active at some instant of [from, to), read
 * from the tenant's alerts table (written by the alerts subgraph). Pending alerts that never
 * fired are not alerts.
 */
export async function readReportAlerts(pool: Pool, schema: string, collectorId: string, from: Date, to: Date): Promise<ReportAlert[]> {
  const s = quoteSchema(schema);
  const { rows } = await pool.query<AlertRow>(
    `SELECT r.name, a.severity, a.fired_at, a.resolved_at, a.fired_value, a.summary
       FROM ${s}.alerts a JOIN ${s}.alert_rules r ON r.id = a.rule_id
      WHERE a.collector_id = $1 AND a.fired_at IS NOT NULL AND a.fired_at < $3 AND (a.resolved_at IS NULL OR a.resolved_at >= $2)
      ORDER BY a.fired_at DESC LIMIT $4`,
    [collectorId, from, to, MAX_REPORT_ALERTS],
  );
  return rows.map((row) => ({
    name: row.name,
    severity: row.severity.toLowerCase() as ReportAlert['severity'],
    startedAt: row.fired_at,
    ...(row.resolved_at && { endedAt: row.resolved_at }),
    value: row.fired_value ?? NaN,
    summary: row.summary,
  }));
}
