import {
  LivePointsDocument,
  RegisterCollectorDocument,
  SeriesDocument,
  SummaryDocument,
  TricklePointsDocument,
  UploadMetricsDocument,
  uploadRequest,
} from '@perfanalysis/sdk';
import { clientFor, connectLive, createTestEnvironment, newTenant, type TestEnvironment } from '@perfanalysis/testenv';

/** The whole path of issue 4 through one gateway, every call through the SDK. */
describe('register → trickle → live subscriber → CSV upload of another dialect → series, summary, export', () => {
  let env: TestEnvironment;
  beforeAll(async () => (env = await createTestEnvironment()));
  afterAll(() => env?.stop());

  it('carries a point from the agent to a live chart, and an older dialect into the history', async () => {
    const tenant = await newTenant(env);
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'path-01', hostname: 'path-01.example.test' },
    });
    const collectorId = registerCollector.collector.id;

    const live = connectLive(env.gatewayUrl, tenant.session.accessToken);
    const start = Date.now() - 120_000;
    const sub = live.subscribe(LivePointsDocument, { collectorIds: [collectorId], since: new Date(start - 1).toISOString() });
    const points = [0, 1, 2].map((i) => ({
      timestamp: new Date(start + i * 1000).toISOString(),
      cpuUser: 20 + i,
      cpuSystem: 5,
      cpuIdle: 75 - i,
    }));
    const ack = await clientFor(env, registerCollector.apiKey).request(TricklePointsDocument, { points });
    expect(ack.tricklePoints.accepted).toBe(3);
    const received = await sub.until((d) => d.length >= 3);
    expect(received.map((d) => d.livePoints.cpuUser)).toEqual([20, 21, 22]);
    expect(received[0]!.livePoints.collector.hostname).toBe('path-01.example.test');
    await live.close();

    // An older agent's file: epoch seconds, memory in KB, no machine_id column.
    const epoch = Math.floor((start + 10_000) / 1000);
    const csv = [
      'timestamp,cpu_user,cpu_system,cpu_idle,mem_total_kb,mem_used_kb',
      ...[0, 1, 2, 3].map((i) => `${epoch + i},${40 + i},10,50,8388608,${2097152 + i * 1024}`),
    ].join('\n');
    const bytes = new TextEncoder().encode(`${csv}\n`);
    const upload = await uploadRequest(
      { url: env.gatewayUrl, token: tenant.session.accessToken },
      UploadMetricsDocument,
      { machineId: 'path-01' },
      {
        name: 'old-agent.csv',
        size: bytes.length,
        stream: (async function* () {
          yield bytes;
        })(),
      },
    );
    expect(upload.uploadMetrics).toMatchObject({ rowsProcessed: 4, duplicatesSkipped: 0, machines: ['path-01'] });

    const range = { collectorId, from: new Date(start - 60_000).toISOString(), to: new Date(start + 60_000).toISOString() };
    const { series } = await tenant.client.request(SeriesDocument, { ...range, group: 'CPU', buckets: 120 });
    const cpuUser = series.metrics.find((m) => m.metric === 'cpu_user')!;
    expect(cpuUser.max.filter((v) => v !== null)).toEqual([20, 21, 22, 40, 41, 42, 43]);
    const { summary } = await tenant.client.request(SummaryDocument, { ...range, groups: ['MEMORY'] });
    expect(summary.find((s) => s.metric === 'mem_used_mb')).toMatchObject({ count: 4, min: 2048, max: 2051 });

    const exported = await fetch(
      new URL(`/api/v1/performance/export?machine_id=path-01&start_date=${range.from}&end_date=${range.to}&format=csv`, env.gatewayUrl),
      { headers: { authorization: `Bearer ${tenant.session.accessToken}` } },
    );
    expect(exported.status).toBe(200);
    const lines = (await exported.text()).trim().split('\n');
    expect(lines).toHaveLength(1 + 7);
    expect(lines[0]!.startsWith('timestamp,machine_id,cpu_user')).toBe(true);
  });
});
