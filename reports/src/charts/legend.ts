import type * as d3 from 'd3';
import { TEXT_COLOR } from './palette.js';

/** One legend entry: a filled swatch (areas, cells) or a line sample (lines, dashed or not). */
export interface LegendItem {
  readonly label: string;
  readonly color: string;
  readonly shape: 'swatch' | 'line';
  readonly dash?: string;
}

const ROW_HEIGHT = 18;
const SAMPLE_WIDTH = 18;
/** jsdom cannot measure text; 6.2 px per character is a safe width at 11 px system-ui. */
const CHAR_WIDTH = 6.2;

/** Lays items out left to right, wrapping at `width`; returns the rows used. */
export function layoutLegend(items: readonly LegendItem[], width: number): Array<{ item: LegendItem; x: number; row: number }> {
  const placed: Array<{ item: LegendItem; x: number; row: number }> = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const itemWidth = SAMPLE_WIDTH + 6 + item.label.length * CHAR_WIDTH + 16;
    if (x > 0 && x + itemWidth > width) {
      row++;
      x = 0;
    }
    placed.push({ item, x, row });
    x += itemWidth;
  }
  return placed;
}

export function legendHeight(items: readonly LegendItem[], width: number): number {
  if (items.length === 0) return 0;
  const rows = Math.max(...layoutLegend(items, width).map((p) => p.row)) + 1;
  return rows * ROW_HEIGHT;
}

/** Draws the legend into `group` (a `<g>` already translated to its top-left corner). */
export function drawLegend(group: d3.Selection<SVGGElement, unknown, null, undefined>, items: readonly LegendItem[], width: number): void {
  for (const { item, x, row } of layoutLegend(items, width)) {
    const entry = group.append('g').attr('transform', `translate(${x},${row * ROW_HEIGHT})`);
    if (item.shape === 'swatch') {
      entry.append('rect').attr('y', 3).attr('width', SAMPLE_WIDTH).attr('height', 10).attr('fill', item.color);
    } else {
      entry
        .append('line')
        .attr('x2', SAMPLE_WIDTH)
        .attr('y1', 8)
        .attr('y2', 8)
        .attr('stroke', item.color)
        .attr('stroke-width', 2)
        .attr('stroke-dasharray', item.dash ?? null);
    }
    entry
      .append('text')
      .attr('x', SAMPLE_WIDTH + 6)
      .attr('y', 12)
      .attr('fill', TEXT_COLOR)
      .text(item.label);
  }
}
