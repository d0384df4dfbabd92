import fc from 'fast-check';
import { type CsvParseOptions, type CsvRow, METRIC_COLUMNS, parseMetricsCsvBatches } from '@perfanalysis/contract';
import { Readable } from 'node:stream';
import { CsvCopyParser } from '../src/ingest/csvCopyParser.js';
import type { MachineTally } from '../src/ingest/csvCopyProtocol.js';

/** A machine the target refuses, as the upload refuses another tenant's (FORBIDDEN). */
const REFUSED = 'evil';
const PG_EPOCH_MS = 946_684_800_000;

/** A row as the staging table would hold it. */
interface StagedRow {
  readonly machineId: string;
  readonly timestamp: number;
  readonly values: readonly (number | null)[];
}

/** What the upload sees of one parse: the machines asked for, the rows and tallies written, then the error. */
interface Outcome {
  readonly steps: ({ machines: readonly string[] } | { rows: StagedRow[]; tally: readonly MachineTally[] })[];
  readonly error?: { name: string; message: string; details: unknown };
}

function errorOf(error: unknown): Outcome['error'] {
  const e = error as Error & { details?: unknown };
  return { name: e.name, message: e.message, details: e.details };
}

/** The collector id a test gives a machine: its index in `names`, in 16 bytes. */
function uuidOf(names: string[], machineId: string): Uint8Array {
  if (!names.includes(machineId)) names.push(machineId);
  const uuid = new Uint8Array(16);
  new DataView(uuid.buffer).setUint32(12, names.indexOf(machineId) + 1);
  return uuid;
}

/** Reads binary COPY tuples back (an independent reader of the format the encoder writes). */
function decode(copy: Uint8Array, names: readonly string[]): StagedRow[] {
  const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
  const rows: StagedRow[] = [];
  let at = 0;
  while (at < copy.length) {
    expect(view.getInt16(at)).toBe(2 + METRIC_COLUMNS.length);
    expect(view.getInt32(at + 2)).toBe(16);
    const machineId = names[view.getUint32(at + 18) - 1]!;
    expect(view.getInt32(at + 22)).toBe(8);
    const micros = Number(view.getBigInt64(at + 26));
    at += 34;
    const values: (number | null)[] = [];
    for (let c = 0; c < METRIC_COLUMNS.length; c++) {
      const length = view.getInt32(at);
      if (length === -1) values.push(null);
      else {
        expect(length).toBe(4);
        values.push(view.getFloat32(at + 4));
      }
      at += length === -1 ? 4 : 8;
    }
    rows.push({ machineId, timestamp: micros / 1000 + PG_EPOCH_MS, values });
  }
  return rows;
}

/** The upload's worker path, through the real worker thread. */
async function viaWorker(chunks: Uint8Array[], options: CsvParseOptions): Promise<Outcome> {
  const names: string[] = [];
  const steps: Outcome['steps'] = [];
  const parser = new CsvCopyParser(Readable.from(chunks), options);
  try {
    await parser.stage({
      collectors: async (machineIds) => {
        steps.push({ machines: [...machineIds] });
        if (machineIds.includes(REFUSED)) throw Object.assign(new Error(`refused ${REFUSED}`), { name: 'Refused' });
        return new Map(machineIds.map((id) => [id, uuidOf(names, id)]));
      },
      write: async (tuples, tally) => {
        steps.push({ rows: decode(tuples, names), tally: tally.map((t) => [...t] as const) });
      },
    });
    return { steps };
  } catch (error) {
    return { steps, error: errorOf(error) };
  } finally {
    await parser.close();
  }
}

/**
 * The same file through the row parser the upload used before encoding from slots: new machines
 * asked for per batch, then each value as a float4, the first one a float4 cannot hold refusing
 * the batch with its row and column.
 */
async function viaRows(chunks: Uint8Array[], options: CsvParseOptions): Promise<Outcome> {
  const known = new Set<string>();
  const steps: Outcome['steps'] = [];
  try {
    for await (const rows of parseMetricsCsvBatches(chunks, options).batches) {
      const unknown = [...new Set(rows.map((r) => r.machineId).filter((id) => !known.has(id)))];
      if (unknown.length > 0) {
        steps.push({ machines: unknown });
        if (unknown.includes(REFUSED)) return { steps, error: { name: 'Refused', message: `refused ${REFUSED}`, details: undefined } };
        for (const id of unknown) known.add(id);
      }
      const tooLarge = firstTooLarge(rows);
      if (tooLarge !== undefined) return { steps, error: tooLarge };
      steps.push({ rows: rows.map(staged), tally: tallyOf(rows) });
    }
    return { steps };
  } catch (error) {
    return { steps, error: errorOf(error) };
  }
}

function staged(row: CsvRow): StagedRow {
  const values = METRIC_COLUMNS.map((c) => {
    const value = row.point.values[c];
    return value === undefined ? null : Math.fround(value);
  });
  return { machineId: row.machineId, timestamp: row.point.timestamp, values };
}

function firstTooLarge(rows: readonly CsvRow[]): Outcome['error'] {
  for (const row of rows) {
    for (const column of METRIC_COLUMNS) {
      const value = row.point.values[column];
      if (value !== undefined && Math.fround(value) === Infinity) {
        return {
          name: 'CsvValueError',
          message: `Column ${column}, row ${row.row}: '${value}' is too large to store; values must be below 3.4e38`,
          details: { row: row.row, column, value: String(value), reason: 'out of range' },
        };
      }
    }
  }
  return undefined;
}

function tallyOf(rows: readonly CsvRow[]): MachineTally[] {
  const byMachine = new Map<string, [string, number, number, number]>();
  for (const { machineId, point } of rows) {
    const t = byMachine.get(machineId) ?? [machineId, 0, point.timestamp, point.timestamp];
    byMachine.set(machineId, [machineId, t[1] + 1, Math.min(t[2], point.timestamp), Math.max(t[3], point.timestamp)]);
  }
  return [...byMachine.values()];
}

/** Cuts bytes at the given offsets. */
function cut(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const at = [...new Set(offsets.filter((o) => o > 0 && o < bytes.length))].sort((a, b) => a - b);
  return [0, ...at].map((from, i) => bytes.slice(from, at[i] ?? bytes.length));
}

const HEADERS = [
  'timestamp,machine_id,cpu_user,cpu_system,cpu_idle',
  `timestamp,machine_id,${METRIC_COLUMNS.join(',')}`,
  'timestamp,machine_id,cpu_user,cpu_system,cpu_idle,disk_read_bytes,disk_read_ops,net_rx_bytes,mem_used_kb,x',
  'timestamp,cpu_user,cpu_system,cpu_idle,load_1min',
];
/** Cells that pass, fail or sit at the edges; `3e44` bytes over a 1 ms gap is a rate no float4 holds. */
const CELL = fc.constantFrom(
  '1714521600',
  '1714521600.001',
  '1714521600.5',
  '2024-05-01T00:00:00Z',
  '2024-05-01 00:00:00+02:00',
  'web-01',
  'web-02',
  REFUSED,
  '',
  ' ',
  '12.5',
  '0',
  '-0',
  '100.0001',
  '-1',
  '3e44',
  '3.3e38',
  '1e400',
  '1e-50',
  'abc',
  '"7"',
  '"a,b"',
  '"x\ny"',
  '"',
  '\u0001',
  '€',
);
/** A row of cells, usually as wide as its header. */
const files: fc.Arbitrary<Buffer> = fc
  .tuple(
    fc.constantFrom(...HEADERS),
    fc.array(fc.tuple(fc.integer({ min: -1, max: 1 }), fc.array(CELL, { minLength: 29, maxLength: 29 })), { maxLength: 30 }),
    fc.constantFrom('\n', '\r\n'),
  )
  .map(([header, rows, eol]) => {
    const width = header.split(',').length;
    const lines = rows.map(([skew, cells]) => {
      // The first cells are usually what their column wants, so most rows parse and errors sit deeper.
      const row = cells.slice(0, Math.max(1, width + skew));
      return row.join(',');
    });
    return Buffer.from([header, ...lines].join(eol) + eol);
  });
/** Valid rows of two machines (rarely a refused one) with count columns, so whole files stage and counts become rates. */
const amount = fc.option(fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.double({ min: 1e-3, max: 1e30, noNaN: true })), { nil: '' });
/** Bytes of 3e44 over the 1 ms gap are a rate no float4 holds, often in several rows and columns. */
const bytes = fc.oneof(amount, fc.constant(3e44));
const machine = fc.oneof({ arbitrary: fc.constantFrom('web-01', 'web-02'), weight: 40 }, { arbitrary: fc.constant(REFUSED), weight: 1 });
const validFiles: fc.Arbitrary<Buffer> = fc
  .array(fc.tuple(machine, fc.tuple(amount, bytes, amount, bytes, amount)), {
    minLength: 1,
    maxLength: 200,
  })
  .map((rows) =>
    Buffer.from(
      [
        HEADERS[2],
        ...rows.map(([machine, [cpu, read, ops, rx, kb]], i) => {
          const timestamp = (1_714_521_600_000 + i) / 1000;
          return `${timestamp},${machine},${cpu === '' ? '' : Math.min(cpu, 100)},1,1,${read},${ops},${rx},${kb},x`;
        }),
      ].join('\n'),
    ),
  );

describe('the upload worker (csvCopyParser.ts)', () => {
  it('stages the rows, machines, tallies and typed errors the row parser gives, for any file cut anywhere', async () => {
    const options = fc.constantFrom<CsvParseOptions>({}, { machineId: 'web-03' }, { machineId: 'web-03', maxRows: 7 });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          files,
          validFiles,
          fc.uint8Array({ maxLength: 600 }).map((b) => Buffer.from(b)),
        ),
        fc.array(fc.nat({ max: 4000 }), { maxLength: 12 }),
        options,
        async (bytes, offsets, parseOptions) => {
          const chunks = cut(bytes, offsets);
          const expected = await viaRows(chunks, parseOptions);
          expect(await viaWorker(chunks, parseOptions)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);

  it('stages a file whose rates overflow a float4 as the typed error of the first such row and column', async () => {
    const file = Buffer.from(
      [
        HEADERS[2],
        '1714521600,web-01,1,1,98,1,,,,',
        '1714521600.001,web-01,1,1,98,3e44,,3e44,,',
        '1714521600.002,web-01,1,1,98,3e44,,3e44,,',
      ].join('\n'),
    );
    const outcome = await viaWorker([file], {});
    expect(outcome.error).toEqual({
      name: 'CsvValueError',
      message: expect.stringMatching(/^Column disk_read_mb, row 2: '2\.86\d*e\+41' is too large to store/),
      details: { row: 2, column: 'disk_read_mb', value: expect.any(String), reason: 'out of range' },
    });
    expect(outcome.steps).toEqual([{ machines: ['web-01'] }]);
  });
});
