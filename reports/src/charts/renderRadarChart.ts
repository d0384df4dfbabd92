import { capacityAxes } from '../data/capacityAxes.js';
import type { ReportData } from '../data/prepareReportData.js';
import { formatFigure } from '../format/formatFigure.js';
import type { ChartOptions } from './chartOptions.js';
import { createChartFrame, drawNoData } from './createChartFrame.js';
import { GRID_COLOR, MUTED_TEXT_COLOR, TEXT_COLOR } from './palette.js';

/** The radar reaches to 125 % of capacity so that "over" is visible, not clipped at the rim. */
const OUTER = 1.25;
const RINGS = [0.25, 0.5, 0.75, 1, OUTER];

/**
 * Radar of each metric's p95 as a share of its capacity (see `capacityAxes` for the axes and
 * `Capacities` for what "capacity" means), with the figures listed beside it.
 */
export function renderRadarChart(data: ReportData, options: ChartOptions): SVGSVGElement {
  const axes = capacityAxes(data);
  const listed = axes.map((a) => `${a.label} ${formatFigure(a.ratio * 100, '%')}`).join(', ');
  const frame = createChartFrame(options, {
    name: 'radar',
    title: 'p95 against capacity',
    subtitle: 'Each axis: the metric’s p95 as a share of its capacity; the red ring is 100 %',
    description:
      axes.length === 0 ? 'No metric with a known capacity in this window.' : `Radar chart of p95 as a percentage of capacity: ${listed}.`,
    defaultHeight: 440,
    margin: { left: 20, bottom: 20 },
  });
  if (axes.length === 0) return drawNoData(frame, 'No metric with a known capacity in this window');

  // Room on the left for the longest axis label (~120 px), the figures list on the right.
  const radius = Math.max(40, Math.min(frame.innerHeight / 2 - 24, 140));
  const cx = radius + 125;
  const cy = frame.innerHeight / 2;
  const angle = (i: number): number => -Math.PI / 2 + (i * 2 * Math.PI) / axes.length;
  const at = (i: number, r: number): [number, number] => [round(cx + Math.cos(angle(i)) * r), round(cy + Math.sin(angle(i)) * r)];
  const scale = (ratio: number): number => (Math.min(Math.max(ratio, 0), OUTER) / OUTER) * radius;
  const grid = frame.plot.append('g').attr('class', 'grid').attr('aria-hidden', 'true');
  for (const ring of RINGS) {
    grid
      .append('polygon')
      .attr('points', axes.map((_, i) => at(i, scale(ring)).join(',')).join(' '))
      .attr('fill', 'none')
      .attr('stroke', ring === 1 ? '#e15759' : GRID_COLOR)
      .attr('stroke-width', ring === 1 ? 1.5 : 1)
      .attr('stroke-dasharray', ring === 1 ? '4,3' : null);
    if (ring !== OUTER) {
      grid
        .append('text')
        .attr('x', cx + 3)
        .attr('y', round(cy - scale(ring) - 2))
        .attr('font-size', 9)
        .attr('fill', MUTED_TEXT_COLOR)
        .text(`${ring * 100} %`);
    }
  }
  axes.forEach((axis, i) => {
    const [x2, y2] = at(i, radius);
    grid.append('line').attr('x1', cx).attr('y1', cy).attr('x2', x2).attr('y2', y2).attr('stroke', GRID_COLOR);
    const [lx, ly] = at(i, radius + 14);
    const cos = Math.cos(angle(i));
    frame.plot
      .append('text')
      .attr('x', lx)
      .attr('y', ly)
      .attr('dy', '0.32em')
      .attr('text-anchor', Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end')
      .attr('fill', TEXT_COLOR)
      .text(axis.label);
  });
  frame.plot
    .append('polygon')
    .attr('class', 'value')
    .attr('points', axes.map((a, i) => at(i, scale(a.ratio)).join(',')).join(' '))
    .attr('fill', '#4e79a7')
    .attr('fill-opacity', 0.25)
    .attr('stroke', '#4e79a7')
    .attr('stroke-width', 2);
  axes.forEach((axis, i) => {
    const [x, y] = at(i, scale(axis.ratio));
    frame.plot
      .append('circle')
      .attr('cx', x)
      .attr('cy', y)
      .attr('r', 3.5)
      .attr('fill', axis.ratio > 1 ? '#e15759' : '#4e79a7')
      .append('title')
      .text(`${axis.label}: ${formatFigure(axis.ratio * 100, '%')} of capacity`);
  });

  // The figures beside the radar: a chart people can read without estimating distances.
  const listWidth = 400;
  const listX = Math.max(cx + radius + 90, frame.innerWidth - listWidth);
  const list = frame.plot
    .append('g')
    .attr('class', 'figures')
    .attr('transform', `translate(${listX},${round(cy - (axes.length * 20) / 2)})`);
  const header = list.append('g').attr('fill', MUTED_TEXT_COLOR).attr('font-weight', 600);
  header.append('text').attr('y', -8).text('Metric');
  header.append('text').attr('x', 250).attr('y', -8).attr('text-anchor', 'end').text('p95');
  header.append('text').attr('x', 335).attr('y', -8).attr('text-anchor', 'end').text('capacity');
  header.append('text').attr('x', listWidth).attr('y', -8).attr('text-anchor', 'end').text('share');
  axes.forEach((axis, i) => {
    const row = list
      .append('g')
      .attr('transform', `translate(0,${i * 20 + 10})`)
      .attr('fill', TEXT_COLOR);
    row.append('text').text(axis.source ? `${axis.label} (${axis.source})` : axis.label);
    row.append('text').attr('x', 250).attr('text-anchor', 'end').text(formatFigure(axis.value, axis.unit));
    row
      .append('text')
      .attr('x', 335)
      .attr('text-anchor', 'end')
      .text(formatFigure(axis.capacity, axis.key === 'load' ? 'CPUs' : axis.unit));
    row
      .append('text')
      .attr('x', listWidth)
      .attr('text-anchor', 'end')
      .attr('font-weight', axis.ratio > 1 ? 700 : null)
      .attr('fill', axis.ratio > 1 ? '#c0392b' : null)
      .text(formatFigure(axis.ratio * 100, '%'));
  });
  return frame.svg;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
