import type { ReportAlert } from '@perfanalysis/reports';
import type { TenantDb } from '@perfanalysis/platform';
import { firedAlerts } from '@perfanalysis/subgraph-alerts/read';

/** At most this many alerts are listed in one report (the newest are kept). */
export const MAX_REPORT_ALERTS = 500;

/**
 * The collector's alerts that fired and were active at some instant of [from, to), read
 * through the alerts subgraph's read module. Pending alerts that never fired are not alerts.
 */
export async function readReportAlerts(db: TenantDb, collectorId: string, from: Date, to: Date): Promise<ReportAlert[]> {
  const alerts = await firedAlerts(db, { collectorId, from, to, limit: MAX_REPORT_ALERTS });
  return alerts.map((alert) => ({
    name: alert.ruleName,
    severity: alert.severity.toLowerCase() as ReportAlert['severity'],
    startedAt: alert.firedAt,
    ...(alert.resolvedAt && { endedAt: alert.resolvedAt }),
    value: alert.firedValue ?? NaN,
    summary: alert.summary,
  }));
}
