import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { registerCollector } from '../lib/benchPlatform.js';
import type { BenchPart } from '../lib/context.js';
import { writeUploadFiles } from '../lib/data.js';
import { memoryOf, sampleRss } from '../lib/proc.js';
import { uploadCsv } from '../lib/uploadCsv.js';
import { int, mb } from '../lib/stats.js';

const ROWS = Number(process.env.BENCH_UPLOAD_ROWS ?? 1_000_000);

export const uploadPart: BenchPart = {
  name: 'upload',
  figure: `CSV upload, ${int(ROWS)} rows, through the gateway`,
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const viaGateway = await registerCollector(tenant, 'bench-upload');
    const viaCopy = await registerCollector(tenant, 'bench-copy');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-bench-upload-'));
    try {
      const files = { csv: path.join(dir, 'upload.csv'), copy: path.join(dir, 'copy.txt') };
      const fromMs = Math.floor(Date.now() / 3_600_000) * 3_600_000 - 20 * 86_400_000;
      const { csvBytes } = await writeUploadFiles(files, {
        rows: ROWS,
        fromMs,
        machineId: viaGateway.machineId,
        copyCollectorId: viaCopy.id,
      });

      const pids = [platform.pids.gateway, platform.pids.metrics];
      const before = pids.map((pid) => memoryOf(pid).rss);
      const sampler = sampleRss(pids);
      const t0 = performance.now();
      const rowsProcessed = await uploadCsv(platform, tenant, files.csv);
      const seconds = (performance.now() - t0) / 1000;
      const [gatewayPeak, metricsPeak] = sampler.stop();
      if (rowsProcessed !== ROWS) throw new Error(`upload stored ${rowsProcessed} of ${ROWS} rows`);

      const t1 = performance.now();
      await promisify(execFile)('psql', [
        platform.databaseUrl,
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        `\\copy "${tenant.schema}".metric_points FROM '${files.copy}'`,
      ]);
      const copySeconds = (performance.now() - t1) / 1000;

      const growth = [gatewayPeak! - before[0]!, metricsPeak! - before[1]!];
      const rate = ROWS / seconds;
      const copyRate = ROWS / copySeconds;
      ctx.notes.push(
        `Upload: ${mb(csvBytes)} CSV of one realistic server (27 columns), streamed multipart through the gateway (separate process) to the metrics service (separate process), ` +
          `which stages it with COPY and moves it into \`metric_points\` with the minute/hour rollups in one transaction; \`psql \\copy\` fills \`metric_points\` only (no rollups, no validation). ` +
          `RSS at start: gateway ${mb(before[0]!)}, metrics ${mb(before[1]!)}.`,
      );
      return [
        {
          figure: `CSV upload, ${int(ROWS)} rows (${mb(csvBytes)}) through the gateway`,
          measured: `${int(rate)} rows/s (${seconds.toFixed(1)} s); peak RSS growth gateway ${mb(growth[0]!)}, metrics ${mb(growth[1]!)}`,
          baseline: `psql \\copy: ${int(copyRate)} rows/s (${copySeconds.toFixed(1)} s); ratio ${(rate / copyRate).toFixed(2)}`,
          goal: '≥ 0.6 × baseline; RSS growth < 100 MB',
          met: rate >= 0.6 * copyRate && Math.max(...growth) < 100e6,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
