import { METRIC_COLUMNS } from '@perfanalysis/contract';
import { BinaryCopyReader, type BinaryCopyRow } from '@perfanalysis/platform';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { ExportFrame } from './streamExport.js';

/**
 * Rows per row group: about 13 MB of column arrays in memory at a time, and large enough for
 * the columnar encodings and snappy to pay off (docs/export.md).
 */
const ROW_GROUP_ROWS = 65_536;

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

/**
 * The file's columns (docs/export.md): `timestamp` as a UTC TIMESTAMP in milliseconds,
 * `machine_id` as a string, every metric as FLOAT (PostgreSQL `real`, as stored), null where absent.
 */
const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: 2 + METRIC_COLUMNS.length },
  {
    name: 'timestamp',
    type: 'INT64',
    repetition_type: 'REQUIRED',
    converted_type: 'TIMESTAMP_MILLIS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
  },
  { name: 'machine_id', type: 'BYTE_ARRAY', repetition_type: 'REQUIRED', converted_type: 'UTF8' },
  ...METRIC_COLUMNS.map((name): SchemaElement => ({ name, type: 'FLOAT', repetition_type: 'OPTIONAL' })),
];

/** One row group's values, column by column, filled from binary COPY tuples (epoch ms, then the reals). */
class RowGroupColumns {
  time: number[] = [];
  metrics: (number | null)[][] = METRIC_COLUMNS.map(() => []);

  readonly add = (row: BinaryCopyRow): void => {
    const { buffer } = row;
    this.time.push(buffer.readDoubleBE(row.start(0)));
    for (let c = 0; c < this.metrics.length; c++) {
      this.metrics[c]!.push(row.length(c + 1) < 0 ? null : buffer.readFloatBE(row.start(c + 1)));
    }
  };

  /** The group as hyparquet-writer's column data; the arrays start over empty. */
  drain(machineId: string) {
    const columnData = [
      { name: 'timestamp', data: this.time },
      { name: 'machine_id', data: new Array<string>(this.time.length).fill(machineId) },
      ...METRIC_COLUMNS.map((name, c) => ({ name, data: this.metrics[c]! })),
    ];
    this.time = [];
    this.metrics = METRIC_COLUMNS.map(() => []);
    return columnData;
  }
}

/** The bytes written since the last call, copied out; the writer's buffer is reused. */
function take(sink: ByteWriter): Buffer {
  const bytes = Buffer.from(sink.getBytes());
  sink.index = 0;
  return bytes;
}

/**
 * Turns the binary COPY of `exportCopySql(…, 'parquet')` into a Parquet file, one row group
 * at a time: snappy-compressed column chunks with statistics, footer at the end. Only one row
 * group is ever in memory; each is sent as soon as it is encoded.
 */
export function parquetFrame(machineId: string): ExportFrame {
  return async function* (source) {
    const sink = new ByteWriter();
    const writer = new ParquetWriter({ writer: sink, schema: SCHEMA, codec: 'SNAPPY', createdBy: 'perfanalysis' });
    const group = new RowGroupColumns();
    const reader = new BinaryCopyReader(group.add);
    const flush = () => {
      const rows = group.time.length;
      void writer.write({ columnData: group.drain(machineId), rowGroupSize: rows });
    };
    yield take(sink);
    for await (const chunk of source) {
      reader.push(chunk);
      if (group.time.length >= ROW_GROUP_ROWS) {
        flush();
        yield take(sink);
      }
    }
    reader.end();
    if (group.time.length > 0) flush();
    void writer.finish();
    yield take(sink);
  };
}
