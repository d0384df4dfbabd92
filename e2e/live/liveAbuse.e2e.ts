import { IDENTITY_HEADER, type RequestIdentity, signIdentity } from '@perfanalysis/platform';
import { LivePointsDocument, LivePointsLeanDocument, LogoutDocument } from '@perfanalysis/sdk';
import { clientFor, connectLive, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import WebSocket from 'ws';
import { registerCollector, type TestCollector } from './liveWorld.js';

describe('live subscriptions refuse what they must', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let web: TestCollector;

  beforeAll(async () => {
    // Credentials of open connections are checked every second here (10 s by default).
    env = await createTestEnvironment({ env: { LIVE_REAUTH: '1s' } });
    tenant = await newTenant(env);
    web = await registerCollector(tenant, 'web-01');
  });

  afterAll(() => env?.stop());

  const identityOf = (t: TestTenant): RequestIdentity => ({
    principal: { kind: 'user', userId: t.admin.userId, email: t.admin.email, sessionId: 's', role: 'ADMIN' },
    tenant: { id: t.id, slug: t.slug },
    ip: '127.0.0.1',
  });

  it('closes an unauthenticated gateway connection with 4401', async () => {
    const anonymous = connectLive(env.gatewayUrl);
    expect(await anonymous.closed).toMatchObject({ code: 4401, reason: 'Unauthorized' });
    const forgedToken = connectLive(env.gatewayUrl, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl');
    expect(await forgedToken.closed).toMatchObject({ code: 4401 });
  });

  it('closes a connection that never sends connection_init (graphql-ws timeout, 4408)', async () => {
    const socket = new WebSocket(env.gatewayUrl.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
  });

  it('refuses a metrics subgraph connection without, or with a forged or stale, gateway identity', async () => {
    const missing = connectLive(env.subgraphUrls.metrics, undefined, { connectionParams: {} });
    expect(await missing.closed).toMatchObject({ code: 4401 });
    const forged = connectLive(env.subgraphUrls.metrics, undefined, {
      connectionParams: { [IDENTITY_HEADER]: signIdentity(identityOf(tenant), 'not-the-internal-secret') },
    });
    expect(await forged.closed).toMatchObject({ code: 4403 });
    const stale = connectLive(env.subgraphUrls.metrics, undefined, {
      connectionParams: { [IDENTITY_HEADER]: signIdentity(identityOf(tenant), env.runtime.secrets.internalSecret, Date.now() - 600_000) },
    });
    expect(await stale.closed).toMatchObject({ code: 4403 });
  });

  it('serves the metrics subgraph only the tenant of a validly signed identity', async () => {
    const direct = connectLive(env.subgraphUrls.metrics, undefined, {
      connectionParams: { [IDENTITY_HEADER]: signIdentity(identityOf(tenant), env.runtime.secrets.internalSecret) },
    });
    try {
      const sub = direct.subscribe(LivePointsLeanDocument, { collectorIds: ['00000000-0000-4000-8000-000000000000'] });
      await sub.end();
      expect(sub.errors[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await direct.close();
    }
  });

  it('ends live views of a session that logged out (UNAUTHENTICATED with resumeFrom), then closes 4401', async () => {
    const session = await newTenant(env);
    const mine = await registerCollector(session, 'mine-01');
    const connection = connectLive(env.gatewayUrl, session.session.accessToken);
    const sub = connection.subscribe(LivePointsDocument, { collectorIds: [mine.id] });
    await new Promise((r) => setTimeout(r, 300));
    await clientFor(env, session.session.accessToken).request(LogoutDocument);
    expect(await sub.end(5_000)).toBe('error');
    expect(sub.errors[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(typeof sub.errors[0]?.extensions?.resumeFrom).toBe('string');
    expect(await connection.closed).toMatchObject({ code: 4401 });
    expect(web.id).not.toBe(mine.id);
  }, 15_000);
});
