import { parseMetricsCsv } from '@perfanalysis/contract';
import { fixture, parseAll } from './support/csvOutcome.js';

/** 2024-05-01T00:00:00Z */
const T0 = Date.UTC(2024, 4, 1);

describe('parseMetricsCsv dialects (docs/metrics.md)', () => {
  it('reads the canonical export format, absent cells staying absent', async () => {
    const rows = await parseAll([fixture('canonical.csv')]);
    expect(rows).toEqual([
      {
        machineId: 'web-01',
        row: 1,
        point: {
          timestamp: T0,
          values: {
            cpu_user: 12.5,
            cpu_system: 3.25,
            cpu_idle: 84,
            cpu_iowait: 0.25,
            cpu_steal: 0,
            mem_total_mb: 16384,
            mem_used_mb: 8192.5,
            mem_free_mb: 1024,
            mem_available_mb: 7168,
            mem_cached_mb: 4096,
            mem_buffers_mb: 256,
            swap_total_mb: 2048,
            swap_used_mb: 0,
            disk_read_mb: 1.5,
            disk_write_mb: 0.75,
            disk_read_ops: 120,
            disk_write_ops: 45,
            disk_io_util: 12.5,
            net_rx_mb: 0.125,
            net_tx_mb: 0.0625,
            net_rx_packets: 900,
            net_tx_packets: 850,
            net_rx_errors: 0,
            net_tx_errors: 0,
            load_1min: 0.52,
            load_5min: 0.48,
            load_15min: 0.41,
          },
        },
      },
      {
        machineId: 'web-01',
        row: 2,
        point: {
          timestamp: T0 + 1000,
          values: { cpu_user: 13, cpu_system: 3, cpu_idle: 84, mem_total_mb: 16384, mem_used_mb: 8200, load_1min: 0.53 },
        },
      },
    ]);
    expect(Object.keys(rows[1]!.point.values)).not.toContain('cpu_iowait');
  });

  it('reads ISO-8601 timestamps with offsets, fractions and lower-case designators', async () => {
    const rows = await parseAll([fixture('iso-offset.csv')]);
    expect(rows.map((r) => r.point.timestamp - T0)).toEqual([0, 1250, 2000, 3000, 4500, 5000]);
  });

  it('reads `YYYY-MM-DD HH:MM[:SS[.fff]]` without a zone as UTC', async () => {
    const rows = await parseAll([fixture('iso-space-utc.csv')]);
    expect(rows.map((r) => r.point.timestamp - T0)).toEqual([0, 1123, 60_000]);
    expect(rows[0]!.machineId).toBe('db-01');
  });

  it('reads Unix epoch seconds (integer or fractional) and takes the machine from the upload', async () => {
    const parse = parseMetricsCsv([fixture('epoch-seconds.csv')], { machineId: 'legacy-7' });
    expect(await parse.header).toEqual({
      found: ['timestamp', 'cpu_user', 'cpu_system', 'cpu_idle', 'cpu_iowait', 'load_1min', 'load_5min', 'load_15min'],
      ignored: [],
      machineIdColumn: false,
    });
    const rows = [];
    for await (const row of parse.rows) rows.push(row);
    expect(rows.map((r) => [r.machineId, r.point.timestamp - T0])).toEqual([
      ['legacy-7', 0],
      ['legacy-7', 1500],
      ['legacy-7', 2250],
    ]);
    expect(rows[0]!.point.values).toEqual({
      cpu_user: 10,
      cpu_system: 5,
      cpu_idle: 85,
      cpu_iowait: 0.5,
      load_1min: 0.25,
      load_5min: 0.5,
      load_15min: 1,
    });
    expect(rows[1]!.point.values).toEqual({ cpu_user: 11, cpu_system: 5, cpu_idle: 84, load_1min: 0.3 });
  });

  it('stores memory and swap given in KB as MB (÷ 1024)', async () => {
    const [row] = await parseAll([fixture('memory-kb.csv')]);
    expect(row!.point.values).toEqual({
      cpu_user: 1,
      cpu_system: 1,
      cpu_idle: 98,
      mem_total_mb: 16384,
      mem_used_mb: 1.5,
      mem_free_mb: 4096,
      mem_available_mb: 8192,
      mem_cached_mb: 2048,
      mem_buffers_mb: 1,
      swap_total_mb: 2048,
      swap_used_mb: 0.5,
    });
  });

  it('reads unsuffixed memory and swap columns as MB', async () => {
    const [row] = await parseAll([fixture('memory-unsuffixed.csv')]);
    expect(row!.point.values).toEqual({
      cpu_user: 1,
      cpu_system: 1,
      cpu_idle: 98,
      mem_total_mb: 16384,
      mem_used_mb: 8192.5,
      mem_available_mb: 7000,
      mem_free_mb: 1000,
      mem_cached_mb: 3000,
      mem_buffers_mb: 200,
      swap_total_mb: 2048,
      swap_used_mb: 12,
    });
  });

  it('passes rates, iowait, steal, utilisation, swap and load through, and reports unknown columns', async () => {
    const parse = parseMetricsCsv([fixture('rates.csv')]);
    expect((await parse.header).ignored).toEqual(['hostname', 'kernel']);
    const [row] = await parseAll([fixture('rates.csv')]);
    expect(row!.point.values).toEqual({
      cpu_user: 10,
      cpu_system: 5,
      cpu_idle: 80,
      cpu_iowait: 4,
      cpu_steal: 1,
      swap_total_mb: 2048,
      swap_used_mb: 64,
      disk_read_mb: 1.5,
      disk_write_mb: 2.25,
      disk_read_ops: 150,
      disk_write_ops: 75,
      disk_io_util: 35.5,
      net_rx_mb: 0.5,
      net_tx_mb: 0.25,
      net_rx_packets: 1200,
      net_tx_packets: 800,
      net_rx_errors: 2,
      net_tx_errors: 1,
      load_1min: 0.9,
      load_5min: 0.8,
      load_15min: 0.7,
    });
    for await (const _ of parse.rows) break; // release the first parse
  });

  it('turns per-interval counts into rates with the per-machine gap, first rows using the typical gap', async () => {
    // Gaps: a 10 s and 10 s, b 20 s → typical gap = median(10, 10, 20) = 10 s for each first row.
    const rows = await parseAll([fixture('counts.csv')]);
    const view = rows.map((r) => [r.machineId, (r.point.timestamp - T0) / 1000, r.point.values]);
    expect(view).toEqual([
      [
        'a',
        0,
        {
          cpu_user: 1,
          cpu_system: 1,
          cpu_idle: 98,
          disk_read_mb: 1,
          disk_write_mb: 0,
          disk_read_ops: 10,
          disk_write_ops: 5,
          disk_io_util: 12.5,
          net_rx_mb: 0.1,
          net_tx_mb: 0.05,
          net_rx_packets: 100,
          net_tx_packets: 50,
          net_rx_errors: 0,
          net_tx_errors: 1,
        },
      ],
      ['b', 0, { cpu_user: 1, cpu_system: 1, cpu_idle: 98, disk_read_mb: 0.1, disk_read_ops: 1 }],
      [
        'a',
        10,
        {
          cpu_user: 1,
          cpu_system: 1,
          cpu_idle: 98,
          disk_read_mb: 2,
          disk_write_mb: 0.1,
          disk_read_ops: 20,
          disk_write_ops: 10,
          disk_io_util: 25,
          net_rx_mb: 0.2,
          net_tx_mb: 0.1,
          net_rx_packets: 200,
          net_tx_packets: 100,
          net_rx_errors: 0.5,
          net_tx_errors: 0,
        },
      ],
      [
        'a',
        20,
        {
          cpu_user: 1,
          cpu_system: 1,
          cpu_idle: 98,
          disk_read_mb: 0.5,
          disk_write_mb: 0,
          disk_read_ops: 5,
          disk_write_ops: 0,
          disk_io_util: 6.25,
          net_rx_mb: 0,
          net_tx_mb: 0,
          net_rx_packets: 0,
          net_tx_packets: 0,
          net_rx_errors: 0,
          net_tx_errors: 0,
        },
      ],
      ['b', 20, { cpu_user: 1, cpu_system: 1, cpu_idle: 98, disk_read_mb: 2, disk_read_ops: 20 }],
    ]);
  });

  it('uses a 1 s gap for counts when the file has a single row', async () => {
    const csv = 'timestamp,machine_id,net_rx_bytes,net_rx_packets,cpu_user,cpu_system,cpu_idle\n2024-05-01T00:00:00Z,m,2097152,30,1,1,98\n';
    const [row] = await parseAll([csv]);
    expect(row!.point.values).toMatchObject({ net_rx_mb: 2, net_rx_packets: 30 });
  });

  it('finds the typical gap beyond 64 rows when many machines are interleaved', async () => {
    // 100 machines each sampled every 60 s: the first 64 rows hold no gap of any machine.
    const lines = ['timestamp,machine_id,cpu_user,cpu_system,cpu_idle,disk_read_bytes'];
    for (let t = 0; t < 3; t++) for (let m = 0; m < 100; m++) lines.push(`${T0 / 1000 + t * 60},m${m},1,1,98,62914560`);
    const rows = await parseAll([lines.join('\n')]);
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => r.point.values.disk_read_mb))).toEqual(new Set([1])); // 60 MB / 60 s
  });

  it("uses the typical gap for a row not later than the same machine's previous one", async () => {
    const csv = [
      'timestamp,machine_id,cpu_user,cpu_system,cpu_idle,disk_write_bytes',
      '1714521600,m,1,1,98,1048576',
      '1714521602,m,1,1,98,1048576',
      '1714521602,m,1,1,98,1048576', // re-sent: gap 0
      '1714521604,m,1,1,98,1048576',
    ].join('\n');
    const rows = await parseAll([csv]);
    expect(rows.map((r) => r.point.values.disk_write_mb)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('treats `*_ops`/`*_packets` as rates when the file gives its group as rates', async () => {
    const csv =
      'timestamp,machine_id,cpu_user,cpu_system,cpu_idle,disk_read_bytes,disk_read_ops,net_rx_mb,net_rx_packets\n1714521600,m,1,1,98,1048576,7,3,9\n1714521610,m,1,1,98,10485760,70,3,9\n';
    const rows = await parseAll([csv]);
    // Disk is in counts (bytes present): ops ÷ 10 s. Network is in rates: packets as written.
    expect(rows.map((r) => r.point.values)).toEqual([
      { cpu_user: 1, cpu_system: 1, cpu_idle: 98, disk_read_mb: 0.1, disk_read_ops: 0.7, net_rx_mb: 3, net_rx_packets: 9 },
      { cpu_user: 1, cpu_system: 1, cpu_idle: 98, disk_read_mb: 1, disk_read_ops: 7, net_rx_mb: 3, net_rx_packets: 9 },
    ]);
  });

  it('reads spreadsheet output: BOM, CRLF, padded mixed-case headers, quotes, trailing empty rows', async () => {
    const parse = parseMetricsCsv([fixture('spreadsheet-crlf-bom.csv')]);
    expect(await parse.header).toEqual({
      found: ['timestamp', 'machine_id', 'cpu_user', 'cpu_system', 'cpu_idle', 'mem_used_mb', 'notes', ''],
      ignored: ['notes', ''],
      machineIdColumn: true,
    });
    const rows = [];
    for await (const row of parse.rows) rows.push(row);
    expect(rows).toEqual([
      {
        machineId: 'web-01',
        row: 1,
        point: { timestamp: T0, values: { cpu_user: 12.5, cpu_system: 2.5, cpu_idle: 85, mem_used_mb: 8192 } },
      },
      { machineId: 'web-01', row: 2, point: { timestamp: T0 + 1000, values: { cpu_user: 12, cpu_system: 2.5, cpu_idle: 85.5 } } },
    ]);
  });

  it('reads CRLF files without quotes, and a last line without a line break', async () => {
    const csv = 'timestamp,machine_id,cpu_user,cpu_system,cpu_idle\r\n1714521600,a,1,2,97\r\n\r\n1714521601,b, 3 ,2,95';
    const rows = await parseAll([csv]);
    expect(rows.map((r) => [r.machineId, r.row, r.point.values.cpu_user])).toEqual([
      ['a', 1, 1],
      ['b', 2, 3],
    ]);
  });

  it("uses each row's machine_id, trimmed, and the upload's id for empty cells", async () => {
    const csv = 'timestamp,machine_id,cpu_user,cpu_system,cpu_idle\n1714521600, a ,1,2,97\n1714521600,,1,2,97\n1714521600,b,1,2,97\n';
    const rows = await parseAll([csv], { machineId: 'fallback' });
    expect(rows.map((r) => r.machineId)).toEqual(['a', 'fallback', 'b']);
  });

  it('accepts CPU percentages a hair outside 0–100 and clamps them', async () => {
    const csv = 'timestamp,machine_id,cpu_user,cpu_system,cpu_idle\n1714521600,a,100.0001,-0.0001,0\n';
    const [row] = await parseAll([csv]);
    expect(row!.point.values).toEqual({ cpu_user: 100, cpu_system: 0, cpu_idle: 0 });
  });

  it('lets `await header` come before iterating, and releases the source when the loop stops early', async () => {
    let released = false;
    async function* source(): AsyncGenerator<string> {
      try {
        yield 'timestamp,machine_id,cpu_user,cpu_system,cpu_idle\n';
        for (let i = 0; ; i++) yield `${1714521600 + i},a,1,2,97\n`;
      } finally {
        released = true;
      }
    }
    const parse = parseMetricsCsv(source());
    expect((await parse.header).machineIdColumn).toBe(true);
    let seen = 0;
    for await (const _row of parse.rows) if (++seen === 5) break;
    expect(seen).toBe(5);
    expect(released).toBe(true);
  });

  it('reads a whole string given as the source as one chunk', async () => {
    const rows = await parseAll('timestamp,machine_id,cpu_user,cpu_system,cpu_idle\n1714521600,a,1,2,97\n');
    expect(rows).toHaveLength(1);
  });
});
