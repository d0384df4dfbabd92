import fc from 'fast-check';
import {
  CsvFormatError,
  CsvValueError,
  formatMetricsCsv,
  MAX_CSV_TIMESTAMP_MS,
  METRIC_COLUMNS,
  outsideRealRange,
  parseMetricsCsv,
  type MachinePoint,
  type MetricValues,
} from '@perfanalysis/contract';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cutAt, fixture, outcomeOf } from './support/csvOutcome.js';

const HEADER = 'timestamp,machine_id,cpu_user,cpu_system,cpu_idle';

/** Text made of CSV-ish pieces, so runs reach past the header into rows, quotes and values. */
const csvish: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      '',
      `${HEADER}\n`,
      `${HEADER},disk_read_bytes,net_rx_packets,mem_used_kb,x\n`,
      'timestamp,cpu_user,cpu_system,cpu_idle\r\n',
    ),
    fc.array(
      fc.tuple(
        fc.constantFrom(
          'timestamp',
          'machine_id',
          'cpu_user',
          'cpu_idle',
          'mem_used_kb',
          '1714521600',
          '1714521600.5',
          '2024-05-01T00:00:00Z',
          '2024-05-01 00:00:00+02:00',
          '12.5',
          '-1',
          '100.0001',
          '1e308',
          '1e400',
          '0x10',
          '',
          ' ',
          '"',
          '""',
          '"a,b"',
          '"x\ny"',
          'é',
          '€',
          '\ufeff',
          'abc',
          'web-01',
          '\0',
        ),
        fc.constantFrom(',', ',', ',', '\n', '\r\n', '\r', ''),
      ),
      { maxLength: 60 },
    ),
  )
  .map(([header, parts]) => header + parts.map(([token, sep]) => token + sep).join(''));

function isCsvError(error: unknown): boolean {
  return error instanceof CsvFormatError || error instanceof CsvValueError;
}

async function consume(chunks: Array<Uint8Array | string>, machineId?: string): Promise<void> {
  const parse = parseMetricsCsv(chunks, machineId === undefined ? {} : { machineId });
  try {
    for await (const _row of parse.rows);
  } catch (error) {
    if (!isCsvError(error)) throw error;
  }
  // The header settles either way, and only ever with a CSV error.
  await parse.header.catch((error: unknown) => {
    if (!isCsvError(error)) throw error;
  });
}

describe('parseMetricsCsv properties', () => {
  it('answers any input with rows or a CSV error, never another error, never hanging', async () => {
    const input = fc.oneof(
      fc.uint8Array({ maxLength: 3000 }).map((bytes) => [bytes]),
      fc.string({ unit: 'binary', maxLength: 500 }).map((text) => [text]),
      fc.string({ unit: 'grapheme', maxLength: 500 }).map((text) => [Buffer.from(text)]),
      csvish.map((text) => [Buffer.from(text)]),
    );
    await fc.assert(
      fc.asyncProperty(input, fc.option(fc.constantFrom('m-1', ' '), { nil: undefined }), async (chunks, machineId) => {
        await consume(chunks, machineId);
      }),
      { numRuns: 1500, interruptAfterTimeLimit: 60_000, timeout: 5_000 },
    );
  }, 90_000);

  it('refuses a value the database cannot store as real, naming its row and column', async () => {
    const unstorable = fc.oneof(
      fc.double({ min: 3.5e38, max: Number.MAX_VALUE, noNaN: true }),
      fc.double({ min: Number.MIN_VALUE, max: 7e-46, noNaN: true }),
    );
    const column = fc.constantFrom(...METRIC_COLUMNS.filter((c) => !c.startsWith('cpu_')));
    await fc.assert(
      fc.asyncProperty(unstorable, column, fc.integer({ min: 1, max: 5 }), async (value, name, row) => {
        const lines = ['timestamp,machine_id,cpu_user,cpu_system,cpu_idle,' + name];
        for (let i = 1; i <= 5; i++) lines.push(`2026-01-01T00:00:0${i}Z,m,1,1,98,${i === row ? value : 1}`);
        const { rows, error } = await outcomeOf([Buffer.from(lines.join('\n'))]);
        expect(rows).toHaveLength(row - 1);
        expect(error).toMatchObject({ code: 'INVALID_VALUE', details: { row, column: name, reason: 'out of range' } });
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a machine id holding a control character', async () => {
    // NUL is not in the range: a file holding one is refused whole as binary (INVALID_CSV_FORMAT).
    const control = fc.integer({ min: 1, max: 0x1f }).filter((c) => c !== 9 && c !== 10 && c !== 13);
    await fc.assert(
      fc.asyncProperty(control, fc.string({ maxLength: 5 }), async (code, tail) => {
        const id = `m${String.fromCharCode(code)}x${tail.replace(/[",\r\n]/g, '')}`;
        const { error } = await outcomeOf([
          Buffer.from(`timestamp,machine_id,cpu_user,cpu_system,cpu_idle\n2026-01-01T00:00:00Z,"${id}",1,1,98\n`),
        ]);
        expect(error).toMatchObject({ code: 'INVALID_VALUE', details: { column: 'machine_id', reason: 'control character' } });
      }),
      { numRuns: 200 },
    );
  });

  it('reads back exactly what the writer wrote (finite values, any machine id)', async () => {
    const storable = (v: number) => !outsideRealRange(v);
    const percent = fc.double({ min: 0, max: 100, noNaN: true }).filter(storable);
    const amount = fc.oneof(fc.double({ min: 0, max: 3.4e38, noNaN: true }).filter(storable), fc.integer({ min: 0, max: 2 ** 40 }));
    const values: fc.Arbitrary<MetricValues> = fc.record(
      Object.fromEntries(METRIC_COLUMNS.map((c) => [c, c.startsWith('cpu_') ? percent : amount])) as Record<string, fc.Arbitrary<number>>,
      { requiredKeys: ['cpu_user', 'cpu_system', 'cpu_idle'] },
    );
    const machineId = fc
      .string({ unit: fc.constantFrom('a', 'Z', '0', '-', '_', '.', ':', ',', '"', ' ', 'é', '😀', '\n'), minLength: 1, maxLength: 16 })
      .filter((id) => id.trim() === id && id.length > 0);
    const point: fc.Arbitrary<MachinePoint> = fc.record({
      machineId,
      point: fc.record({ timestamp: fc.integer({ min: 0, max: MAX_CSV_TIMESTAMP_MS }), values }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(point, { minLength: 1, maxLength: 20 }), async (points) => {
        const { rows, error } = await outcomeOf([Buffer.from(formatMetricsCsv(points))]);
        expect(error).toBeUndefined();
        expect(rows).toEqual(points.map((p, i) => ({ machineId: p.machineId, point: p.point, row: i + 1 })));
      }),
      { numRuns: 300 },
    );
  });

  describe('chunk boundaries never change the result', () => {
    const fixtures = readdirSync(join(__dirname, 'fixtures', 'csv')).map((name) => fixture(name));
    const variants = (text: string): string[] => [
      text,
      text.replace(/\r?\n/g, '\r\n'),
      `\ufeff${text}`,
      text.replace(/web-01|,a,|,b,/g, (m) => (m.startsWith(',') ? `,"${m.slice(1, -1)}",` : `"${m}"`)),
      text.replace(/web-01|,a,/g, (m) => (m.startsWith(',') ? ',ü€😀,' : 'wéb-01😀')),
    ];
    const files: fc.Arbitrary<Buffer> = fc.oneof(
      fc.constantFrom(...fixtures.flatMap((bytes) => variants(bytes.toString('utf8')).map((t) => Buffer.from(t)))),
      csvish.map((text) => Buffer.from(text)),
    );

    it('for byte chunks cut anywhere, including inside UTF-8 characters and CRLF', async () => {
      await fc.assert(
        fc.asyncProperty(files, fc.array(fc.nat({ max: 700 }), { maxLength: 40 }), async (bytes, cuts) => {
          const whole = await outcomeOf([bytes]);
          const pieces = await outcomeOf(cutAt(bytes, cuts));
          expect(pieces).toEqual(whole);
        }),
        { numRuns: 600 },
      );
    });

    it('for one-byte chunks', async () => {
      for (const bytes of fixtures) {
        const whole = await outcomeOf([bytes]);
        expect(await outcomeOf([...bytes].map((b) => Uint8Array.of(b)))).toEqual(whole);
      }
    });
  });
});
