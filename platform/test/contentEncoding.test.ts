import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { contentEncoder, negotiateContentCoding } from '../src/http/contentEncoding.js';

describe('negotiateContentCoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['identity', 'identity'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['br;q=0.5, gzip', 'gzip'],
    ['GZIP;Q=1.0', 'gzip'],
    ['*', 'br'],
    ['*;q=0.2, br;q=0', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['zstd', 'identity'],
    ['gzip;q=2', 'identity'],
    ['gzip;q=abc, br;q=0.1', 'br'],
  ])('%j → %s', (header, coding) => {
    expect(negotiateContentCoding(header)).toBe(coding);
  });
});

describe('contentEncoder', () => {
  const text = 'timestamp,machine_id,cpu_user\n'.repeat(10_000);

  async function encoded(coding: 'br' | 'gzip'): Promise<Buffer> {
    const parts: Buffer[] = [];
    await pipeline(Readable.from([text]), contentEncoder(coding)!, async (source: AsyncIterable<Buffer>) => {
      for await (const part of source) parts.push(part);
    });
    return Buffer.concat(parts);
  }

  it('gzip and br streams decode to the input', async () => {
    expect(gunzipSync(await encoded('gzip')).toString()).toBe(text);
    expect(brotliDecompressSync(await encoded('br')).toString()).toBe(text);
  });

  it('identity needs no encoder', () => {
    expect(contentEncoder('identity')).toBeUndefined();
  });
});
