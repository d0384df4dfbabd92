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

/**
 * PostgreSQL's backends serving `database`: their process title (/proc/<pid>/cmdline) names
 * it, as `postgres: [<cluster name>: ]<user> <database> <client> <state>`.
 */
export function backendsOf(database: string): number[] {
  const title = new RegExp(`^postgres: (\\S+: )?\\S+ ${database} `);
  return pidsNamed('postgres').filter((pid) => {
    try {
      return title.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return false; // ended meanwhile
    }
  });
}

/**
 * CPU seconds used by named groups of processes (or threads, `<pid>/task/<tid>`) over a
 * window. The groups are re-read every `everyMs`: a process that starts in the window counts
 * from its start, one that ends in it up to its last reading (PostgreSQL's backends come and go).
 */
export function trackCpuSeconds(
  groups: () => Record<string, readonly (number | string)[]>,
  everyMs = 250,
): { stop(): Record<string, number> } {
  const seen = new Map<string, Map<number | string, { first: number; last: number }>>();
  const read = (atStart: boolean) => {
    for (const [name, sources] of Object.entries(groups())) {
      const group = seen.get(name) ?? new Map<number | string, { first: number; last: number }>();
      seen.set(name, group);
      for (const source of sources) {
        let now: number;
        try {
          now = cpuSecondsOf(source);
        } catch {
          continue; // ended meanwhile: its last reading stands
        }
        const known = group.get(source);
        if (known) known.last = now;
        else group.set(source, { first: atStart ? now : 0, last: now });
      }
    }
  };
  read(true);
  const timer = setInterval(() => read(false), everyMs);
  return {
    stop() {
      clearInterval(timer);
      read(false);
      const result: Record<string, number> = {};
      for (const [name, group] of seen) result[name] = [...group.values()].reduce((sum, { first, last }) => sum + last - first, 0);
      return result;
    },
  };
}

/** CPU % of one core per named group of processes over a window (see {@link trackCpuSeconds}). */
export function startCpuWindow(groups: () => Record<string, readonly number[]>): { stop(): Record<string, number> } {
  const t0 = performance.now();
  const tracker = trackCpuSeconds(groups);
  return {
    stop() {
      const seconds = (performance.now() - t0) / 1000;
      return Object.fromEntries(Object.entries(tracker.stop()).map(([name, used]) => [name, (used / seconds) * 100]));
    },
  };
}
