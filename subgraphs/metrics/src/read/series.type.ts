import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { MetricGroupEnum } from '../point/metricGroup.js';
import { SeriesSource } from './seriesSource.js';

/** One metric bucketed: `min[i]`, `avg[i]`, `max[i]` belong to the series' `timestamps[i]`. */
@ObjectType('MetricSeries', { description: 'One metric bucketed; null where a bucket holds no value of it.' })
export class MetricSeries {
  @Field({ description: 'The contract column, e.g. cpu_user (docs/metrics.md).' })
  metric!: string;

  @Field({ description: 'e.g. %, MB, MB/s, ops/s, /s; empty for load averages.' })
  unit!: string;

  @Field(() => [Float], { nullable: 'items' })
  min!: (number | null)[];

  @Field(() => [Float], { nullable: 'items' })
  avg!: (number | null)[];

  @Field(() => [Float], { nullable: 'items' })
  max!: (number | null)[];
}

/**
 * The metrics of one group of one collector, in buckets of `bucketSeconds` aligned on the
 * Unix epoch. Every bucket of [from, to) is listed, empty ones with nulls, so a chart shows
 * gaps where the collector sent nothing.
 */
@ObjectType('Series', { description: 'Metrics of one group bucketed server-side (min/avg/max per bucket).' })
export class Series {
  @Field(() => ID)
  collectorId!: string;

  @Field(() => MetricGroupEnum)
  group!: MetricGroupEnum;

  @Field({ description: 'Start of the first bucket: the asked `from` rounded down to a bucket boundary.' })
  from!: Date;

  @Field({ description: 'End of the last bucket (exclusive): the asked `to` rounded up to a bucket boundary.' })
  to!: Date;

  @Field(() => Int, { description: 'Width of every bucket: a nice step (1 s … 1 day, then whole days).' })
  bucketSeconds!: number;

  @Field(() => SeriesSource)
  source!: SeriesSource;

  @Field(() => [Date], { description: 'Start of each bucket, every bucket of the range, oldest first.' })
  timestamps!: Date[];

  @Field(() => [MetricSeries])
  metrics!: MetricSeries[];
}
