import { CsvFormatError, CsvValueError, parseMetricsCsv, type CsvParseOptions, type CsvSource } from '@perfanalysis/contract';
import { parseAll } from './support/csvOutcome.js';

const HEADER = 'timestamp,machine_id,cpu_user,cpu_system,cpu_idle';
const NOW = Date.UTC(2024, 4, 31, 12);

async function failure(source: CsvSource, options?: CsvParseOptions): Promise<CsvFormatError | CsvValueError> {
  try {
    await parseAll(source, options);
  } catch (error) {
    if (error instanceof CsvFormatError || error instanceof CsvValueError) return error;
    throw error;
  }
  throw new Error('expected the parse to fail');
}

describe('parseMetricsCsv format errors (INVALID_CSV_FORMAT)', () => {
  it('names missing required columns, and what was found', async () => {
    const error = await failure('timestamp,machine_id,cpu_user,mem_used_mb\n1714521600,a,1,2\n');
    expect(error).toBeInstanceOf(CsvFormatError);
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.details).toEqual({ found: ['timestamp', 'machine_id', 'cpu_user', 'mem_used_mb'], missing: ['cpu_system', 'cpu_idle'] });
    expect(error.message).toMatch(/lacks cpu_system, cpu_idle/);
  });

  it('asks for machine_id when neither the file nor the upload gives one', async () => {
    const error = await failure('timestamp,cpu_user,cpu_system,cpu_idle\n1714521600,1,2,97\n');
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.details).toEqual({ found: ['timestamp', 'cpu_user', 'cpu_system', 'cpu_idle'], missing: ['machine_id'] });
    expect(error.message).toMatch(/give the machine id with the upload/);
  });

  it.each([
    ['an empty file', ''],
    ['a BOM only', '\ufeff'],
    ['blank lines only', '\n\r\n  \n'],
  ])('rejects %s', async (_name, text) => {
    const error = await failure([Buffer.from(text)]);
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.details).toEqual({ found: [], missing: ['timestamp', 'cpu_user', 'cpu_system', 'cpu_idle'] });
    expect(error.message).toMatch(/empty/);
  });

  it('rejects an unclosed quote, naming the line where the record starts', async () => {
    const error = await failure(`${HEADER}\n1714521600,a,1,2,97\n1714521601,"a,1,2,97\n1714521602,a,1,2,97\n`);
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.details).toEqual({ found: HEADER.split(','), missing: [], line: 3 });
    expect(error.message).toMatch(/^Line 3 cannot be read: a quoted field starting in this record is never closed/);
  });

  it('rejects a stray quote inside an unquoted field', async () => {
    const error = await failure(`${HEADER}\n1714521600,a"b,1,2,97\n`);
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.details).toEqual({ found: HEADER.split(','), missing: [], line: 2 });
    expect(error.message).toMatch(/a quote appears inside an unquoted field/);
  });

  it('rejects bytes that are not UTF-8, naming the byte', async () => {
    const error = await failure([Buffer.from(`${HEADER}\n`), Buffer.from([0x31, 0xff, 0xfe, 0x2c, 0x0a])]);
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.details).toEqual({ found: HEADER.split(','), missing: [] });
    expect(error.message).toMatch(/not UTF-8 text \(invalid byte sequence at byte offset 51\)/);
  });

  it.each([
    ['Latin-1', [0x63, 0x61, 0x66, 0xe9, 0x0a], 3],
    ['an overlong encoding', [0x41, 0xc0, 0xaf], 1],
    ['a UTF-16 surrogate', [0x41, 0xed, 0xa0, 0x80], 1],
    ['a character cut off at the end', [0x41, 0xe2, 0x82], 1],
  ])('rejects %s', async (_name, bytes, at) => {
    const error = await failure([Uint8Array.from(bytes)]);
    expect(error.message).toContain(`at byte offset ${at})`);
  });

  it('rejects binary content (NUL bytes), even when it is valid UTF-8', async () => {
    const error = await failure([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x0a])]);
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.details).toEqual({ found: [], missing: [] });
    expect(error.message).toMatch(/binary/);
  });

  it('rejects a row with a different number of fields, naming row and line', async () => {
    const error = await failure(`${HEADER}\n1714521600,a,1,2,97\n\n1714521601,a,1,2\n`);
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.details).toEqual({ found: HEADER.split(','), missing: [], row: 2, line: 4 });
    expect(error.message).toMatch(/Row 2 \(line 4\) has 4 fields but the header has 5/);
  });

  it('rejects extra non-empty fields, but tolerates extra empty ones', async () => {
    const error = await failure(`${HEADER}\n1714521600,a,1,2,97,,\n1714521601,a,1,2,97,x\n`);
    expect(error.details).toEqual({ found: HEADER.split(','), missing: [], row: 2, line: 3 });
  });

  it('rejects a header naming a column twice (case and spaces do not matter)', async () => {
    const error = await failure(`${HEADER},CPU_User \n1714521600,a,1,2,97,1\n`);
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.details).toEqual({ found: [...HEADER.split(','), 'cpu_user'], missing: [] });
    expect(error.message).toMatch(/'cpu_user' appears twice in the header \(columns 3 and 6\)/);
  });

  it('rejects two columns that mean the same metric', async () => {
    const error = await failure(`${HEADER},mem_used,mem_used_kb\n1714521600,a,1,2,97,1,1024\n`);
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.details).toEqual({ found: [...HEADER.split(','), 'mem_used', 'mem_used_kb'], missing: [] });
    expect(error.message).toMatch(/'mem_used' and 'mem_used_kb' both give mem_used_mb/);
  });

  it('explains files whose lines end in a bare CR', async () => {
    const error = await failure(`${HEADER}\r1714521600,a,1,2,97\r`);
    expect(error.code).toBe('INVALID_CSV_FORMAT');
    expect(error.message).toMatch(/bare carriage return/);
  });

  it('rejects a line longer than 1 MiB instead of buffering it, however it arrives', async () => {
    const long = `${'x'.repeat(600_000)}${'y'.repeat(600_000)}\n`;
    for (const chunks of [[`${HEADER}\n`, long.slice(0, 600_000), long.slice(600_000)], [`${HEADER}\n${long}`]]) {
      const error = await failure(chunks);
      expect(error.code).toBe('INVALID_CSV_FORMAT');
      expect(error.details).toEqual({ found: HEADER.split(','), missing: [], line: 2 });
      expect(error.message).toMatch(/^Line 2 is longer than 1048576 characters/);
    }
  });

  it('rejects the header promise too', async () => {
    const parse = parseMetricsCsv(['timestamp,cpu_user\n']);
    await expect(parse.header).rejects.toBeInstanceOf(CsvFormatError);
    await expect(parse.rows.next()).rejects.toBeInstanceOf(CsvFormatError);
  });
});

describe('parseMetricsCsv value errors (INVALID_VALUE)', () => {
  const cases: Array<[string, string, CsvParseOptions, object, RegExp]> = [
    [
      'a word in a number column',
      '1714521600,a,abc,2,97',
      {},
      { row: 1, column: 'cpu_user', value: 'abc', reason: 'not a number' },
      /^Column cpu_user, row 1: 'abc' is not a number/,
    ],
    ['hexadecimal', '1714521600,a,0x10,2,97', {}, { row: 1, column: 'cpu_user', value: '0x10', reason: 'not a number' }, /not a number/],
    [
      'Infinity',
      '1714521600,a,1,Infinity,97',
      {},
      { row: 1, column: 'cpu_system', value: 'Infinity', reason: 'not a number' },
      /not a number/,
    ],
    [
      'a CPU percentage above 100',
      '1714521600,a,100.5,2,97',
      {},
      { row: 1, column: 'cpu_user', value: '100.5', reason: 'out of range' },
      /between 0 and 100/,
    ],
    [
      'a negative CPU percentage',
      '1714521600,a,1,-3,97',
      {},
      { row: 1, column: 'cpu_system', value: '-3', reason: 'out of range' },
      /between 0 and 100/,
    ],
    [
      'an empty required cell',
      '1714521600,a,,2,97',
      {},
      { row: 1, column: 'cpu_user', value: '', reason: 'empty' },
      /required in every row/,
    ],
    [
      'an unreadable timestamp',
      'yesterday,a,1,2,97',
      {},
      { row: 1, column: 'timestamp', value: 'yesterday', reason: 'not a timestamp' },
      /ISO-8601/,
    ],
    [
      'an impossible date',
      '2024-02-30T00:00:00Z,a,1,2,97',
      {},
      { row: 1, column: 'timestamp', value: '2024-02-30T00:00:00Z', reason: 'not a timestamp' },
      /not a timestamp/,
    ],
    ['an empty timestamp', ',a,1,2,97', {}, { row: 1, column: 'timestamp', value: '', reason: 'empty' }, /needs a timestamp/],
    [
      'epoch milliseconds',
      '1714521600000,a,1,2,97',
      {},
      { row: 1, column: 'timestamp', value: '1714521600000', reason: 'out of range' },
      /divide milliseconds by 1000/,
    ],
    [
      'a timestamp before 1970',
      '1969-12-31T23:59:59Z,a,1,2,97',
      {},
      { row: 1, column: 'timestamp', value: '1969-12-31T23:59:59Z', reason: 'out of range' },
      /outside 1970–9999/,
    ],
    [
      'a timestamp older than maxAgeMs',
      '2024-04-01T11:59:59Z,a,1,2,97',
      { now: NOW, maxAgeMs: 30 * 86_400_000 },
      { row: 1, column: 'timestamp', value: '2024-04-01T11:59:59Z', reason: 'too old' },
      /before 2024-05-01T12:00:00.000Z/,
    ],
    [
      'a timestamp in the future',
      '2024-05-31T12:06:00Z,a,1,2,97',
      { now: NOW, futureSkewMs: 300_000 },
      { row: 1, column: 'timestamp', value: '2024-05-31T12:06:00Z', reason: 'in the future' },
      /check the machine's clock/,
    ],
    [
      'an empty machine_id without one given with the upload',
      '1714521600,,1,2,97',
      {},
      { row: 1, column: 'machine_id', value: '', reason: 'empty' },
      /fill in the machine id/,
    ],
  ];

  it.each(cases)('rejects %s', async (_name, line, options, details, message) => {
    const error = await failure(`${HEADER}\n${line}\n`, options);
    expect(error).toBeInstanceOf(CsvValueError);
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.details).toEqual(details);
    expect(error.message).toMatch(message);
  });

  it('rejects negative memory, rates and counts', async () => {
    const error = await failure(`${HEADER},mem_used_kb\n1714521600,a,1,2,97,12\n1714521601,a,1,2,97,-1\n`);
    expect(error.details).toEqual({ row: 2, column: 'mem_used_kb', value: '-1', reason: 'negative' });
    expect(error.message).toBe("Column mem_used_kb, row 2: '-1' is negative; mem_used_kb cannot be below 0");
    const counts = await failure(`${HEADER},net_rx_bytes\n1714521600,a,1,2,97,-5\n`);
    expect(counts.details).toEqual({ row: 1, column: 'net_rx_bytes', value: '-5', reason: 'negative' });
  });

  it('accepts the limits themselves', async () => {
    const rows = await parseAll(`${HEADER}\n2024-05-01T12:00:00Z,a,1,2,97\n2024-05-31T12:05:00Z,a,1,2,97\n`, {
      now: NOW,
      maxAgeMs: 30 * 86_400_000,
      futureSkewMs: 300_000,
      maxRows: 2,
    });
    expect(rows).toHaveLength(2);
  });

  it('rejects the row past maxRows, after yielding the rows before it', async () => {
    const rows: number[] = [];
    let caught: unknown;
    try {
      for await (const row of parseMetricsCsv(`${HEADER}\n1714521600,a,1,2,97\n\n1714521601,a,1,2,97\n1714521602,a,1,2,97\n`, {
        maxRows: 2,
      }).rows) {
        rows.push(row.row);
      }
    } catch (error) {
      caught = error;
    }
    expect(rows).toEqual([1, 2]);
    expect(caught).toBeInstanceOf(CsvValueError);
    expect((caught as CsvValueError).details).toEqual({ row: 3, column: '*', value: '', reason: 'too many rows' });
    expect((caught as CsvValueError).message).toMatch(/more than 2 data rows; split it/);
  });

  it('cuts very long values in details and messages', async () => {
    const error = await failure(`${HEADER}\n1714521600,a,${'9'.repeat(150)}x${'9'.repeat(150)},2,97\n`);
    expect((error.details as { value: string }).value).toHaveLength(201);
  });

  it('reports the first bad cell from the left', async () => {
    const error = await failure(`${HEADER}\n1714521600,a,x,y,97\n`);
    expect(error.details).toMatchObject({ column: 'cpu_user', value: 'x' });
  });
});
