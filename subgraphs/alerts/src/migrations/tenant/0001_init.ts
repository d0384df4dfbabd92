import type { MigrationFile } from '@perfanalysis/platform';

/**
 * Alerting (issue 10): rules, the evaluation state per (rule, collector) that makes each point
 * count once across replicas and restarts, alert lifecycle rows, silences, webhooks, and the
 * webhook deliveries that double as the notification outbox (written in the transaction that
 * changes an alert, sent afterwards).
 */
export const migration: MigrationFile = {
  supersedes: '0003_alerts',
  sql: (s) => `
CREATE TABLE ${s}.alert_rules (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  metric text NOT NULL,
  collector_ids uuid[],
  kind text NOT NULL CHECK (kind IN ('THRESHOLD', 'ANOMALY', 'SILENT')),
  op text CHECK (op IN ('GT', 'GTE', 'LT', 'LTE')),
  threshold double precision,
  window_ms integer NOT NULL DEFAULT 0 CHECK (window_ms >= 0),
  z_score double precision,
  warmup integer NOT NULL DEFAULT 30,
  silent_ms integer,
  for_ms integer NOT NULL DEFAULT 0 CHECK (for_ms >= 0),
  severity text NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
  summary text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ${s}.alert_rule_state (
  rule_id uuid NOT NULL REFERENCES ${s}.alert_rules (id) ON DELETE CASCADE,
  collector_id uuid NOT NULL,
  last_ts timestamptz NOT NULL,
  state jsonb NOT NULL,
  PRIMARY KEY (rule_id, collector_id)
);

CREATE TABLE ${s}.alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_id uuid NOT NULL REFERENCES ${s}.alert_rules (id) ON DELETE CASCADE,
  collector_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'FIRING', 'RESOLVED')),
  severity text NOT NULL,
  summary text NOT NULL,
  pending_at timestamptz NOT NULL,
  fired_at timestamptz,
  resolved_at timestamptz,
  fired_value double precision,
  resolved_value double precision,
  silenced boolean NOT NULL DEFAULT false,
  acknowledged_at timestamptz,
  acknowledged_by uuid
);
CREATE INDEX alerts_status ON ${s}.alerts (status) WHERE status <> 'RESOLVED';
CREATE INDEX alerts_time ON ${s}.alerts (pending_at);

CREATE TABLE ${s}.alert_silences (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_id uuid REFERENCES ${s}.alert_rules (id) ON DELETE CASCADE,
  collector_id uuid,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
  comment text,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ${s}.alert_webhooks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL,
  secret text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE ${s}.alert_webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  webhook_id uuid NOT NULL REFERENCES ${s}.alert_webhooks (id) ON DELETE CASCADE,
  alert_id uuid REFERENCES ${s}.alerts (id) ON DELETE SET NULL,
  event text NOT NULL,
  body text NOT NULL,
  status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_status_code integer,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz
);
CREATE INDEX alert_webhook_deliveries_due ON ${s}.alert_webhook_deliveries (next_attempt_at) WHERE status = 'PENDING';
`,
};
