import { batchPerRequest } from '@perfanalysis/platform';
import type { MetricColumn } from '@perfanalysis/contract';
import { readLatestPoints } from './pointReader.js';

/**
 * The newest point of one collector with the columns asked for, batched per request: every
 * `latestPoint` of an `_entities` answer shares one query instead of one query each.
 */
export const latestPointOf = batchPerRequest((ctx, collectorIds: readonly string[], columns: ReadonlySet<MetricColumn>) =>
  readLatestPoints(ctx.tenantDb(), collectorIds, [...columns]),
);
