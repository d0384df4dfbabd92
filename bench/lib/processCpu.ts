import { readdirSync, readFileSync } from 'node:fs';
import { cpuSecondsOf } from './proc.js';

/** Pids whose command name (/proc/<pid>/comm) is `comm`: every PostgreSQL backend, Redis. */
export function pidsNamed(comm: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm) pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

function cpuSecondsOfAll(pids: readonly number[]): number {
  let sum = 0;
  for (const pid of pids) {
    try {
      sum += cpuSecondsOf(pid);
    } catch {
      // ended meanwhile: its time is lost, which only lowers the figure a little
    }
  }
  return sum;
}

/** CPU % of one core per named group of processes over a window (`groups` re-read at the end for PostgreSQL's new backends). */
export function startCpuWindow(groups: () => Record<string, readonly number[]>): { stop(): Record<string, number> } {
  const t0 = performance.now();
  const before = new Map(Object.entries(groups()).map(([name, pids]) => [name, new Map(pids.map((p) => [p, cpuSecondsOfAll([p])]))]));
  return {
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      const result: Record<string, number> = {};
      for (const [name, pids] of Object.entries(groups())) {
        const start = before.get(name) ?? new Map<number, number>();
        const used = pids.reduce((sum, pid) => sum + cpuSecondsOfAll([pid]) - (start.get(pid) ?? 0), 0);
        result[name] = (used / seconds) * 100;
      }
      return result;
    },
  };
}
