import { ParseError } from '../errors/ParseError.js';
import { gauge, splitFields } from './parseFields.js';
import { readProcFile } from './readProcFile.js';
import { defaultRegistry } from './registry.js';

/** `/proc/loadavg`: `0.28 0.25 0.13 1/138 8335`. */
export interface LoadavgSnapshot {
  readonly load1: number;
  readonly load5: number;
  readonly load15: number;
  /** Runnable scheduling entities right now. */
  readonly runnable: number;
  /** Scheduling entities (tasks) that exist. */
  readonly entities: number;
  /** PID most recently handed out. */
  readonly lastPid: number;
}

export function parseLoadavg(text: string): LoadavgSnapshot {
  const [l1, l5, l15, tasks, lastPid] = splitFields(text);
  const taskMatch = /^(\d+)\/(\d+)$/.exec(tasks ?? '');
  if (!taskMatch) throw new ParseError('loadavg', `expected "runnable/total" as 4th field, got "${tasks ?? ''}"`);
  return {
    load1: gauge('loadavg', l1),
    load5: gauge('loadavg', l5),
    load15: gauge('loadavg', l15),
    runnable: gauge('loadavg', taskMatch[1]),
    entities: gauge('loadavg', taskMatch[2]),
    lastPid: gauge('loadavg', lastPid),
  };
}

defaultRegistry.register({
  name: 'loadavg',
  defaultEnabled: true,
  create: ({ procRoot }) => ({ collect: () => parseLoadavg(readProcFile(procRoot, 'loadavg')) }),
});
