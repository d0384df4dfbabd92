import type { SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { RULES_CHANGED_CHANNEL } from '@perfanalysis/contract';
import { AlertRule, AlertRuleInput } from './rule.type.js';
import { deleteRule, findRule, insertRule, listRules, toAlertRule, updateRule, validateRuleInput } from './ruleStore.js';

/** Evaluators of every replica look at their subscriptions again (best effort: they also refresh periodically). */
async function rulesChanged(ctx: SubgraphContext): Promise<void> {
  await ctx.runtime.pubsub.publish(RULES_CHANGED_CHANNEL, ctx.tenant().id).catch(() => undefined);
}

@Resolver(() => AlertRule)
export class AlertRuleResolver {
  @Authorized('ANALYST')
  @Query(() => [AlertRule], { description: "Your tenant's alert rules." })
  async alertRules(@Ctx() ctx: SubgraphContext): Promise<AlertRule[]> {
    return (await listRules(ctx.tenantDb())).map(toAlertRule);
  }

  @Authorized('ANALYST')
  @Query(() => AlertRule)
  async alertRule(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<AlertRule> {
    return toAlertRule(await findRule(ctx.tenantDb(), id));
  }

  @Authorized('ADMIN')
  @Mutation(() => AlertRule, { description: 'Defines a rule; it is evaluated on the points stored from now on.' })
  async createAlertRule(@Arg('input') input: AlertRuleInput, @Ctx() ctx: SubgraphContext): Promise<AlertRule> {
    const db = ctx.tenantDb();
    const rule = await insertRule(db, await validateRuleInput(db, input));
    await rulesChanged(ctx);
    return toAlertRule(rule);
  }

  @Authorized('ADMIN')
  @Mutation(() => AlertRule, { description: 'Replaces a rule; its open alerts resolve and evaluation starts afresh.' })
  async updateAlertRule(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: AlertRuleInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AlertRule> {
    const db = ctx.tenantDb();
    const rule = await updateRule(db, id, await validateRuleInput(db, input));
    await rulesChanged(ctx);
    return toAlertRule(rule);
  }

  @Authorized('ADMIN')
  @Mutation(() => Boolean, { description: 'Deletes a rule with its alerts and their history.' })
  async deleteAlertRule(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    await deleteRule(ctx.tenantDb(), id);
    await rulesChanged(ctx);
    return true;
  }
}
