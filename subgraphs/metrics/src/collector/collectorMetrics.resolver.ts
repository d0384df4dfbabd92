import type { SubgraphContext } from '@perfanalysis/platform';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { MetricsCollector } from './collector.type.js';
import { MetricPoint } from '../point/point.type.js';
import { readLatestPoint } from '../point/pointReader.js';

/** Metric fields the metrics subgraph adds to the Collector entity. */
@Resolver(() => MetricsCollector)
export class CollectorMetricsResolver {
  @FieldResolver(() => MetricPoint, { nullable: true, description: 'The newest stored point.' })
  async latestPoint(@Root() collector: MetricsCollector, @Ctx() ctx: SubgraphContext): Promise<MetricPoint | null> {
    return readLatestPoint(ctx.runtime.db.pool, ctx.tenantSchema(), collector.id);
  }
}
