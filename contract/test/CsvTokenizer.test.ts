import fc from 'fast-check';
import { CsvTokenizer, type CsvRecordSink } from '../src/csv/CsvTokenizer.js';
import { splitQuotedLine } from '../src/csv/splitQuotedLine.js';

/** Records as [line, ...cells], whichever way the tokenizer hands them over, then any error. */
async function tokenize(text: string, cuts: readonly number[], fastPath: boolean): Promise<{ records: string[][]; error?: string }> {
  const records: string[][] = [];
  const sink: CsvRecordSink = {
    line: (s, start, end, line) => records.push([String(line), ...s.slice(start, end).split(',')]),
    record: (fields, line) => records.push([String(line), ...fields]),
  };
  const tokenizer = new CsvTokenizer(sink, fastPath);
  try {
    let from = 0;
    for (const cut of [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b)) {
      await tokenizer.write(text.slice(from, cut));
      from = cut;
    }
    await tokenizer.write(text.slice(from));
    await tokenizer.end();
    return { records };
  } catch (error) {
    return { records, error: (error as Error).message };
  }
}

describe('CsvTokenizer', () => {
  it('splits quote-free text exactly as csv-parse does (cells, blank lines, CR, line numbers)', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', '1', '.', ',', ',', '\n', '\n', '\r', '\r\n', ' ', 'é'), maxLength: 200 });
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat({ max: 200 }), { maxLength: 8 }), async (input, cuts) => {
        expect(await tokenize(input, cuts, true)).toEqual(await tokenize(input, [], false));
      }),
      { numRuns: 1000 },
    );
  });

  it('splits quoted text exactly as csv-parse does, errors included', async () => {
    const cell = fc.oneof(
      fc.constantFrom('', 'a', '12.5', ' ', '"', '""', '"a"', '"a,b"', '"a""b"', '"x\ny"', '"x\r\ny"', '"a" ', 'a"b', '"a"b', '"', '\r'),
      fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r', ' '), maxLength: 6 }),
    );
    const text = fc
      .array(fc.tuple(cell, fc.constantFrom(',', ',', '\n', '\r\n', '')), { maxLength: 30 })
      .map((parts) => parts.map(([c, sep]) => c + sep).join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat({ max: 200 }), { maxLength: 6 }), async (input, cuts) => {
        expect(await tokenize(input, cuts, true)).toEqual(await tokenize(input, [], false));
      }),
      { numRuns: 2000 },
    );
  });

  it('splits plain quoted lines in place and leaves the rest of the file to csv-parse after a multi-line cell', async () => {
    const { records } = await tokenize('a,"b,""c"""\r\nc,"d,\r\ne"\nf,g', [5, 9], true);
    expect(records).toEqual([
      ['1', 'a', 'b,"c"'],
      ['2', 'c', 'd,\r\ne'],
      ['4', 'f', 'g'],
    ]);
  });

  it('leaves anything but plain quoting to csv-parse', () => {
    expect(splitQuotedLine('"a","b"', 0, 7)).toEqual(['a', 'b']);
    expect(splitQuotedLine('"a', 0, 2)).toBeUndefined();
    expect(splitQuotedLine('"a"b', 0, 4)).toBeUndefined();
    expect(splitQuotedLine('a"b', 0, 3)).toBeUndefined();
  });
});
