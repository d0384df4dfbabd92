import type { ReportData } from '../data/prepareReportData.js';
import type { ReportSection } from '../reportInput.js';
import type { ChartOptions } from './chartOptions.js';
import { renderCpuChart } from './renderCpuChart.js';
import { renderCpuCoresChart } from './renderCpuCoresChart.js';
import { renderDiskOpsChart, renderDiskThroughputChart, renderDiskUtilisationChart } from './renderDiskCharts.js';
import { renderMemoryChart } from './renderMemoryChart.js';
import { renderNetworkErrorsChart, renderNetworkPacketsChart, renderNetworkThroughputChart } from './renderNetworkCharts.js';
import { renderPercentileTable } from './renderPercentileTable.js';
import { renderRadarChart } from './renderRadarChart.js';

/** Every chart the renderer draws, by name (the CLI's `--svg <chart>`). */
export const CHART_NAMES = [
  'cpu',
  'cpuCores',
  'memory',
  'diskThroughput',
  'diskOps',
  'diskUtilisation',
  'networkThroughput',
  'networkPackets',
  'networkErrors',
  'percentiles',
  'radar',
] as const;

export type ChartName = (typeof CHART_NAMES)[number];

/** A render function: report data and an injected document in, one `<svg>` out. */
export type RenderChart = (data: ReportData, options: ChartOptions) => SVGSVGElement;

/** Each chart's render function and the report section it belongs to. */
export const CHARTS: Readonly<Record<ChartName, { readonly render: RenderChart; readonly section: ReportSection }>> = {
  cpu: { render: renderCpuChart, section: 'cpu' },
  cpuCores: { render: renderCpuCoresChart, section: 'cpu' },
  memory: { render: renderMemoryChart, section: 'memory' },
  diskThroughput: { render: renderDiskThroughputChart, section: 'disk' },
  diskOps: { render: renderDiskOpsChart, section: 'disk' },
  diskUtilisation: { render: renderDiskUtilisationChart, section: 'disk' },
  networkThroughput: { render: renderNetworkThroughputChart, section: 'network' },
  networkPackets: { render: renderNetworkPacketsChart, section: 'network' },
  networkErrors: { render: renderNetworkErrorsChart, section: 'network' },
  percentiles: { render: renderPercentileTable, section: 'percentiles' },
  radar: { render: renderRadarChart, section: 'radar' },
};

export function isChartName(name: string): name is ChartName {
  return (CHART_NAMES as readonly string[]).includes(name);
}
