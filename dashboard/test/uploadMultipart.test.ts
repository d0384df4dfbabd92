import { GraphQLRequestError } from '@perfanalysis/sdk';
import { buildMultipartForm, parseUploadResponse } from '../src/api/uploadMultipart.js';
import { filenameFromDisposition } from '../src/api/downloadFile.js';

describe('the GraphQL multipart request', () => {
  it('sends operations with the file variable null, a map, and the file part', async () => {
    const file = new Blob(['timestamp,cpu_user\n'], { type: 'text/csv' });
    const form = buildMultipartForm(
      'mutation U($file: Upload!) { uploadMetrics(file: $file) { rowsProcessed } }',
      { machineId: 'web-1' },
      'file',
      file,
      'a.csv',
    );
    const entries = [...form.entries()];
    expect(entries.map(([name]) => name)).toEqual(['operations', 'map', '0']); // order matters to streaming servers
    expect(JSON.parse(form.get('operations') as string)).toEqual({
      query: expect.stringContaining('uploadMetrics'),
      variables: { machineId: 'web-1', file: null },
    });
    expect(JSON.parse(form.get('map') as string)).toEqual({ 0: ['variables.file'] });
    const part = form.get('0') as File;
    expect(part.name).toBe('a.csv');
    expect(await part.text()).toBe('timestamp,cpu_user\n');
  });

  it('reads the answer: data, typed errors, or a status without a body', () => {
    expect(parseUploadResponse(200, '{"data":{"uploadMetrics":{"rowsProcessed":3}}}')).toEqual({ uploadMetrics: { rowsProcessed: 3 } });
    const typed = () =>
      parseUploadResponse(200, JSON.stringify({ errors: [{ message: 'bad', extensions: { code: 'INVALID_VALUE', row: 2 } }] }));
    expect(typed).toThrow(GraphQLRequestError);
    expect(typed).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
    expect(() => parseUploadResponse(413, '<html>too large</html>')).toThrow(
      expect.objectContaining({ code: 'PAYLOAD_TOO_LARGE', status: 413 }),
    );
    expect(() => parseUploadResponse(502, '')).toThrow(/HTTP 502/);
  });
});

describe('download file names', () => {
  it.each([
    [null, 'fallback.csv'],
    ['attachment; filename="web-01.csv"', 'web-01.csv'],
    ['attachment; filename=plain.csv', 'plain.csv'],
    ["attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv", 'résumé.csv'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename=".."', 'fallback.csv'],
  ])('%s → %s', (header, expected) => {
    expect(filenameFromDisposition(header, 'fallback.csv')).toBe(expected);
  });
});
