import type { DeviceSample, MetricColumn, MetricPoint } from '@perfanalysis/contract';

/** Per-column values, one per sample; `undefined` leaves the column out of that sample. */
export type CraftedColumns = Partial<Record<MetricColumn, ReadonlyArray<number | undefined>>>;

/** Per-device columns, e.g. `{ disk: { sda: { disk_io_util: [...] } } }`. */
export type CraftedDevices = Partial<Record<DeviceSample['kind'], Record<string, CraftedColumns>>>;

export const T0 = Date.UTC(2025, 0, 6, 0, 0, 0);

/**
 * Points from literal arrays, for rule and statistics tests: `n` samples every `intervalMs`
 * from {@link T0}. Reads like the series it describes.
 */
export function craftPoints(n: number, columns: CraftedColumns, devices: CraftedDevices = {}, intervalMs = 1000): MetricPoint[] {
  return Array.from({ length: n }, (_, i) => {
    const values: Partial<Record<MetricColumn, number>> = {};
    for (const [column, series] of Object.entries(columns) as Array<[MetricColumn, ReadonlyArray<number | undefined>]>) {
      const v = series[i];
      if (v !== undefined) values[column] = v;
    }
    const samples: DeviceSample[] = [];
    for (const [kind, byDevice] of Object.entries(devices) as Array<[DeviceSample['kind'], Record<string, CraftedColumns>]>) {
      for (const [device, deviceColumns] of Object.entries(byDevice)) {
        const deviceValues: Partial<Record<MetricColumn, number>> = {};
        for (const [column, series] of Object.entries(deviceColumns) as Array<[MetricColumn, ReadonlyArray<number | undefined>]>) {
          const v = series[i];
          if (v !== undefined) deviceValues[column] = v;
        }
        samples.push({ kind, device, values: deviceValues });
      }
    }
    return { timestamp: T0 + i * intervalMs, values, ...(samples.length ? { devices: samples } : {}) };
  });
}

/** `n` copies of `value`. */
export function constant(n: number, value: number): number[] {
  return new Array<number>(n).fill(value);
}

/** `n` values where the first `high` are `hi` and the rest `lo`. */
export function tail(n: number, high: number, hi: number, lo: number): number[] {
  return Array.from({ length: n }, (_, i) => (i < high ? hi : lo));
}
