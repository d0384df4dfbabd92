import { parseMetricsCsv } from '@perfanalysis/contract';

const HEADER = 'timestamp,machine_id,cpu_user,cpu_system,cpu_idle\n';
const line = (i: number): string => `${1714521600 + i},m,1,2,97\n`;

describe('the rows generator', () => {
  it('answers overlapping next() calls in order, across batches', async () => {
    const { rows } = parseMetricsCsv([HEADER + line(0), line(1) + line(2), line(3)]);
    const results = await Promise.all([rows.next(), rows.next(), rows.next(), rows.next(), rows.next(), rows.next()]);
    expect(results.map((r) => (r.done ? 'done' : r.value.row))).toEqual([1, 2, 3, 4, 'done', 'done']);
  });

  it('ends after an error, and return() after that is harmless', async () => {
    const { rows } = parseMetricsCsv([HEADER, line(0), 'x,m,1,2,97\n', line(2)]);
    expect((await rows.next()).done).toBe(false);
    await expect(rows.next()).rejects.toMatchObject({ code: 'INVALID_VALUE' });
    expect(await rows.next()).toEqual({ done: true, value: undefined });
    expect(await rows.return()).toEqual({ done: true, value: undefined });
  });

  it('releases the source on return() before the first row, on throw(), and on `await using`', async () => {
    const released: string[] = [];
    const source = (name: string) =>
      (async function* () {
        try {
          yield HEADER;
          for (let i = 0; ; i++) yield line(i);
        } finally {
          released.push(name);
        }
      })();
    await parseMetricsCsv(source('return')).rows.return();
    const thrown = parseMetricsCsv(source('throw')).rows;
    await thrown.next();
    await expect(thrown.throw(new Error('stop'))).rejects.toThrow('stop');
    {
      await using rows = parseMetricsCsv(source('dispose')).rows;
      await rows.next();
    }
    expect(released).toEqual(['return', 'throw', 'dispose']);
  });
});
