import { buildFederatedSchema } from '@perfanalysis/platform';
import type { GraphQLSchema } from 'graphql';
import { AlertResolver } from './alert/alert.resolver.js';
import { AlertRuleResolver } from './rule/rule.resolver.js';
import { WebhookResolver } from './webhook/webhook.resolver.js';

/**
 * type-graphql refuses a schema with subscriptions unless given a PubSub of its own, even when
 * every subscription brings its `subscribe` (ours read the runtime's pub/sub).
 */
const UNUSED_TYPEGRAPHQL_PUBSUB = {
  publish(): void {
    throw new Error('alert events publish through the runtime pub/sub');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('alert events subscribe through the runtime pub/sub');
  },
};

export function buildAlertsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [AlertRuleResolver, AlertResolver, WebhookResolver], pubSub: UNUSED_TYPEGRAPHQL_PUBSUB });
}
