import { Field, Float, Int, ObjectType } from 'type-graphql';

/** One metric over a range; every statistic is null when the range holds no value of it. */
@ObjectType('MetricSummary', {
  description: 'min, mean, max and exact percentiles (percentile_cont, linear interpolation) of one metric over raw points.',
})
export class MetricSummary {
  @Field({ description: 'The contract column, e.g. cpu_user (docs/metrics.md).' })
  metric!: string;

  @Field()
  unit!: string;

  @Field(() => Int, { description: 'Points in the range holding a value of this metric.' })
  count!: number;

  @Field(() => Float, { nullable: true })
  min!: number | null;

  @Field(() => Float, { nullable: true })
  mean!: number | null;

  @Field(() => Float, { nullable: true })
  max!: number | null;

  @Field(() => Float, { nullable: true })
  p95!: number | null;

  @Field(() => Float, { nullable: true, description: '97.5th percentile.' })
  p975!: number | null;

  @Field(() => Float, { nullable: true })
  p99!: number | null;

  @Field(() => Float, { nullable: true, description: 'The 100th percentile: the maximum.' })
  p100!: number | null;
}
