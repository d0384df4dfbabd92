import type { CollectorName, CollectorReport, CollectorStatus } from './collectors/registry.js';
import type { Logger } from './logger.js';

/**
 * Logs a collector's status when it changes (ok → error, error → ok, …) rather than every
 * second: a missing /proc/diskstats would otherwise write 86,400 identical lines a day.
 */
export function createReportWatcher(log: Logger): (reports: readonly CollectorReport[]) => void {
  const last = new Map<CollectorName, CollectorStatus>();
  return (reports) => {
    for (const report of reports) {
      const before = last.get(report.name);
      if (before === report.status) continue;
      last.set(report.name, report.status);
      if (report.status === 'error') log.warn('collector failed', { collector: report.name, error: report.error });
      else if (report.status === 'no-data') log.info('collector has no data', { collector: report.name });
      else if (before !== undefined) log.info('collector recovered', { collector: report.name });
    }
  };
}
