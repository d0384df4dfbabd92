import { createLogger, loadConfig, resolveSecrets, type SecretReader } from '@perfanalysis/platform';
import { Writable } from 'node:stream';

function capture(): { logger: ReturnType<typeof createLogger>; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _e, done) => (chunks.push(chunk.toString()), done()) });
  const { pino } = jest.requireActual<typeof import('pino')>('pino');
  const logger = pino({ level: 'info' }, sink) as unknown as ReturnType<typeof createLogger>;
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

const vault = (values: Record<string, string>): SecretReader => ({ source: 'azure-key-vault', get: async (name) => values[name] });

describe('resolveSecrets', () => {
  it('prefers the vault, falls back to the environment, and logs each source but never a value', async () => {
    const { logger, lines } = capture();
    const config = loadConfig({ JWT_SIGNING_KEY: 'env-jwt-key', SENTRY_DSN: 'https://dsn.example/1' });
    const secrets = await resolveSecrets(config, logger, vault({ 'internal-secret': 'vault-internal' }));
    expect(secrets).toMatchObject({
      jwtSigningKey: 'env-jwt-key',
      internalSecret: 'vault-internal',
      sentryDsn: 'https://dsn.example/1',
      databaseUrl: undefined,
    });
    const sources = Object.fromEntries(lines().map((l) => [l.secret, l.source]));
    expect(sources).toEqual({
      'jwt-signing-key': 'environment',
      'internal-secret': 'azure-key-vault',
      'database-url': 'unset',
      'sentry-dsn': 'environment',
    });
    const text = JSON.stringify(lines());
    for (const value of ['env-jwt-key', 'vault-internal', 'dsn.example']) expect(text).not.toContain(value);
  });

  it('uses development defaults in the test environment only where nothing else is set, and says so', async () => {
    const { logger, lines } = capture();
    const secrets = await resolveSecrets(loadConfig({ NODE_ENV: 'test' }), logger);
    expect(secrets.jwtSigningKey).toMatch(/development-only/);
    expect(lines().find((l) => l.secret === 'jwt-signing-key')?.source).toBe('development-default');
  });
});
