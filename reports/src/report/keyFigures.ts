import { capacityAxes } from '../data/capacityAxes.js';
import type { ReportData } from '../data/prepareReportData.js';
import { formatFigure } from '../format/formatFigure.js';
import { formatInterval } from '../format/formatTime.js';

/** One figure of the executive summary. */
export interface KeyFigure {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
}

/** The executive summary's figures: the p95 people check first, each with its context. */
export function keyFigures(data: ReportData): KeyFigure[] {
  const { summaries, capacities } = data;
  const axes = new Map(capacityAxes(data).map((a) => [a.key, a]));
  const figures: KeyFigure[] = [];
  const share = (key: string): string => {
    const axis = axes.get(key);
    return axis ? `${formatFigure(axis.ratio * 100, '%')} of ${formatFigure(axis.capacity, key === 'load' ? 'CPUs' : axis.unit)}` : '';
  };
  figures.push({
    label: 'Samples',
    value: data.time.length.toLocaleString('en-US'),
    note: `every ${formatInterval(data.intervalMs)}`,
  });
  if (summaries.cpu_busy?.count) {
    figures.push({
      label: 'CPU busy p95',
      value: formatFigure(summaries.cpu_busy.p95, '%'),
      note: `max ${formatFigure(summaries.cpu_busy.max, '%')}`,
    });
  }
  if (summaries.cpu_iowait?.count) {
    figures.push({
      label: 'CPU iowait p95',
      value: formatFigure(summaries.cpu_iowait.p95, '%'),
      note: `max ${formatFigure(summaries.cpu_iowait.max, '%')}`,
    });
  }
  if (summaries.mem_used_mb?.count) {
    figures.push({ label: 'Memory used p95', value: formatFigure(summaries.mem_used_mb.p95, 'MB'), note: share('memory') });
  }
  if (summaries.swap_used_mb?.count) {
    figures.push({
      label: 'Swap used max',
      value: formatFigure(summaries.swap_used_mb.max, 'MB'),
      note: capacities.swapMb ? `of ${formatFigure(capacities.swapMb, 'MB')}` : 'no swap size known',
    });
  }
  for (const [key, label] of [
    ['diskUtil', 'Disk utilisation p95'],
    ['diskThroughput', 'Disk throughput p95'],
    ['network', 'Network p95'],
  ] as const) {
    const axis = axes.get(key);
    if (!axis) continue;
    figures.push({
      label,
      value: formatFigure(axis.value, axis.unit),
      note: [axis.source, key === 'diskUtil' ? '' : share(key)].filter(Boolean).join(' · '),
    });
  }
  if (summaries.load_5min?.count) {
    figures.push({ label: 'Load 5 min p95', value: formatFigure(summaries.load_5min.p95, ''), note: share('load') || 'CPU count unknown' });
  }
  return figures;
}
