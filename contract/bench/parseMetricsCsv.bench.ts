/**
 * Throughput of parseMetricsCsv on 1,000,000-row files held in memory (so disk speed does
 * not count), cut into 64 KiB chunks as a Node stream delivers them. Not a test. Run:
 *   npx esbuild contract/bench/parseMetricsCsv.bench.ts --bundle --platform=node --outfile=/tmp/csv-bench.js && node /tmp/csv-bench.js
 */
import { formatMetricsCsv, parseMetricsCsv, type MachinePoint } from '../src/index.js';

const ROWS = Number(process.env['ROWS'] ?? 1_000_000);
const CHUNK = 64 * 1024;
const START = Date.UTC(2024, 4, 1);

function chunked(text: string): Buffer[] {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) chunks.push(bytes.subarray(i, i + CHUNK));
  return chunks;
}

function* canonicalPoints(): Generator<MachinePoint> {
  for (let i = 0; i < ROWS; i++) {
    const user = (i % 50) + 0.25;
    yield {
      machineId: `web-${i % 4}`,
      point: {
        timestamp: START + Math.floor(i / 4) * 1000,
        values: {
          cpu_user: user,
          cpu_system: 12.5,
          cpu_idle: 87.5 - user,
          cpu_iowait: 0.3,
          mem_total_mb: 16000,
          mem_used_mb: 8000 + (i % 100),
          mem_available_mb: 7000,
          disk_read_mb: 1.25,
          disk_write_mb: 3.5,
          net_rx_mb: 0.75,
          net_tx_mb: 0.12,
          load_1min: 1.05,
        },
      },
    };
  }
}

/** An older agent's file: epoch seconds, memory in KB, disk and network as per-interval counts. */
function legacyCsv(): string {
  const lines = [
    'timestamp,machine_id,cpu_user,cpu_system,cpu_idle,mem_total_kb,mem_used_kb,disk_read_bytes,disk_write_bytes,disk_read_ops,net_rx_bytes,net_tx_bytes,net_rx_packets',
  ];
  for (let i = 0; i < ROWS; i++) {
    lines.push(
      `${START / 1000 + Math.floor(i / 4) * 5},db-${i % 4},${i % 50},4.5,${95.5 - (i % 50)},16384000,${8192000 + (i % 1000)},${(i * 7) % 1048576},4096000,${i % 300},524288,65536,${i % 900}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Best of `ROUNDS` runs: other load on the machine only ever slows a run down. */
async function measure(name: string, chunks: Buffer[], rounds = Number(process.env['ROUNDS'] ?? 3)): Promise<void> {
  const bytes = chunks.reduce((n, c) => n + c.length, 0);
  let best = Infinity;
  let rows = 0;
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    rows = 0;
    for await (const _row of parseMetricsCsv(chunks).rows) rows++;
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
  }
  console.log(
    `${name.padEnd(28)} ${rows} rows  best ${best.toFixed(2)} s  ${Math.round(rows / best).toLocaleString('en-US')} rows/s  ${(bytes / 1048576 / best).toFixed(0)} MB/s`,
  );
}

async function main(): Promise<void> {
  const canonical = formatMetricsCsv(canonicalPoints());
  const quoted = canonical.replace(/web-(\d)/g, '"web-$1"');
  const legacy = legacyCsv();
  await measure('canonical (29 columns)', chunked(canonical));
  await measure('legacy epoch/KB/counts', chunked(legacy));
  await measure('quoted machine ids', chunked(quoted), 1);
}

void main();
