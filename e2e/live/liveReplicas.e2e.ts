import { LivePointsDocument, LivePointsLeanDocument } from '@perfanalysis/sdk';
import { connect, createServer, type Server, type Socket } from 'node:net';
import {
  connectLive,
  createTestEnvironment,
  newTenant,
  redisAvailable,
  type Replica,
  startReplica,
  type TestEnvironment,
  type TestTenant,
} from '@perfanalysis/testenv';
import { gauge, instants, pointAt, registerCollector, sleep, trickle, untilLive, valuesOf, type TestCollector } from './liveWorld.js';

const describeWithRedis = redisAvailable() ? describe : describe.skip;

describeWithRedis('two gateways and two metrics services on one Redis', () => {
  let env: TestEnvironment;
  let replica: Replica;
  let tenant: TestTenant;
  let web: TestCollector;
  const connections: { close(): Promise<void> }[] = [];
  const live = (url: string) => {
    const connection = connectLive(url, tenant.session.accessToken);
    connections.push(connection);
    return connection;
  };

  beforeAll(async () => {
    env = await createTestEnvironment({ redis: true });
    // Gateway 2 in front of metrics 2: own processes' worth of runtime, same database and Redis prefix.
    replica = await startReplica(env);
    tenant = await newTenant(env);
    web = await registerCollector(tenant, 'web-01');
  });

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await replica?.stop();
    await env?.stop();
  });

  it('a point trickled through gateway 1 reaches each subscriber of either gateway exactly once', async () => {
    const full = live(replica.gatewayUrl).subscribe(LivePointsDocument, { collectorIds: [web.id] });
    const all = live(replica.gatewayUrl).subscribe(LivePointsLeanDocument, {});
    const onOne = live(env.gatewayUrl).subscribe(LivePointsLeanDocument, { collectorIds: [web.id] });
    const subs = [full, all, onOne];
    await untilLive(env, web, subs);
    expect(await gauge(replica.gatewayUrl, 'subscription_upstreams_open')).toBe(2);

    const times = instants(10, 30_000);
    await trickle(
      env,
      web,
      times.map((t, i) => pointAt(t, i + 1)),
    );
    for (const sub of subs) await sub.until((d) => valuesOf(d).length >= 10);
    await sleep(500);
    for (const sub of subs) expect(valuesOf(sub.data)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(full.data.at(-1)!.livePoints.collector.hostname).toBe(web.hostname);
  });

  it('a metrics replica lost under live views ends them with SERVICE_UNAVAILABLE and resumeFrom; resuming misses nothing', async () => {
    const lost = await registerCollector(tenant, 'lost-01');
    const times = instants(8, 20_000);
    const sub = live(replica.gatewayUrl).subscribe(LivePointsLeanDocument, {
      collectorIds: [lost.id],
      since: new Date(times[0]! - 1).toISOString(),
    });
    await trickle(
      env,
      lost,
      times.slice(0, 5).map((t, i) => pointAt(t, i + 1)),
    );
    await sub.until((d) => valuesOf(d).length >= 5);

    await replica.stopMetrics();
    expect(await sub.end(10_000)).toBe('error');
    const failure = sub.errors[0]!;
    expect(failure.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
    const resumeFrom = failure.extensions!.resumeFrom as string;
    expect(Date.parse(resumeFrom)).toBeLessThanOrEqual(times[4]!);

    // Meanwhile the agent keeps sending (through gateway 1, to metrics 1).
    await trickle(
      env,
      lost,
      times.slice(5).map((t, i) => pointAt(t, i + 6)),
    );
    const resumed = live(env.gatewayUrl).subscribe(LivePointsLeanDocument, { collectorIds: [lost.id], since: resumeFrom });
    await resumed.until((d) => valuesOf(d).includes(8));
    const seen = new Set([...valuesOf(sub.data), ...valuesOf(resumed.data)]);
    expect([...seen].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // The replica's gateway is still up.
    expect((await fetch(new URL('/healthz', replica.gatewayUrl))).status).toBe(200);
  }, 30_000);
});

describeWithRedis('a gateway whose metrics connection breaks without a goodbye', () => {
  let env: TestEnvironment;
  let replica: Replica;
  let tenant: TestTenant;
  const sockets = new Set<Socket>();
  let proxy: Server;

  beforeAll(async () => {
    env = await createTestEnvironment({ redis: true });
    // Gateway 2 reaches metrics through a TCP proxy the test can cut (a crashed host, a dead link).
    const target = new URL(env.subgraphUrls.metrics);
    proxy = createServer((inbound) => {
      const outbound = connect(Number(target.port), target.hostname);
      for (const [a, b] of [
        [inbound, outbound],
        [outbound, inbound],
      ] as const) {
        sockets.add(a);
        a.pipe(b);
        a.on('error', () => b.destroy());
        a.on('close', () => sockets.delete(a));
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const metricsUrl = `http://127.0.0.1:${(proxy.address() as { port: number }).port}/graphql`;
    replica = await startReplica(env, { metrics: false, metricsUrl });
    tenant = await newTenant(env);
  });

  afterAll(async () => {
    await replica?.stop();
    proxy?.close();
    await env?.stop();
  });

  it('ends live views with SERVICE_UNAVAILABLE and the resume point of what each client received', async () => {
    const web = await registerCollector(tenant, 'cut-01');
    const times = instants(6, 20_000);
    const connection = connectLive(replica.gatewayUrl, tenant.session.accessToken);
    const resumedConnection = connectLive(env.gatewayUrl, tenant.session.accessToken);
    try {
      const sub = connection.subscribe(LivePointsLeanDocument, { collectorIds: [web.id], since: new Date(times[0]! - 1).toISOString() });
      await trickle(
        env,
        web,
        times.slice(0, 3).map((t, i) => pointAt(t, i + 1)),
      );
      await sub.until((d) => valuesOf(d).length >= 3);
      for (const socket of sockets) socket.destroy();
      expect(await sub.end(10_000)).toBe('error');
      expect(sub.errors[0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', resumeFrom: new Date(times[2]!).toISOString() });

      await trickle(
        env,
        web,
        times.slice(3).map((t, i) => pointAt(t, i + 4)),
      );
      const resumed = resumedConnection.subscribe(LivePointsLeanDocument, {
        collectorIds: [web.id],
        since: sub.errors[0]!.extensions!.resumeFrom as string,
      });
      await resumed.until((d) => valuesOf(d).includes(6));
      expect([...valuesOf(sub.data), ...valuesOf(resumed.data)]).toEqual([1, 2, 3, 4, 5, 6]);
    } finally {
      await connection.close();
      await resumedConnection.close();
    }
  });
});
