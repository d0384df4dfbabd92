import { ANONYMOUS, IDENTITY_HEADER, signIdentity } from '@perfanalysis/platform';
import { createTestEnvironment, readMetrics, TEST_METRICS_TOKEN, type TestEnvironment } from '@perfanalysis/testenv';

describe('/metrics (docs/security.md "/metrics")', () => {
  let env: TestEnvironment;
  beforeAll(async () => {
    env = await createTestEnvironment();
  });
  afterAll(() => env?.stop());

  const status = async (url: string, headers: Record<string, string> = {}) => (await fetch(new URL('/metrics', url), { headers })).status;

  it('refuses callers without the token, on the gateway and on every subgraph', async () => {
    for (const url of [env.gatewayUrl, ...Object.values(env.subgraphUrls)]) {
      expect(await status(url)).toBe(401);
      expect(await status(url, { authorization: `Bearer ${TEST_METRICS_TOKEN}x` })).toBe(401);
      expect(await status(url, { authorization: `Bearer ${TEST_METRICS_TOKEN}` })).toBe(200);
    }
    const body = await (await fetch(new URL('/metrics', env.gatewayUrl))).json();
    expect(body).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
  });

  it('answers processes holding the internal secret', async () => {
    const internal = signIdentity(ANONYMOUS('127.0.0.1'), env.runtime.secrets.internalSecret);
    expect(await status(env.subgraphUrls.metrics, { [IDENTITY_HEADER]: internal })).toBe(200);
    expect(await status(env.subgraphUrls.metrics, { [IDENTITY_HEADER]: signIdentity(ANONYMOUS('127.0.0.1'), 'guess') })).toBe(401);
  });

  it('labels operations the SDK does not know as `other`: callers cannot create series', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `Invented${i}x${Date.now()}`);
    for (const name of names) {
      await fetch(env.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `query ${name} { __typename }`, operationName: name }),
      });
    }
    const text = await readMetrics(env.gatewayUrl);
    for (const name of names) expect(text).not.toContain(name);
    expect(text).toMatch(/graphql_requests_total\{operation="other",type="query",service="gateway"\} ([2-9]\d|\d{3,})/);
  });
});
