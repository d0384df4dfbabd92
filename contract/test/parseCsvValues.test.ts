import fc from 'fast-check';
import { MAX_CSV_TIMESTAMP_MS, parseCsvNumber, parseCsvTimestamp } from '@perfanalysis/contract';

describe('parseCsvNumber', () => {
  it.each([
    ['12', 12],
    ['-0.5', -0.5],
    ['+3', 3],
    ['1.5e3', 1500],
    ['1E-2', 0.01],
    [' 7 ', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['0.1', 0.1],
    ['0.30000000000000004', 0.30000000000000004],
    ['123456789012345678', Number('123456789012345678')],
    ['-0', 0],
  ])('reads %j', (text, value) => {
    expect(Object.is(parseCsvNumber(text), value)).toBe(true);
  });

  it.each(['', ' ', 'abc', '0x10', '0b1', '0o7', 'Infinity', '-Infinity', 'NaN', '1,5', '1.2.3', '1e400', '--1', '1_000', '١٢'])(
    'rejects %j',
    (text) => {
      expect(parseCsvNumber(text)).toBeNaN();
    },
  );

  it('agrees with Number() on every decimal a double prints as', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(Object.is(parseCsvNumber(String(value)), value + 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Number() on short decimals written by hand', () => {
    const decimal = fc
      .tuple(fc.constantFrom('', '-', '+'), fc.stringMatching(/^[0-9]{1,17}$/), fc.stringMatching(/^[0-9]{0,24}$/))
      .map(([sign, int, frac]) => (frac ? `${sign}${int}.${frac}` : `${sign}${int}`));
    fc.assert(
      fc.property(decimal, (text) => {
        expect(Object.is(parseCsvNumber(text), Number(text) + 0)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a range of a longer string without cutting it', () => {
    expect(parseCsvNumber('a,12.5,b', 2, 6)).toBe(12.5);
  });
});

describe('parseCsvTimestamp', () => {
  const T0 = Date.UTC(2024, 4, 1);
  it.each([
    ['2024-05-01T00:00:00Z', T0],
    ['2024-05-01T00:00:00.123Z', T0 + 123],
    ['2024-05-01T00:00:00.1234567Z', T0 + 123],
    ['2024-05-01T00:00:00.9996Z', T0 + 1000],
    ['2024-05-01T02:00:00+02:00', T0],
    ['2024-05-01T02:00:00+0200', T0],
    ['2024-05-01T02:00:00+02', T0],
    ['2024-04-30T20:00:00-04:00', T0],
    ['2024-05-01 00:00:00', T0],
    ['2024-05-01T00:00', T0],
    ['2024-05-01 00:00:00,5', T0 + 500],
    ['  2024-05-01T00:00:00Z\r', T0],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
    ['0050-01-01T00:00:00Z', new Date('0050-01-01T00:00:00Z').getTime()], // no Date.UTC two-digit-year trap
    ['1714521600', T0],
    ['1714521600.5', T0 + 500],
    ['1714521600.0004', T0],
    ['0', 0],
  ])('reads %j', (text, ms) => {
    expect(parseCsvTimestamp(text)).toBe(ms);
  });

  it.each([
    '',
    'now',
    '2024-05-01',
    '2024-13-01T00:00:00Z',
    '2024-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2024-05-01T24:00:00Z',
    '2024-05-01T00:60:00Z',
    '2024-05-01T00:00:60Z',
    '2024-05-01T00:00:00+24:00',
    '2024-05-01T00:00:00ZZ',
    '2024-05-01T00:00:00.Z',
    '2024/05/01 00:00:00',
    '-1714521600',
    '1714521600.1.2',
    '1.7e9',
    '2024-05-01X00:00:00Z',
  ])('rejects %j', (text) => {
    expect(parseCsvTimestamp(text)).toBeNaN();
  });

  it('agrees with Date on every instant it can print', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_135_596_800_000, max: MAX_CSV_TIMESTAMP_MS }), (ms) => {
        const iso = new Date(ms).toISOString();
        expect(parseCsvTimestamp(iso)).toBe(ms);
        expect(parseCsvTimestamp(iso.replace('T', ' ').replace('Z', ''))).toBe(ms);
        expect(parseCsvTimestamp(iso.replace('Z', '+01:30'))).toBe(ms - 90 * 60_000);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with epoch seconds written with up to three decimals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), (ms) => {
        expect(parseCsvTimestamp((ms / 1000).toFixed(3))).toBe(ms);
      }),
      { numRuns: 2000 },
    );
  });
});
