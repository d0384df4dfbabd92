import type { SubgraphContext } from '@perfanalysis/platform';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { MetricsCollector } from './collector.type.js';
import { MetricPoint } from '../point/point.type.js';
import { latestPointOf } from '../point/latestPointLoader.js';
import { requestedColumns } from '../point/requestedColumns.js';

/** Metric fields the metrics subgraph adds to the Collector entity. */
@Resolver(() => MetricsCollector)
export class CollectorMetricsResolver {
  @FieldResolver(() => MetricPoint, { nullable: true, description: 'The newest stored point.' })
  latestPoint(
    @Root() collector: MetricsCollector,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MetricPoint | null> {
    return latestPointOf(ctx, collector.id, requestedColumns(info));
  }
}
