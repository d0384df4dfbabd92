import { CollectorRef, ref, type SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { type AlertEventMessage, alertEventChannel } from '@perfanalysis/contract';
import { Alert, AlertEvent, AlertSilence, SilenceInput } from './alert.type.js';
import { acknowledgeAlert, activeAlerts, alertsBetween, createSilence, listSilences } from './alertStore.js';
import { subscribeChannel } from '../live/subscribeChannel.js';
import type { AlertSeverity } from '../rule/rule.type.js';

function toAlertEvent(message: AlertEventMessage): AlertEvent {
  return Object.assign(new AlertEvent(), {
    ...message,
    severity: message.severity as AlertSeverity | null,
    collector: message.collectorId ? ref(CollectorRef, message.collectorId) : null,
    at: new Date(message.at),
  });
}

@Resolver()
export class AlertResolver {
  @Authorized('VIEWER')
  @Query(() => [Alert], { description: 'Pending and firing alerts of your tenant, newest first.' })
  activeAlerts(@Ctx() ctx: SubgraphContext): Promise<Alert[]> {
    return activeAlerts(ctx.tenantDb());
  }

  @Authorized('ANALYST')
  @Query(() => [Alert], { description: 'Alerts active at some instant of [from, to), newest first.' })
  alertHistory(
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('limit', () => Int, { defaultValue: 1000 }) limit: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Alert[]> {
    return alertsBetween(ctx.tenantDb(), from, to, limit);
  }

  @Authorized('ANALYST')
  @Query(() => [AlertSilence], { description: 'Silences not yet over.' })
  alertSilences(@Ctx() ctx: SubgraphContext): Promise<AlertSilence[]> {
    return listSilences(ctx.tenantDb());
  }

  @Authorized('ANALYST')
  @Mutation(() => Alert, { description: 'Marks an alert as seen by you (kept in its history).' })
  async acknowledgeAlert(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Alert> {
    const alert = await acknowledgeAlert(ctx.tenantDb(), id, ctx.user().userId);
    const message: AlertEventMessage = {
      event: 'ACKNOWLEDGED',
      alertId: alert.id,
      ruleId: alert.ruleId,
      ruleName: alert.ruleName,
      collectorId: alert.collector.id,
      status: alert.status,
      severity: alert.severity,
      summary: alert.summary,
      value: null,
      at: (alert.acknowledgedAt ?? new Date()).toISOString(),
      silenced: alert.silenced,
    };
    await ctx.runtime.pubsub.publish(alertEventChannel(ctx.tenant().id), JSON.stringify(message)).catch(() => undefined);
    return alert;
  }

  @Authorized('ANALYST')
  @Mutation(() => AlertSilence, {
    description: 'No notification for alerts of this rule/collector (all when omitted) firing in the window.',
  })
  silenceAlerts(@Arg('input') input: SilenceInput, @Ctx() ctx: SubgraphContext): Promise<AlertSilence> {
    return createSilence(ctx.tenantDb(), input, ctx.user().userId);
  }

  @Authorized('VIEWER')
  @Subscription(() => AlertEvent, {
    description: "Lifecycle steps of your tenant's alerts as they happen (PENDING, FIRING, RESOLVED, ACKNOWLEDGED).",
    subscribe: ({ context }) => {
      const ctx = context as SubgraphContext;
      return subscribeChannel(ctx.runtime.pubsub, alertEventChannel(ctx.tenant().id), (text) =>
        toAlertEvent(JSON.parse(text) as AlertEventMessage),
      );
    },
  })
  alertEvents(@Root() event: AlertEvent): AlertEvent {
    return event;
  }
}
