import fc from 'fast-check';
import { decodePointMessage, encodePointMessage, pointChannel, type PointMessage } from '../src/index.js';

describe('points channel (docs/wire.md)', () => {
  it('names one channel per tenant and collector, never shared between tenants', () => {
    expect(pointChannel('t-1', 'c-1')).toBe('points:t-1:c-1');
    expect(pointChannel('t-1', 'c-1')).not.toBe(pointChannel('t-2', 'c-1'));
  });

  it('decodes exactly what it encodes', () => {
    const point = fc.record({
      t: fc.integer({ min: 0, max: 4_102_444_800_000 }),
      v: fc.record({ cpu_user: fc.double({ min: 0, max: 100, noNaN: true }) }),
    });
    fc.assert(
      fc.property(fc.uuid(), fc.array(point, { maxLength: 20 }), (c, p) => {
        const message: PointMessage = { c, p };
        expect(decodePointMessage(encodePointMessage(message))).toEqual(message);
      }),
    );
  });
});
