import fc from 'fast-check';
import { BinaryCopyReader, FloatRowCopyReader } from '../src/db/binaryCopyReader.js';

/** PostgreSQL's binary timestamptz of epoch ms (a fraction holding microseconds): int64 µs since 2000-01-01 UTC. */
const microsSince2000 = (ms: number): bigint => BigInt(Math.round(ms * 1000)) - 946_684_800_000_000n;

/** A binary COPY stream by the format's definition: header (with an extension), tuples, trailer; the first field a timestamptz. */
function copyStream(rows: (number | null)[][]): Buffer {
  const parts: Buffer[] = [Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.from([0, 0, 0, 0, 0, 0, 0, 3, 9, 9, 9])];
  for (const row of rows) {
    const count = Buffer.alloc(2);
    count.writeInt16BE(row.length);
    parts.push(count);
    row.forEach((value, i) => {
      const field = Buffer.alloc(i === 0 ? 12 : 8);
      if (value === null) {
        field.writeInt32BE(-1);
        parts.push(field.subarray(0, 4));
      } else if (i === 0) {
        field.writeInt32BE(8);
        field.writeBigInt64BE(microsSince2000(value), 4);
        parts.push(field);
      } else {
        field.writeInt32BE(4);
        field.writeFloatBE(value, 4);
        parts.push(field);
      }
    });
  }
  parts.push(Buffer.from([0xff, 0xff]));
  return Buffer.concat(parts);
}

const ROWS = [
  [1_700_000_000_123, 1.5, null, 3.25],
  [1_700_000_001_123.456, null, 2.5, -0.125],
  [1_700_000_002_123, 7, 8, 9],
  [946_684_799_999.999, 1, 2, 3], // before PostgreSQL's epoch: a negative int64
];

type Decode = (chunks: Buffer[]) => (number | null)[][];

/** Through the general reader, field by field. */
const decodeFields: Decode = (chunks) => {
  const out: (number | null)[][] = [];
  const reader = new BinaryCopyReader((row) => {
    const values: (number | null)[] = [Number(row.buffer.readBigInt64BE(row.start(0)) + 946_684_800_000_000n) / 1000];
    for (let i = 1; i < row.fields; i++) values.push(row.length(i) < 0 ? null : row.buffer.readFloatBE(row.start(i)));
    out.push(values);
  });
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return out;
};

/** Through the float8-then-reals reader (NaN back to null to compare). */
const decodeFloatRows: Decode = (chunks) => {
  const out: (number | null)[][] = [];
  const reader = new FloatRowCopyReader(3, (first, values) =>
    out.push([first, ...Array.from(values, (v) => (Number.isNaN(v) ? null : v))]),
  );
  for (const chunk of chunks) reader.push(chunk);
  reader.end();
  return out;
};

describe.each([
  ['BinaryCopyReader', decodeFields],
  ['FloatRowCopyReader', decodeFloatRows],
])('%s', (_name, decode) => {
  const stream = copyStream(ROWS);

  it('reads every tuple, field by field, NULL as length -1', () => {
    expect(decode([stream])).toEqual(ROWS);
  });

  it('reads the same tuples whichever byte the chunks are split at', () => {
    for (let cut = 1; cut < stream.length; cut++) {
      expect(decode([stream.subarray(0, cut), stream.subarray(cut)])).toEqual(ROWS);
    }
  });

  it('reads a stream fed one byte at a time', () => {
    expect(decode([...stream].map((byte) => Buffer.from([byte])))).toEqual(ROWS);
  });

  it('refuses a stream that ends mid-tuple or is not binary COPY', () => {
    expect(() => decode([stream.subarray(0, stream.length - 5)])).toThrow('ended mid-tuple');
    expect(() => decode([Buffer.from('timestamp,cpu_user\n2025-01-01,1\n')])).toThrow('Not a binary COPY stream');
  });
});

describe('FloatRowCopyReader', () => {
  it('refuses tuples of another shape than a float8 then the reals it was made for', () => {
    expect(() => decodeFloatRows([copyStream([[1, 2, 3]])])).toThrow('Expected tuples of 4 fields, got 3');
    const wrongFirst = copyStream([[1, 2, 3, 4]]);
    wrongFirst.writeInt32BE(4, 22 + 2); // after the 22-byte header and the field count: the float8 claims 4 bytes
    expect(() => decodeFloatRows([wrongFirst])).toThrow('not a timestamp');
  });

  it('gives the epoch ms PostgreSQL would, `(extract(epoch FROM ts) * 1000)::float8`, for any microsecond of 1970–2255', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 53n - 946_684_800_000_001n }), (unixMicros) => {
        const stream = copyStream([[0, 1, 2, 3]]);
        stream.writeBigInt64BE(unixMicros - 946_684_800_000_000n, 22 + 2 + 4);
        // The exact decimal µs / 1000, correctly rounded once, is what numeric → float8 gives.
        expect(decodeFloatRows([stream])[0]![0]).toBe(Number(unixMicros) / 1000);
      }),
    );
  });
});
