import {
  type AlertEventMessage,
  alertEventChannel,
  decodePointMessage,
  METRIC_COLUMNS,
  type MetricColumn,
  type MetricValues,
  pointChannel,
  type PointMessage,
  RULES_CHANGED_CHANNEL,
} from '@perfanalysis/contract';
import { bindTenant, type Runtime, type TenantDb, type Unsubscribe } from '@perfanalysis/platform';
import { collectorsByIds, listCollectors } from '@perfanalysis/subgraph-collectors/read';
import { pointsAfter } from '@perfanalysis/subgraph-metrics/read';
import { listTenants } from '@perfanalysis/subgraph-tenancy/read';
import type { RuleRow } from '../rule/ruleStore.js';
import { evaluatedRule, listRules } from '../rule/ruleStore.js';
import { applyTransition, lockState, saveState, type StoredState } from './applyTransition.js';
import { evaluatePoint, evaluateSilence } from './evaluator.js';

interface TenantRow {
  readonly id: string;
  readonly slug: string;
  readonly db: TenantDb;
}

/** Distinct key of the collector-silent sweep's advisory lock (the second key is the tenant). */
const SWEEP_LOCK = 7_046_010;

/** At most this many stored points are replayed per collector when catching up. */
const CATCH_UP_MAX_POINTS = 20_000;

/**
 * Evaluates the tenants' rules on the live stream: follows the points channel of every
 * collector some enabled rule judges, and applies each message in one transaction per
 * collector that locks the (rule, collector) state rows, skips points at or before the stored
 * last timestamp (another replica, or this one before a restart, applied them), and writes
 * lifecycle rows and webhook outbox rows with the new state. Events are published after commit.
 *
 * Points stored while no evaluator listened (all replicas restarting, a Redis outage) are
 * caught up from storage: when a channel is first followed, and after the pub/sub transport
 * comes back, the points after the rules' last applied timestamps (at most ALERTS_CATCH_UP
 * back) are read and applied before any live message of that collector.
 */
export class AlertEngine {
  private readonly follows = new Map<string, Unsubscribe>();
  private readonly queues = new Map<string, Promise<void>>();
  private refreshTimer: NodeJS.Timeout | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;
  private stopRulesChanged: Unsubscribe | undefined;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private stopped = false;
  private stopStatus: (() => void) | undefined;
  private readonly followed = new Map<string, { tenant: TenantRow; collectorId: string }>();
  /** Tenants with an enabled collector-silent rule, as of the last refresh: the only ones the sweep visits. */
  private silentTenants: TenantRow[] = [];
  private sweeping = false;

  constructor(private readonly runtime: Runtime) {}

  async start(): Promise<void> {
    const { refreshMs, sweepMs } = this.runtime.config.alerts;
    this.stopStatus = this.runtime.pubsub.onStatus?.((status) => {
      if (status !== 'up' || this.stopped) return;
      // Messages published while the transport was down are lost: read what was stored meanwhile.
      for (const [channel, { tenant, collectorId }] of this.followed) this.task(channel, () => this.catchUp(tenant, collectorId));
    });
    this.stopRulesChanged = await this.runtime.pubsub.subscribe(RULES_CHANGED_CHANNEL, () => void this.refresh());
    await this.refresh();
    this.refreshTimer = setInterval(() => void this.refresh(), refreshMs);
    this.sweepTimer = setInterval(() => void this.sweepSilence(), sweepMs);
    this.refreshTimer.unref();
    this.sweepTimer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.refreshTimer);
    clearInterval(this.sweepTimer);
    this.stopStatus?.();
    await this.stopRulesChanged?.();
    await Promise.all([...this.follows.values()].map((unsubscribe) => unsubscribe()));
    this.follows.clear();
    await this.refreshing?.catch(() => undefined);
    await Promise.all(this.queues.values());
  }

  /** Follows exactly the channels the enabled rules need now (one refresh at a time; a request during one runs another). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        await this.follow().catch((error: unknown) => this.runtime.logger.warn({ err: error }, 'alert rules not refreshed'));
      } while (this.refreshAgain && !this.stopped);
    })().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async tenants(): Promise<TenantRow[]> {
    const { pool } = this.runtime.db;
    const tenants = await listTenants(pool, { activeOnly: true });
    return tenants.map((t) => ({ id: t.id, slug: t.slug, db: bindTenant(pool, t.slug) }));
  }

  private async follow(): Promise<void> {
    const wanted = new Map<string, { tenant: TenantRow; collectorId: string }>();
    const silentTenants: TenantRow[] = [];
    for (const tenant of await this.tenants()) {
      const enabled = await listRules(tenant.db, true);
      if (enabled.some((r) => r.kind === 'SILENT')) silentTenants.push(tenant);
      const rules = enabled.filter((r) => r.kind !== 'SILENT');
      if (rules.length === 0) continue;
      let collectors: string[];
      if (rules.some((r) => r.collector_ids === null)) {
        collectors = (await listCollectors(tenant.db)).map((c) => c.id);
      } else collectors = [...new Set(rules.flatMap((r) => r.collector_ids!))];
      for (const collectorId of collectors) wanted.set(pointChannel(tenant.id, collectorId), { tenant, collectorId });
    }
    this.silentTenants = silentTenants;
    if (this.stopped) return;
    for (const [channel, unsubscribe] of this.follows) {
      if (!wanted.has(channel)) {
        this.follows.delete(channel);
        this.followed.delete(channel);
        await unsubscribe();
      }
    }
    for (const [channel, { tenant, collectorId }] of wanted) {
      if (this.follows.has(channel)) continue;
      // The catch-up is queued before the subscription exists, so that every live message of
      // the collector is applied after it (a point both stored and published is applied once).
      let subscribed: () => void = () => undefined;
      const live = new Promise<void>((resolve) => (subscribed = resolve));
      this.task(channel, async () => {
        await live;
        if (this.follows.has(channel)) await this.catchUp(tenant, collectorId);
      });
      try {
        const unsubscribe = await this.runtime.pubsub.subscribe(channel, (text) =>
          this.task(channel, () => this.apply(tenant, decodePointMessage(text))),
        );
        if (this.stopped) await unsubscribe();
        else {
          this.follows.set(channel, unsubscribe);
          this.followed.set(channel, { tenant, collectorId });
        }
      } finally {
        subscribed();
      }
    }
  }

  /** Work on one collector's points runs in order, one task at a time. */
  private task(channel: string, work: () => Promise<void>): void {
    const previous = this.queues.get(channel) ?? Promise.resolve();
    const next = previous
      .then(work)
      .catch((error: unknown) => this.runtime.logger.error({ err: error, channel }, 'alert evaluation failed'))
      .finally(() => {
        if (this.queues.get(channel) === next) this.queues.delete(channel);
      });
    this.queues.set(channel, next);
  }

  /**
   * Applies the stored points of a collector that its rules have not seen yet: after the
   * earliest last-applied timestamp of its rules (a rule without state: the catch-up window),
   * at most ALERTS_CATCH_UP back and CATCH_UP_MAX_POINTS points.
   */
  async catchUp(tenant: TenantRow, collectorId: string): Promise<void> {
    const { db } = tenant;
    const { rows: rules } = await db.query<{ metric: string; last_ts: Date | null }>(
      `SELECT r.metric, st.last_ts FROM ${db.table('alert_rules')} r
         LEFT JOIN ${db.table('alert_rule_state')} st ON st.rule_id = r.id AND st.collector_id = $1
        WHERE r.enabled AND r.kind <> 'SILENT' AND (r.collector_ids IS NULL OR $1 = ANY(r.collector_ids))`,
      [collectorId],
    );
    // Column names come from the rules, checked against the contract before they reach SQL.
    const columns = [...new Set(rules.map((r) => r.metric))].filter((m): m is MetricColumn =>
      (METRIC_COLUMNS as readonly string[]).includes(m),
    );
    if (columns.length === 0) return;
    const floor = Date.now() - this.runtime.config.alerts.catchUpMs;
    const after = Math.max(floor, Math.min(...rules.map((r) => r.last_ts?.getTime() ?? floor)));
    const points = await pointsAfter(db, {
      collectorId,
      after: new Date(after),
      columns,
      limit: CATCH_UP_MAX_POINTS,
    });
    if (points.length === 0) return;
    this.runtime.logger.debug({ collectorId, points: points.length }, 'alert evaluation caught up from storage');
    await this.apply(tenant, { c: collectorId, p: points });
  }

  /** Applies one message of points of one collector to every rule judging it. */
  async apply(tenant: TenantRow, message: PointMessage): Promise<void> {
    const events = await tenant.db.transaction(async (tx) => {
      const { rows: rules } = await tx.query<RuleRow>(
        `SELECT * FROM ${tx.table('alert_rules')} WHERE enabled AND kind <> 'SILENT' AND (collector_ids IS NULL OR $1 = ANY(collector_ids)) ORDER BY id`,
        [message.c],
      );
      if (rules.length === 0) return [];
      const hostname = await hostnameOf(tx, message.c);
      const published: AlertEventMessage[] = [];
      for (const rule of rules) {
        const evaluated = evaluatedRule(rule);
        const locked = await lockState(tx, rule.id, message.c);
        let { lastTs } = locked;
        let state: StoredState = locked.state;
        for (const point of message.p) {
          if (point.t <= lastTs) continue;
          lastTs = point.t;
          const result = evaluatePoint(evaluated, state.eval, point.t, point.v[rule.metric as keyof MetricValues]);
          state = { ...state, eval: result.state };
          if (!result.transition) continue;
          const { alertId, event } = await applyTransition(tx, {
            tenantSlug: tenant.slug,
            rule,
            collectorId: message.c,
            hostname,
            transition: result.transition,
            value: result.value,
            at: point.t,
            alertId: state.alertId,
          });
          state = { eval: state.eval, ...(alertId && { alertId }) };
          if (event) published.push(event);
        }
        if (lastTs !== locked.lastTs) await saveState(tx, rule.id, message.c, lastTs, state);
      }
      return published;
    });
    await this.publish(tenant, events);
  }

  private async publish(tenant: TenantRow, events: readonly AlertEventMessage[]): Promise<void> {
    for (const event of events) {
      await this.runtime.pubsub
        .publish(alertEventChannel(tenant.id), JSON.stringify(event))
        .catch((error: unknown) => this.runtime.logger.warn({ err: error }, 'alert event not published'));
    }
  }

  /**
   * Collector-silent rules: judged by the clock, by one replica per tenant at a time (advisory
   * lock). Only tenants holding such a rule are visited (a transaction for each of thousands of
   * tenants every second made a sweep outlast its period), and a sweep never overlaps the last.
   */
  async sweepSilence(): Promise<void> {
    if (this.stopped || this.sweeping) return;
    this.sweeping = true;
    try {
      for (const tenant of this.silentTenants) {
        const events = await tenant.db.transaction(async (tx) => {
          const { rows: rules } = await tx.query<RuleRow>(
            `SELECT * FROM ${tx.table('alert_rules')} WHERE enabled AND kind = 'SILENT' ORDER BY id`,
          );
          if (rules.length === 0) return [];
          if (!(await tx.tryTransactionLock(SWEEP_LOCK))) return [];
          const collectors = await listCollectors(tx, { activeOnly: true });
          const now = Date.now();
          const published: AlertEventMessage[] = [];
          for (const rule of rules) {
            for (const collector of collectors) {
              if (rule.collector_ids && !rule.collector_ids.includes(collector.id)) continue;
              const current = await lockState(tx, rule.id, collector.id);
              const result = evaluateSilence(evaluatedRule(rule), current.state.eval, now, collector.seenAt.getTime());
              let state: StoredState = { ...current.state, eval: result.state };
              if (result.transition) {
                const { alertId, event } = await applyTransition(tx, {
                  tenantSlug: tenant.slug,
                  rule,
                  collectorId: collector.id,
                  hostname: collector.hostname,
                  transition: result.transition,
                  value: result.value,
                  at: now,
                  alertId: state.alertId,
                });
                state = { eval: state.eval, ...(alertId && { alertId }) };
                if (event) published.push(event);
              }
              if (result.transition || result.state !== current.state.eval) await saveState(tx, rule.id, collector.id, now, state);
            }
          }
          return published;
        });
        await this.publish(tenant, events);
      }
    } catch (error) {
      if (!this.stopped) this.runtime.logger.warn({ err: error }, 'collector-silent sweep failed');
    } finally {
      this.sweeping = false;
    }
  }
}

async function hostnameOf(tx: TenantDb, collectorId: string): Promise<string> {
  const [collector] = await collectorsByIds(tx, [collectorId]);
  return collector?.hostname ?? collectorId;
}
