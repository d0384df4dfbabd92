import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The consumer's position, persisted beside the segments. */
export interface CursorState {
  /** Serial of the oldest record not yet acknowledged. */
  readonly next: number;
  /** Records dropped over the spool's lifetime because the size bound was reached. */
  readonly dropped: number;
}

const FILE = 'cursor.json';

/** The saved cursor, or undefined if none/unreadable (then everything on disk is replayed). */
export function readCursor(dir: string): CursorState | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dir, FILE), 'utf8'));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { next, dropped } = parsed as Record<string, unknown>;
  if (!isCount(next) || !isCount(dropped)) return undefined;
  return { next, dropped };
}

/**
 * Write-then-rename, so a crash leaves the old or the new cursor, never half of one. Not fsynced:
 * losing the newest cursor to a power cut only re-sends acknowledged points, which the server's
 * (collector, timestamp) primary key turns into no-ops.
 */
export function writeCursor(dir: string, state: CursorState): void {
  const tmp = join(dir, `${FILE}.tmp`);
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, join(dir, FILE));
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
