import { type DeviceKind, type DeviceSample, METRIC_COLUMNS, type MetricPoint, type MetricValues } from '@perfanalysis/contract';
import { quoteSchema, type Runtime } from '@perfanalysis/platform';
import { REPORT_LIMITS } from './reportLimits.js';

type Pool = Runtime['db']['pool'];

/** What one report reads: one collector's points in [from, to), with the device kinds its sections chart. */
export interface ReportPointsRequest {
  readonly collectorId: string;
  readonly from: Date;
  readonly to: Date;
  /** Device kinds to read from `metric_device_points`; none skips that table. */
  readonly deviceKinds: readonly DeviceKind[];
  /** @default REPORT_LIMITS.pageSize */
  readonly pageSize?: number;
  /** @default REPORT_LIMITS.maxDevices */
  readonly maxDevices?: Readonly<Record<DeviceKind, number>>;
}

/** Safety net: a page never reads device samples of more instants than this. */
const MAX_DEVICE_INSTANTS_PER_PAGE = 100_000;

const EPOCH_MS = `(extract(epoch FROM p.ts) * 1000)::float8`;

/**
 * One collector's points in time order, read in keyset pages (`ts > last` … `LIMIT n`) over
 * the (collector_id, ts) primary key, so only one page of rows is ever held: the caller
 * streams them into a `ReportDataBuilder`. Each page's device rows (per CPU, disk, interface)
 * are read for the same instants and attached to their point; at most `maxDevices` devices
 * per kind are kept (the first ones seen), the rest are left out of the report.
 */
export async function* readReportPoints(pool: Pool, schema: string, request: ReportPointsRequest): AsyncGenerator<MetricPoint> {
  const pageSize = request.pageSize ?? REPORT_LIMITS.pageSize;
  const maxDevices = request.maxDevices ?? REPORT_LIMITS.maxDevices;
  const s = quoteSchema(schema);
  const admitted: Record<DeviceKind, Set<string>> = { cpu: new Set(), disk: new Set(), net: new Set() };
  const columns = METRIC_COLUMNS.join(', ');
  let after: string | undefined;
  for (;;) {
    const { rows } = await pool.query<unknown[]>({
      // The cursor is PostgreSQL's own text of ts (exact to the microsecond); ORDER BY names the
      // table's column, not the text, so the page is read in primary-key order.
      text: `SELECT p.ts::text AS cursor, ${EPOCH_MS}, ${columns} FROM ${s}.metric_points AS p
        WHERE p.collector_id = $1 AND p.ts ${after === undefined ? '>=' : '>'} $2::timestamptz AND p.ts < $3::timestamptz
        ORDER BY p.ts LIMIT $4`,
      values: [request.collectorId, after ?? request.from.toISOString(), request.to.toISOString(), pageSize],
      rowMode: 'array',
    });
    if (rows.length === 0) return;
    const first = rows[0]![0] as string;
    after = rows[rows.length - 1]![0] as string;
    const devices = request.deviceKinds.length
      ? await readDevicePage(pool, s, request, { first, last: after }, admitted, maxDevices)
      : new Map<number, DeviceSample[]>();
    for (const row of rows) {
      const timestamp = row[1] as number;
      const values: { [K in keyof MetricValues]: number } = {};
      for (let c = 0; c < METRIC_COLUMNS.length; c++) {
        const value = row[c + 2];
        if (value !== null) values[METRIC_COLUMNS[c]!] = value as number;
      }
      const samples = devices.get(timestamp);
      yield samples ? { timestamp, values, devices: samples } : { timestamp, values };
    }
    if (rows.length < pageSize) return;
  }
}

/** The device samples of the instants [first, last] of one page, by epoch milliseconds. */
async function readDevicePage(
  pool: Pool,
  s: string,
  request: ReportPointsRequest,
  page: { first: string; last: string },
  admitted: Record<DeviceKind, Set<string>>,
  maxDevices: Readonly<Record<DeviceKind, number>>,
): Promise<Map<number, DeviceSample[]>> {
  const values: unknown[] = [request.collectorId, page.first, page.last];
  // Once a kind has its fill of devices, only those are read.
  const filters = request.deviceKinds.map((kind) => {
    values.push(kind);
    const kindParam = `$${values.length}`;
    if (admitted[kind].size < maxDevices[kind]) return `p.kind = ${kindParam}`;
    values.push([...admitted[kind]]);
    return `(p.kind = ${kindParam} AND p.device = ANY($${values.length}::text[]))`;
  });
  // One row per instant, its samples as one JSON text: far fewer protocol rows than one per device.
  const { rows } = await pool.query<[number, string]>({
    text: `SELECT ${EPOCH_MS}, json_agg(json_build_array(p.kind, p.device, p.metrics) ORDER BY p.kind, p.device)::text
      FROM ${s}.metric_device_points AS p
      WHERE p.collector_id = $1 AND p.ts >= $2::timestamptz AND p.ts <= $3::timestamptz AND (${filters.join(' OR ')})
      GROUP BY p.ts ORDER BY p.ts LIMIT ${MAX_DEVICE_INSTANTS_PER_PAGE}`,
    values,
    rowMode: 'array',
  });
  const byTime = new Map<number, DeviceSample[]>();
  for (const [timestamp, json] of rows) {
    const samples: DeviceSample[] = [];
    for (const [kind, device, metrics] of JSON.parse(json) as [DeviceKind, string, Record<string, number | null>][]) {
      const known = admitted[kind];
      if (!known.has(device)) {
        if (known.size >= maxDevices[kind]) continue;
        known.add(device);
      }
      samples.push({ kind, device, values: finiteValues(metrics) });
    }
    if (samples.length) byTime.set(timestamp, samples);
  }
  return byTime;
}

function finiteValues(metrics: Record<string, number | null>): MetricValues {
  const values: Record<string, number> = {};
  for (const [name, value] of Object.entries(metrics)) if (typeof value === 'number' && Number.isFinite(value)) values[name] = value;
  return values as MetricValues;
}
