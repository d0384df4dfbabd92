import type { ReportData } from '../data/prepareReportData.js';
import { formatFigure } from '../format/formatFigure.js';

/** What the radar and the rules compared against, one phrase per capacity (HTML and PDF). */
export function capacityNoteItems(data: ReportData): string[] {
  const c = data.capacities;
  // A capacity set by a report profile says so (docs/report-profiles.md).
  const source = (key: keyof typeof c, otherwise: string) => (data.capacitiesGiven.includes(key) ? 'given' : otherwise);
  return [
    'CPU busy: 100 %',
    `memory: ${c.memoryMb ? `${formatFigure(c.memoryMb, 'MB')} (${source('memoryMb', 'mem_total_mb')})` : 'unknown'}`,
    `swap: ${c.swapMb ? formatFigure(c.swapMb, 'MB') : 'none or unknown'}`,
    'disk utilisation: 100 %',
    `disk throughput: ${formatFigure(c.diskThroughputMbPerSec, 'MB/s')} per device (${source('diskThroughputMbPerSec', 'assumed')})`,
    `network: ${formatFigure(c.networkThroughputMbPerSec, 'MB/s')} per interface and direction (${source('networkThroughputMbPerSec', 'assumed')})`,
    `load: ${c.cpuCount ? `${c.cpuCount} CPUs` : 'CPU count unknown'}`,
  ];
}
