import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { decodeCsvText } from '../src/csv/decodeCsvText.js';
import { cutAt } from './support/csvOutcome.js';

async function decode(chunks: Array<Uint8Array | string>): Promise<{ text: string; error?: string }> {
  let text = '';
  try {
    for await (const piece of decodeCsvText(chunks)) text += piece;
    return { text };
  } catch (error) {
    return { text, error: (error as Error).message };
  }
}

/** Reference: the longest prefix that is valid UTF-8 ends where the first bad sequence starts. */
function firstBadByte(bytes: Uint8Array): number {
  if (isUtf8(bytes)) return -1;
  let k = bytes.length;
  while (!isUtf8(bytes.subarray(0, k))) k--;
  return k;
}

describe('decodeCsvText', () => {
  it('decodes UTF-8 cut anywhere, dropping one leading BOM', async () => {
    const text = '\ufeffa,é,€,😀\r\n\ufeffz';
    const bytes = Buffer.from(text);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat({ max: bytes.length }), { maxLength: 12 }), async (cuts) => {
        expect(await decode(cutAt(bytes, cuts))).toEqual({ text: text.slice(1) });
      }),
    );
  });

  it('names the first invalid byte, after handing over the text before it, however the input is cut', async () => {
    const bytes = fc.array(
      fc.oneof(
        fc.integer({ min: 0x01, max: 0x7f }),
        fc.integer({ min: 0x80, max: 0xff }),
        fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0, 0xc0, 0xf4, 0x90),
      ),
      { maxLength: 40 },
    );
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(fc.nat({ max: 40 }), { maxLength: 6 }), async (list, cuts) => {
        const input = Uint8Array.from(list);
        const bad = firstBadByte(input);
        const result = await decode(cutAt(input, cuts));
        if (bad < 0) {
          expect(result).toEqual({
            text: Buffer.from(input)
              .toString('utf8')
              .replace(/^\ufeff/, ''),
          });
        } else {
          expect(result.error).toContain(`at byte offset ${bad})`);
          expect(result.text).toBe(
            Buffer.from(input.subarray(0, bad))
              .toString('utf8')
              .replace(/^\ufeff/, ''),
          );
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses NUL characters, in bytes or in strings', async () => {
    expect(await decode([Buffer.from('ab\0cd')])).toEqual({ text: 'ab', error: expect.stringContaining('NUL') });
    expect(await decode(['ab', 'c\0'])).toEqual({ text: 'abc', error: expect.stringContaining('NUL') });
  });

  it('refuses a string chunk after an unfinished character', async () => {
    expect((await decode([Uint8Array.of(0x41, 0xc3), 'b'])).error).toContain('at byte offset 1)');
  });
});
