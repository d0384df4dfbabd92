import * as d3 from 'd3';
import { DEFAULT_WIDTH, type ChartOptions } from './chartOptions.js';
import { drawLegend, legendHeight, type LegendItem } from './legend.js';
import { FONT_FAMILY, MUTED_TEXT_COLOR, TEXT_COLOR } from './palette.js';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Space around the plot area, px. */
export interface Margin {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** What a chart declares about itself before drawing. */
export interface FrameSpec {
  /** Chart name, the default id prefix (`chart-<name>`). */
  readonly name: string;
  /** Visible heading and accessible name. */
  readonly title: string;
  /** Accessible description: what is plotted, the window, the headline figure. */
  readonly description: string;
  /** Line under the title (units, window). */
  readonly subtitle?: string;
  readonly legend?: readonly LegendItem[];
  readonly defaultHeight?: number;
  /** Plot margins other than the top one, which follows title and legend. */
  readonly margin?: Partial<Omit<Margin, 'top'>>;
}

/** An `<svg>` with title, description, heading and legend drawn, and a translated plot group. */
export interface ChartFrame {
  readonly svg: SVGSVGElement;
  readonly root: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  readonly plot: d3.Selection<SVGGElement, unknown, null, undefined>;
  readonly width: number;
  readonly height: number;
  readonly innerWidth: number;
  readonly innerHeight: number;
  readonly margin: Margin;
  readonly idPrefix: string;
}

const TITLE_HEIGHT = 22;
const SUBTITLE_HEIGHT = 16;

/**
 * Creates the chart's `<svg>` with the accessibility wiring every chart needs: `role="img"`,
 * `<title>` and `<desc>` as first children, `aria-labelledby` pointing at both. Presentation
 * is in attributes, not CSS, so a chart extracted on its own looks the same.
 */
export function createChartFrame(options: ChartOptions, spec: FrameSpec): ChartFrame {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? spec.defaultHeight ?? 300;
  const idPrefix = options.idPrefix ?? `chart-${spec.name}`;
  const left = spec.margin?.left ?? 64;
  const right = spec.margin?.right ?? 20;
  const bottom = spec.margin?.bottom ?? 42;
  const legendWidth = width - left - right;
  const legendRows = legendHeight(spec.legend ?? [], legendWidth);
  const headerHeight = TITLE_HEIGHT + (spec.subtitle ? SUBTITLE_HEIGHT : 0);
  const top = headerHeight + legendRows + 14;
  const margin = { top, right, bottom, left };

  const svg = options.document.createElementNS(SVG_NS, 'svg') as SVGSVGElement;
  const root = d3.select(svg);
  root
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('role', 'img')
    .attr('aria-labelledby', `${idPrefix}-title ${idPrefix}-desc`)
    .attr('class', `perf-chart perf-chart-${spec.name}`)
    .attr('font-family', FONT_FAMILY)
    .attr('font-size', 11);
  root.append('title').attr('id', `${idPrefix}-title`).text(spec.title);
  root.append('desc').attr('id', `${idPrefix}-desc`).text(spec.description);
  // A white backdrop so the standalone SVG reads on dark viewers and prints the same.
  root.append('rect').attr('width', width).attr('height', height).attr('fill', '#fff');
  root
    .append('text')
    .attr('x', left)
    .attr('y', 16)
    .attr('font-size', 14)
    .attr('font-weight', 600)
    .attr('fill', TEXT_COLOR)
    .attr('aria-hidden', 'true')
    .text(spec.title);
  if (spec.subtitle) {
    root
      .append('text')
      .attr('x', left)
      .attr('y', TITLE_HEIGHT + 11)
      .attr('fill', MUTED_TEXT_COLOR)
      .attr('aria-hidden', 'true')
      .text(spec.subtitle);
  }
  if (spec.legend?.length) {
    const legend = root
      .append('g')
      .attr('class', 'legend')
      .attr('aria-hidden', 'true')
      .attr('transform', `translate(${left},${headerHeight + 2})`);
    drawLegend(legend, spec.legend, legendWidth);
  }
  const plot = root.append('g').attr('class', 'plot').attr('transform', `translate(${left},${top})`);
  return {
    svg,
    root,
    plot,
    width,
    height,
    innerWidth: Math.max(10, width - left - right),
    innerHeight: Math.max(10, height - top - bottom),
    margin,
    idPrefix,
  };
}

/** Attribute an empty chart carries: its "no data" message. */
export const NO_DATA_ATTRIBUTE = 'data-no-data';

/** Writes a centred message in the plot area: the chart exists, the data does not. */
export function drawNoData(frame: ChartFrame, message: string): SVGSVGElement {
  // Marks the chart empty, so a report can print this one line instead of an empty frame.
  frame.svg.setAttribute(NO_DATA_ATTRIBUTE, message);
  frame.plot
    .append('rect')
    .attr('width', frame.innerWidth)
    .attr('height', frame.innerHeight)
    .attr('fill', '#fafafa')
    .attr('stroke', '#ddd');
  frame.plot
    .append('text')
    .attr('x', frame.innerWidth / 2)
    .attr('y', frame.innerHeight / 2)
    .attr('text-anchor', 'middle')
    .attr('fill', MUTED_TEXT_COLOR)
    .text(message);
  return frame.svg;
}
