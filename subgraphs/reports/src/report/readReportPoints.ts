import { type DeviceKind, type DeviceSample, METRIC_COLUMNS, type MetricColumn, type MetricValues } from '@perfanalysis/contract';
import { FloatRowCopyReader, type Runtime, type TenantDb, type TenantTables } from '@perfanalysis/platform';
import type { ReportDataBuilder } from '@perfanalysis/reports';
import { deviceSamplePage, type DeviceFilter, pointsBinaryCopySql } from '@perfanalysis/subgraph-metrics/read';
import { to as copyTo } from 'pg-copy-streams';
import { REPORT_LIMITS } from './reportLimits.js';

type Pool = Runtime['db']['pool'];

/** What one report reads: one collector's points in [from, to), with the device kinds its sections chart. */
export interface ReportPointsRequest {
  readonly collectorId: string;
  readonly from: Date;
  readonly to: Date;
  /** The columns to read; the others stay absent from the builder. @default METRIC_COLUMNS (every column) */
  readonly columns?: readonly MetricColumn[];
  /** Device kinds to read from `metric_device_points`; none skips that table. */
  readonly deviceKinds: readonly DeviceKind[];
  /** Instants per keyset page of device samples. @default REPORT_LIMITS.pageSize */
  readonly pageSize?: number;
  /** @default REPORT_LIMITS.maxDevices */
  readonly maxDevices?: Readonly<Record<DeviceKind, number>>;
}

/**
 * Reads one collector's points of [from, to) of `db`'s tenant into `builder` (docs/report-contents.md): the
 * points with one binary `COPY … TO STDOUT`, each tuple's reals read straight out of the chunk
 * into one reused array and from there into the builder's typed arrays — no object per point,
 * no text to parse. Then, if the sections chart devices, the device samples (per CPU, disk,
 * interface) in keyset pages of instants; a collector without any costs that one empty page.
 * The COPY takes a connection of its own from `pool`.
 */
export async function readReportPoints(pool: Pool, db: TenantDb, request: ReportPointsRequest, builder: ReportDataBuilder): Promise<void> {
  await copyPoints(pool, db, request, builder);
  if (request.deviceKinds.length) await readDevices(db, request, builder);
}

/**
 * The binary COPY of a report's points, from the metrics subgraph's read module: the timestamp,
 * then the reals of the request's columns (every column unless it names some). Also the
 * bench's baseline (bench/parts/reportWeek.ts, bench/parts/reportFleet.ts).
 */
export function reportPointsCopySql(
  db: TenantTables,
  request: Pick<ReportPointsRequest, 'collectorId' | 'from' | 'to' | 'columns'>,
): string {
  return pointsBinaryCopySql(db, request);
}

/**
 * The points in time order, straight into the builder: real k of a tuple is the request's
 * column k, put at that column's place in the builder's METRIC_COLUMNS-ordered row; columns
 * not read stay NaN there, so the builder never allocates them.
 */
async function copyPoints(pool: Pool, db: TenantDb, request: ReportPointsRequest, builder: ReportDataBuilder): Promise<void> {
  const sql = reportPointsCopySql(db, request);
  const places = Int32Array.from(request.columns ?? METRIC_COLUMNS, (column) => METRIC_COLUMNS.indexOf(column));
  const row = new Float64Array(METRIC_COLUMNS.length).fill(Number.NaN);
  const reader = new FloatRowCopyReader(places.length, (timestamp, values) => {
    for (let k = 0; k < places.length; k++) row[places[k]!] = values[k]!;
    builder.addRow(timestamp, row);
  });
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    for await (const chunk of client.query(copyTo(sql))) reader.push(chunk as Buffer);
    reader.end();
  } catch (error) {
    // A connection left mid-COPY is discarded, not returned to the pool.
    failure = error instanceof Error ? error : new Error(String(error));
    throw failure;
  } finally {
    client.release(failure);
  }
}

/**
 * The device samples in keyset pages of instants (`ts > last` … `LIMIT n`) over the primary
 * key, each instant's samples as one JSON text (far fewer protocol rows than one per device),
 * attached to the point of the same instant. At most `maxDevices` devices per kind are kept
 * (the first ones seen), the rest are left out of the report.
 */
async function readDevices(db: TenantDb, request: ReportPointsRequest, builder: ReportDataBuilder): Promise<void> {
  const pageSize = request.pageSize ?? REPORT_LIMITS.pageSize;
  const maxDevices = request.maxDevices ?? REPORT_LIMITS.maxDevices;
  const admitted: Record<DeviceKind, Set<string>> = { cpu: new Set(), disk: new Set(), net: new Set() };
  let after: string | undefined;
  for (;;) {
    // Once a kind has its fill of devices, only those are read.
    const filters = request.deviceKinds.map(
      (kind): DeviceFilter => (admitted[kind].size < maxDevices[kind] ? { kind } : { kind, devices: [...admitted[kind]] }),
    );
    const rows = await deviceSamplePage(db, {
      collectorId: request.collectorId,
      from: request.from,
      ...(after !== undefined && { after }),
      to: request.to,
      limit: pageSize,
      filters,
    });
    for (const [, timestamp, json] of rows) {
      const samples = admittedSamples(JSON.parse(json) as [DeviceKind, string, Record<string, number | null>][], admitted, maxDevices);
      if (samples.length) builder.addDeviceSamples(timestamp, samples);
    }
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]![0];
  }
}

/** One instant's samples of admitted devices, admitting new ones while a kind has room. */
function admittedSamples(
  entries: [DeviceKind, string, Record<string, number | null>][],
  admitted: Record<DeviceKind, Set<string>>,
  maxDevices: Readonly<Record<DeviceKind, number>>,
): DeviceSample[] {
  const samples: DeviceSample[] = [];
  for (const [kind, device, metrics] of entries) {
    const known = admitted[kind];
    if (!known.has(device)) {
      if (known.size >= maxDevices[kind]) continue;
      known.add(device);
    }
    samples.push({ kind, device, values: finiteValues(metrics) });
  }
  return samples;
}

function finiteValues(metrics: Record<string, number | null>): MetricValues {
  const values: Record<string, number> = {};
  for (const [name, value] of Object.entries(metrics)) if (typeof value === 'number' && Number.isFinite(value)) values[name] = value;
  return values as MetricValues;
}
