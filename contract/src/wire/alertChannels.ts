/** The alerts channels: lifecycle steps to subscribers and webhooks, and rule changes between replicas (docs/wire.md). */

/** One lifecycle step of an alert as published to subscribers and sent to webhooks. */
export interface AlertEventMessage {
  /** PENDING, FIRING, RESOLVED, ACKNOWLEDGED or TEST. */
  readonly event: string;
  readonly alertId: string | null;
  readonly ruleId: string | null;
  readonly ruleName: string | null;
  readonly collectorId: string | null;
  readonly status: string | null;
  readonly severity: string | null;
  readonly summary: string;
  /** The value that caused this step (crossing or clearing value). */
  readonly value: number | null;
  /** ISO instant of the step (the point's timestamp, or now for sweeps and actions). */
  readonly at: string;
  readonly silenced: boolean;
}

/** Per tenant: a subscriber can only name its own tenant's channel. */
export function alertEventChannel(tenantId: string): string {
  return `alert-events:${tenantId}`;
}

/** Any replica changed a rule: evaluators look at their subscriptions again. */
export const RULES_CHANGED_CHANNEL = 'alert-rules-changed';
