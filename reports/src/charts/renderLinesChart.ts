import type { ReportData } from '../data/prepareReportData.js';
import { formatFigure } from '../format/formatFigure.js';
import { formatUtc } from '../format/formatTime.js';
import { drawTimeAxis, drawValueAxis, timeScale, valueScale } from './axes.js';
import type { ChartOptions } from './chartOptions.js';
import { createChartFrame, drawNoData } from './createChartFrame.js';
import { drawLine, maxOf, type LineSeries } from './drawSeries.js';

/** What a line chart shows: its series and how to label them. */
export interface LinesChartSpec {
  readonly name: string;
  readonly title: string;
  /** What the lines measure, for the description, e.g. "disk throughput". */
  readonly subject: string;
  readonly unit: string;
  /** Value axis label with its unit, e.g. "Throughput (MB/s)". */
  readonly axisLabel: string;
  readonly series: readonly LineSeries[];
  /** Fixed top of the value axis (100 for utilisation); else the data's maximum. */
  readonly fixedMax?: number;
  /** Smallest top of the value axis, so an all-zero series has a sensible scale. @default 1 */
  readonly minMax?: number;
  readonly emptyMessage: string;
}

/** A time chart of a few lines (per device and direction), reduced per pixel column. */
export function renderLinesChart(data: ReportData, options: ChartOptions, spec: LinesChartSpec): SVGSVGElement {
  const window = `${formatUtc(data.from)} to ${formatUtc(data.to)}`;
  const peaks = spec.series.map((s) => ({ label: s.label, max: maxOf(s.values) })).filter((p) => Number.isFinite(p.max));
  const peak = peaks.reduce<{ label: string; max: number } | undefined>((a, b) => (!a || b.max > a.max ? b : a), undefined);
  const frame = createChartFrame(options, {
    name: spec.name,
    title: spec.title,
    subtitle: `${spec.unit} · ${window}`,
    description:
      spec.series.length === 0
        ? `No ${spec.subject} data between ${window}.`
        : `Line chart of ${spec.subject} in ${spec.unit} (${spec.series.map((s) => s.label).join(', ')}), ${window}.` +
          (peak ? ` Highest: ${peak.label} at ${formatFigure(peak.max, spec.unit)}.` : ''),
    legend: spec.series.map((s) => ({ label: s.label, color: s.color, shape: 'line' as const, ...(s.dash ? { dash: s.dash } : {}) })),
  });
  if (spec.series.length === 0) return drawNoData(frame, spec.emptyMessage);

  const x = timeScale(data.from, data.to, frame.innerWidth);
  const y =
    spec.fixedMax !== undefined
      ? valueScale(spec.fixedMax, frame.innerHeight, spec.fixedMax).clamp(true)
      : valueScale(peak?.max ?? 0, frame.innerHeight, spec.minMax ?? 1);
  const reduce = { method: options.downsample ?? 'minmax', maxGap: data.maxGapMs, domain: [data.from, data.to] as const };
  drawValueAxis(frame, y, spec.axisLabel);
  for (const series of spec.series) drawLine(frame, x, y, data.time, series, reduce);
  drawTimeAxis(frame, x);
  return frame.svg;
}
