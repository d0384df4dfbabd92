import { AuthRejectedError, createChannelTransport, FatalError, RetryableError, silentLogger, type Transport } from '@perfanalysis/agent';
import type { MetricPoint } from '@perfanalysis/contract';
import {
  createClient,
  RegisterCollectorDocument,
  RevokeApiKeysDocument,
  TricklePointsDocument,
  UpdateCollectorDocument,
} from '@perfanalysis/sdk';
import { connectLive, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { startTcpSwitch } from './tcpSwitch.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `count` points one second apart, unique to this call (values encode `base + i`). */
let clock = Math.floor(Date.now() / 1000) * 1000 - 3_000_000;
function points(count: number, base: number): MetricPoint[] {
  return Array.from({ length: count }, (_, i) => ({
    timestamp: (clock += 1000),
    values: { cpu_user: 1, cpu_system: 1, mem_used_mb: base + i, mem_total_mb: 4096 },
  }));
}

/** Retries a retryable send until it is acknowledged (the shipper's job, inlined). */
async function sendUntilAcked(transport: Transport, batch: readonly MetricPoint[]): Promise<number> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await transport.sendBatch(batch);
      return attempt;
    } catch (error) {
      if (!(error instanceof RetryableError) || attempt > 60) throw error;
      await sleep(500);
    }
  }
}

describe('the agent channel (tricklePoints over the gateway socket)', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  const transports: Transport[] = [];
  const channel = (apiKey: string, server = new URL(env.gatewayUrl).origin) => {
    const transport = createChannelTransport({ server, apiKey, machineId: 'm', log: silentLogger });
    transports.push(transport);
    return transport;
  };
  const register = async (machineId: string) => {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, { input: { machineId, hostname: machineId } });
    return { id: registerCollector.collector.id, apiKey: registerCollector.apiKey };
  };
  const stored = async (collectorId: string): Promise<number[]> => {
    const { rows } = await env.runtime.db.pool.query<{ mem: number }>(
      `SELECT mem_used_mb AS mem FROM "tenant_${tenant.slug}".metric_points WHERE collector_id = $1 ORDER BY ts`,
      [collectorId],
    );
    return rows.map((r) => Number(r.mem));
  };

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
  });
  afterEach(async () => {
    await Promise.all(transports.splice(0).map((t) => t.close?.()));
  });
  afterAll(() => env?.stop());

  it('acknowledges a batch once it is stored; a replay of it stores nothing twice', async () => {
    const collector = await register('channel-ack');
    const batch = points(3, 10);
    await channel(collector.apiKey).sendBatch(batch);
    expect(await stored(collector.id)).toEqual([10, 11, 12]);
    await channel(collector.apiKey).sendBatch(batch);
    expect(await stored(collector.id)).toEqual([10, 11, 12]);
  });

  it('sends a batch larger than one socket message as several (a spool drained after an outage)', async () => {
    const collector = await register('channel-large');
    const cpus = Array.from({ length: 40 }, (_, i) => ({
      kind: 'cpu' as const,
      device: `cpu${i}`,
      values: { cpu_user: 12.5, cpu_system: 3.25 },
    }));
    const batch = points(600, 1_000).map((p) => ({ ...p, devices: cpus }));
    await channel(collector.apiKey).sendBatch(batch);
    expect(await stored(collector.id)).toEqual(batch.map((p) => p.values.mem_used_mb));
  });

  it('answers a bad payload with a typed error on that message and keeps the connection', async () => {
    const collector = await register('channel-bad');
    const live = connectLive(env.gatewayUrl, collector.apiKey);
    try {
      const bad = live.subscribe(TricklePointsDocument, { points: [{ timestamp: 'not a time' }] });
      await bad.end();
      expect(bad.data).toEqual([]);
      expect(bad.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      const other = live.subscribe(UpdateCollectorDocument, { id: collector.id, input: { hostname: 'x' } });
      await other.end();
      expect(other.errors[0]?.extensions?.code).toBe('BAD_REQUEST');
      const good = live.subscribe(TricklePointsDocument, {
        points: [{ timestamp: new Date((clock += 1000)).toISOString(), memUsedMb: 5 }],
      });
      const [ack] = await good.until((d) => d.length === 1);
      expect(ack!.tricklePoints.accepted).toBe(1);
    } finally {
      await live.close();
    }
    // Through the agent's transport the same refusal is final (retrying cannot fix the data).
    const invalid = {
      timestamp: (clock += 1000),
      values: {},
      devices: [{ kind: 'bogus', device: 'x', values: {} }],
    } as unknown as MetricPoint;
    await expect(channel(collector.apiKey).sendBatch([invalid])).rejects.toBeInstanceOf(FatalError);
  });

  it('refuses a user token where a collector key is expected', async () => {
    const live = connectLive(env.gatewayUrl, tenant.session.accessToken);
    try {
      const sub = live.subscribe(TricklePointsDocument, { points: [{ timestamp: new Date((clock += 1000)).toISOString(), memUsedMb: 1 }] });
      await sub.end();
      expect(sub.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await live.close();
    }
  });

  it('cuts the connection of a key revoked mid-connection; the agent stops with an auth error', async () => {
    const collector = await register('channel-revoked');
    const live = connectLive(env.gatewayUrl, collector.apiKey);
    const transport = channel(collector.apiKey);
    await transport.sendBatch(points(1, 1));
    await tenant.client.request(RevokeApiKeysDocument, { collectorId: collector.id });
    // Awaited, not timed: the re-check runs every second, a loaded machine may take longer.
    expect((await live.closed).code).toBe(4401);
    await live.close();
    await expect(transport.sendBatch(points(1, 2))).rejects.toBeInstanceOf(AuthRejectedError);
  });

  it('reconnects by itself after the gateway vanished and stores every batch once', async () => {
    const collector = await register('channel-outage');
    const tcp = await startTcpSwitch(new URL(env.gatewayUrl));
    try {
      const transport = channel(collector.apiKey, tcp.url);
      await transport.sendBatch(points(2, 100));
      await tcp.down();
      const during = points(2, 102);
      await expect(transport.sendBatch(during)).rejects.toBeInstanceOf(RetryableError);
      await tcp.up();
      await sendUntilAcked(transport, during);
      await sendUntilAcked(transport, points(2, 104));
    } finally {
      await tcp.close();
    }
    expect(await stored(collector.id)).toEqual([100, 101, 102, 103, 104, 105]);
  });

  it('is refused at connection for an unknown key (close 4401), and HTTP trickle still works beside it', async () => {
    const unknown = 'pa_0000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    await expect(channel(unknown).sendBatch(points(1, 1))).rejects.toBeInstanceOf(AuthRejectedError);
    const collector = await register('channel-http');
    const http = createClient({ url: env.gatewayUrl, token: collector.apiKey });
    const { tricklePoints } = await http.request(TricklePointsDocument, {
      points: [{ timestamp: new Date((clock += 1000)).toISOString(), memUsedMb: 7 }],
    });
    expect(tricklePoints.accepted).toBe(1);
  });
});
