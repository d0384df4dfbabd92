import { runMetricsKillDrill, storedPoints, type DrillReport } from '@perfanalysis/testenv';
import { type BenchCollector, newBenchTenant, registerCollector, startBenchPlatform } from './benchPlatform.js';

export interface MetricsKillOptions {
  readonly agents: number;
  readonly dashboards: number;
}

/** One in five agents on plain HTTP (older agents, pcc); one dashboard in fifty tenant-wide. */
const HTTP_SHARE = 0.2;
const WIDE_SHARE = 0.02;

function print(report: DrillReport, wall: number): void {
  const gaps = report.views.filter((v) => v.missing > 0);
  const line = (text: string) => console.log(`drill: ${text}`);
  line(`${report.agents} agents: points sent ${report.sent}, spooled and resent ${report.resent}`);
  line(`stored ${report.stored}, duplicates ${report.duplicates}, missing ${report.missing}, stored but never sent ${report.unexpected}`);
  line(`collectors whose minute rollups do not count each point once: ${report.rollupMismatches}`);
  const seconds = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : 'never (see missing)');
  line(`metrics answered ${seconds(report.restartMs)} after the restart began; the spools were empty ${seconds(report.drainMs)} later`);
  line(
    `dashboards: ${report.views.length} (${report.views.filter((v) => v.wide).length} tenant-wide), ` +
      `resubscribed ${report.views.reduce((sum, v) => sum + v.resumes, 0)} times (attempts while metrics was down included) ` +
      `(${report.views.reduce((sum, v) => sum + v.refusals, 0)} ended for good: not retryable), with a gap: ${gaps.length}; ` +
      `points received twice across a resume: ${report.views.reduce((sum, v) => sum + v.duplicates, 0)}`,
  );
  const codes = new Map<string, number>();
  for (const code of report.views.flatMap((v) => v.refusalCodes)) codes.set(code, (codes.get(code) ?? 0) + 1);
  if (codes.size) line(`views ended by: ${[...codes].map(([code, n]) => `${code} ×${n}`).join(', ')}`);
  for (const [i, v] of gaps.entries())
    line(`  view ${i} (${v.wide ? 'tenant-wide' : 'one collector'}): ${v.missing} of ${v.expected} missing`);
  line(`whole drill ${(wall / 1000).toFixed(0)} s`);
}

/**
 * `npm run soak -- --drill metrics-kill`: the metrics process SIGKILLed under `agents` agents at
 * 1 Hz and `dashboards` live views, restarted, then counted (docs/ingest.md, "Crash of the
 * metrics process"). Exits non-zero when anything was lost, stored twice or left a gap.
 */
export async function soakMetricsKill(options: MetricsKillOptions): Promise<boolean> {
  const started = Date.now();
  console.log('drill: starting the platform (every service its own process) …');
  const platform = await startBenchPlatform();
  try {
    const tenant = await newBenchTenant(platform);
    const collectors: BenchCollector[] = [];
    while (collectors.length < options.agents) {
      const from = collectors.length;
      const wave = Array.from({ length: Math.min(20, options.agents - from) }, (_, i) => registerCollector(tenant, `drill-${from + i}`));
      collectors.push(...(await Promise.all(wave)));
    }
    const wideViews = Math.max(1, Math.round(options.dashboards * WIDE_SHARE));
    const report = await runMetricsKillDrill(
      {
        gatewayUrl: platform.gatewayUrl,
        token: tenant.token,
        collectors,
        killMetrics: () => platform.killService('metrics'),
        startMetrics: () => platform.restartService('metrics'),
        stored: () => storedPoints(platform.pool, tenant.schema),
      },
      {
        httpAgents: Math.round(options.agents * HTTP_SHARE),
        wideViews,
        singleViews: Math.max(0, options.dashboards - wideViews),
        secondsBefore: 10,
        secondsDown: 10,
        secondsAfter: 10,
        settleTimeoutMs: 300_000,
      },
    );
    print(report, Date.now() - started);
    return (
      report.missing + report.duplicates + report.unexpected + report.rollupMismatches === 0 &&
      report.views.every((v) => v.missing + v.refusals === 0)
    );
  } finally {
    await platform.stop();
  }
}
