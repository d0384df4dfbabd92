import type { DeviceKind, MetricColumn } from '@perfanalysis/contract';
import type { ReportData } from '../data/prepareReportData.js';
import type { LineSeries } from './drawSeries.js';
import { deviceColor, SECOND_SERIES_DASH } from './palette.js';

/**
 * Lines for a pair of columns per device (read/write, rx/tx): colour per device, the second
 * of the pair dashed. Without per-device data, the aggregate columns as device "all".
 */
export function devicePairSeries(
  data: ReportData,
  kind: DeviceKind,
  pair: readonly [{ column: MetricColumn; label: string }, { column: MetricColumn; label: string }?],
): LineSeries[] {
  const devices = data.devices[kind].length
    ? data.devices[kind].map((d) => ({ device: d.device, values: d.values }))
    : [{ device: 'all', values: data.columns }];
  return devices.flatMap(({ device, values }, index) =>
    pair.flatMap((entry, position) => {
      if (!entry) return [];
      const series = values[entry.column];
      if (!series) return [];
      const label = entry.label ? `${device} ${entry.label}` : device;
      return [{ label, color: deviceColor(index), values: series, ...(position === 1 ? { dash: SECOND_SERIES_DASH } : {}) }];
    }),
  );
}
