import { openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { SpoolLockedError } from '../errors/SpoolLockedError.js';

/**
 * Takes `<dir>/lock` for this process. A lock left by a process that no longer exists (the
 * agent was killed) is taken over; a live owner, this process included, is refused.
 */
export function acquireSpoolLock(dir: string): () => void {
  const path = join(dir, 'lock');
  try {
    closeSync(openSync(path, 'wx'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(readFileSync(path, 'utf8').trim());
    if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new SpoolLockedError(dir, owner);
  }
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
