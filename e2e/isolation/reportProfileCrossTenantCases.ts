import { ReportProfileDocument, ResetReportProfileDocument, SetReportProfileDocument } from '@perfanalysis/sdk';
import type { CrossTenantCase } from './crossTenantCases.js';

/** B's collector's report profile, asked for by A's ADMIN (docs/report-profiles.md). */
export const REPORT_PROFILE_CROSS_TENANT_CASES: CrossTenantCase[] = [
  {
    name: "read B's collector's report profile",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(ReportProfileDocument, { collectorId: w.bCollectorId }),
  },
  {
    name: "set B's collector's report profile",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(SetReportProfileDocument, { collectorId: w.bCollectorId, input: { cpuBusyP95Pct: 1 } }),
  },
  {
    name: "reset B's collector's report profile",
    expected: 'NOT_FOUND',
    attempt: (w) => w.a.client.request(ResetReportProfileDocument, { collectorId: w.bCollectorId }),
  },
];
