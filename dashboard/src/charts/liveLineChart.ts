import { axisBottom, axisLeft, line, scaleLinear, scaleTime, select, type Selection } from 'd3';
import { CHART_MARGIN, ChartFrame, uniqueId } from './chartFrame.js';
import { formatValue } from './format.js';
import { gapThresholdMs, mergeSamples, type Sample, windowEnd, withGapMarkers } from './liveWindow.js';

export interface LiveSeriesSpec {
  readonly key: string;
  readonly label: string;
}

export interface LiveLineChartOptions {
  readonly title: string;
  readonly unit: string;
  readonly series: readonly LiveSeriesSpec[];
  /** @default 5 minutes */
  readonly windowMs?: number;
  /** A fixed top of the y axis (100 for percentages); otherwise it follows the data. */
  readonly yMax?: number;
  /** A key whose latest value is the y axis top instead (e.g. total memory). */
  readonly yMaxKey?: string;
  /** @default 220 */
  readonly height?: number;
}

const FRAME_INTERVAL_MS = 1000 / 30;

/**
 * A live line chart over a fixed window: samples are appended, the window glides with time
 * (redrawn on animation frames, at most 30 per second; only on new data when the user
 * prefers reduced motion), and pauses in the data break the line.
 */
export class LiveLineChart {
  private samples: Sample[] = [];
  private receivedAt: number | undefined;
  private readonly frame: ChartFrame;
  private readonly windowMs: number;
  private readonly plot: Selection<SVGGElement, unknown, null, undefined>;
  private readonly xAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: Selection<SVGGElement, unknown, null, undefined>;
  private readonly clipRect: Selection<SVGRectElement, unknown, null, undefined>;
  private readonly paths: Selection<SVGPathElement, LiveSeriesSpec, SVGGElement, unknown>;
  private readonly dots: Selection<SVGGElement, LiveSeriesSpec, SVGGElement, unknown>;
  private raf: number | undefined;
  private lastFrame = 0;
  private readonly reducedMotion: boolean;

  constructor(private readonly options: LiveLineChartOptions) {
    this.windowMs = options.windowMs ?? 5 * 60_000;
    this.frame = new ChartFrame(options.title, options.height ?? 220, () => this.render());
    this.frame.element.classList.add('chart-live');
    this.frame.setLegend(options.series.map((s, i) => ({ key: s.key, label: s.label, colorIndex: i })));
    this.reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

    const clipId = uniqueId('clip');
    const svg = select(this.frame.svg);
    this.clipRect = svg.append('defs').append('clipPath').attr('id', clipId).append('rect');
    const root = svg.append('g').attr('transform', `translate(${CHART_MARGIN.left},${CHART_MARGIN.top})`);
    this.xAxis = root.append('g').attr('class', 'axis axis-x');
    this.yAxis = root.append('g').attr('class', 'axis axis-y');
    this.plot = root.append('g').attr('clip-path', `url(#${clipId})`);
    this.paths = this.plot
      .selectAll<SVGPathElement, LiveSeriesSpec>('path')
      .data(options.series)
      .join('path')
      .attr('class', (_s, i) => `line series-${i}`);
    this.dots = this.plot
      .selectAll<SVGGElement, LiveSeriesSpec>('g.dots')
      .data(options.series)
      .join('g')
      .attr('class', (_s, i) => `dots series-${i}`);
    this.render();
    this.setPointCount();
  }

  get element(): HTMLElement {
    return this.frame.element;
  }

  /** The samples currently held (ascending, trimmed to the window). */
  get points(): readonly Sample[] {
    return this.samples;
  }

  push(samples: readonly Sample[]): void {
    if (samples.length === 0) return;
    this.samples = mergeSamples(this.samples, samples, this.windowMs);
    this.receivedAt = performance.now();
    const latest = this.samples[this.samples.length - 1];
    for (const s of this.options.series) this.frame.setLegendValue(s.key, formatValue(latest?.values[s.key], this.options.unit));
    this.setPointCount();
    if (this.reducedMotion) this.render();
    else this.animate();
  }

  destroy(): void {
    if (this.raf !== undefined) cancelAnimationFrame(this.raf);
    this.raf = undefined;
    this.frame.destroy();
  }

  private setPointCount(): void {
    this.frame.element.dataset.points = String(this.samples.length);
    const latest = this.samples[this.samples.length - 1];
    if (latest) this.frame.element.dataset.latest = new Date(latest.t).toISOString();
  }

  private animate(): void {
    if (this.raf !== undefined || typeof requestAnimationFrame !== 'function') return;
    const tick = (time: number) => {
      this.raf = undefined;
      if (!this.frame.element.isConnected && this.samples.length > 0 && this.lastFrame > 0) return;
      if (time - this.lastFrame >= FRAME_INTERVAL_MS) {
        this.lastFrame = time;
        this.render();
      }
      this.raf = requestAnimationFrame(tick);
    };
    this.raf = requestAnimationFrame(tick);
  }

  private render(): void {
    const { innerWidth: width, innerHeight: height } = this.frame;
    this.frame.svg.setAttribute('width', String(this.frame.width));
    this.clipRect.attr('width', width).attr('height', height);
    const newest = this.samples[this.samples.length - 1];
    const now = typeof performance === 'undefined' ? Date.now() : performance.now();
    const end = newest ? windowEnd(newest.t, this.receivedAt, now) : Date.now();
    const x = scaleTime()
      .domain([end - this.windowMs, end])
      .range([0, width]);
    const y = scaleLinear().domain([0, this.yTop()]).range([height, 0]).nice(4);
    this.xAxis.attr('transform', `translate(0,${height})`).call(
      axisBottom<Date>(x)
        .ticks(Math.max(2, Math.floor(width / 90)))
        .tickSizeOuter(0),
    );
    this.yAxis.call(
      axisLeft<number>(y)
        .ticks(4)
        .tickFormat((v) => formatValue(v, this.options.unit)),
    );
    const marked = withGapMarkers(this.samples, gapThresholdMs(this.samples));
    this.paths.attr('d', (spec) =>
      line<Sample | null>()
        .defined((s) => s !== null && typeof s.values[spec.key] === 'number')
        .x((s) => x(s!.t))
        .y((s) => y(s!.values[spec.key] as number))(marked),
    );
    // A sample with no neighbour (the first one, or one after a pause) is a dot: a line cannot show it.
    this.dots.each(function (spec) {
      const has = (s: Sample | null | undefined) => !!s && typeof s.values[spec.key] === 'number';
      const lone = marked.filter((s, i): s is Sample => has(s) && !has(marked[i - 1]) && !has(marked[i + 1]));
      select(this)
        .selectAll<SVGCircleElement, Sample>('circle')
        .data(lone)
        .join('circle')
        .attr('class', 'dot')
        .attr('r', 2.5)
        .attr('cx', (s) => x(s.t))
        .attr('cy', (s) => y(s.values[spec.key] as number));
    });
  }

  private yTop(): number {
    if (this.options.yMax !== undefined) return this.options.yMax;
    let top = 0;
    const keys = this.options.yMaxKey ? [this.options.yMaxKey] : this.options.series.map((s) => s.key);
    for (const s of this.samples) for (const key of keys) top = Math.max(top, s.values[key] ?? 0);
    return top > 0 ? top * (this.options.yMaxKey ? 1 : 1.1) : 1;
  }
}
