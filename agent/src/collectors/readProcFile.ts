import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoDataError } from '../errors/NoDataError.js';

/**
 * Reads `<procRoot>/<relative>` whole. Synchronous on purpose: procfs files are generated in
 * memory by the kernel and never wait on a disk, so an async round-trip would only add latency
 * between the five reads of one sample. An absent file is "no data", not a failure.
 */
export function readProcFile(procRoot: string, relative: string): string {
  const path = join(procRoot, relative);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (isAbsent(error)) throw new NoDataError(path);
    throw error;
  }
}

function isAbsent(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
