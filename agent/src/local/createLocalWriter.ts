import { closeSync, fstatSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { metricsCsvHeader, toCsvLine, type MetricPoint } from '@perfanalysis/contract';
import { toJsonLine } from './jsonLine.js';

export interface LocalWriterOptions {
  /** Directory for the files (created if missing), or a file as pcc's PCC_COLLECTION named one. */
  readonly dir: string;
  readonly machineId: string;
  /** Start of the run (ms since epoch), part of the file names. */
  readonly startedAt: number;
}

export interface LocalWriter {
  readonly csvPath: string;
  readonly jsonPath: string;
  write(point: MetricPoint): void;
  close(): void;
}

/**
 * Appends each point to `perfagent-<machine>-<start>.csv` and `.jsonl`. Lines are written as
 * they come (not buffered) so a killed agent leaves complete files up to the last sample.
 */
export function createLocalWriter(options: LocalWriterOptions): LocalWriter {
  const { csvPath, jsonPath } = localPaths(options);
  mkdirSync(dirname(csvPath), { recursive: true });
  const csv = openSync(csvPath, 'a');
  const json = openSync(jsonPath, 'a');
  // Appending to a file of an earlier run with the same name must not repeat the header.
  if (fstatSync(csv).size === 0) writeSync(csv, `${metricsCsvHeader()}\n`);
  return {
    csvPath,
    jsonPath,
    write: (point) => {
      writeSync(csv, `${toCsvLine(options.machineId, point)}\n`);
      writeSync(json, `${toJsonLine(options.machineId, point)}\n`);
    },
    close: () => {
      closeSync(csv);
      closeSync(json);
    },
  };
}

/** Extensions that make PCC_COLLECTION (or --out) a file rather than a directory. */
const FILE_EXTENSIONS = new Set(['.csv', '.json', '.jsonl', '.ndjson']);

function namesFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return FILE_EXTENSIONS.has(extname(path).toLowerCase());
  }
}

/**
 * A directory gets `perfagent-<machine>-<start>.csv` and `.jsonl`. A file (existing, or named
 * with a .csv/.json/.jsonl/.ndjson extension, as pcc users set PCC_COLLECTION) gets the points
 * in its own format, and the other format beside it under the same name (docs/pcc-compatibility.md).
 */
function localPaths(options: LocalWriterOptions): { csvPath: string; jsonPath: string } {
  if (!namesFile(options.dir)) {
    const base = join(options.dir, `perfagent-${fileSafe(options.machineId)}-${compactIso(options.startedAt)}`);
    return { csvPath: `${base}.csv`, jsonPath: `${base}.jsonl` };
  }
  const extension = extname(options.dir);
  const base = options.dir.slice(0, options.dir.length - extension.length);
  return extension.toLowerCase() === '.csv'
    ? { csvPath: options.dir, jsonPath: `${base}.jsonl` }
    : { csvPath: `${base}.csv`, jsonPath: options.dir };
}

function fileSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_');
}

/** 2025-01-31T12:00:00.000Z → 20250131T120000Z */
function compactIso(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
