import { DEVICE_COLORS, GRID_COLOR } from '../charts/palette.js';
import { formatFigure } from '../format/formatFigure.js';
import type { BeforeAfterComparison, MetricComparison } from './compareBeforeAfter.js';
import { round1, svgRoot, svgText } from './svgMarkup.js';

const WIDTH = 760;
const LABEL_WIDTH = 170;
const RIGHT = 20;
const ROW = 58;
const TOP = 34;
export const BEFORE_COLOR = DEVICE_COLORS[0];
export const AFTER_COLOR = DEVICE_COLORS[1];

/**
 * Each metric's two distributions side by side as box plots on a shared scale per metric:
 * whiskers at min and max, the box from p25 to p75, a bar at the median and a diamond at
 * p95 (docs/report-comparisons.md).
 */
export function renderDistributionSvg(comparison: BeforeAfterComparison): string {
  const height = TOP + comparison.metrics.length * ROW + 10;
  const legend =
    `<rect x="${LABEL_WIDTH}" y="8" width="12" height="10" fill="${BEFORE_COLOR}"/>` +
    svgText(LABEL_WIDTH + 16, 17, `Before: ${comparison.before.label}`) +
    `<rect x="${LABEL_WIDTH + 300}" y="8" width="12" height="10" fill="${AFTER_COLOR}"/>` +
    svgText(LABEL_WIDTH + 316, 17, `After: ${comparison.after.label}`);
  const rows = comparison.metrics.map((metric, i) => metricRow(metric, TOP + i * ROW)).join('');
  const body = comparison.metrics.length
    ? legend + rows
    : svgText(WIDTH / 2, 40, 'No metric has samples on both sides.', { anchor: 'middle', muted: true });
  return svgRoot('distributions', `Distributions before and after: ${comparison.title}`, WIDTH, Math.max(height, 60), body);
}

function metricRow(metric: MetricComparison, y: number): string {
  const low = Math.min(metric.box.before[0]!, metric.box.after[0]!);
  const high = Math.max(metric.box.before[5]!, metric.box.after[5]!);
  const span = high - low || 1;
  const x = (v: number) => LABEL_WIDTH + ((v - low) / span) * (WIDTH - LABEL_WIDTH - RIGHT);
  return (
    `<g data-metric="${metric.key}">` +
    svgText(0, y + 22, metric.label, { bold: true }) +
    svgText(0, y + 36, metric.unit ? `(${metric.unit})` : '', { muted: true, size: 10 }) +
    `<line x1="${LABEL_WIDTH}" x2="${WIDTH - RIGHT}" y1="${y + ROW - 8}" y2="${y + ROW - 8}" stroke="${GRID_COLOR}"/>` +
    box(metric.box.before, x, y + 4, BEFORE_COLOR) +
    box(metric.box.after, x, y + 24, AFTER_COLOR) +
    svgText(LABEL_WIDTH, y + ROW - 10, formatFigure(low, metric.unit), { size: 9, muted: true }) +
    svgText(WIDTH - RIGHT, y + ROW - 10, formatFigure(high, metric.unit), { size: 9, muted: true, anchor: 'end' }) +
    '</g>'
  );
}

function box(q: readonly number[], x: (v: number) => number, y: number, color: string): string {
  const [min, p25, p50, p75, p95, max] = q.map(x) as [number, number, number, number, number, number];
  const mid = y + 7;
  return (
    `<line x1="${round1(min)}" x2="${round1(max)}" y1="${mid}" y2="${mid}" stroke="${color}"/>` +
    `<rect x="${round1(p25)}" y="${y}" width="${round1(Math.max(p75 - p25, 1))}" height="14" fill="${color}" fill-opacity="0.35" stroke="${color}"/>` +
    `<line x1="${round1(p50)}" x2="${round1(p50)}" y1="${y}" y2="${y + 14}" stroke="${color}" stroke-width="2"/>` +
    `<path d="M${round1(p95)},${y + 1}l6,6l-6,6l-6,-6z" fill="${color}"/>`
  );
}
