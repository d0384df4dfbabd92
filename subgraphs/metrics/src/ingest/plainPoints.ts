import type { MetricColumn, MetricPoint, MetricValues } from '@perfanalysis/contract';
import { getNullableType, type GraphQLInputObjectType, type GraphQLSchema, isNonNullType, isScalarType } from 'graphql';
import { COLUMN_FIELDS } from '../point/columnFields.js';

/** A trickle's points variable, read straight into points; undefined when graphql-js must judge it. */
export type PlainPointsReader = (value: unknown) => MetricPoint[] | undefined;

/**
 * Reads a `[MetricPointInput!]!` variable the way agents send it — a JSON array of objects with
 * a timestamp and Float columns, no device samples — into the contract's points, with exactly
 * the result graphql-js's coercion followed by `pointFromInput` gives (pinned by a property test).
 * It exists because graphql-js coerces every one of the type's 30 fields of every point through a
 * generic walk, which was the largest frame of the metrics process at 100-point trickles
 * (docs/ingest.md, "Through the gateway without planning"). Anything else — a value graphql-js
 * would refuse or convert (a single object for the list, a string or Infinity for a Float, an
 * unknown field), device samples — answers undefined, and graphql-js coerces it as before.
 */
export function plainPointsReader(schema: GraphQLSchema): PlainPointsReader {
  const type = schema.getType('MetricPointInput') as GraphQLInputObjectType | undefined;
  const fields = type?.getFields() ?? {};
  const timestamp = fields.timestamp?.type;
  const columnsAreFloats = COLUMN_FIELDS.every(({ field }) => {
    const t = fields[field]?.type;
    // A schema has one type named Float: the specified scalar.
    return t !== undefined && isScalarType(t) && t.name === 'Float';
  });
  const known = new Set(['timestamp', 'devices', ...COLUMN_FIELDS.map((c) => c.field)]);
  // The type is not the one this reader was written for: leave every variable to graphql-js.
  if (!timestamp || !isNonNullType(timestamp) || !columnsAreFloats || Object.keys(fields).some((f) => !known.has(f)))
    return () => undefined;
  const scalar = getNullableType(timestamp);
  if (!isScalarType(scalar)) return () => undefined;
  const columns: readonly (readonly [string, MetricColumn])[] = COLUMN_FIELDS.map(({ field, column }) => [field, column]);

  const pointOf = (item: unknown): MetricPoint | undefined => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
    const input = item as Record<string, unknown>;
    for (const key of Object.keys(input)) if (!known.has(key)) return undefined;
    const devices = input.devices;
    if (devices !== undefined && devices !== null && !(Array.isArray(devices) && devices.length === 0)) return undefined;
    if (input.timestamp === undefined || input.timestamp === null) return undefined;
    let at: unknown;
    try {
      at = scalar.parseValue(input.timestamp);
    } catch {
      return undefined;
    }
    if (!(at instanceof Date)) return undefined;
    const values: Partial<Record<MetricColumn, number>> = {};
    for (const [field, column] of columns) {
      const value = input[field];
      if (value === undefined || value === null) continue;
      // graphql-js's Float: a finite number, taken as it is.
      if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
      values[column] = value;
    }
    return { timestamp: at.getTime(), values: values as MetricValues, devices: [] };
  };

  return (value) => {
    if (!Array.isArray(value)) return undefined;
    const points: MetricPoint[] = new Array<MetricPoint>(value.length);
    for (let i = 0; i < value.length; i++) {
      const point = pointOf(value[i]);
      if (!point) return undefined;
      points[i] = point;
    }
    return points;
  };
}
