import { floor, isFiniteNumber } from '../builtins.js';
import type { ReportData, SummaryKey } from '../data/prepareReportData.js';
import type { SeriesSummary } from '../stats/summarizeSeries.js';
import { COMPARED_METRICS, seriesOf } from './comparedMetrics.js';

/** Columns of the fleet heatmap: the window cut into this many equal slices. */
export const HEATMAP_BUCKETS = 48;

/** The series the heatmap shows, one panel each. */
export const HEATMAP_METRICS = ['cpu_busy', 'mem_used_pct'] as const;
export type HeatmapMetric = (typeof HEATMAP_METRICS)[number];

/**
 * What a fleet report keeps of one collector: its summaries and per-slice means, not its
 * series, so 100 collectors × a day at 1 s are read one at a time in bounded memory.
 */
export interface FleetMember {
  readonly name: string;
  readonly samples: number;
  readonly summaries: Readonly<Partial<Record<SummaryKey, SeriesSummary>>>;
  /** Mean of each heatmap slice, NaN where the slice has no sample. */
  readonly heat: Readonly<Record<HeatmapMetric, Float64Array>>;
}

/** Reduces one collector's report data to what the fleet report prints. */
export function summarizeFleetMember(name: string, data: ReportData, buckets = HEATMAP_BUCKETS): FleetMember {
  const summaries: Partial<Record<SummaryKey, SeriesSummary>> = {};
  for (const key of COMPARED_METRICS) if (data.summaries[key]) summaries[key] = data.summaries[key];
  const heat = {} as Record<HeatmapMetric, Float64Array>;
  for (const key of HEATMAP_METRICS) heat[key] = bucketMeans(data, seriesOf(data, key), buckets);
  return { name, samples: data.time.length, summaries, heat };
}

function bucketMeans(data: ReportData, values: Float64Array | undefined, buckets: number): Float64Array {
  const sums = new Float64Array(buckets);
  const counts = new Float64Array(buckets);
  const span = data.to - data.from;
  if (values && span > 0) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!isFiniteNumber(v)) continue;
      const b = floor(((data.time[i]! - data.from) / span) * buckets);
      if (b < 0 || b >= buckets) continue;
      sums[b] = sums[b]! + v;
      counts[b] = counts[b]! + 1;
    }
  }
  return sums.map((sum, b) => (counts[b] ? sum / counts[b]! : NaN));
}
