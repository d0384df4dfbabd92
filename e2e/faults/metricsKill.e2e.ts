import { createGateway, type GatewayServer } from '@perfanalysis/gateway';
import { RegisterCollectorDocument } from '@perfanalysis/sdk';
import {
  createTestEnvironment,
  type DrillPlatform,
  type MetricsProcess,
  newTenant,
  ResumingView,
  runMetricsKillDrill,
  startMetricsProcess,
  storedPoints,
  type TestEnvironment,
  type TestTenant,
} from '@perfanalysis/testenv';

const AGENTS = 30;
const HTTP_AGENTS = 6;

describe('the metrics process SIGKILLed under agents and live dashboards', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let metrics: MetricsProcess;
  let gateway: GatewayServer;
  let gatewayUrl: string;

  beforeAll(async () => {
    env = await createTestEnvironment({ redis: true });
    tenant = await newTenant(env);
    // A gateway whose metrics subgraph is its own process: killing it kills ingest and live
    // delivery mid-stream, with everything else running (as in production, one process each).
    metrics = await startMetricsProcess(env);
    gateway = createGateway({ runtime: env.runtime, subgraphUrls: { ...env.subgraphUrls, metrics: metrics.url } });
    gatewayUrl = (await gateway.listen(0)).url;
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await metrics?.stop();
    await env?.stop();
  }, 120_000);

  async function register(count: number, prefix: string) {
    const collectors = [];
    for (let i = 0; i < count; i += 1) {
      const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
        input: { machineId: `${prefix}-${i}`, hostname: `${prefix}-${i}` },
      });
      collectors.push({ id: registerCollector.collector.id, apiKey: registerCollector.apiKey });
    }
    return collectors;
  }

  it('stores every point exactly once after the restart, and every dashboard resumes with since and no gap', async () => {
    const collectors = await register(AGENTS, 'kill');
    const other = await newTenant(env);
    const outsider = new ResumingView(gatewayUrl, other.session.accessToken, undefined, new Date(Date.now() - 60_000));
    const platform: DrillPlatform = {
      gatewayUrl,
      token: tenant.session.accessToken,
      collectors,
      killMetrics: () => metrics.kill(),
      startMetrics: () => metrics.start(),
      stored: () => storedPoints(env.runtime.db.pool, `tenant_${tenant.slug}`),
    };

    const report = await runMetricsKillDrill(platform, {
      httpAgents: HTTP_AGENTS,
      wideViews: 2,
      singleViews: 3,
      secondsBefore: 4,
      secondsDown: 3,
      secondsAfter: 3,
      settleTimeoutMs: 90_000,
    });

    expect(report.sent).toBe(AGENTS * 10);
    const { stored, duplicates, missing, unexpected, rollupMismatches } = report;
    expect({ stored, duplicates, missing, unexpected, rollupMismatches }).toEqual({
      stored: report.sent,
      duplicates: 0,
      missing: 0,
      unexpected: 0,
      rollupMismatches: 0,
    });
    // The outage was real: the agents spooled what the dead process could not acknowledge.
    expect(report.resent).toBeGreaterThan(0);
    expect(Number.isFinite(report.drainMs)).toBe(true);
    for (const view of report.views) {
      // Every ending was retryable (what the dashboard resumes on), and after resuming with `since` nothing is missing.
      expect(view).toMatchObject({ expected: view.wide ? AGENTS * 10 : 10, missing: 0, refusals: 0 });
      // The kill did end each view.
      expect(view.resumes).toBeGreaterThan(0);
    }
    // Another tenant's dashboard on the same gateway saw none of it.
    expect(outsider.received.size).toBe(0);
    await outsider.close();
  }, 240_000);
});
