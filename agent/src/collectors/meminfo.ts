import { ParseError } from '../errors/ParseError.js';
import { gauge, nonEmptyLines } from './parseFields.js';
import { readProcFile } from './readProcFile.js';
import { defaultRegistry } from './registry.js';

/**
 * The parts of `/proc/meminfo` the agent uses, in kB (the kernel's "kB" is KiB). Optional
 * fields are those a kernel may lack: MemAvailable appeared in 3.14.
 */
export interface MeminfoSnapshot {
  readonly memTotalKb: number;
  readonly memFreeKb: number;
  readonly memAvailableKb?: number;
  readonly buffersKb?: number;
  readonly cachedKb?: number;
  readonly swapTotalKb?: number;
  readonly swapFreeKb?: number;
  /** Every line as printed: kB for sizes, plain counts for HugePages_* and the like. */
  readonly fields: ReadonlyMap<string, number>;
}

export function parseMeminfo(text: string): MeminfoSnapshot {
  const fields = new Map<string, number>();
  for (const line of nonEmptyLines(text)) {
    const match = /^([^:\s]+):\s+(\d+)(?:\s+kB)?\s*$/.exec(line);
    if (!match) throw new ParseError('meminfo', `unexpected line "${line}"`);
    fields.set(match[1]!, gauge('meminfo', match[2]));
  }
  const required = (name: string): number => {
    const value = fields.get(name);
    if (value === undefined) throw new ParseError('meminfo', `no ${name} line`);
    return value;
  };
  return {
    memTotalKb: required('MemTotal'),
    memFreeKb: required('MemFree'),
    memAvailableKb: fields.get('MemAvailable'),
    buffersKb: fields.get('Buffers'),
    cachedKb: fields.get('Cached'),
    swapTotalKb: fields.get('SwapTotal'),
    swapFreeKb: fields.get('SwapFree'),
    fields,
  };
}

defaultRegistry.register({
  name: 'meminfo',
  defaultEnabled: true,
  create: ({ procRoot }) => ({ collect: () => parseMeminfo(readProcFile(procRoot, 'meminfo')) }),
});
