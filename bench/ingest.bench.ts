/**
 * Ingest figures of issue 9, each beside its baseline in the same run:
 *  - CSV upload of UPLOAD_ROWS rows through the gateway (streamed multipart) vs `psql \copy`
 *    of the same rows into the same table;
 *  - trickle: COLLECTORS concurrent collectors sending BATCH-point batches through the gateway
 *    vs the same mutations sent straight to the metrics subgraph (signed identity).
 *
 *   npx jest -c bench/jest.config.js bench/ingest        (knobs: BENCH_UPLOAD_ROWS, BENCH_TRICKLE_SECONDS)
 *
 * Prints a Markdown table and writes it to bench/results/raw/ingest-<date>.md.
 */
import { METRIC_COLUMNS } from '@perfanalysis/contract';
import { createClient, TricklePointsDocument, UploadMetricsDocument, uploadRequest } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { execFile } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { registerMachine, schemaOf, signedAs } from '../e2e/metrics/metricData.js';

// 1,000,000 is the figure; this session's 1 M run ended in a connection reset (see the issue note), so the default is 200,000.
const UPLOAD_ROWS = Number(process.env.BENCH_UPLOAD_ROWS ?? 200_000);
const COLLECTORS = 100;
const BATCH = 100;
const TRICKLE_SECONDS = Number(process.env.BENCH_TRICKLE_SECONDS ?? 10);

/** Writes the same rows twice: the upload's CSV dialect and PostgreSQL's COPY text format. */
function writeRows(dir: string, machineId: string, collectorId: string, start: number): { csv: string; copy: string } {
  const csv: string[] = [`timestamp,machine_id,${METRIC_COLUMNS.join(',')}`];
  const copy: string[] = [];
  for (let i = 0; i < UPLOAD_ROWS; i++) {
    const ts = new Date(start + i * 1000).toISOString();
    const values = METRIC_COLUMNS.map((c, k) => (c === 'cpu_idle' ? 50 : ((i * 7 + k * 13) % 4000) / 100));
    csv.push(`${ts},${machineId},${values.join(',')}`);
    copy.push(`${collectorId}\t${ts}\t${values.join('\t')}`);
  }
  const files = { csv: path.join(dir, 'upload.csv'), copy: path.join(dir, 'copy.txt') };
  writeFileSync(files.csv, `${csv.join('\n')}\n`);
  writeFileSync(files.copy, `${copy.join('\n')}\n`);
  return files;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function trickle(
  url: string,
  headersOf: (i: number) => Record<string, string>,
  seconds: number,
): Promise<{ rate: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let points = 0;
  const until = performance.now() + seconds * 1000;
  const base = Date.now() - 20 * 86_400_000;
  await Promise.all(
    Array.from({ length: COLLECTORS }, async (_, c) => {
      const client = createClient({ url, headers: headersOf(c) });
      for (let n = 0; performance.now() < until; n++) {
        const batch = Array.from({ length: BATCH }, (_, i) => ({
          timestamp: new Date(base + (n * BATCH + i) * 1000).toISOString(),
          cpuUser: 10,
          cpuSystem: 5,
          cpuIdle: 85,
          memUsedMb: 1000 + i,
        }));
        const t0 = performance.now();
        await client.request(TricklePointsDocument, { points: batch });
        latencies.push(performance.now() - t0);
        points += BATCH;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { rate: points / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

describe('ingest benchmarks', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  const rows: string[] = [];
  beforeAll(async () => {
    env = await createTestEnvironment({
      env: { UPLOAD_MAX_BYTES: String(400 * 1024 * 1024), UPLOAD_MAX_ROWS: String(UPLOAD_ROWS), RATE_LIMIT_TRICKLE: '100000' },
    });
    tenant = await newTenant(env);
  });
  afterAll(async () => {
    const table = ['| figure | result | baseline (same run) |', '|---|---|---|', ...rows].join('\n');
    console.log(`\n${table}\n`);
    const dir = path.resolve(__dirname, 'results/raw');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `ingest-${new Date().toISOString().slice(0, 10)}.md`), `${table}\n`);
    await env?.stop();
  });

  it('uploads a CSV through the gateway, beside psql \\copy of the same rows', async () => {
    const viaGateway = await registerMachine(tenant, 'bench-upload');
    const viaCopy = await registerMachine(tenant, 'bench-copy');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-bench-'));
    const start = Date.now() - 25 * 86_400_000;
    const files = writeRows(dir, viaGateway.machineId, viaCopy.id, start);
    const size = statSync(files.csv).size;
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const { uploadMetrics } = await uploadRequest(
      { url: env.gatewayUrl, token: tenant.session.accessToken, timeoutMs: 600_000 },
      UploadMetricsDocument,
      {},
      { name: 'bench.csv', size, stream: createReadStream(files.csv, { highWaterMark: 1 << 20 }) },
    );
    const uploadSeconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    expect(uploadMetrics.rowsProcessed).toBe(UPLOAD_ROWS);
    const t1 = performance.now();
    await promisify(execFile)('psql', [env.databaseUrl, '-q', '-c', `\\copy ${schemaOf(tenant)}.metric_points FROM '${files.copy}'`]);
    const copySeconds = (performance.now() - t1) / 1000;
    rows.push(
      `| CSV upload, ${UPLOAD_ROWS.toLocaleString('en')} rows (${(size / 1e6).toFixed(0)} MB) through the gateway | ${Math.round(UPLOAD_ROWS / uploadSeconds).toLocaleString('en')} rows/s (${uploadSeconds.toFixed(1)} s); RSS growth of the process holding gateway + metrics: ${((rssPeak - rssBefore) / 1e6).toFixed(0)} MB | psql \\copy: ${Math.round(UPLOAD_ROWS / copySeconds).toLocaleString('en')} rows/s (${copySeconds.toFixed(1)} s); ratio ${(copySeconds / uploadSeconds).toFixed(2)} |`,
    );
  });

  it('trickles 100 collectors × 100-point batches through the gateway, beside the metrics subgraph directly', async () => {
    const machines = await Promise.all(Array.from({ length: COLLECTORS }, (_, i) => registerMachine(tenant, `bench-trickle-${i}`)));
    const gateway = await trickle(env.gatewayUrl, (i) => ({ authorization: `Bearer ${machines[i]!.apiKey}` }), TRICKLE_SECONDS);
    const direct = await trickle(env.subgraphUrls.metrics, (i) => signedAs(env, tenant, { collectorId: machines[i]!.id }), TRICKLE_SECONDS);
    rows.push(
      `| trickle, ${COLLECTORS} collectors × ${BATCH}-point batches, ${TRICKLE_SECONDS} s | ${Math.round(gateway.rate).toLocaleString('en')} points/s; ack p50 ${gateway.p50.toFixed(1)} ms, p99 ${gateway.p99.toFixed(1)} ms | metrics subgraph directly: ${Math.round(direct.rate).toLocaleString('en')} points/s; p50 ${direct.p50.toFixed(1)} ms, p99 ${direct.p99.toFixed(1)} ms |`,
    );
  });
});
