import type { ReportData } from '../data/prepareReportData.js';
import type { ChartOptions } from './chartOptions.js';
import { devicePairSeries } from './deviceSeries.js';
import { renderLinesChart } from './renderLinesChart.js';

/** Disk throughput per device: read (solid) and write (dashed), MB/s. */
export function renderDiskThroughputChart(data: ReportData, options: ChartOptions): SVGSVGElement {
  return renderLinesChart(data, options, {
    name: 'diskThroughput',
    title: 'Disk throughput',
    subject: 'disk throughput per device',
    unit: 'MB/s',
    axisLabel: 'Throughput (MB/s)',
    series: devicePairSeries(data, 'disk', [
      { column: 'disk_read_mb', label: 'read' },
      { column: 'disk_write_mb', label: 'write' },
    ]),
    emptyMessage: 'No disk throughput data in this window',
  });
}

/** Disk operations per device: reads (solid) and writes (dashed), ops/s. */
export function renderDiskOpsChart(data: ReportData, options: ChartOptions): SVGSVGElement {
  return renderLinesChart(data, options, {
    name: 'diskOps',
    title: 'Disk operations',
    subject: 'disk operations per device',
    unit: 'ops/s',
    axisLabel: 'Operations (ops/s)',
    series: devicePairSeries(data, 'disk', [
      { column: 'disk_read_ops', label: 'read' },
      { column: 'disk_write_ops', label: 'write' },
    ]),
    emptyMessage: 'No disk operations data in this window',
  });
}

/** Disk utilisation per device (time the device was busy), %, axis fixed at 0–100. */
export function renderDiskUtilisationChart(data: ReportData, options: ChartOptions): SVGSVGElement {
  return renderLinesChart(data, options, {
    name: 'diskUtilisation',
    title: 'Disk utilisation',
    subject: 'disk utilisation per device',
    unit: '%',
    axisLabel: 'Utilisation (%)',
    series: devicePairSeries(data, 'disk', [{ column: 'disk_io_util', label: '' }]),
    fixedMax: 100,
    emptyMessage: 'No disk utilisation data in this window',
  });
}
