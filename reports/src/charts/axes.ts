import * as d3 from 'd3';
import { formatTimeTick } from '../format/formatTime.js';
import type { ChartFrame } from './createChartFrame.js';
import { GRID_COLOR, MUTED_TEXT_COLOR, TEXT_COLOR } from './palette.js';

/** A UTC time scale over the report window, the x of every time chart. */
export function timeScale(from: number, to: number, innerWidth: number): d3.ScaleTime<number, number> {
  return d3
    .scaleUtc()
    .domain([new Date(from), new Date(to)])
    .range([0, innerWidth]);
}

/** Bottom time axis with 24-hour UTC ticks about every 110 px and a "Time (UTC)" label. */
export function drawTimeAxis(frame: ChartFrame, x: d3.ScaleTime<number, number>): void {
  const axis = d3
    .axisBottom(x)
    .ticks(Math.max(2, Math.floor(frame.innerWidth / 110)))
    .tickFormat((d) => formatTimeTick(d as Date))
    .tickSizeOuter(0);
  const group = frame.plot
    .append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${frame.innerHeight})`)
    .call(axis)
    .attr('font-family', null)
    .attr('font-size', 10);
  group
    .append('text')
    .attr('x', frame.innerWidth)
    .attr('y', 32)
    .attr('text-anchor', 'end')
    .attr('fill', MUTED_TEXT_COLOR)
    .text('Time (UTC)');
}

/**
 * Left value axis with horizontal grid lines and a rotated label carrying the unit, e.g.
 * "CPU time (%)".
 */
export function drawValueAxis(frame: ChartFrame, y: d3.ScaleLinear<number, number>, label: string): void {
  const ticks = Math.max(2, Math.floor(frame.innerHeight / 40));
  frame.plot
    .append('g')
    .attr('class', 'grid')
    .attr('aria-hidden', 'true')
    .selectAll('line')
    .data(y.ticks(ticks))
    .join('line')
    .attr('x2', frame.innerWidth)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d))
    .attr('stroke', GRID_COLOR);
  frame.plot
    .append('g')
    .attr('class', 'axis axis-y')
    .call(d3.axisLeft(y).ticks(ticks, ',~f').tickSizeOuter(0))
    .attr('font-family', null)
    .attr('font-size', 10);
  frame.plot
    .append('text')
    .attr('transform', `translate(${-frame.margin.left + 14},${frame.innerHeight / 2}) rotate(-90)`)
    .attr('text-anchor', 'middle')
    .attr('fill', TEXT_COLOR)
    .text(label);
}

/** A linear scale from 0 to a nice maximum covering `max` (at least `floor`). */
export function valueScale(max: number, innerHeight: number, floor = 1): d3.ScaleLinear<number, number> {
  const top = Number.isFinite(max) && max > floor ? max : floor;
  return d3.scaleLinear().domain([0, top]).nice().range([innerHeight, 0]);
}
