import type { Migration } from '../Migration.js';
import { m0001TenantInit } from './0001_init.js';
import { m0002Rollups } from './0002_rollups.js';
import { m0003Alerts } from './0003_alerts.js';
import { m0004PccState } from './0004_pcc_state.js';
import { m0005ReportSchedules } from './0005_report_schedules.js';
import { m0006ReportProfiles } from './0006_report_profiles.js';
import { m0007FleetSchedules } from './0007_fleet_schedules.js';

/** Migrations applied to every `tenant_<slug>` schema, oldest first. Append only. */
export const tenantMigrations: readonly Migration[] = [
  m0001TenantInit,
  m0002Rollups,
  m0003Alerts,
  m0004PccState,
  m0005ReportSchedules,
  m0006ReportProfiles,
  m0007FleetSchedules,
];
