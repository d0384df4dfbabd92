import { BinaryCopyReader } from '../src/db/binaryCopyReader.js';
import { COPY_BINARY_HEADER, COPY_BINARY_TRAILER } from '../src/db/binaryCopyFormat.js';

describe('the binary COPY framing writers and readers share', () => {
  it("is PostgreSQL's: the 11-byte signature, flags 0, no extension; a -1 field count ends the data", () => {
    expect([...COPY_BINARY_HEADER]).toEqual([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(COPY_BINARY_TRAILER.readInt16BE(0)).toBe(-1);
  });

  it('frames a stream the reader decodes tuple by tuple, split anywhere', () => {
    const tuple = Buffer.alloc(2 + 4 + 4);
    tuple.writeInt16BE(1);
    tuple.writeInt32BE(4, 2);
    tuple.writeFloatBE(2.5, 6);
    const stream = Buffer.concat([COPY_BINARY_HEADER, tuple, tuple, COPY_BINARY_TRAILER]);
    for (let cut = 1; cut < stream.length; cut++) {
      const values: number[] = [];
      const reader = new BinaryCopyReader((row) => values.push(row.buffer.readFloatBE(row.start(0))));
      reader.push(stream.subarray(0, cut));
      reader.push(stream.subarray(cut));
      reader.end();
      expect(values).toEqual([2.5, 2.5]);
    }
  });
});
