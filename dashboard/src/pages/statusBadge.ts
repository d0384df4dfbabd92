import type { CollectorStatus } from '@perfanalysis/sdk';
import { h } from '../dom/h.js';

const LABELS: Record<CollectorStatus, string> = { LIVE: 'Live', STALE: 'Stale', NEVER_SEEN: 'Never seen', INACTIVE: 'Inactive' };

const HINTS: Record<CollectorStatus, string> = {
  LIVE: 'Sent data within the last 2 minutes',
  STALE: 'No data for more than 2 minutes',
  NEVER_SEEN: 'Has never sent data',
  INACTIVE: 'Deactivated: its keys are refused',
};

export function statusBadge(status: CollectorStatus): HTMLSpanElement {
  return h('span', { class: `status-badge status-${status.toLowerCase()}`, title: HINTS[status] }, LABELS[status]);
}
