import * as d3 from 'd3';
import { cpuBusyAt, type ReportData } from '../data/prepareReportData.js';
import { formatFigure } from '../format/formatFigure.js';
import { formatUtc } from '../format/formatTime.js';
import { drawTimeAxis, timeScale } from './axes.js';
import { DEFAULT_WIDTH, type ChartOptions } from './chartOptions.js';
import { createChartFrame, drawNoData } from './createChartFrame.js';
import { TEXT_COLOR } from './palette.js';
import { ceil, floor, isFiniteNumber, max, min, round } from '../builtins.js';

/** Nine steps of YlOrRd over 0–100 %: few enough to tell apart, one `<path>` each. */
const LEVELS = 9;
const COLORS = d3.schemeYlOrRd[LEVELS]!;
/** Narrowest cell, px: a day at 1 s on a 900 px plot becomes ~450 columns of ~3 minutes. */
const MIN_CELL_WIDTH = 2;
const ROW_HEIGHT = 16;

/**
 * Per-core breakdown as a heatmap: one row per CPU, one column per time bucket, colour =
 * mean busy % (100 − idle − iowait) of that CPU in the bucket. Cells of one colour are drawn
 * as one path, so the chart costs nine elements whatever the number of CPUs and buckets —
 * jsdom spends ~35 µs per element, a rect per cell would cost a second on a 64-core host.
 */
export function renderCpuCoresChart(data: ReportData, options: ChartOptions): SVGSVGElement {
  const cores = data.devices.cpu;
  const window = `${formatUtc(data.from)} to ${formatUtc(data.to)}`;
  const legend = COLORS.map((color, level) => ({
    label: `${round((level * 100) / LEVELS)}–${round(((level + 1) * 100) / LEVELS)} %`,
    color,
    shape: 'swatch' as const,
  }));
  const rowsHeight = max(1, cores.length) * ROW_HEIGHT;
  const columns = max(1, floor(((options.width ?? DEFAULT_WIDTH) - 64 - 20) / MIN_CELL_WIDTH));
  const span = max(1, data.to - data.from);
  // One pass per core: bucket sums for the cells and the overall mean for the description.
  const rows = cores.map((core) => {
    const sums = new Float64Array(columns);
    const counts = new Uint32Array(columns);
    let total = 0;
    let count = 0;
    for (let i = 0; i < data.time.length; i++) {
      const v = cpuBusyAt(core.values, i);
      if (!isFiniteNumber(v)) continue;
      const column = min(columns - 1, max(0, floor(((data.time[i]! - data.from) / span) * columns)));
      sums[column] = sums[column]! + v;
      counts[column] = counts[column]! + 1;
      total += v;
      count++;
    }
    return { device: core.device, sums, counts, mean: count ? total / count : NaN };
  });
  const hottest = rows.reduce<{ device: string; mean: number } | undefined>(
    (best, r) => (isFiniteNumber(r.mean) && (!best || r.mean > best.mean) ? { device: r.device, mean: r.mean } : best),
    undefined,
  );
  const frame = createChartFrame(options, {
    name: 'cpuCores',
    title: 'CPU busy per core',
    subtitle: `Mean busy % per time bucket · ${window}`,
    description:
      cores.length === 0
        ? `No per-CPU data between ${window}: the source has aggregate CPU columns only.`
        : `Heatmap of busy percent for each of ${cores.length} CPUs (rows) over time (columns), ${window}, darker is busier.` +
          (hottest ? ` Busiest on average: ${hottest.device} at ${formatFigure(hottest.mean, '%')}.` : ''),
    legend,
    defaultHeight: 70 + 42 + rowsHeight,
    margin: { left: 64, right: 20 },
  });
  if (cores.length === 0) return drawNoData(frame, 'No per-CPU data in this window (aggregate CPU only)');

  const cellWidth = frame.innerWidth / columns;
  const rowHeight = frame.innerHeight / cores.length;
  const paths: string[][] = COLORS.map(() => []);
  rows.forEach(({ sums, counts }, row) => {
    const y = round1(row * rowHeight);
    const h = round1(rowHeight);
    for (let column = 0; column < columns; column++) {
      const count = counts[column]!;
      if (count === 0) continue;
      const level = min(LEVELS - 1, max(0, floor((sums[column]! / count / 100) * LEVELS)));
      paths[level]!.push(`M${round1(column * cellWidth)},${y}h${round1(cellWidth)}v${h}h${round1(-cellWidth)}Z`);
    }
  });

  frame.plot
    .append('rect')
    .attr('width', frame.innerWidth)
    .attr('height', frame.innerHeight)
    .attr('fill', '#f4f4f4')
    .append('title')
    .text('no data');
  paths.forEach((cells, level) => {
    if (cells.length === 0) return;
    frame.plot
      .append('path')
      .attr('class', 'cells')
      .attr('fill', COLORS[level]!)
      .attr('shape-rendering', 'crispEdges')
      .attr('d', cells.join(''));
  });
  // Label every row while they fit, else every k-th so labels never overlap.
  const every = max(1, ceil(12 / rowHeight));
  frame.plot
    .append('g')
    .attr('class', 'axis axis-y')
    .attr('font-size', 10)
    .attr('text-anchor', 'end')
    .selectAll('text')
    .data(cores.filter((_, row) => row % every === 0).map((core) => ({ core, row: cores.indexOf(core) })))
    .join('text')
    .attr('x', -6)
    .attr('y', ({ row }) => round1((row + 0.5) * rowHeight))
    .attr('dy', '0.32em')
    .attr('fill', TEXT_COLOR)
    .text(({ core }) => core.device);
  drawTimeAxis(frame, timeScale(data.from, data.to, frame.innerWidth));
  return frame.svg;
}

/** One decimal: sub-pixel enough for cell edges, and short. */
function round1(v: number): number {
  return round(v * 10) / 10;
}
