import { CsvTimestampRewriter } from '../src/read/csvTimestampRewriter.js';

const rewrite = (...chunks: string[]): string => {
  const rewriter = new CsvTimestampRewriter();
  const parts = chunks.map((chunk) => rewriter.push(Buffer.from(chunk)).toString());
  return parts.join('') + rewriter.end().toString();
};

describe('CsvTimestampRewriter', () => {
  it('writes the contract timestamp whatever fraction PostgreSQL printed', () => {
    expect(
      rewrite(
        '2026-11-01 12:00:01,db-01,1.5,\n' +
          '2026-11-01 12:00:01.1,db-01,,2\n' +
          '2026-11-01 12:00:01.12,"a,b",3\n' +
          '2026-11-01 12:00:01.123,x\n' +
          '2026-11-01 12:00:01.123999,x\n',
      ),
    ).toBe(
      '2026-11-01T12:00:01.000Z,db-01,1.5,\n' +
        '2026-11-01T12:00:01.100Z,db-01,,2\n' +
        '2026-11-01T12:00:01.120Z,"a,b",3\n' +
        '2026-11-01T12:00:01.123Z,x\n' +
        '2026-11-01T12:00:01.123Z,x\n',
    );
  });

  it('gives the same text however the output is cut into chunks', () => {
    const text = '2026-11-01 12:00:01.5,db-01,1\n2026-11-01 12:00:02,db-01,2\n2026-11-01 12:00:03.25,db-01,3\n';
    const whole = rewrite(text);
    for (let cut = 1; cut < text.length; cut++) expect(rewrite(text.slice(0, cut), text.slice(cut))).toBe(whole);
    expect(rewrite(...text.split(''))).toBe(whole);
  });

  it('rewrites a last line without a line break', () => {
    expect(rewrite('2026-11-01 12:00:01,a')).toBe('2026-11-01T12:00:01.000Z,a');
  });

  it('refuses text that is not a timestamp rather than corrupting the export', () => {
    expect(() => rewrite('hello world, this is not a date\n')).toThrow(/unexpected timestamp text/);
  });
});
