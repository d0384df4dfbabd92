import { METRIC_COLUMNS, METRIC_UNITS, type MetricColumn } from '@perfanalysis/contract';
import type { ReportData } from '../data/prepareReportData.js';
import { formatFigure } from '../format/formatFigure.js';
import { formatDuration, formatUtc } from '../format/formatTime.js';
import { METRIC_LABELS } from '../format/metricLabels.js';
import { isFiniteNumber, max } from '../builtins.js';

/** Totals that should not move within a window (a machine's memory and swap are fixed). */
const TOTALS: readonly MetricColumn[] = ['mem_total_mb', 'swap_total_mb'];

/** Columns that are rates per second (unit `…/s`): a source may have written the raw counter instead. */
const RATES: readonly MetricColumn[] = METRIC_COLUMNS.filter((c) => METRIC_UNITS[c].endsWith('/s'));

/**
 * What a reader should know about the data before trusting the charts: the oddities that
 * can be told from the samples alone (docs/report-data-quality.md). Each note is one
 * sentence; none when the capture looks sound.
 */
export function dataQualityNotes(data: ReportData): string[] {
  return [...movingTotals(data), ...gaps(data), ...repeatedSamples(data), ...counterLikeRates(data)];
}

/** A total that changes: typically computed by the source as used + free. */
function movingTotals(data: ReportData): string[] {
  return TOTALS.flatMap((column) => {
    const s = data.summaries[column];
    if (!s?.count || s.max - s.min <= max(1, s.max * 0.001)) return [];
    return [
      `${METRIC_LABELS[column]} moves during the window (${formatFigure(s.min, 'MB')} to ${formatFigure(s.max, 'MB')}): ` +
        'the source probably computed it (e.g. used + free) rather than reading it; shares of it are approximate.',
    ];
  });
}

/** Silences longer than the gap that breaks chart lines. */
function gaps(data: ReportData): string[] {
  const { time, maxGapMs } = data;
  let count = 0;
  let longest = 0;
  let longestAt = 0;
  for (let i = 1; i < time.length; i++) {
    const gap = time[i]! - time[i - 1]!;
    if (gap <= maxGapMs) continue;
    count++;
    if (gap > longest) [longest, longestAt] = [gap, time[i - 1]!];
  }
  if (count === 0) return [];
  return [
    `${count} gap${count === 1 ? '' : 's'} in the samples (no data for longer than ${formatDuration(maxGapMs)}); ` +
      `the longest lasts ${formatDuration(longest)} from ${formatUtc(longestAt)}. Lines break across gaps.`,
  ];
}

/** The same instant sampled twice (duplicated rows, or a clock that stood still). */
function repeatedSamples(data: ReportData): string[] {
  let repeated = 0;
  for (let i = 1; i < data.time.length; i++) if (data.time[i] === data.time[i - 1]) repeated++;
  if (repeated === 0) return [];
  return [`${repeated.toLocaleString('en-US')} sample${repeated === 1 ? ' repeats' : 's repeat'} the timestamp of the one before.`];
}

/**
 * A rate that rises step after step and almost never falls looks like a cumulative
 * counter written where a per-second rate belongs; counter resets show as sudden drops.
 */
function counterLikeRates(data: ReportData): string[] {
  return RATES.flatMap((column) => {
    const values = data.columns[column];
    if (!values) return [];
    const trend = monotoneTrend(values);
    if (!trend || trend.rises < 20 || trend.falls > trend.rises * 0.02) return [];
    const resets = trend.falls ? `, with ${trend.falls} drop${trend.falls === 1 ? '' : 's'} that look like counter resets` : '';
    return [`${METRIC_LABELS[column]} (${column}) only ever rises${resets}: it looks like a cumulative counter, not a per-second rate.`];
  });
}

function monotoneTrend(values: Float64Array): { rises: number; falls: number } | undefined {
  let previous = Number.NaN;
  let seen = false;
  let rises = 0;
  let falls = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!isFiniteNumber(v)) continue;
    if (!seen) seen = true;
    else if (v > previous) rises++;
    else if (v < previous) falls++;
    previous = v;
  }
  return seen ? { rises, falls } : undefined;
}
