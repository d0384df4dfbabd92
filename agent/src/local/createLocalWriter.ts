import { closeSync, fstatSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { metricsCsvHeader, toCsvLine, type MetricPoint } from '@perfanalysis/contract';
import { toJsonLine } from './jsonLine.js';

export interface LocalWriterOptions {
  /** Directory for the files; created if missing. */
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
  mkdirSync(options.dir, { recursive: true });
  const base = join(options.dir, `perfagent-${fileSafe(options.machineId)}-${compactIso(options.startedAt)}`);
  const csvPath = `${base}.csv`;
  const jsonPath = `${base}.jsonl`;
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
