import type { SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { MetricPointInput } from '../point/point.type.js';
import { pointFromInput } from '../point/pointInput.js';
import { TrickleAck } from './trickle.types.js';
import { tricklePoints } from './tricklePoints.js';

@Resolver()
export class TrickleResolver {
  @Authorized('COLLECTOR')
  @Mutation(() => TrickleAck, { description: "A batch of points from the API key's collector; re-sent points are skipped." })
  async tricklePoints(
    // No class-validator pass over every point object: the input class declares no constraints,
    // and validatePoint checks timestamps and ranges once per point (docs/ingest.md).
    @Arg('points', () => [MetricPointInput], { validate: false }) points: MetricPointInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrickleAck> {
    const ack = await tricklePoints(
      ctx,
      points.map((p) => pointFromInput(p as MetricPointInput & { timestamp: Date })),
    );
    return Object.assign(new TrickleAck(), ack);
  }
}
