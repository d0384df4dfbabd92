import type { MetricPoint } from '../point.js';
import { metricsCsvHeader } from './metricsCsvHeader.js';
import { toCsvLine } from './toCsvLine.js';

/** A point and the machine it belongs to (a `CsvRow` fits). */
export interface MachinePoint {
  readonly machineId: string;
  readonly point: MetricPoint;
}

/**
 * A whole canonical metrics CSV (header + one line per point, LF, final line break), which
 * `parseMetricsCsv` reads back to the same points. For large outputs write
 * `metricsCsvHeader()` and `toCsvLine()` lines to a stream instead.
 */
export function formatMetricsCsv(points: Iterable<MachinePoint>): string {
  const lines = [metricsCsvHeader()];
  for (const { machineId, point } of points) lines.push(toCsvLine(machineId, point));
  return `${lines.join('\n')}\n`;
}
