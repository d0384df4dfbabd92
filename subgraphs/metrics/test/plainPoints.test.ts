import fc from 'fast-check';
import { columnFieldName, METRIC_COLUMNS } from '@perfanalysis/contract';
import { getVariableValues, type GraphQLSchema, parse, type OperationDefinitionNode } from 'graphql';
import { plainPointsReader, type PlainPointsReader } from '../src/ingest/plainPoints.js';
import { type DeviceSampleInput, pointFromInput } from '../src/point/pointInput.js';
import { buildMetricsSchema } from '../src/schema.js';

const FIELDS = METRIC_COLUMNS.map(columnFieldName);
const OPERATION = parse('mutation($points: [MetricPointInput!]!) { tricklePoints(points: $points) { accepted } }')
  .definitions[0] as OperationDefinitionNode;

let schema: GraphQLSchema;
let read: PlainPointsReader;
beforeAll(async () => {
  schema = await buildMetricsSchema();
  read = plainPointsReader(schema);
});

/** What the direct trickle got before the reader: graphql-js's coercion, then pointFromInput; undefined when refused. */
function byGraphql(points: unknown) {
  const coerced = getVariableValues(schema, OPERATION.variableDefinitions!, { points });
  if (coerced.errors) return undefined;
  return (coerced.coerced.points as ({ timestamp: Date; devices?: DeviceSampleInput[] | null } & Record<string, unknown>)[]).map(
    pointFromInput,
  );
}

const timestamp = fc.oneof(
  fc.date({ min: new Date('1990-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('2026-12-03T10:00:00Z', '2026-12-03T10:00:00+02:00', '2026-12-03', 'yesterday', '', '2026-13-40T00:00:00Z'),
  fc.integer(),
  fc.constant(null),
);
const value = fc.oneof(
  { weight: 6, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.integer() },
  fc.constantFrom(null, undefined, Infinity, -Infinity, NaN, '1.5', true, [1], { v: 1 }),
);
const agentPoint = fc.record(
  { timestamp: fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2099-12-31') }).map((d) => d.toISOString()) },
  { requiredKeys: ['timestamp'] },
);
/** A point as a JSON body may carry it: known and unknown fields, right and wrong types, devices or not. */
const anyPoint = fc
  .tuple(
    fc.option(timestamp, { nil: undefined }),
    fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 8 }),
    fc.option(fc.constantFrom('devices', 'cpu_user', 'unknownField', '__proto__', 'timestamp2'), { nil: undefined }),
    fc.option(fc.constantFrom<unknown>(null, [], [{ kind: 'CPU', device: 'cpu0', cpuUser: 1 }], 'x'), { nil: undefined }),
  )
  .map(([ts, values, extra, extraValue]) => {
    const point: Record<string, unknown> = ts === undefined ? {} : { timestamp: ts };
    for (const [k, v] of Object.entries(values)) point[k] = v;
    if (extra !== undefined)
      Object.defineProperty(point, extra, { value: extraValue, enumerable: true, writable: true, configurable: true });
    return point;
  });
const anyVariable = fc.oneof(
  { weight: 8, arbitrary: fc.array(anyPoint, { maxLength: 6 }) },
  fc.constantFrom<unknown>(null, undefined, {}, 'x', 3),
  anyPoint,
  fc.array(fc.constantFrom<unknown>(null, 1, 'x', []), { minLength: 1, maxLength: 3 }),
);

describe('plainPointsReader', () => {
  it('answers exactly what graphql-js coercion and pointFromInput give, or leaves the value to graphql-js', () => {
    fc.assert(
      fc.property(anyVariable, (variable) => {
        const mine = read(variable);
        if (mine !== undefined) expect(mine).toEqual(byGraphql(variable));
      }),
      { numRuns: 3_000 },
    );
  });

  it('reads the points agents send (timestamp and Float columns) itself', () => {
    const points = fc.array(
      fc
        .tuple(agentPoint, fc.dictionary(fc.constantFrom(...FIELDS), fc.double({ noNaN: true, noDefaultInfinity: true }), { maxKeys: 27 }))
        .map(([p, values]) => ({ ...values, ...p })),
      { maxLength: 100 },
    );
    fc.assert(
      fc.property(points, (variable) => {
        const mine = read(variable);
        expect(mine).toBeDefined();
        expect(mine).toEqual(byGraphql(variable));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the columns in the contract order whatever order the fields came in', () => {
    const [point] = read([{ memUsedMb: 1, timestamp: '2026-12-03T10:00:00Z', cpuUser: 2 }])!;
    expect(Object.keys(point!.values)).toEqual(['cpu_user', 'mem_used_mb']);
    expect(point!.timestamp).toBe(Date.parse('2026-12-03T10:00:00Z'));
  });

  it('leaves device samples, unknown fields and non-numbers to graphql-js', () => {
    const ts = '2026-12-03T10:00:00Z';
    expect(read([{ timestamp: ts, devices: [{ kind: 'CPU', device: 'cpu0' }] }])).toBeUndefined();
    expect(read([{ timestamp: ts, cpuUsr: 1 }])).toBeUndefined();
    expect(read([{ timestamp: ts, cpuUser: '1' }])).toBeUndefined();
    expect(read({ timestamp: ts })).toBeUndefined();
    expect(read([{ timestamp: ts, devices: [] }])).toEqual([{ timestamp: Date.parse(ts), values: {}, devices: [] }]);
  });
});
