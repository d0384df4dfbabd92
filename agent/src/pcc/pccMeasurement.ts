import { collectionValueError } from '@perfanalysis/contract';
import type { CollectorName } from '../collectors/registry.js';

/** One raw measurement as pcc sends and stores it (docs/pcc-compatibility.md). */
export interface PccMeasurement {
  /** Epoch seconds. */
  readonly timestamp: number;
  readonly subsystem: string;
  /** The raw text of the source (a /proc file, or JSON lines for statfs/container). */
  readonly measurement: string;
}

/** pcc names its /proc subsystems by path; older captures drop the `/proc/` prefix. */
const PROC_SOURCES: Record<string, CollectorName> = {
  stat: 'stat',
  meminfo: 'meminfo',
  diskstats: 'diskstats',
  'net/dev': 'netdev',
  netdev: 'netdev',
  loadavg: 'loadavg',
};

/** Subsystems pcc sends that have no point columns yet: accepted and counted, not stored. */
const KNOWN_UNUSED = /^(cpuinfo|statfs(\[.*\])?|container\/[^/]+\/[^/]+)$/;

/** Which agent source a subsystem feeds, `unused` for known ones without columns, undefined for unknown ones. */
export function sourceOf(subsystem: string): CollectorName | 'unused' | undefined {
  const name = subsystem.replace(/^\/proc\//, '');
  return PROC_SOURCES[name] ?? (KNOWN_UNUSED.test(name) ? 'unused' : undefined);
}

/** Epoch seconds beyond this (year 5138) are not times a pcc wrote: likely milliseconds or garbage. */
const MAX_EPOCH_S = 1e11;

function refuse(line: number, column: string, value: unknown, why: string): never {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  throw collectionValueError(line, column, text, `Line ${line}: ${why}`);
}

/** Checks one decoded JSON value is a measurement; `line` (1-based) names it in errors. */
export function readMeasurement(raw: unknown, line: number): PccMeasurement {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    refuse(line, 'measurement', raw, 'a measurement must be a JSON object.');
  const { timestamp, subsystem, measurement } = raw as Record<string, unknown>;
  if (typeof timestamp !== 'number' || !Number.isFinite(timestamp) || timestamp < 0 || timestamp > MAX_EPOCH_S)
    refuse(line, 'timestamp', timestamp, '`timestamp` must be epoch seconds.');
  if (typeof subsystem !== 'string' || subsystem.length === 0 || subsystem.length > 200)
    refuse(line, 'subsystem', subsystem, '`subsystem` must be a non-empty string.');
  if (typeof measurement !== 'string') refuse(line, 'measurement', measurement, '`measurement` must be the raw text as a string.');
  if (measurement.includes('\0')) refuse(line, 'measurement', '\\0', '`measurement` contains a NUL character.');
  return { timestamp, subsystem, measurement };
}

/** Decodes one NDJSON line into a measurement. */
export function parseMeasurementLine(text: string, line: number): PccMeasurement {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    refuse(line, 'json', text, 'not a JSON object (is the file a pcc collection, one measurement per line?).');
  }
  return readMeasurement(raw, line);
}
