import fc from 'fast-check';
import { METRIC_COLUMNS, type MetricPoint, type MetricValues } from '@perfanalysis/contract';
import { createTestEnvironment, type TestEnvironment } from '@perfanalysis/testenv';
import { pointColumnArrays } from '../../subgraphs/metrics/src/storage/binaryArrays.js';
import type { PointBatch } from '../../subgraphs/metrics/src/storage/storePoints.js';

/**
 * The trickle statement's binary array parameters (subgraphs/metrics/src/storage/binaryArrays.ts),
 * read back by PostgreSQL itself: every element arrives as the value the encoder was given —
 * collector, timestamp to the millisecond, each metric as its float4 (Math.fround) or NULL.
 */
describe('binary array parameters of the trickle insert', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment();
  });
  afterAll(() => env?.stop());

  const casts = METRIC_COLUMNS.map((_, i) => `$${i + 3}::real[]`).join(', ');
  const names = METRIC_COLUMNS.map((_, i) => `c${i}`).join(', ');
  // Each value as text PostgreSQL prints: float8 of the float4 is exact, so it compares with Math.fround.
  const READ_BACK = `SELECT c::text AS c, (extract(epoch FROM t) * 1000)::int8 AS ms, ${METRIC_COLUMNS.map((_, i) => `c${i}::float8 AS v${i}`).join(', ')}
    FROM unnest($1::uuid[], $2::timestamptz[], ${casts}) WITH ORDINALITY AS u(c, t, ${names}, n) ORDER BY n`;

  const value = fc.oneof(
    fc.constant(undefined),
    fc.constant(null),
    fc.double({ min: 0, max: 3e38, noNaN: true }),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.constantFrom(0, 100, 99.99, 1e-30, 0.1, 16384),
  );
  const point = fc.record({
    // 1970 to 2100: before and after PostgreSQL's own epoch (2000), so negative microseconds too.
    timestamp: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    values: fc.tuple(...METRIC_COLUMNS.map(() => value)).map((vs) => {
      const values: Record<string, number | null> = {};
      vs.forEach((v, i) => v !== undefined && (values[METRIC_COLUMNS[i]!] = v));
      return values as MetricValues;
    }),
  });
  const batches = fc.array(fc.record({ collectorId: fc.uuid(), points: fc.array(point, { maxLength: 20 }) }), { maxLength: 5 });

  it('arrive in PostgreSQL as the values encoded, NULLs and empty groups included', async () => {
    await fc.assert(
      fc.asyncProperty(batches, async (groups: PointBatch[]) => {
        const { rows } = await env.runtime.db.pool.query<Record<string, unknown>>(READ_BACK, pointColumnArrays(groups));
        const expected = groups.flatMap(({ collectorId, points }) =>
          points.map((p: MetricPoint) => ({
            c: collectorId.toLowerCase(),
            ms: p.timestamp,
            ...Object.fromEntries(
              METRIC_COLUMNS.map((column, i) => {
                const v = p.values[column];
                return [`v${i}`, v === undefined || v === null ? null : Math.fround(v)];
              }),
            ),
          })),
        );
        expect(rows).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
