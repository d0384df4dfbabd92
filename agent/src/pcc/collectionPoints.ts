import { collectionValueError, type MetricPoint } from '@perfanalysis/contract';
import type { Readable } from 'node:stream';
import { measurementsOf } from './collectionReader.js';
import { type NumberedMeasurement, PccDeriver, SampleSplitter } from './pccDeriver.js';

/** A derived point and the line of the sample it came from (for errors downstream). */
export interface CollectionPoint {
  readonly point: MetricPoint;
  readonly line: number;
}

/**
 * The points of a pcc collection, streamed: measurements read line by line, cut into
 * samples, derived with the agent's rate rules. The one path both `perfagent convert` and the
 * server's collection upload take (docs/pcc-compatibility.md). Samples must move forward in
 * time; pass a deriver to read its tally (ignored subsystems) afterwards.
 */
export async function* collectionPoints(source: Readable, deriver = new PccDeriver()): AsyncGenerator<CollectionPoint> {
  const splitter = new SampleSplitter();
  let last = -Infinity;
  const derive = (sample: NumberedMeasurement[]): CollectionPoint | undefined => {
    const point = deriver.derive(sample);
    if (!point) return undefined;
    const line = sample[0]!.line;
    if (point.timestamp <= last)
      throw collectionValueError(
        line,
        'timestamp',
        new Date(point.timestamp).toISOString(),
        `Line ${line}: samples must be in time order (this one is not after the previous one).`,
      );
    last = point.timestamp;
    return { point, line };
  };
  for await (const measurement of measurementsOf(source)) {
    const done = splitter.push(measurement);
    const taken = done && derive(done);
    if (taken) yield taken;
  }
  const rest = splitter.flush();
  const taken = rest && derive(rest);
  if (taken) yield taken;
}
