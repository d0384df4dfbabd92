import type { ReportData } from '../data/prepareReportData.js';
import { formatFigure } from '../format/formatFigure.js';
import { formatUtc } from '../format/formatTime.js';
import { drawTimeAxis, drawValueAxis, timeScale, valueScale } from './axes.js';
import type { ChartOptions } from './chartOptions.js';
import { createChartFrame, drawNoData } from './createChartFrame.js';
import { drawStackedAreas, stackTotal, type StackLayer } from './drawSeries.js';

const CPU_LAYERS = [
  { column: 'cpu_user', label: 'user', color: '#4e79a7' },
  { column: 'cpu_system', label: 'system', color: '#f28e2b' },
  { column: 'cpu_iowait', label: 'iowait', color: '#e15759' },
  { column: 'cpu_steal', label: 'steal', color: '#9c755f' },
] as const;

/**
 * CPU time by mode, stacked (user, system, iowait, steal) in % of all CPUs over the window;
 * the outline is the CPU's total non-idle time.
 */
export function renderCpuChart(data: ReportData, options: ChartOptions): SVGSVGElement {
  const layers: StackLayer[] = CPU_LAYERS.flatMap(({ column, label, color }) => {
    const values = data.columns[column];
    return values ? [{ label, color, values }] : [];
  });
  const busy = data.summaries.cpu_busy;
  const window = `${formatUtc(data.from)} to ${formatUtc(data.to)}`;
  const frame = createChartFrame(options, {
    name: 'cpu',
    title: 'CPU utilisation by mode',
    subtitle: `% of all CPUs · ${window}`,
    description:
      layers.length === 0
        ? `No CPU data between ${window}.`
        : `Stacked area chart of CPU time by mode (${layers.map((l) => l.label).join(', ')}) in percent of all CPUs, ${window}, ${data.time.length.toLocaleString('en-US')} samples.` +
          (busy?.count ? ` CPU busy p95 ${formatFigure(busy.p95, '%')}, max ${formatFigure(busy.max, '%')}.` : ''),
    legend: layers.map((l) => ({ label: l.label, color: l.color, shape: 'swatch' as const })),
  });
  if (layers.length === 0) return drawNoData(frame, 'No CPU data in this window');

  const total = stackTotal(layers, data.time.length);
  const x = timeScale(data.from, data.to, frame.innerWidth);
  // Modes of one sample add up to at most 100 %; rounding in the source may overshoot a hair.
  const y = valueScale(100, frame.innerHeight, 100).clamp(true);
  drawValueAxis(frame, y, 'CPU time (%)');
  drawStackedAreas(frame, x, y, data.time, layers, total, {
    method: options.downsample ?? 'minmax',
    maxGap: data.maxGapMs,
    domain: [data.from, data.to],
  });
  drawTimeAxis(frame, x);
  return frame.svg;
}
