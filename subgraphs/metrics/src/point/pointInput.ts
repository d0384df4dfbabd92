import type { DeviceKind, MetricPoint, MetricValues } from '@perfanalysis/contract';
import { Field, Float, InputType, registerEnumType } from 'type-graphql';
import { COLUMN_FIELDS, declareColumnFields } from './columnFields.js';

export enum DeviceKindEnum {
  CPU = 'cpu',
  DISK = 'disk',
  NET = 'net',
}
registerEnumType(DeviceKindEnum, { name: 'DeviceKind', description: 'A CPU core, a block device or a network interface.' });

/** One device's values at the point's timestamp (fields of the matching group only). */
@InputType('DeviceSampleInput')
export class DeviceSampleInput {
  @Field(() => DeviceKindEnum)
  kind!: DeviceKindEnum;

  @Field({ description: 'e.g. cpu0, sda, eth0' })
  device!: string;

  [field: string]: unknown;
}
declareColumnFields(DeviceSampleInput.prototype, (column, unit) =>
  Field(() => Float, { nullable: true, description: `${column} (${unit || 'ratio'})` }),
);

function valuesOf(input: Record<string, unknown>): MetricValues {
  const values: Record<string, number> = {};
  for (const { column, field } of COLUMN_FIELDS) {
    const value = input[field];
    if (typeof value === 'number') values[column] = value;
  }
  return values as MetricValues;
}

/** The contract's point from its GraphQL input. */
export function pointFromInput(input: { timestamp: Date; devices?: DeviceSampleInput[] | null } & Record<string, unknown>): MetricPoint {
  return {
    timestamp: input.timestamp.getTime(),
    values: valuesOf(input),
    devices: (input.devices ?? []).map((d) => ({ kind: d.kind as DeviceKind, device: d.device, values: valuesOf(d) })),
  };
}
