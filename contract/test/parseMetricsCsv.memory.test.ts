import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseMetricsCsv, toCsvLine, metricsCsvHeader } from '@perfanalysis/contract';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ROWS = 200_000;
const START = Date.UTC(2024, 4, 1);

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/** A generated file, produced chunk by chunk as a socket would deliver it: never whole in memory. */
async function* canonicalFile(): AsyncGenerator<Buffer> {
  let text = `${metricsCsvHeader()}\n`;
  for (let i = 0; i < ROWS; i++) {
    const user = i % 90;
    text += `${toCsvLine(`web-${i % 8}`, {
      timestamp: START + Math.floor(i / 8) * 1000,
      values: { cpu_user: user, cpu_system: 5, cpu_idle: 95 - user, mem_used_mb: 8000 + (i % 500), net_rx_mb: 0.5, load_1min: 1.5 },
    })}\n`;
    if (text.length >= 64 * 1024) {
      yield Buffer.from(text);
      text = '';
    }
  }
  yield Buffer.from(text);
}

/** An older agent's file: epoch seconds, KB, byte and packet counts (rates need per-machine state). */
async function* countsFile(): AsyncGenerator<string> {
  let text = 'timestamp,machine_id,cpu_user,cpu_system,cpu_idle,mem_used_kb,disk_read_bytes,net_rx_bytes,net_rx_packets\r\n';
  for (let i = 0; i < ROWS; i++) {
    text += `${START / 1000 + Math.floor(i / 50) * 10},db-${i % 50},1,2,97,${1024 * (i % 100)},${i * 4096},1048576,${i % 1000}\r\n`;
    if (text.length >= 64 * 1024) {
      yield text;
      text = '';
    }
  }
  yield text;
}

async function countRows(source: AsyncIterable<Buffer | string>): Promise<{ rows: number; growth: number }> {
  let rows = 0;
  let baseline = 0;
  for await (const _row of parseMetricsCsv(source).rows) {
    rows++;
    if (rows === 20_000) baseline = heapAfterGc();
  }
  return { rows, growth: heapAfterGc() - baseline };
}

describe('parseMetricsCsv memory', () => {
  // Rows are consumed and dropped: what stays on the heap between row 20,000 and row 200,000
  // must not grow with the rows read (200k rows held would be well over 50 MB).
  it('streams 200,000 canonical rows in constant memory', async () => {
    const { rows, growth } = await countRows(canonicalFile());
    expect(rows).toBe(ROWS);
    expect(growth).toBeLessThan(4 * 1024 * 1024);
  }, 60_000);

  it('streams 200,000 rows of counts (per-machine state, prefix held back) in constant memory', async () => {
    const { rows, growth } = await countRows(countsFile());
    expect(rows).toBe(ROWS);
    expect(growth).toBeLessThan(4 * 1024 * 1024);
  }, 60_000);
});
