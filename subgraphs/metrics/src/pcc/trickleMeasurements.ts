import { type NumberedMeasurement, PccDeriver, readMeasurement, SampleSplitter } from '@perfanalysis/agent';
import type { MetricPoint } from '@perfanalysis/contract';
import { BadUserInputError, ForbiddenError, type SubgraphContext } from '@perfanalysis/platform';
import { collectorById } from '../ingest/collectorDirectory.js';
import { MAX_TRICKLE_BATCH, tricklePoints } from '../ingest/tricklePoints.js';
import type { TrickleAck } from '../ingest/trickle.types.js';
import { lockPccState, savePccState } from './pccState.js';

export interface PccTrickleResult extends TrickleAck {
  /** Subsystems counted and ignored (no columns yet, or unknown), by name. */
  readonly ignored: Record<string, number>;
}

function numbered(measurements: unknown): NumberedMeasurement[] {
  if (!Array.isArray(measurements))
    throw new BadUserInputError('Send `{ "identifier": "…", "measurements": [ … ] }`.', { field: 'measurements' });
  if (measurements.length > MAX_TRICKLE_BATCH * 10)
    throw new BadUserInputError(`At most ${MAX_TRICKLE_BATCH * 10} measurements per call; split the batch.`, { field: 'measurements' });
  const list = measurements.map((m, i) => ({ measurement: readMeasurement(m, i + 1), line: i + 1 }));
  return list.sort((a, b) => a.measurement.timestamp - b.measurement.timestamp);
}

/**
 * A pcc trickle: raw measurements of the key's own collector into points, against the previous
 * raw readings kept in PostgreSQL (any replica, after restarts). Samples not newer than the
 * state are a replay and skipped. The state moves only once the points are stored.
 */
export async function trickleMeasurements(ctx: SubgraphContext, identifier: unknown, measurements: unknown): Promise<PccTrickleResult> {
  const { collectorId } = ctx.collector();
  const db = ctx.tenantDb();
  const collector = await collectorById(db, collectorId);
  if (typeof identifier !== 'string' || collector?.machineId !== identifier)
    throw new ForbiddenError(`Identifier "${String(identifier)}" is not the machine of this API key.`, { identifier });
  const list = numbered(measurements);
  return db.transaction(async (tx) => {
    const saved = await lockPccState(tx, collectorId);
    const newest = Math.max(-Infinity, ...saved.map((r) => r.at));
    const deriver = new PccDeriver(saved);
    const splitter = new SampleSplitter();
    const points: MetricPoint[] = [];
    const take = (sample: NumberedMeasurement[] | undefined): void => {
      if (!sample || sample.every((m) => m.measurement.timestamp * 1000 <= newest)) return;
      const point = deriver.derive(sample);
      if (point) points.push(point);
    };
    for (const m of list) take(splitter.push(m));
    take(splitter.flush());
    const ack = await tricklePoints(ctx, points);
    await savePccState(tx, collectorId, deriver.latest());
    return { ...ack, ignored: Object.fromEntries(deriver.tally.ignored) };
  });
}
