import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { registerCollector } from '../lib/benchPlatform.js';
import type { BenchPart } from '../lib/context.js';
import { cpuSecondsOf, memoryOf } from '../lib/proc.js';
import { mb } from '../lib/stats.js';

const SECONDS = Number(process.env.BENCH_AGENT_SECONDS ?? 60);
const WARM_UP_MS = 5_000;
const sleep = (msValue: number) => new Promise((r) => setTimeout(r, msValue));

function nodeExporterPath(): string | undefined {
  for (const name of ['prometheus-node-exporter', 'node_exporter']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
    } catch {
      // not this name
    }
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** CPU % of one core over the window after the warm-up, and the peak RSS (VmHWM) at its end. */
async function watch(pid: number, during: () => Promise<void>): Promise<{ cpu: number; peak: number; rss: number }> {
  const cpu0 = cpuSecondsOf(pid);
  const t0 = performance.now();
  await during();
  const cpu = ((cpuSecondsOf(pid) - cpu0) / ((performance.now() - t0) / 1000)) * 100;
  const { rss, peak } = memoryOf(pid);
  return { cpu, peak, rss };
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

export const agentPart: BenchPart = {
  name: 'agent',
  figure: `agent at 1 s over ${SECONDS} s`,
  async run(ctx) {
    const platform = await ctx.platform();
    const tenant = await ctx.tenant();
    const collector = await registerCollector(tenant, os.hostname().replace(/[^A-Za-z0-9._-]/g, '-') || 'bench-agent');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-bench-agent-'));
    const exporterBin = nodeExporterPath();
    let agent: ChildProcess | undefined;
    let exporter: ChildProcess | undefined;
    try {
      // Both run side by side over the same window, so they see the same machine.
      agent = spawn(process.execPath, [path.resolve(__dirname, '../../agent/dist/cli.js')], {
        env: {
          ...process.env,
          PCC_MODE: 'trickle',
          PCC_SERVER: new URL(platform.gatewayUrl).origin,
          PCC_APIKEY: collector.apiKey,
          PCC_MACHINE_ID: collector.machineId,
          PCC_FREQUENCY: '1',
          PCC_SPOOL_DIR: dir,
          PCC_LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      let scrapes = 0;
      let scrapeFailures = 0;
      let exporterUrl: string | undefined;
      if (exporterBin) {
        const port = await freePort();
        exporterUrl = `http://127.0.0.1:${port}/metrics`;
        exporter = spawn(exporterBin, [`--web.listen-address=127.0.0.1:${port}`], { stdio: 'ignore' });
      }
      await sleep(WARM_UP_MS);
      if (agent.exitCode !== null) throw new Error(`the agent exited with ${agent.exitCode}`);
      const window = async () => {
        for (let s = 0; s < SECONDS; s++) {
          const tick = sleep(1000);
          if (exporterUrl) {
            await fetch(exporterUrl)
              .then((r) => r.text())
              .then(
                () => void (scrapes += 1),
                () => void (scrapeFailures += 1),
              );
          }
          await tick;
        }
      };
      const agentPid = agent.pid!;
      const exporterPid = exporter?.pid;
      const cpu0 = exporterPid ? cpuSecondsOf(exporterPid) : 0;
      const t0 = performance.now();
      const agentFigure = await watch(agentPid, window);
      const exporterFigure = exporterPid
        ? { cpu: ((cpuSecondsOf(exporterPid) - cpu0) / ((performance.now() - t0) / 1000)) * 100, ...memoryOf(exporterPid) }
        : undefined;
      const { rows } = await platform.pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${tenant.schema}".metric_points WHERE collector_id = $1`,
        [collector.id],
      );
      ctx.notes.push(
        `Agent: \`perfagent\` in trickle mode at 1 s to the gateway (${rows[0]!.n} points stored), CPU time from /proc/<pid>/stat over ${SECONDS} s after a ${WARM_UP_MS / 1000} s start-up; RSS is VmRSS at the end of the window (the goal is judged on it), peak is VmHWM. ` +
          (exporterFigure
            ? `node-exporter (${exporterBin}, default collectors) scraped every second by the runner over the same window (${scrapes} scrapes, ${scrapeFailures} failed).`
            : 'prometheus-node-exporter is not installed (apt-get install prometheus-node-exporter): no baseline.'),
      );
      return [
        {
          figure: `agent at 1 s over ${SECONDS} s (trickle to the gateway)`,
          measured: `${agentFigure.cpu.toFixed(2)} % of a core; RSS ${mb(agentFigure.rss)} (peak ${mb(agentFigure.peak)} at start-up)`,
          baseline: exporterFigure
            ? `prometheus-node-exporter scraped every 1 s: ${exporterFigure.cpu.toFixed(2)} % of a core; RSS ${mb(exporterFigure.rss)} (peak ${mb(exporterFigure.peak)})`
            : 'prometheus-node-exporter: not installed',
          goal: '≤ 0.5 % of a core, RSS ≤ 60 MB',
          met: agentFigure.cpu <= 0.5 && agentFigure.rss <= 60e6,
        },
      ];
    } finally {
      await Promise.all([stop(agent), stop(exporter)]);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
