import type { ReportData } from '../data/prepareReportData.js';
import { formatFigure } from '../format/formatFigure.js';
import { formatUtc } from '../format/formatTime.js';
import { drawTimeAxis, drawValueAxis, timeScale, valueScale } from './axes.js';
import type { ChartOptions } from './chartOptions.js';
import { createChartFrame, drawNoData } from './createChartFrame.js';
import { drawLine, drawStackedAreas, maxOf, stackTotal, type LineSeries, type StackLayer } from './drawSeries.js';
import type { LegendItem } from './legend.js';

const MEMORY_LAYERS = [
  { column: 'mem_used_mb', label: 'used', color: '#4e79a7' },
  { column: 'mem_cached_mb', label: 'cached', color: '#59a14f' },
  { column: 'mem_buffers_mb', label: 'buffers', color: '#edc948' },
  { column: 'mem_free_mb', label: 'free', color: '#d7dde3' },
] as const;

/**
 * Memory: used, cached, buffers and free stacked (MB), with the total as a dashed line and
 * swap used as a red line on the same axis.
 */
export function renderMemoryChart(data: ReportData, options: ChartOptions): SVGSVGElement {
  const layers: StackLayer[] = MEMORY_LAYERS.flatMap(({ column, label, color }) => {
    const values = data.columns[column];
    return values ? [{ label, color, values }] : [];
  });
  const lines: LineSeries[] = [];
  if (data.columns.mem_total_mb) lines.push({ label: 'total', color: '#333', dash: '4,3', values: data.columns.mem_total_mb });
  if (data.columns.swap_used_mb) lines.push({ label: 'swap used', color: '#e15759', values: data.columns.swap_used_mb });
  const window = `${formatUtc(data.from)} to ${formatUtc(data.to)}`;
  const { mem_used_mb: used, swap_used_mb: swap } = data.summaries;
  const figures = [
    used?.count ? `used p95 ${formatFigure(used.p95, 'MB')}` : '',
    data.capacities.memoryMb ? `of ${formatFigure(data.capacities.memoryMb, 'MB')} total` : '',
    swap?.count ? `swap used max ${formatFigure(swap.max, 'MB')}` : '',
  ].filter(Boolean);
  const legend: LegendItem[] = [
    ...layers.map((l) => ({ label: l.label, color: l.color, shape: 'swatch' as const })),
    ...lines.map((l) => ({ label: l.label, color: l.color, shape: 'line' as const, ...(l.dash ? { dash: l.dash } : {}) })),
  ];
  const frame = createChartFrame(options, {
    name: 'memory',
    title: 'Memory',
    subtitle: `MB · ${window}`,
    description:
      layers.length + lines.length === 0
        ? `No memory data between ${window}.`
        : `Stacked area chart of memory (${layers.map((l) => l.label).join(', ')}) in MB${lines.length ? `, with ${lines.map((l) => l.label).join(' and ')} as lines` : ''}, ${window}.` +
          (figures.length ? ` Memory ${figures.join(', ')}.` : ''),
    legend,
  });
  if (layers.length + lines.length === 0) return drawNoData(frame, 'No memory data in this window');

  const total = stackTotal(layers, data.time.length);
  const x = timeScale(data.from, data.to, frame.innerWidth);
  const y = valueScale(maxOf(total, ...lines.map((l) => l.values)), frame.innerHeight);
  const reduce = { method: options.downsample ?? 'minmax', maxGap: data.maxGapMs, domain: [data.from, data.to] as const };
  drawValueAxis(frame, y, 'Memory (MB)');
  if (layers.length) drawStackedAreas(frame, x, y, data.time, layers, total, reduce);
  for (const line of lines) drawLine(frame, x, y, data.time, line, reduce);
  drawTimeAxis(frame, x);
  return frame.svg;
}
