import type { StatSnapshot } from '../collectors/stat.js';
import { cpuTotal } from './cpuRates.js';

/**
 * btime is derived from the wall clock, so an NTP step moves it too; only a jump larger than
 * any sane clock correction counts as a new boot.
 */
export const BOOT_TIME_TOLERANCE_S = 300;

/**
 * Did the machine reboot between two readings? Either the aggregate CPU jiffies went back
 * (they only grow while the kernel runs) or btime moved by more than BOOT_TIME_TOLERANCE_S.
 * Then every counter restarted and all rate state is dropped: the sample only primes.
 */
export function rebooted(prev: StatSnapshot, cur: StatSnapshot): boolean {
  if (cpuTotal(cur.total) < cpuTotal(prev.total)) return true;
  if (prev.bootTime === undefined || cur.bootTime === undefined) return false;
  return Math.abs(cur.bootTime - prev.bootTime) > BOOT_TIME_TOLERANCE_S;
}
