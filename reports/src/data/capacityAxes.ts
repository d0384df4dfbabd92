import { summarizeSeries } from '../stats/summarizeSeries.js';
import type { ReportData } from './prepareReportData.js';
import { isFiniteNumber } from '../builtins.js';

/** One radar axis: a p95 against what the machine can give. */
export interface CapacityAxis {
  readonly key: string;
  readonly label: string;
  /** p95 of the series, in `unit`. */
  readonly value: number;
  readonly capacity: number;
  readonly unit: string;
  /** value / capacity (1 = full). */
  readonly ratio: number;
  /** Which device or series the figure comes from, when it is the busiest of several. */
  readonly source?: string;
}

/**
 * The radar's axes, each a p95 over its capacity (see `Capacities`):
 * - CPU busy / 100 %;
 * - memory used / physical memory (`memoryMb`);
 * - swap used / swap size (`swapMb`), when there is swap;
 * - disk utilisation of the busiest device / 100 %;
 * - read + write throughput of the busiest device / `diskThroughputMbPerSec`;
 * - the busiest interface direction (rx or tx) / `networkThroughputMbPerSec`;
 * - 5-minute load / CPU count, when the count is known.
 * An axis whose series or capacity is missing is left out.
 */
export function capacityAxes(data: ReportData): CapacityAxis[] {
  // The radar and the executive summary both ask; per-device p95s cost a pass each.
  let axes = memo.get(data);
  if (!axes) memo.set(data, (axes = computeAxes(data)));
  return axes;
}

const memo = new WeakMap<ReportData, CapacityAxis[]>();

function computeAxes(data: ReportData): CapacityAxis[] {
  const axes: CapacityAxis[] = [];
  const { summaries, capacities } = data;
  const push = (axis: Omit<CapacityAxis, 'ratio'>): void => {
    if (!isFiniteNumber(axis.value) || !(axis.capacity > 0)) return;
    axes.push({ ...axis, ratio: axis.value / axis.capacity });
  };
  if (summaries.cpu_busy) push({ key: 'cpu', label: 'CPU busy', value: summaries.cpu_busy.p95, capacity: 100, unit: '%' });
  if (summaries.mem_used_mb && capacities.memoryMb) {
    push({ key: 'memory', label: 'Memory used', value: summaries.mem_used_mb.p95, capacity: capacities.memoryMb, unit: 'MB' });
  }
  if (summaries.swap_used_mb && capacities.swapMb) {
    push({ key: 'swap', label: 'Swap used', value: summaries.swap_used_mb.p95, capacity: capacities.swapMb, unit: 'MB' });
  }
  const disks = data.devices.disk.length
    ? data.devices.disk.map((d) => ({ source: d.device, values: d.values }))
    : [{ source: undefined, values: data.columns }];
  const util = busiest(disks.map((d) => ({ source: d.source, values: d.values.disk_io_util })));
  if (util) push({ key: 'diskUtil', label: 'Disk utilisation', value: util.p95, capacity: 100, unit: '%', ...source(util.source) });
  const diskThroughput = busiest(disks.map((d) => ({ source: d.source, values: sum(d.values.disk_read_mb, d.values.disk_write_mb) })));
  if (diskThroughput) {
    push({
      key: 'diskThroughput',
      label: 'Disk throughput',
      value: diskThroughput.p95,
      capacity: capacities.diskThroughputMbPerSec,
      unit: 'MB/s',
      ...source(diskThroughput.source),
    });
  }
  const interfaces = data.devices.net.length
    ? data.devices.net.map((d) => ({ source: d.device, values: d.values }))
    : [{ source: undefined, values: data.columns }];
  const network = busiest(
    interfaces.flatMap((i) => [
      { source: i.source ? `${i.source} rx` : 'rx', values: i.values.net_rx_mb },
      { source: i.source ? `${i.source} tx` : 'tx', values: i.values.net_tx_mb },
    ]),
  );
  if (network) {
    push({
      key: 'network',
      label: 'Network throughput',
      value: network.p95,
      capacity: capacities.networkThroughputMbPerSec,
      unit: 'MB/s',
      ...source(network.source),
    });
  }
  if (summaries.load_5min && capacities.cpuCount) {
    push({ key: 'load', label: 'Load 5 min', value: summaries.load_5min.p95, capacity: capacities.cpuCount, unit: '' });
  }
  return axes;
}

function busiest(
  candidates: ReadonlyArray<{ source: string | undefined; values: Float64Array | undefined }>,
): { source: string | undefined; p95: number } | undefined {
  let best: { source: string | undefined; p95: number } | undefined;
  for (const { source, values } of candidates) {
    if (!values) continue;
    const p95 = summarizeSeries(values).p95;
    if (isFiniteNumber(p95) && (!best || p95 > best.p95)) best = { source, p95 };
  }
  return best;
}

function sum(a: Float64Array | undefined, b: Float64Array | undefined): Float64Array | undefined {
  if (!a || !b) return a ?? b;
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    out[i] = isFiniteNumber(x) ? (isFiniteNumber(y) ? x + y : x) : y;
  }
  return out;
}

function source(value: string | undefined): { source?: string } {
  return value === undefined ? {} : { source: value };
}
