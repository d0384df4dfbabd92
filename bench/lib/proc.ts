import { readFileSync } from 'node:fs';

/** Resident set (VmRSS) and its peak (VmHWM) of a process, in bytes, from /proc/<pid>/status. */
export function memoryOf(pid: number): { rss: number; peak: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/**
 * CPU time (user + system) a process has used so far, in seconds, from /proc/<pid>/stat; or
 * one of its threads, given as `<pid>/task/<tid>`.
 */
export function cpuSecondsOf(pid: number | string): number {
  const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
}

/** Samples VmRSS of some processes every `everyMs` until stopped: the highest value seen for each. */
export function sampleRss(pids: readonly number[], everyMs = 100): { stop(): number[] } {
  const peaks = pids.map((pid) => memoryOf(pid).rss);
  const timer = setInterval(() => {
    pids.forEach((pid, i) => {
      try {
        peaks[i] = Math.max(peaks[i]!, memoryOf(pid).rss);
      } catch {
        // the process has ended; keep what was seen
      }
    });
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return peaks;
    },
  };
}
