import { Field, ObjectType } from 'type-graphql';
import { DeviceKindEnum } from '../point/pointInput.js';
import { MetricSeries } from './series.type.js';

/** One CPU core, block device or interface bucketed like a `Series` (always from raw points). */
@ObjectType('DeviceSeries', { description: 'One device bucketed from raw per-device values (min/avg/max per bucket).' })
export class DeviceSeries {
  @Field(() => DeviceKindEnum)
  kind!: DeviceKindEnum;

  @Field({ description: 'e.g. cpu0, sda, eth0' })
  device!: string;

  @Field(() => [Date], { description: 'Start of each bucket, every bucket of the range, oldest first.' })
  timestamps!: Date[];

  @Field(() => [MetricSeries])
  metrics!: MetricSeries[];
}
