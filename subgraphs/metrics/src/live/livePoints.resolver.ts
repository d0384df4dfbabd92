import type { SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, ID, Resolver, Root, Subscription } from 'type-graphql';
import { MetricGroupEnum } from '../point/metricGroup.js';
import { MetricPoint } from '../point/point.type.js';
import { type LivePointsArgs, subscribeLivePoints } from './subscribeLivePoints.js';

@Resolver()
export class LivePointsResolver {
  // An API key follows its own collector only (subscribeLivePoints), whatever its scopes.
  @Authorized('VIEWER', 'COLLECTOR')
  @Subscription(() => MetricPoint, {
    description:
      'Points of your tenant as they are stored: one event per point. With `since`, the stored points after it come first ' +
      '(at most LIVE_REPLAY_MAX_AGE back and LIVE_REPLAY_MAX_POINTS points), then the live ones, with no gap and no duplicate. ' +
      'Metrics outside `groups` are null. Each event carries `extensions.resumeFrom`: resubscribe with `since` set to it to miss nothing.',
    subscribe: ({ args, context }) => subscribeLivePoints(context as SubgraphContext, args as LivePointsArgs),
  })
  livePoints(
    @Root() point: MetricPoint,
    @Arg('collectorIds', () => [ID], {
      nullable: true,
      description: 'Collectors to follow; omitted: every collector of the tenant, new ones included.',
    })
    _collectorIds: string[] | null,
    @Arg('groups', () => [MetricGroupEnum], { nullable: true, description: 'Metric groups to fill; omitted: all.' })
    _groups: MetricGroupEnum[] | null,
    @Arg('since', () => Date, { nullable: true, description: 'Replay the stored points after this instant first.' })
    _since: Date | null,
  ): MetricPoint {
    return point;
  }
}

/**
 * type-graphql refuses to build a schema with subscriptions unless given its own PubSub, even
 * when every subscription brings its `subscribe` (ours read the runtime's pub/sub): this one
 * only satisfies that check.
 */
export const UNUSED_TYPEGRAPHQL_PUBSUB = {
  publish(): void {
    throw new Error('live subscriptions publish through the runtime pub/sub');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('live subscriptions subscribe through the runtime pub/sub');
  },
};
