import { metricsCsvHeader, toCsvLine } from '@perfanalysis/contract';
import type { Readable } from 'node:stream';
import { collectionPoints } from '../pcc/collectionPoints.js';
import { PccDeriver } from '../pcc/pccDeriver.js';

/** Lines written to the output at once: fewer, larger writes for collections of tens of MB. */
const LINES_PER_WRITE = 1_000;

export interface ConvertResult {
  readonly points: number;
  /** Subsystems counted and ignored (cpuinfo, statfs, containers, unknown ones), by name. */
  readonly ignored: Record<string, number>;
}

/**
 * `perfagent convert`: a pcc collection into the upload CSV, streamed, by the same code path
 * the server loads collections with (docs/pcc-compatibility.md). A bad line throws a
 * CollectionValueError naming it; what was written before it is a valid CSV prefix.
 */
export async function convertCollection(source: Readable, machineId: string, write: (text: string) => void): Promise<ConvertResult> {
  const deriver = new PccDeriver();
  let lines = [metricsCsvHeader()];
  let points = 0;
  for await (const { point } of collectionPoints(source, deriver)) {
    lines.push(toCsvLine(machineId, point));
    points += 1;
    if (lines.length >= LINES_PER_WRITE) {
      write(`${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length) write(`${lines.join('\n')}\n`);
  return { points, ignored: Object.fromEntries(deriver.tally.ignored) };
}
