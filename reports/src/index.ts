/**
 * @perfanalysis/reports — data in, SVG and HTML out (docs/report-contents.md). Pure functions with an
 * injected document; no server, no clock, no network.
 */
export * from './reportInput.js';
export type { Capacities } from './data/capacities.js';
export { DEFAULT_DISK_THROUGHPUT_MB_PER_SEC, DEFAULT_NETWORK_THROUGHPUT_MB_PER_SEC } from './data/capacities.js';
export {
  prepareReportData,
  type ReportData,
  type ColumnSeries,
  type DeviceSeries,
  type DerivedSeries,
  type SummaryKey,
} from './data/prepareReportData.js';
export { capacityAxes, type CapacityAxis } from './data/capacityAxes.js';
export { defaultDocument } from './data/defaultDocument.js';
export { ReportDataBuilder, type ReportBuilderState, type ReportMeta } from './data/ReportDataBuilder.js';
export { AGGREGATE_COLUMN_ORDER } from './data/readColumns.js';

export { summarizeSeries, SUMMARY_PERCENTILES, type SeriesSummary } from './stats/summarizeSeries.js';
export { percentiles, percentilePosition } from './stats/percentiles.js';
export { percentileTableRows, type PercentileTableRow } from './stats/percentileTableRows.js';

export { minMaxBucketIndices, type BucketRange } from './downsample/minMaxBucketIndices.js';
export { lttbIndices } from './downsample/lttbIndices.js';
export { dropFlatRuns } from './downsample/dropFlatRuns.js';
export { finiteSegments } from './downsample/finiteSegments.js';
export { selectDisplayIndices, BREAK, type DownsampleMethod, type DisplayIndicesOptions } from './downsample/selectDisplayIndices.js';

export type { ChartOptions } from './charts/chartOptions.js';
export { CHARTS, CHART_NAMES, isChartName, type ChartName, type RenderChart } from './charts/chartRegistry.js';
export { renderCpuChart } from './charts/renderCpuChart.js';
export { renderCpuCoresChart } from './charts/renderCpuCoresChart.js';
export { renderMemoryChart } from './charts/renderMemoryChart.js';
export { renderDiskThroughputChart, renderDiskOpsChart, renderDiskUtilisationChart } from './charts/renderDiskCharts.js';
export { renderNetworkThroughputChart, renderNetworkPacketsChart, renderNetworkErrorsChart } from './charts/renderNetworkCharts.js';
export { renderPercentileTable } from './charts/renderPercentileTable.js';
export { renderRadarChart } from './charts/renderRadarChart.js';

export { DEFAULT_THRESHOLDS, type RecommendationThresholds } from './recommendations/thresholds.js';
export { profileMeta, type ProfileCapacities, type ProfileMeta, type ReportProfile } from './profile/reportProfile.js';
export { REPORT_PROFILE_BOUNDS, type ProfileBound } from './profile/reportProfileBounds.js';
export { checkReportProfile, type ProfileProblem } from './profile/checkReportProfile.js';
export type {
  Recommendation,
  RecommendationRule,
  RecommendationSeverity,
  Evidence,
  RuleContext,
} from './recommendations/recommendation.js';
export * from './recommendations/rules/index.js';
export { recommend } from './recommendations/recommend.js';

export { renderReportHtml, renderPreparedReportHtml, type RenderReportOptions } from './report/renderReportHtml.js';
export { renderChartSvg, serializeSvg, type StandaloneChartOptions } from './renderChartSvg.js';
export { generateMetricPoints, iterateMetricPoints, mulberry32, type SyntheticOptions } from './synthetic/generateMetricPoints.js';
export { runCli, type CliIo } from './cli/runCli.js';
export { parseCliArgs, CliUsageError, USAGE, type CliOptions } from './cli/parseCliArgs.js';
export { readCsvReportData, CsvReportError, type CsvReportRequest, type CsvReportData } from './cli/readCsvReportData.js';
export { renderReportPdf, renderPreparedReportPdf } from './pdf/renderReportPdf.js';
export { dataQualityNotes } from './quality/dataQualityNotes.js';

export {
  BOOTSTRAP,
  bootstrapDifference,
  meanStatistic,
  p95Statistic,
  thin,
  type DifferenceInterval,
  type Statistic,
} from './compare/bootstrapDifference.js';
export { changeVerdict, type ChangeVerdict } from './compare/changeVerdict.js';
export { COMPARED_METRICS } from './compare/comparedMetrics.js';
export { COMPARISON_COLUMNS } from './compare/comparisonColumns.js';
export {
  compareBeforeAfter,
  type BeforeAfterComparison,
  type ComparisonSide,
  type MetricComparison,
} from './compare/compareBeforeAfter.js';
export { summarizeFleetMember, HEATMAP_BUCKETS, type FleetMember } from './compare/fleetMember.js';
export { fleetOutliers, MIN_FLEET_FOR_OUTLIERS, type FleetOutlier } from './compare/fleetOutliers.js';
export { compareFleet, MAX_FLEET_COLLECTORS, type FleetComparison } from './compare/compareFleet.js';
export { renderComparisonHtml } from './compare/renderComparisonHtml.js';
export { renderComparisonSvg } from './compare/renderComparisonSvg.js';
export { renderComparisonPdf } from './compare/renderComparisonPdf.js';
