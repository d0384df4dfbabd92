import { formatUtc } from '../format/formatTime.js';
import { comparedMetric } from './comparedMetrics.js';
import type { FleetComparison } from './compareFleet.js';
import { HEATMAP_METRICS, type HeatmapMetric } from './fleetMember.js';
import { svgRoot, svgText } from './svgMarkup.js';

const NAME_WIDTH = 150;
const CELL_WIDTH = 7;
const PANEL_GAP = 24;
const TOP = 40;

/**
 * CPU busy and memory used (% of total) of every collector over the window as two heatmaps
 * side by side: one row per collector (in the order asked), one column per slice of the
 * window, the slice's mean as a shade from white (0 %) to dark blue (100 %).
 */
export function renderFleetHeatmapSvg(comparison: FleetComparison): string {
  const members = comparison.members;
  const buckets = members[0]?.heat.cpu_busy.length ?? 0;
  const rowHeight = members.length > 40 ? 8 : 14;
  const panelWidth = buckets * CELL_WIDTH;
  const width = NAME_WIDTH + HEATMAP_METRICS.length * (panelWidth + PANEL_GAP);
  const height = TOP + members.length * rowHeight + 44;
  const names = members
    .map((m, r) => svgText(NAME_WIDTH - 6, TOP + r * rowHeight + rowHeight - 1.5, m.name, { anchor: 'end', size: rowHeight > 8 ? 10 : 7 }))
    .join('');
  const panels = HEATMAP_METRICS.map((key, p) => panel(comparison, key, NAME_WIDTH + p * (panelWidth + PANEL_GAP), rowHeight)).join('');
  const footY = TOP + members.length * rowHeight + 14;
  const axis =
    svgText(NAME_WIDTH, footY, formatUtc(comparison.from), { size: 9, muted: true }) +
    svgText(width - PANEL_GAP, footY, formatUtc(comparison.to), { size: 9, muted: true, anchor: 'end' }) +
    legend(NAME_WIDTH, footY + 10);
  return svgRoot('fleetHeatmap', `${comparison.title}: CPU busy and memory used over the window`, width, height, names + panels + axis);
}

function panel(comparison: FleetComparison, key: HeatmapMetric, left: number, rowHeight: number): string {
  const cells = comparison.members
    .map((m, r) =>
      Array.from(
        m.heat[key],
        (v, b) =>
          `<rect x="${left + b * CELL_WIDTH}" y="${TOP + r * rowHeight}" width="${CELL_WIDTH}" height="${rowHeight}" fill="${shade(v)}"/>`,
      ).join(''),
    )
    .join('');
  return `<g data-metric="${key}">${svgText(left, TOP - 8, `${comparedMetric(key).label} (%)`, { bold: true })}${cells}</g>`;
}

function legend(x: number, y: number): string {
  const steps = [0, 25, 50, 75, 100];
  return (
    steps
      .map((v, i) => `<rect x="${x + i * 40}" y="${y}" width="40" height="8" fill="${shade(v)}" stroke="#ccc" stroke-width="0.5"/>`)
      .join('') +
    steps.map((v, i) => svgText(x + i * 40 + 20, y + 18, `${v} %`, { size: 8, anchor: 'middle', muted: true })).join('') +
    `<rect x="${x + 220}" y="${y}" width="12" height="8" fill="${NO_DATA}"/>` +
    svgText(x + 236, y + 8, 'no samples', { size: 8, muted: true })
  );
}

const NO_DATA = '#e3e3e3';
const LIGHT = [247, 251, 255];
const DARK = [8, 48, 107];

/** A percentage as a shade between {@link LIGHT} and {@link DARK}, clamped to 0–100. */
export function shade(percent: number): string {
  if (!Number.isFinite(percent)) return NO_DATA;
  const t = Math.min(Math.max(percent / 100, 0), 1);
  const channel = (i: number) =>
    Math.round(LIGHT[i]! + t * (DARK[i]! - LIGHT[i]!))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}
