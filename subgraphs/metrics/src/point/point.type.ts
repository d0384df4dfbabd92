import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { MetricsCollector } from '../collector/collector.type.js';
import { declareColumnFields } from './columnFields.js';
import { DeviceSampleInput } from './pointInput.js';

/** One sample of one collector. Absent metrics are null, never zero. */
@ObjectType('MetricPoint', { description: 'One sample of one collector at one instant (UTC).', simpleResolvers: true })
export class MetricPoint {
  @Field(() => MetricsCollector)
  collector!: MetricsCollector;

  @Field()
  timestamp!: Date;

  [field: string]: unknown;
}
declareColumnFields(MetricPoint.prototype, (column, unit) =>
  Field(() => Float, { nullable: true, description: `${column} (${unit || 'ratio'})` }),
);

/** One point sent by an agent. */
@InputType('MetricPointInput')
export class MetricPointInput {
  @Field()
  timestamp!: Date;

  @Field(() => [DeviceSampleInput], { nullable: true, description: 'Per-CPU, per-disk and per-interface values.' })
  devices?: DeviceSampleInput[] | null;

  [field: string]: unknown;
}
declareColumnFields(MetricPointInput.prototype, (column, unit) =>
  Field(() => Float, { nullable: true, description: `${column} (${unit || 'ratio'})` }),
);
