import type { MetricPoint } from '@perfanalysis/contract';

/**
 * One point as a JSON line: `{"timestamp":"<ISO>","machine_id":…,"values":{…},"devices":[…]}`.
 * Unlike the CSV it keeps the per-CPU, per-disk and per-interface breakdown.
 */
export function toJsonLine(machineId: string, point: MetricPoint): string {
  return JSON.stringify({
    timestamp: new Date(point.timestamp).toISOString(),
    machine_id: machineId,
    values: point.values,
    ...(point.devices ? { devices: point.devices } : {}),
  });
}
