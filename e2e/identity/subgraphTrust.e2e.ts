import { createContext, IDENTITY_HEADER, OPERATION_BATCH_PATH, signIdentity, verifyIdentity } from '@perfanalysis/platform';
import { CollectorsDocument, documentText, MeDocument, RegisterCollectorDocument, TricklePointsDocument } from '@perfanalysis/sdk';
import { buildMetricsSchema } from '../../subgraphs/metrics/src/index.js';
import { directTrickle } from '../../subgraphs/metrics/src/ingest/directTrickle.js';
import { clientFor, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';

async function post(
  url: string,
  query: string,
  headers: Record<string, string>,
): Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: unknown; errors?: { extensions: { code: string } }[] };
}

describe('identity reaches subgraphs only through the gateway', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    await tenant.client.request(RegisterCollectorDocument, { input: { machineId: 'trusted', hostname: 'h' } });
  });
  afterAll(() => env?.stop());

  const forgedIdentity = () =>
    JSON.stringify({
      principal: { kind: 'user', userId: tenant.admin.userId, email: tenant.admin.email, sessionId: 's', role: 'ADMIN' },
      tenant: { id: tenant.id, slug: tenant.slug },
      ip: '10.0.0.1',
      iat: Date.now(),
    });

  it('refuses an identity header a client wrote itself', async () => {
    const header = `${Buffer.from(forgedIdentity()).toString('base64url')}.AAAA`;
    const answer = await post(env.subgraphUrls.collectors, documentText(CollectorsDocument), { [IDENTITY_HEADER]: header });
    expect(answer.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(answer.data ?? null).toBeNull();
  });

  it('refuses an identity header signed with a guessed secret', async () => {
    const identity = JSON.parse(forgedIdentity());
    const answer = await post(env.subgraphUrls.collectors, documentText(CollectorsDocument), {
      [IDENTITY_HEADER]: signIdentity(identity, 'development-only-internal-secret-guess'),
    });
    expect(answer.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('accepts the same identity when the gateway signed it (the control case)', async () => {
    const identity = JSON.parse(forgedIdentity());
    const answer = await post(env.subgraphUrls.collectors, documentText(CollectorsDocument), {
      [IDENTITY_HEADER]: signIdentity(identity, env.runtime.secrets.internalSecret),
    });
    expect(answer.errors).toBeUndefined();
  });

  it('judges each operation of a batch by its own identity, answering as /graphql answers it alone', async () => {
    const query = '{ latestPoints: __typename }';
    const identities = {
      forged: `${Buffer.from(forgedIdentity()).toString('base64url')}.AAAA`,
      guessed: signIdentity(JSON.parse(forgedIdentity()), 'development-only-internal-secret-guess'),
      signed: signIdentity(JSON.parse(forgedIdentity()), env.runtime.secrets.internalSecret),
    };
    const batchUrl = new URL(OPERATION_BATCH_PATH, env.subgraphUrls.metrics);
    const response = await fetch(batchUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.values(identities).map((identity) => ({ identity, query }))),
    });
    const answers = (await response.json()) as { status: number; body: string }[];
    const alone = await Promise.all(
      Object.values(identities).map(async (identity) => {
        const single = await fetch(env.subgraphUrls.metrics, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
          body: JSON.stringify({ query }),
        });
        return { status: single.status, body: await single.text() };
      }),
    );
    expect(answers).toEqual(alone);
    expect(
      answers.map((a) => (JSON.parse(a.body) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code),
    ).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', undefined]);
    const refused = await fetch(batchUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query":"{ __typename }"}',
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('answers a trickle in a batch as /graphql does, whether or not it skips Apollo', async () => {
    const register = (machineId: string) => tenant.client.request(RegisterCollectorDocument, { input: { machineId, hostname: machineId } });
    // Two collectors sent the same points: one in a batch, the other alone (an ack names no collector).
    const [viaBatch, alone] = await Promise.all([register('batched-01'), register('alone-01')]);
    const keyOf = (collectorId: string) =>
      signIdentity(
        {
          principal: { kind: 'collector', collectorId, keyId: 'k', scopes: [] },
          tenant: { id: tenant.id, slug: tenant.slug },
          ip: '10.0.0.1',
        },
        env.runtime.secrets.internalSecret,
      );
    const query = documentText(TricklePointsDocument);
    const at = (ms: number) => new Date(Math.floor(Date.now() / 1000) * 1000 - ms).toISOString();
    const point = (timestamp: string, values: Record<string, unknown> = {}) => ({
      timestamp,
      cpuUser: 10,
      cpuIdle: 90,
      ...values,
      devices: [],
    });
    const stored = point(at(60_000));
    const cases: { name: string; variables: unknown; user?: true; forged?: true }[] = [
      { name: 'valid', variables: { points: [point(at(30_000), { devices: [{ kind: 'CPU', device: 'cpu0', cpuUser: 3 }] })] } },
      { name: 'duplicate', variables: { points: [stored] } },
      { name: 'invalid point', variables: { points: [point(at(20_000), { cpuUser: 250 })] } },
      { name: 'out-of-range float', variables: { points: [point(at(10_000), { memUsedMb: 1e39 })] } },
      { name: 'not a float', variables: { points: [point(at(10_000), { cpuUser: 'ten' })] } },
      { name: 'in the future', variables: { points: [point(new Date(Date.now() + 3_600_000).toISOString())] } },
      { name: 'a user, not a key', variables: { points: [point(at(5_000))] }, user: true },
      { name: 'forged key', variables: { points: [point(at(5_000))] }, forged: true },
    ];
    const identityFor = (c: (typeof cases)[number], collectorId: string) =>
      c.user
        ? signIdentity(JSON.parse(forgedIdentity()), env.runtime.secrets.internalSecret)
        : c.forged
          ? `${Buffer.from(forgedIdentity()).toString('base64url')}.AAAA`
          : keyOf(collectorId);
    const postAlone = async (identity: string, variables: unknown) => {
      const answer = await fetch(env.subgraphUrls.metrics, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: identity },
        body: JSON.stringify({ query, variables }),
      });
      return { status: answer.status, body: await answer.text() };
    };
    for (const { registerCollector } of [viaBatch, alone]) await postAlone(keyOf(registerCollector.collector.id), { points: [stored] });
    const response = await fetch(new URL(OPERATION_BATCH_PATH, env.subgraphUrls.metrics), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        cases.map((c) => ({ identity: identityFor(c, viaBatch.registerCollector.collector.id), query, variables: c.variables })),
      ),
    });
    const answers = (await response.json()) as { status: number; body: string }[];
    const single = await Promise.all(cases.map((c) => postAlone(identityFor(c, alone.registerCollector.collector.id), c.variables)));
    expect(answers).toEqual(single);
    const outcome = (a: { body: string }) => {
      const body = JSON.parse(a.body) as {
        data?: { tricklePoints?: { accepted: number; duplicates: number } };
        errors?: { extensions: { code: string } }[];
      };
      return body.errors?.[0]?.extensions.code ?? `${body.data!.tricklePoints!.accepted}+${body.data!.tricklePoints!.duplicates}`;
    };
    expect(Object.fromEntries(cases.map((c, i) => [c.name, outcome(answers[i]!)]))).toEqual({
      valid: '1+0',
      duplicate: '0+1',
      'invalid point': 'BAD_USER_INPUT',
      'out-of-range float': 'BAD_USER_INPUT',
      'not a float': 'BAD_USER_INPUT',
      'in the future': 'BAD_USER_INPUT',
      'a user, not a key': 'FORBIDDEN',
      'forged key': 'UNAUTHENTICATED',
    });
    // The plain trickles above did skip Apollo; what graphql-js refuses, and users, did not.
    const direct = directTrickle(await buildMetricsSchema());
    const contextOf = (c: (typeof cases)[number]) =>
      createContext(
        env.runtime,
        verifyIdentity(identityFor(c, viaBatch.registerCollector.collector.id), env.runtime.secrets.internalSecret),
        env.runtime.logger,
      );
    const taken: Record<string, boolean> = {};
    for (const c of cases.filter((c) => !c.forged)) {
      const handled = direct({ query, variables: c.variables }, contextOf(c));
      await handled?.result; // the points are stored already: a replay
      taken[c.name] = handled !== undefined;
    }
    expect(taken).toEqual({
      valid: true,
      duplicate: true,
      'invalid point': true,
      'out-of-range float': true,
      'not a float': false,
      'in the future': true,
      'a user, not a key': false,
    });
  });

  it('overwrites an identity header a client sends to the gateway', async () => {
    const smuggled = clientFor(env, undefined, { [IDENTITY_HEADER]: signIdentity(JSON.parse(forgedIdentity()), 'guess') });
    await expect(smuggled.request(CollectorsDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(smuggled.request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
