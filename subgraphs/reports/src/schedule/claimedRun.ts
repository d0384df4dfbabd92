import type { RunRow } from './scheduleStore.js';

/** A run locked by one runner, with what its schedule says to do. */
export interface ClaimedRun extends RunRow {
  schedule_name: string;
  kind: 'COLLECTOR' | 'FLEET';
  format: 'html' | 'pdf';
  collector_ids: string[];
  recipients: string[];
  webhook_ids: string[];
  created_by: string | null;
  created_by_email: string | null;
  mailed_at: Date | null;
  webhooks_delivered: string[];
}
