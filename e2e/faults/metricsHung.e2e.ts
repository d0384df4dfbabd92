import { LivePointsDocument } from '@perfanalysis/sdk';
import {
  connectLive,
  createTestEnvironment,
  type GatewayProcess,
  type MetricsProcess,
  newTenant,
  startGatewayProcess,
  startMetricsProcess,
  type TestEnvironment,
  type TestTenant,
} from '@perfanalysis/testenv';
import { gauge, pointAt, registerCollector, trickle } from '../live/liveWorld.js';
import { eventually } from './faultWorld.js';

/**
 * The metrics-kill drill at 300 agents lost the gateway process to an unhandled rejection (a
 * CloseEvent): the last dashboard of an upstream left while the gateway was still connecting to a
 * metrics process that hung, and the connection failed afterwards. The gateway runs as its own
 * process here, so that dying shows as an exit code instead of taking the test runner along.
 */
describe('a dashboard leaving while the gateway still connects to a hung metrics process', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let metrics: MetricsProcess;
  let gateway: GatewayProcess;

  beforeAll(async () => {
    env = await createTestEnvironment({ redis: true });
    tenant = await newTenant(env);
    // Bounds for starting on the shared, loaded machine (a start, not a figure).
    metrics = await startMetricsProcess(env, 240_000);
    gateway = await startGatewayProcess(env, { metrics: metrics.url }, 240_000);
  }, 600_000);

  afterAll(async () => {
    await gateway?.stop();
    await metrics?.stop();
    await env?.stop();
  }, 120_000);

  it('keeps the gateway running when that connection fails, and live views work again after the restart', async () => {
    // Hung: the kernel accepts the gateway's connection, the process answers nothing.
    metrics.pause();
    const first = connectLive(gateway.url, tenant.session.accessToken);
    const leaving = first.client.subscribe(
      { query: 'subscription { livePoints { timestamp } }' },
      { next() {}, error() {}, complete() {} },
    );
    await eventually(async () => (await gauge(gateway.url, 'subscription_upstreams_open')) === 1, 60_000, 'the upstream was opened');
    // The only client leaves: the gateway drops the upstream and disposes its connection, still being made.
    leaving();
    await eventually(async () => (await gauge(gateway.url, 'subscription_upstreams_open')) === 0, 60_000, 'the upstream was released');
    // Now that connection fails (reset by the dying process): dispose() rejects with its event.
    await metrics.kill();
    await metrics.start();

    // A dashboard after the restart gets its points through the same gateway process.
    const second = connectLive(gateway.url, tenant.session.accessToken);
    const since = new Date(Date.now() - 60_000).toISOString();
    const collector = await registerCollector(tenant, 'hung-1');
    const sub = second.subscribe(LivePointsDocument, { collectorIds: [collector.id], since });
    await trickle(env, collector, [pointAt(Date.now(), 1)], gateway.url);
    await sub.until((data) => data.length === 1, 60_000);
    expect(gateway.exitCode()).toBeNull();
    await first.close();
    await second.close();
  }, 180_000);
});
