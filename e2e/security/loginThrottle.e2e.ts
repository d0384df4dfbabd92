import { LoginDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, signUp, type TestEnvironment, type TestUser } from '@perfanalysis/testenv';
import { fromIp, op, postGraphql, type RawAnswer } from './securityWorld.js';

/** Three free failures, then a wait far longer than the test, so no clock decides an outcome. */
const FREE_FAILURES = 3;
const BACKOFF_BASE_SECONDS = 3600;

describe('per-account login throttling (docs/security.md "Login throttling")', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment({
      env: {
        LOGIN_FREE_FAILURES: String(FREE_FAILURES),
        LOGIN_BACKOFF_BASE: `${BACKOFF_BASE_SECONDS}s`,
        LOGIN_BACKOFF_MAX: '4h',
        // Lets each attempt come from its own address (X-Forwarded-For from the loopback "proxy").
        TRUSTED_PROXIES: '127.0.0.1',
      },
    });
  });
  afterAll(() => env?.stop());

  const login = (email: string, password: string, ip: string): Promise<RawAnswer> =>
    postGraphql(env, op(LoginDocument, { input: { email, password } }), fromIp(ip));
  const codeOf = (answer: RawAnswer) => answer.body.errors?.[0]?.extensions?.code ?? 'OK';

  /** Wrong passwords from a new address each time, until one past the free failures. */
  async function failFromManyAddresses(email: string, subnet: string): Promise<RawAnswer[]> {
    const answers: RawAnswer[] = [];
    for (let i = 0; i <= FREE_FAILURES; i++) answers.push(await login(email, 'Wrong-password-42', `${subnet}.${i + 1}`));
    return answers;
  }

  it('backs off failures from many addresses, and holds back even the right password from a new address', async () => {
    const user: TestUser = await signUp(env);
    const answers = await failFromManyAddresses(user.email, '10.31.0');
    expect(answers.map(codeOf)).toEqual([...Array<string>(FREE_FAILURES).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
    // The wait counts down from the last failure, so a slow machine may already have spent a second of it.
    const retryAfter = answers.at(-1)!.body.errors?.[0]?.extensions?.retryAfter as number;
    expect(retryAfter).toBeLessThanOrEqual(BACKOFF_BASE_SECONDS);
    expect(retryAfter).toBeGreaterThan(BACKOFF_BASE_SECONDS / 2);
    expect(codeOf(await login(user.email, user.password, '10.31.1.1'))).toBe('RATE_LIMITED');
  });

  it("does not hold back an address that logged in to the account before: strangers' failures cannot lock the owner out", async () => {
    const user = await signUp(env);
    expect(codeOf(await login(user.email, user.password, '10.32.9.9'))).toBe('OK');
    await failFromManyAddresses(user.email, '10.32.0');
    expect(codeOf(await login(user.email, user.password, '10.32.1.1'))).toBe('RATE_LIMITED');

    const owner = await login(user.email, user.password, '10.32.9.9');
    expect(codeOf(owner)).toBe('OK');
    expect(owner.body.data).toMatchObject({ login: { accessToken: expect.any(String) } });
  });

  it("a known address's own wrong passwords slow only that address", async () => {
    const user = await signUp(env);
    expect(codeOf(await login(user.email, user.password, '10.33.9.9'))).toBe('OK');
    const own: RawAnswer[] = [];
    for (let i = 0; i <= FREE_FAILURES; i++) own.push(await login(user.email, 'Wrong-password-42', '10.33.9.9'));
    expect(own.map(codeOf).at(-1)).toBe('RATE_LIMITED');
    expect(codeOf(await login(user.email, user.password, '10.33.5.5'))).toBe('OK');
  });

  it('throttles an e-mail without an account exactly like one with an account', async () => {
    const existing = await signUp(env);
    const forExisting = await failFromManyAddresses(existing.email, '10.34.0');
    const forUnknown = await failFromManyAddresses('nobody-at-all@example.test', '10.35.0');
    const shape = (answers: RawAnswer[]) => answers.map((a) => ({ status: a.status, errors: a.body.errors, data: a.body.data }));
    expect(shape(forUnknown)).toEqual(shape(forExisting));
  });
});
