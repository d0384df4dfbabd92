import { Supergraph } from '@apollo/federation-internals';
import type { FormattedExecutionResult } from 'graphql-ws';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createEventResolver, planEventResolver, shapeOnlyResolver } from '../src/live/eventResolver.js';
import { LivePlanner } from '../src/live/livePlanner.js';

const sdl = readFileSync(path.resolve(__dirname, '../../schema/supergraph.graphql'), 'utf8');
const planner = new LivePlanner(Supergraph.build(sdl).apiSchema().toGraphQLJSSchema(), sdl);
const identity = { principal: null, tenant: undefined, ip: '1' } as never;
const logger = { error: () => undefined, warn: () => undefined, info: () => undefined, debug: () => undefined } as never;

/** A document with aliases, fragments, `__typename` and directives on variables: what shaping has to get right. */
const DOCUMENT = `subscription Shaped($ids: [ID!], $withMem: Boolean!) {
  p: livePoints(collectorIds: $ids) { __typename at: timestamp ...Cpu mem: memUsedMb @include(if: $withMem) collector { id } }
}
fragment Cpu on MetricPoint { cpuUser cpuSystem }`;

const EVENTS: Record<string, unknown>[] = [
  {
    p: {
      __typename: 'MetricPoint',
      at: '2026-12-03T10:00:00.000Z',
      cpuUser: 1.5,
      cpuSystem: null,
      mem: 1000,
      collector: { id: 'c1', __typename: 'Collector' },
      extra: 'not asked',
    },
  },
  { p: { __typename: 'MetricPoint', at: '2026-12-03T10:00:01.000Z', cpuUser: 2, cpuSystem: 3, collector: { id: 'c2' } } },
  // A non-null field missing: the executor's shaping nulls what it must, the same way on both paths.
  { p: { __typename: 'MetricPoint', cpuUser: 2, cpuSystem: 3, collector: { id: 'c2' } } },
];

describe('a live event resolved by shaping alone', () => {
  it.each([true, false])('gives the payload the whole plan gives (@include %s)', async (withMem) => {
    const plan = planner.plan(DOCUMENT, 'Shaped', { ids: ['c1', 'c2'], withMem });
    expect(plan.rest).toBeUndefined();
    const byPlan = planEventResolver(plan, planner.schemas, {}, identity, logger);
    const shape = shapeOnlyResolver(plan, planner.schemas);
    for (const data of EVENTS) {
      const expected = await byPlan({ data });
      expect(JSON.stringify(shape(data).data)).toBe(JSON.stringify(expected.data));
    }
  });

  it('goes through the whole plan for an event with errors or without data', async () => {
    const plan = planner.plan(DOCUMENT, 'Shaped', { withMem: true });
    const viaPlan = planEventResolver(plan, planner.schemas, {}, identity, logger);
    const resolve = createEventResolver(plan, planner.schemas, viaPlan);
    const failed: FormattedExecutionResult = { data: null, errors: [{ message: 'gone', extensions: { code: 'SERVICE_UNAVAILABLE' } }] };
    const byPlan = await viaPlan(failed);
    const resolved = await resolve(failed);
    expect(JSON.stringify(resolved)).toBe(JSON.stringify(byPlan));
    expect(resolved.errors?.length).toBeGreaterThan(0);
  });
});
