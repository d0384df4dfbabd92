import { announceTenantActivity } from '@perfanalysis/platform';
import {
  AddDomainDocument,
  CollectorsDocument,
  CurrentTenantDocument,
  RegisterCollectorDocument,
  RevokeApiKeysDocument,
  RotateApiKeyDocument,
  SetApiKeyScopesDocument,
  SetTenantActiveDocument,
  TricklePointsDocument,
} from '@perfanalysis/sdk';
import {
  afterKeyChange,
  afterTenantChange,
  clientFor,
  connectLive,
  createTestEnvironment,
  type LiveConnection,
  newTenant,
  type TestEnvironment,
  type TestTenant,
} from '@perfanalysis/testenv';

let clock = Math.floor(Date.now() / 1000) * 1000 - 600_000;
const onePoint = () => ({ points: [{ timestamp: new Date((clock += 1000)).toISOString(), memUsedMb: 1 }] });

/** One trickle over the agent channel: its acknowledgement's `accepted`. */
async function channelSend(live: LiveConnection): Promise<number> {
  const message = live.subscribe(TricklePointsDocument, onePoint());
  const [ack] = await message.until((data) => data.length === 1);
  return ack!.tricklePoints.accepted;
}

/**
 * The gateway keeps verified API keys in process and drops them when a change is announced on
 * `api-key-changed` (docs/ingest.md "API keys at the gateway"). LIVE_REAUTH is an hour here, so
 * an agent channel closed after a change was closed by the announcement, not by a periodic re-check.
 */
describe('API-key changes take effect at once', () => {
  let env: TestEnvironment;
  let a: TestTenant;
  let b: TestTenant;
  const sockets: LiveConnection[] = [];
  const channel = (key: string, host?: string) => {
    const live = connectLive(env.gatewayUrl, key, { host });
    sockets.push(live);
    return live;
  };
  const register = async (tenant: TestTenant, machineId: string) => {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, { input: { machineId, hostname: machineId } });
    return { id: registerCollector.collector.id, apiKey: registerCollector.apiKey };
  };
  const httpTrickle = (key: string, host?: string) =>
    clientFor(env, key, host ? { host } : undefined).request(TricklePointsDocument, onePoint());

  beforeAll(async () => {
    env = await createTestEnvironment({ env: { LIVE_REAUTH: '1h', API_KEY_GRACE: '0' } });
    [a, b] = [await newTenant(env), await newTenant(env)];
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });
  afterAll(() => env?.stop());

  it('revoked through the API: the open agent channel closes with 4401 and the next HTTP trickle is refused', async () => {
    const collector = await register(a, 'revoked');
    const live = channel(collector.apiKey);
    expect(await channelSend(live)).toBe(1);
    expect((await httpTrickle(collector.apiKey)).tricklePoints.accepted).toBe(1);
    await afterKeyChange(env, a.id, () => a.client.request(RevokeApiKeysDocument, { collectorId: collector.id }));
    expect((await live.closed).code).toBe(4401);
    await expect(httpTrickle(collector.apiKey)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await channel(collector.apiKey).closed).code).toBe(4401);
  });

  it('rotated without grace: the new key works and the old one is refused at once, its channel closed', async () => {
    const collector = await register(a, 'rotated');
    const old = channel(collector.apiKey);
    expect(await channelSend(old)).toBe(1);
    const { rotateApiKey } = await afterKeyChange(env, a.id, () => a.client.request(RotateApiKeyDocument, { collectorId: collector.id }));
    expect((await old.closed).code).toBe(4401);
    await expect(httpTrickle(collector.apiKey)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await httpTrickle(rotateApiKey.apiKey)).tricklePoints.accepted).toBe(1);
    expect(await channelSend(channel(rotateApiKey.apiKey))).toBe(1);
  });

  it('a scope change applies to the very next request', async () => {
    const collector = await register(a, 'scoped');
    const key = clientFor(env, collector.apiKey);
    await expect(key.request(CollectorsDocument)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await afterKeyChange(env, a.id, () => a.client.request(SetApiKeyScopesDocument, { collectorId: collector.id, scopes: ['READ'] }));
    expect((await key.request(CollectorsDocument)).collectors.map((c) => c.id)).toContain(collector.id);
    await afterKeyChange(env, a.id, () => a.client.request(SetApiKeyScopesDocument, { collectorId: collector.id, scopes: [] }));
    await expect(key.request(CollectorsDocument)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("another tenant cannot revoke a key, its changes leave the key working, and its key stays refused under this tenant's domain", async () => {
    const mine = await register(a, 'kept');
    const theirs = await register(b, 'theirs');
    const aDomain = `${a.slug.replace(/_/g, '-')}.example.test`;
    await a.client.request(AddDomainDocument, { host: aDomain, primary: true });
    const live = channel(mine.apiKey);
    expect(await channelSend(live)).toBe(1);
    await expect(b.client.request(RevokeApiKeysDocument, { collectorId: mine.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await afterKeyChange(env, b.id, () => b.client.request(RevokeApiKeysDocument, { collectorId: theirs.id }));
    // B's change named only B's keys: A's channel and HTTP trickle go on.
    expect(await channelSend(live)).toBe(1);
    expect((await httpTrickle(mine.apiKey)).tricklePoints.accepted).toBe(1);
    const other = await register(b, 'theirs-2');
    await expect(httpTrickle(other.apiKey, aDomain)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await afterKeyChange(env, a.id, () => a.client.request(SetApiKeyScopesDocument, { collectorId: mine.id, scopes: ['READ'] }));
    await expect(httpTrickle(other.apiKey, aDomain)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await channel(other.apiKey, aDomain).closed).code).toBe(4403);
  });

  it('a deactivated tenant: its channel closes, its key and token are refused at once, another tenant goes on; the operator reactivates it at once', async () => {
    const c = await newTenant(env);
    const collector = await register(c, 'deactivated');
    const theirs = await register(b, 'unaffected');
    const live = channel(collector.apiKey);
    expect(await channelSend(live)).toBe(1);
    expect((await httpTrickle(collector.apiKey)).tricklePoints.accepted).toBe(1);
    // The gateway now holds the key and the ADMIN's seat: only the announcement can drop them in time.
    expect((await c.client.request(CurrentTenantDocument)).currentTenant.active).toBe(true);
    await afterTenantChange(env, c.id, () => c.client.request(SetTenantActiveDocument, { active: false }));
    expect((await live.closed).code).toBe(4401);
    await expect(httpTrickle(collector.apiKey)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(c.client.request(CurrentTenantDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await httpTrickle(theirs.apiKey)).tricklePoints.accepted).toBe(1);
    // The tenant's own ADMIN is locked out now: reactivating is the operator's (`npm run admin`), announced the same way.
    // What `npm run admin -- activate-tenant` does, on the environment's database and Redis.
    await afterTenantChange(env, c.id, async () => {
      await env.runtime.db.pool.query('UPDATE public.tenants SET active = true WHERE id = $1', [c.id]);
      await announceTenantActivity(env.runtime.pubsub, c.id, env.runtime.logger);
    });
    expect((await c.client.request(CurrentTenantDocument)).currentTenant.active).toBe(true);
    expect((await httpTrickle(collector.apiKey)).tricklePoints.accepted).toBe(1);
    expect(await channelSend(channel(collector.apiKey))).toBe(1);
  }, 180_000);
});
