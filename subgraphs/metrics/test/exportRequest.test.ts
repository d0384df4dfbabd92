import { parseExportDate, parseExportRequest } from '../src/read/exportRequest.js';

describe('parseExportDate', () => {
  it.each([
    ['2025-01-31', false, '2025-01-31T00:00:00.000Z'],
    ['2025-01-31', true, '2025-02-01T00:00:00.000Z'],
    ['2025-01-31T12:30:00Z', true, '2025-01-31T12:30:00.000Z'],
    ['2025-01-31T12:30:00', false, '2025-01-31T12:30:00.000Z'],
    ['2025-01-31 12:30', false, '2025-01-31T12:30:00.000Z'],
    ['2025-01-31T12:30:00.123456Z', false, '2025-01-31T12:30:00.123Z'],
    ['2025-01-31T12:30:00+02:00', false, '2025-01-31T10:30:00.000Z'],
    ['2025-01-31T12:30:00-0130', false, '2025-01-31T14:00:00.000Z'],
    ['2025-01-31T12:30:00+01', false, '2025-01-31T11:30:00.000Z'],
  ])('%s (end: %s) → %s', (text, end, iso) => {
    expect(parseExportDate(text, 'd', end).toISOString()).toBe(iso);
  });

  it.each(['2025-02-30', '2025-13-01', '2025-01-31T24:00:00Z', '31/01/2025', 'yesterday', '1738281600', '2025-1-3'])(
    'refuses %s',
    (text) => {
      expect(() => parseExportDate(text, 'start_date', false)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    },
  );
});

describe('parseExportRequest', () => {
  const now = Date.parse('2025-03-01T00:00:00Z');

  it('defaults to CSV up to now', () => {
    expect(parseExportRequest({ start_date: '2025-02-01', machine_id: ' web-01 ' }, now)).toEqual({
      from: new Date('2025-02-01T00:00:00Z'),
      to: new Date(now),
      machineId: 'web-01',
      format: 'csv',
      units: 'rates',
    });
  });

  it("takes pcd's byte counts for the text formats", () => {
    expect(parseExportRequest({ start_date: '2025-02-01', units: 'bytes', format: 'ndjson' }, now).units).toBe('bytes');
  });

  it("takes pcd's start/end for start_date/end_date", () => {
    expect(parseExportRequest({ start: '2025-02-01', end: '2025-02-02' }, now)).toEqual(
      parseExportRequest({ start_date: '2025-02-01', end_date: '2025-02-02' }, now),
    );
  });

  it.each([
    [{}, 'start_date'],
    [{ start_date: '2025-02-01', start: '2025-02-01' }, 'start_date'],
    [{ start_date: '2025-02-01', format: 'xml' }, 'format'],
    [{ start_date: ['2025-02-01', '2025-02-02'] }, 'start_date'],
    [{ start_date: '2025-02-02', end_date: '2025-02-01' }, 'start_date'],
    [{ start_date: '2023-01-01', end_date: '2025-01-01' }, 'end_date'],
    [{ start_date: '2025-02-01', units: 'kb' }, 'units'],
    [{ start_date: '2025-02-01', units: 'bytes', format: 'parquet' }, 'units'],
  ])('refuses %j naming %s', (query, field) => {
    expect(() => parseExportRequest(query, now)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', extensions: expect.objectContaining({ field }) }),
    );
  });
});
