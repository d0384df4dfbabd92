import type { ReportData } from '../data/prepareReportData.js';
import type { ChartOptions } from './chartOptions.js';
import { devicePairSeries } from './deviceSeries.js';
import { renderLinesChart } from './renderLinesChart.js';

/** Network throughput per interface: received (solid) and sent (dashed), MB/s. */
export function renderNetworkThroughputChart(data: ReportData, options: ChartOptions): SVGSVGElement {
  return renderLinesChart(data, options, {
    name: 'networkThroughput',
    title: 'Network throughput',
    subject: 'network throughput per interface',
    unit: 'MB/s',
    axisLabel: 'Throughput (MB/s)',
    series: devicePairSeries(data, 'net', [
      { column: 'net_rx_mb', label: 'rx' },
      { column: 'net_tx_mb', label: 'tx' },
    ]),
    emptyMessage: 'No network throughput data in this window',
  });
}

/** Network packets per interface: received (solid) and sent (dashed), packets/s. */
export function renderNetworkPacketsChart(data: ReportData, options: ChartOptions): SVGSVGElement {
  return renderLinesChart(data, options, {
    name: 'networkPackets',
    title: 'Network packets',
    subject: 'network packets per interface',
    unit: 'packets/s',
    axisLabel: 'Packets (/s)',
    series: devicePairSeries(data, 'net', [
      { column: 'net_rx_packets', label: 'rx' },
      { column: 'net_tx_packets', label: 'tx' },
    ]),
    emptyMessage: 'No network packet data in this window',
  });
}

/** Network errors per interface: receive (solid) and transmit (dashed) errors/s. */
export function renderNetworkErrorsChart(data: ReportData, options: ChartOptions): SVGSVGElement {
  return renderLinesChart(data, options, {
    name: 'networkErrors',
    title: 'Network errors',
    subject: 'network errors per interface',
    unit: 'errors/s',
    axisLabel: 'Errors (/s)',
    series: devicePairSeries(data, 'net', [
      { column: 'net_rx_errors', label: 'rx' },
      { column: 'net_tx_errors', label: 'tx' },
    ]),
    emptyMessage: 'No network error data in this window',
  });
}
