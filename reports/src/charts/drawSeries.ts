import * as d3 from 'd3';
import { BREAK, selectDisplayIndices, type DownsampleMethod } from '../downsample/selectDisplayIndices.js';
import type { ChartFrame } from './createChartFrame.js';
import { isFiniteNumber, isNaNumber, round } from '../builtins.js';

/** How a series is reduced to the plot's width (shared by lines and stacks). */
export interface ReduceOptions {
  readonly method: DownsampleMethod;
  readonly maxGap: number;
  readonly domain: readonly [number, number];
}

/** One line of a line chart. */
export interface LineSeries {
  readonly label: string;
  readonly color: string;
  readonly dash?: string;
  readonly values: Float64Array;
}

/** One layer of a stacked area chart, bottom first. */
export interface StackLayer {
  readonly label: string;
  readonly color: string;
  readonly values: Float64Array;
}

/** Path coordinates keep one decimal: sub-pixel enough, and a third of the bytes of d3's default. */
const DIGITS = 1;

/** Draws one series as a polyline through its display indices; breaks at gaps and missing values. */
export function drawLine(
  frame: ChartFrame,
  x: d3.ScaleTime<number, number>,
  y: d3.ScaleLinear<number, number>,
  time: Float64Array,
  series: LineSeries,
  reduce: ReduceOptions,
): void {
  const indices = selectDisplayIndices(time, series.values, { columns: round(frame.innerWidth), ...reduce });
  if (indices.length === 0) return;
  const line = d3
    .line<number>()
    .defined((i) => i !== BREAK)
    .x((i) => x(time[i]!))
    .y((i) => y(series.values[i]!))
    .digits(DIGITS);
  frame.plot
    .append('path')
    .attr('class', 'series')
    .attr('fill', 'none')
    .attr('stroke', series.color)
    .attr('stroke-width', 1.25)
    .attr('stroke-linejoin', 'round')
    .attr('stroke-dasharray', series.dash ?? null)
    .attr('d', line(indices))
    .append('title')
    .text(series.label);
}

/** Sum of the layers per sample: NaN where every layer is missing, missing layers count 0. */
export function stackTotal(layers: readonly StackLayer[], n: number): Float64Array {
  const total = new Float64Array(n).fill(Number.NaN);
  for (const layer of layers) {
    const v = layer.values;
    for (let i = 0; i < n; i++) {
      const value = v[i]!;
      if (!isFiniteNumber(value)) continue;
      const t = total[i]!;
      total[i] = isNaNumber(t) ? value : t + value;
    }
  }
  return total;
}

/**
 * Draws stacked areas. The display indices are chosen once, on the stack's total, and used
 * for every layer: layers reduced separately would no longer stack, and min-max on the
 * total keeps the peaks of the stack's outline, which is what the eye reads.
 */
export function drawStackedAreas(
  frame: ChartFrame,
  x: d3.ScaleTime<number, number>,
  y: d3.ScaleLinear<number, number>,
  time: Float64Array,
  layers: readonly StackLayer[],
  total: Float64Array,
  reduce: ReduceOptions,
): void {
  const indices = selectDisplayIndices(time, total, { columns: round(frame.innerWidth), ...reduce });
  if (indices.length === 0) return;
  const below = new Float64Array(indices.length);
  for (const layer of layers) {
    const top = new Float64Array(indices.length);
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      const v = i === BREAK ? 0 : layer.values[i]!;
      top[k] = below[k]! + (isFiniteNumber(v) ? v : 0);
    }
    const bottom = below.slice();
    const area = d3
      .area<number>()
      .defined((_, k) => indices[k] !== BREAK)
      .x((_, k) => x(time[indices[k]!]!))
      .y0((_, k) => y(bottom[k]!))
      .y1((_, k) => y(top[k]!))
      .digits(DIGITS);
    frame.plot.append('path').attr('class', 'layer').attr('fill', layer.color).attr('d', area(indices)).append('title').text(layer.label);
    below.set(top);
  }
}

/** Largest finite value of the arrays (−Infinity when none). */
export function maxOf(...arrays: ReadonlyArray<ArrayLike<number> | undefined>): number {
  let max = -Infinity;
  for (const values of arrays) {
    if (!values) continue;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v > max) max = v;
    }
  }
  return max;
}
