import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type BenchCollector, type BenchPlatform, type BenchTenant, registerCollector } from '../lib/benchPlatform.js';
import type { BenchPart } from '../lib/context.js';
import { writeUploadFiles } from '../lib/data.js';
import { LatencyHistogram } from '../lib/latencyHistogram.js';
import { forkRole, type RoleProcess } from '../lib/roles.js';
import { int, ms } from '../lib/stats.js';
import { uploadCsv } from '../lib/uploadCsv.js';

const AGENTS = Number(process.env.BENCH_UPLOAD_MONTH_AGENTS ?? 100);
const ROWS = Number(process.env.BENCH_UPLOAD_MONTH_ROWS ?? 300_000);
const SECONDS = Number(process.env.BENCH_UPLOAD_MONTH_SECONDS ?? 20);
const DAY = 86_400_000;

/**
 * A start time whose month has no partition yet (the month of 60 days ago, inside the default
 * 90-day retention), so the upload has to create it while the agents keep writing this month.
 */
function firstInstantOfAnEmptyMonth(now: number): number {
  const d = new Date(now - 60 * DAY);
  return Math.max(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), Math.ceil((now - 85 * DAY) / 3_600_000) * 3_600_000);
}

async function partitionsOf(platform: BenchPlatform, tenant: BenchTenant): Promise<Set<string>> {
  const { rows } = await platform.pool.query<{ relname: string }>(
    `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1`,
    [tenant.schema],
  );
  return new Set(rows.map((r) => r.relname));
}

/** One second-by-second send window of the agents; their ack latencies. */
async function sendWindow(agents: RoleProcess): Promise<{ ack: LatencyHistogram; errors: number; firstError: string }> {
  agents.send({ kind: 'send', seconds: SECONDS });
  const sent = await agents.next('sent', SECONDS * 1000 + 120_000);
  return { ack: LatencyHistogram.fromPairs(sent.ack), errors: sent.errors, firstError: sent.firstError };
}

const ackLine = (w: { ack: LatencyHistogram; errors: number }) =>
  `ack p50 ${ms(w.ack.percentile(50))}, p99 ${ms(w.ack.percentile(99))}, ${w.errors} errors`;

/**
 * Issue 15's partition test as a measurement: AGENTS agents trickle at 1 Hz (their default
 * transport) for a window alone, then for a window during which a CSV upload lands in a month
 * with no partition yet. The upload creates that month's partitions in their own short
 * transaction, so the agents' acks must not wait for the upload to commit.
 */
export const uploadNewMonthPart: BenchPart = {
  name: 'upload-new-month',
  figure: `trickle ack p99 of ${AGENTS} agents while a ${int(ROWS)}-row upload lands in a month with no partition`,
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const collectors: BenchCollector[] = [];
    for (let i = 0; i < AGENTS; i += 20)
      collectors.push(
        ...(await Promise.all(Array.from({ length: Math.min(20, AGENTS - i) }, (_, j) => registerCollector(tenant, `month-${i + j}`)))),
      );
    const uploader = await registerCollector(tenant, 'month-upload');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-bench-month-'));
    const agents = forkRole('fleet-agents');
    try {
      const fromMs = firstInstantOfAnEmptyMonth(Date.now());
      const files = { csv: path.join(dir, 'month.csv'), copy: path.join(dir, 'unused.copy') };
      await writeUploadFiles(files, { rows: ROWS, fromMs, machineId: uploader.machineId, copyCollectorId: uploader.id });
      const before = await partitionsOf(platform, tenant);
      const month = new Date(fromMs).toISOString().slice(0, 7);
      const monthTag = `_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
      if ([...before].some((name) => name.endsWith(monthTag))) throw new Error(`a partition of ${month} exists before the upload`);

      agents.send({
        kind: 'agents',
        url: platform.gatewayUrl,
        keys: collectors.map((c) => c.apiKey),
        transport: 'ws',
        first: 0,
        total: collectors.length,
      });
      const opened = await agents.next('opened', 300_000);
      if (opened.failed) throw new Error(`${opened.failed} of ${AGENTS} agents could not connect`);
      const alone = await sendWindow(agents);

      const during = sendWindow(agents);
      await new Promise((r) => setTimeout(r, 2_000));
      const t0 = performance.now();
      const stored = await uploadCsv(platform, tenant, files.csv);
      const uploadSeconds = (performance.now() - t0) / 1000;
      const withUpload = await during;
      if (stored !== ROWS) throw new Error(`the upload stored ${stored} of ${ROWS} rows`);
      const created = [...(await partitionsOf(platform, tenant))].filter((name) => !before.has(name) && name.endsWith(monthTag));

      ctx.notes.push(
        `Upload into a new month: ${int(ROWS)} rows from ${new Date(fromMs).toISOString().slice(0, 16)} (${month} had no partition; ` +
          `the upload created ${created.length}) took ${uploadSeconds.toFixed(1)} s while ${AGENTS} agents sent one point a second over their channel; ` +
          `alone: ${ackLine(alone)}; during the upload: ${ackLine(withUpload)}${withUpload.firstError ? ` (first error: ${withUpload.firstError})` : ''}.`,
      );
      const ratio = withUpload.ack.percentile(99) / alone.ack.percentile(99);
      return [
        {
          figure: `trickle ack p99, ${AGENTS} agents × 1 Hz, while a ${int(ROWS)}-row upload creates a new month's partitions`,
          measured: `${ms(withUpload.ack.percentile(99))} (${ratio.toFixed(2)} × alone); ${withUpload.errors} errors`,
          baseline: `same agents, no upload: ${ms(alone.ack.percentile(99))}`,
          goal: '≤ 2 × the same run without the upload, no errors',
          met: created.length > 0 && withUpload.errors === 0 && alone.errors === 0 && ratio <= 2,
        },
      ];
    } finally {
      agents.send({ kind: 'close' });
      await agents.next('closed', 60_000).catch(() => undefined);
      await agents.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
