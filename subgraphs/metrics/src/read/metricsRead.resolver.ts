import type { DeviceKind } from '@perfanalysis/contract';
import type { SubgraphContext } from '@perfanalysis/platform';
import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { columnsOfGroups, MetricGroupEnum } from '../point/metricGroup.js';
import { DeviceKindEnum } from '../point/pointInput.js';
import { DeviceSeries } from './deviceSeries.type.js';
import { MetricSummary } from './metricSummary.type.js';
import { readDeviceSeries } from './readDeviceSeries.js';
import { checkBuckets, checkRange, READ_LIMITS } from './readLimits.js';
import { readSeries } from './readSeries.js';
import { readSummary } from './readSummary.js';
import { requireCollector } from './requireCollector.js';
import { Series } from './series.type.js';

/** Reading stored metrics: bucketed series, summaries and per-device series of one collector. */
@Resolver()
export class MetricsReadResolver {
  @Authorized()
  @Query(() => Series, {
    description:
      'One group of metrics of one collector over [from, to), in about `buckets` (1–5000) buckets of min/avg/max. ' +
      'Long ranges read minute or hour rollups.',
  })
  async series(
    @Arg('collectorId', () => ID) collectorId: string,
    @Arg('group', () => MetricGroupEnum) group: MetricGroupEnum,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('buckets', () => Int, { nullable: true, defaultValue: 500 }) buckets: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Series> {
    checkRange(from, to);
    checkBuckets((buckets ??= 500));
    const collector = await requireCollector(ctx, collectorId);
    const result = await readSeries(ctx.runtime.db.readPool, ctx.tenantDb(), {
      collectorId: collector.id,
      columns: columnsOfGroups([group]),
      fromMs: from.getTime(),
      toMs: to.getTime(),
      buckets,
    });
    return Object.assign(new Series(), {
      collectorId: collector.id,
      group,
      from: new Date(result.fromMs),
      to: new Date(result.toMs),
      bucketSeconds: result.bucketSeconds,
      source: result.source,
      timestamps: result.timestamps,
      metrics: result.metrics,
    });
  }

  @Authorized()
  @Query(() => [MetricSummary], {
    description: 'min, mean, max, p95, p97.5, p99 and p100 of each metric of the groups (all when omitted) over raw points in [from, to).',
  })
  async summary(
    @Arg('collectorId', () => ID) collectorId: string,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('groups', () => [MetricGroupEnum], { nullable: true }) groups: MetricGroupEnum[] | null | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MetricSummary[]> {
    checkRange(from, to);
    const collector = await requireCollector(ctx, collectorId);
    return readSummary(ctx.runtime.db.readPool, ctx.tenantDb(), collector.id, columnsOfGroups(groups), from, to);
  }

  @Authorized()
  @Query(() => [DeviceSeries], {
    description: `Every CPU core, disk or interface of one collector, bucketed from raw values over [from, to) (at most ${READ_LIMITS.maxDeviceRangeDays} days).`,
  })
  async deviceSeries(
    @Arg('collectorId', () => ID) collectorId: string,
    @Arg('kind', () => DeviceKindEnum) kind: DeviceKindEnum,
    @Arg('from') from: Date,
    @Arg('to') to: Date,
    @Arg('buckets', () => Int, { nullable: true, defaultValue: 200 }) buckets: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DeviceSeries[]> {
    checkRange(from, to, READ_LIMITS.maxDeviceRangeDays);
    checkBuckets((buckets ??= 200));
    const collector = await requireCollector(ctx, collectorId);
    const devices = await readDeviceSeries(ctx.runtime.db.readPool, ctx.tenantDb(), {
      collectorId: collector.id,
      kind: kind as DeviceKind,
      fromMs: from.getTime(),
      toMs: to.getTime(),
      buckets,
    });
    return devices.map((d) => Object.assign(new DeviceSeries(), { kind, ...d }));
  }
}
