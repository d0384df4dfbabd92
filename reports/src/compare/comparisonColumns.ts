import type { MetricColumn } from '@perfanalysis/contract';
import { columnsOfSeries } from '../data/seriesColumns.js';
import { COMPARED_METRICS } from './comparedMetrics.js';
import { HEATMAP_METRICS } from './fleetMember.js';

/**
 * The stored columns a comparison needs, from what it computes: the compared series and the
 * heatmap's, derived ones through the columns they are derived from (docs/report-comparisons.md).
 * The reports service reads only these, about half of the 27.
 */
export const COMPARISON_COLUMNS: readonly MetricColumn[] = columnsOfSeries([...COMPARED_METRICS, ...HEATMAP_METRICS]);
