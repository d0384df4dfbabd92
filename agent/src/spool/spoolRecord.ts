import { METRIC_COLUMNS, type DeviceKind, type DeviceSample, type MetricPoint, type MetricValues } from '@perfanalysis/contract';

const COLUMNS: ReadonlySet<string> = new Set(METRIC_COLUMNS);
const KINDS: ReadonlySet<string> = new Set<DeviceKind>(['cpu', 'disk', 'net']);

/** One point as one line of a segment file (newline included). */
export function encodeRecord(point: MetricPoint): string {
  return `${JSON.stringify(point)}\n`;
}

/**
 * The point a segment line holds, or undefined when the line is not a point (a torn or
 * corrupted write): the spool skips and counts such lines instead of stopping the replay.
 */
export function decodeRecord(line: string): MetricPoint | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || typeof parsed.timestamp !== 'number' || !Number.isFinite(parsed.timestamp)) return undefined;
  const values = decodeValues(parsed.values);
  if (!values) return undefined;
  if (parsed.devices === undefined) return { timestamp: parsed.timestamp, values };
  const devices = decodeDevices(parsed.devices);
  return devices ? { timestamp: parsed.timestamp, values, devices } : undefined;
}

function decodeValues(raw: unknown): MetricValues | undefined {
  if (!isObject(raw)) return undefined;
  const values: Record<string, number> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!COLUMNS.has(key) || typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    values[key] = value;
  }
  return values as MetricValues;
}

function decodeDevices(raw: unknown): DeviceSample[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const devices: DeviceSample[] = [];
  for (const item of raw as unknown[]) {
    if (!isObject(item) || typeof item.kind !== 'string' || !KINDS.has(item.kind) || typeof item.device !== 'string') return undefined;
    const values = decodeValues(item.values);
    if (!values) return undefined;
    devices.push({ kind: item.kind as DeviceKind, device: item.device, values });
  }
  return devices;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
