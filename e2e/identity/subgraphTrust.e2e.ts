import { IDENTITY_HEADER, OPERATION_BATCH_PATH, signIdentity } from '@perfanalysis/platform';
import { CollectorsDocument, documentText, MeDocument, RegisterCollectorDocument } from '@perfanalysis/sdk';
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

  it('overwrites an identity header a client sends to the gateway', async () => {
    const smuggled = clientFor(env, undefined, { [IDENTITY_HEADER]: signIdentity(JSON.parse(forgedIdentity()), 'guess') });
    await expect(smuggled.request(CollectorsDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(smuggled.request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
