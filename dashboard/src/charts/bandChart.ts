import { area, axisBottom, axisLeft, line, pointer, scaleLinear, scaleTime, select, type Selection } from 'd3';
import { h } from '../dom/h.js';
import { CHART_MARGIN, ChartFrame, uniqueId } from './chartFrame.js';
import { formatDateTime, formatValue } from './format.js';
import { metricLabel } from './metricLabels.js';
import { type Band, type BandPoint, bandsMax, bridgeShortGaps, isolatedPoints, nearestIndex } from './seriesBands.js';

export interface BandChartOptions {
  readonly title: string;
  /** @default 200 */
  readonly height?: number;
}

/**
 * Bucketed history: per metric, a shaded band from each bucket's min to its max and the
 * average as a line. Pointing at the chart reads out the bucket's values.
 */
export class BandChart {
  private readonly frame: ChartFrame;
  private readonly root: Selection<SVGGElement, unknown, null, undefined>;
  private readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly clipRect: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly cursor: Selection<SVGLineElement, unknown, null, undefined>;
  private readonly overlay: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly readout: HTMLParagraphElement = h('p', { class: 'chart-readout', 'aria-live': 'off' });
  private readonly empty: HTMLParagraphElement = h('p', { class: 'chart-empty', hidden: true }, 'No data in this range.');
  private bands: readonly Band[] = [];
  private domain: [Date, Date] = [new Date(Date.now() - 3_600_000), new Date()];

  constructor(options: BandChartOptions) {
    this.frame = new ChartFrame(options.title, options.height ?? 200, () => this.render());
    this.frame.element.classList.add('chart-band');
    this.frame.element.append(this.empty, this.readout);
    const clipId = uniqueId('clip');
    const svg = select(this.frame.svg);
    this.clipRect = svg.append('defs').append('clipPath').attr('id', clipId).append('rect');
    this.root = svg.append('g').attr('transform', `translate(${CHART_MARGIN.left},${CHART_MARGIN.top})`);
    this.xAxis = this.root.append('g').attr('class', 'axis axis-x');
    this.yAxis = this.root.append('g').attr('class', 'axis axis-y');
    this.plot = this.root.append('g').attr('clip-path', `url(#${clipId})`);
    this.cursor = this.root.append('line').attr('class', 'chart-cursor').attr('visibility', 'hidden');
    this.overlay = this.root
      .append('rect')
      .attr('class', 'chart-overlay')
      .on('pointermove', (event: PointerEvent) => this.pointAt(pointer(event)[0]))
      .on('pointerleave', () => this.clearPointer());
    this.render();
  }

  get element(): HTMLElement {
    return this.frame.element;
  }

  update(bands: readonly Band[], from: Date, to: Date): void {
    this.bands = bands;
    this.domain = [from, to];
    this.frame.setLegend(bands.map((b, i) => ({ key: b.metric, label: metricLabel(b.metric), colorIndex: i })));
    for (const band of bands) {
      const last = [...band.points].reverse().find((p) => p.avg !== null);
      this.frame.setLegendValue(band.metric, last ? `avg ${formatValue(last.avg, band.unit)}` : '');
    }
    const hasData = bands.some((b) => b.points.some((p) => p.avg !== null));
    this.empty.hidden = hasData;
    this.frame.element.dataset.buckets = String(bands[0]?.points.length ?? 0);
    this.render();
  }

  destroy(): void {
    this.frame.destroy();
  }

  private scales() {
    const x = scaleTime().domain(this.domain).range([0, this.frame.innerWidth]);
    const y = scaleLinear()
      .domain([0, bandsMax(this.bands) * 1.05 || 1])
      .range([this.frame.innerHeight, 0])
      .nice(4);
    return { x, y };
  }

  private render(): void {
    const { innerWidth: width, innerHeight: height } = this.frame;
    this.frame.svg.setAttribute('width', String(this.frame.width));
    this.clipRect.attr('width', width).attr('height', height);
    this.overlay.attr('width', width).attr('height', height);
    this.cursor.attr('y1', 0).attr('y2', height);
    const { x, y } = this.scales();
    const unit = this.bands[0]?.unit ?? '';
    this.xAxis.attr('transform', `translate(0,${height})`).call(
      axisBottom<Date>(x)
        .ticks(Math.max(2, Math.floor(width / 100)))
        .tickSizeOuter(0),
    );
    this.yAxis.call(
      axisLeft<number>(y)
        .ticks(4)
        .tickFormat((v) => formatValue(v, unit)),
    );
    const bandArea = area<BandPoint | null>()
      .defined((p) => p !== null && p.min !== null && p.max !== null)
      .x((p) => x(p!.t))
      .y0((p) => y(p!.min!))
      .y1((p) => y(p!.max!));
    const avgLine = line<BandPoint | null>()
      .defined((p) => p !== null && p.avg !== null)
      .x((p) => x(p!.t))
      .y((p) => y(p!.avg!));
    const drawn = new Map(this.bands.map((b) => [b.metric, bridgeShortGaps(b.points)]));
    this.plot
      .selectAll<SVGGElement, Band>('g.series')
      .data(this.bands, (b) => b.metric)
      .join((enter) => {
        const g = enter.append('g');
        g.append('path').attr('class', 'band');
        g.append('path').attr('class', 'line');
        return g;
      })
      .attr('class', (_b, i) => `series series-${i}`)
      .call((g) => g.select<SVGPathElement>('path.band').attr('d', (b) => bandArea(drawn.get(b.metric)!)))
      .call((g) => g.select<SVGPathElement>('path.line').attr('d', (b) => avgLine(drawn.get(b.metric)!)))
      .call((g) =>
        g
          .selectAll<SVGCircleElement, BandPoint>('circle.dot')
          .data((b) => isolatedPoints(drawn.get(b.metric)!).filter((p) => p.avg !== null))
          .join('circle')
          .attr('class', 'dot')
          .attr('r', 2.5)
          .attr('cx', (p) => x(p.t))
          .attr('cy', (p) => y(p.avg!)),
      );
  }

  private pointAt(px: number): void {
    const first = this.bands[0];
    if (!first) return;
    const { x } = this.scales();
    const i = nearestIndex(first.points, x.invert(px).getTime());
    const t = first.points[i]?.t;
    if (t === undefined) return;
    this.cursor.attr('x1', x(t)).attr('x2', x(t)).attr('visibility', 'visible');
    const parts = this.bands.map((b) => {
      const p = b.points[i];
      return `${metricLabel(b.metric)} ${formatValue(p?.avg, b.unit)} (min ${formatValue(p?.min, b.unit)}, max ${formatValue(p?.max, b.unit)})`;
    });
    this.readout.textContent = `${formatDateTime(t)} — ${parts.join(' · ')}`;
  }

  private clearPointer(): void {
    this.cursor.attr('visibility', 'hidden');
    this.readout.textContent = '';
  }
}
