import type { ReportData } from '../data/prepareReportData.js';
import { formatFigure } from '../format/formatFigure.js';
import { percentileTableRows } from '../stats/percentileTableRows.js';
import type { SeriesSummary } from '../stats/summarizeSeries.js';
import type { ChartOptions } from './chartOptions.js';
import { createChartFrame, drawNoData } from './createChartFrame.js';
import { MUTED_TEXT_COLOR, TEXT_COLOR } from './palette.js';

const ROW_HEIGHT = 20;

/** The statistics columns, in the order printed: min, mean, max, then the tail. */
export const PERCENTILE_TABLE_COLUMNS: ReadonlyArray<{ key: keyof SeriesSummary; label: string }> = [
  { key: 'min', label: 'min' },
  { key: 'mean', label: 'mean' },
  { key: 'max', label: 'max' },
  { key: 'p95', label: 'p95' },
  { key: 'p97_5', label: 'p97.5' },
  { key: 'p99', label: 'p99' },
  { key: 'p100', label: 'p100' },
];

/**
 * The percentile table as an SVG (for standalone use; the HTML report prints the same rows
 * as an HTML table). Percentiles are linearly interpolated over every sample of the
 * window (docs/percentiles.md).
 */
export function renderPercentileTable(data: ReportData, options: ChartOptions): SVGSVGElement {
  const rows = percentileTableRows(data);
  const frame = createChartFrame(options, {
    name: 'percentiles',
    title: 'Percentiles per metric',
    subtitle: `Percentiles (linear interpolation) over ${data.time.length.toLocaleString('en-US')} samples`,
    description:
      rows.length === 0
        ? 'No metric data in this window.'
        : `Table of min, mean, max, p95, p97.5, p99 and p100 for ${rows.length} metrics: ` +
          rows.map((r) => `${r.label} p95 ${formatFigure(r.summary.p95, r.unit)}`).join('; ') +
          '.',
    defaultHeight: 60 + (rows.length + 1) * ROW_HEIGHT + 20,
    margin: { left: 20, bottom: 10 },
  });
  if (rows.length === 0) return drawNoData(frame, 'No metric data in this window');

  const labelWidth = 190;
  const unitWidth = 60;
  const columnWidth = Math.max(70, (frame.innerWidth - labelWidth - unitWidth) / PERCENTILE_TABLE_COLUMNS.length);
  const header = frame.plot.append('g').attr('fill', MUTED_TEXT_COLOR).attr('font-weight', 600);
  header.append('text').attr('y', 12).text('Metric');
  header.append('text').attr('x', labelWidth).attr('y', 12).text('Unit');
  PERCENTILE_TABLE_COLUMNS.forEach((column, c) => {
    header
      .append('text')
      .attr('x', labelWidth + unitWidth + (c + 1) * columnWidth - 6)
      .attr('y', 12)
      .attr('text-anchor', 'end')
      .text(column.label);
  });
  rows.forEach((row, r) => {
    const group = frame.plot
      .append('g')
      .attr('transform', `translate(0,${(r + 1) * ROW_HEIGHT})`)
      .attr('fill', TEXT_COLOR);
    if (r % 2 === 0) {
      group.append('rect').attr('y', -2).attr('width', frame.innerWidth).attr('height', ROW_HEIGHT).attr('fill', '#f5f7fa');
    }
    group.append('text').attr('y', 12).text(row.label);
    group.append('text').attr('x', labelWidth).attr('y', 12).attr('fill', MUTED_TEXT_COLOR).text(row.unit);
    PERCENTILE_TABLE_COLUMNS.forEach((column, c) => {
      group
        .append('text')
        .attr('x', labelWidth + unitWidth + (c + 1) * columnWidth - 6)
        .attr('y', 12)
        .attr('text-anchor', 'end')
        .text(formatFigure(row.summary[column.key], ''));
    });
  });
  return frame.svg;
}
