import { createTestEnvironment, type TestEnvironment } from '@perfanalysis/testenv';
import { postGraphql } from './securityWorld.js';

describe('a production gateway hides its schema and its internals', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({
      env: {
        NODE_ENV: 'production',
        INTERNAL_SECRET: 'production-test-internal-secret',
        JWT_SIGNING_KEY: 'production-test-jwt-signing-key-0123456789',
      },
    });
  });
  afterAll(() => env?.stop());

  it('refuses introspection', async () => {
    const answer = await postGraphql(env, { query: '{ __schema { types { name } } }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.body.data).toBeUndefined();
  });

  it('gives no field suggestions', async () => {
    const answer = await postGraphql(env, { query: '{ collectorz { id } }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(answer.body.errors?.[0]?.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('answers errors with a code and a safe message only', async () => {
    const answer = await postGraphql(env, { query: '{ me { id } }' });
    for (const error of answer.body.errors ?? []) {
      expect(Object.keys(error.extensions ?? {})).toEqual(['code']);
      expect(JSON.stringify(error)).not.toMatch(/stack|serviceName|at \//);
    }
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
