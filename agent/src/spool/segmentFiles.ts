import { closeSync, fsyncSync, ftruncateSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A segment file: records `first … first+count−1`, one JSON line each. */
export interface Segment {
  /** Serial number of the segment's first record; also its file name. */
  readonly first: number;
  readonly path: string;
  count: number;
  bytes: number;
}

const SEGMENT_NAME = /^(\d{16})\.jsonl$/;

export function segmentPath(dir: string, first: number): string {
  return join(dir, `${String(first).padStart(16, '0')}.jsonl`);
}

/**
 * The segments of a spool directory, oldest first, with their record counts. A file that does
 * not end with a newline was torn by a crash mid-write: it is cut back to its last complete
 * line (the torn record was never acknowledged to anyone, as append had not returned).
 */
export function scanSegments(dir: string): { segments: Segment[]; tornBytes: number } {
  let tornBytes = 0;
  const segments = readdirSync(dir)
    .map((name) => SEGMENT_NAME.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => a - b)
    .map((first) => {
      const path = segmentPath(dir, first);
      const text = readFileSync(path, 'utf8');
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      if (complete.length < text.length) {
        tornBytes += Buffer.byteLength(text) - Buffer.byteLength(complete);
        truncate(path, Buffer.byteLength(complete));
      }
      return { first, path, count: countLines(complete), bytes: Buffer.byteLength(complete) };
    });
  return { segments, tornBytes };
}

/** Lines of a segment file (complete lines only). */
export function readSegmentLines(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  lines.pop(); // the empty string after the final newline, or a torn tail
  return lines;
}

/** Makes a new or removed directory entry durable (fsync of the file alone does not). */
export function syncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function truncate(path: string, length: number): void {
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, length);
  } finally {
    closeSync(fd);
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}
