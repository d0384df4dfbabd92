import { ConfigError, createLogger, loadConfig, resolveSecrets } from '@perfanalysis/platform';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';

function silentLogger(sink: string[]): ReturnType<typeof createLogger> {
  const { pino } = jest.requireActual<typeof import('pino')>('pino');
  const stream = new Writable({ write: (chunk: Buffer, _e, done) => (sink.push(chunk.toString()), done()) });
  return pino({ level: 'info' }, stream) as unknown as ReturnType<typeof createLogger>;
}

describe('secrets of a start nobody configured (docs/security.md "Generated secrets")', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pa-secrets-'));
  const file = path.join(dir, 'data', 'secrets.json');

  it('generates random secrets on first start, keeps them 0600 and never logs them', async () => {
    const lines: string[] = [];
    const config = loadConfig({ SECRETS_FILE: file });
    const first = await resolveSecrets(config, silentLogger(lines));
    expect(first.jwtSigningKey).not.toMatch(/development-only/);
    expect(first.jwtSigningKey.length).toBeGreaterThanOrEqual(64);
    expect(first.internalSecret).not.toBe(first.jwtSigningKey);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ jwtSigningKey: first.jwtSigningKey, internalSecret: first.internalSecret });
    const again = await resolveSecrets(config, silentLogger(lines));
    expect(again).toMatchObject({ jwtSigningKey: first.jwtSigningKey, internalSecret: first.internalSecret });
    const log = lines.join('');
    expect(log).toContain('generated-file');
    expect(log).not.toContain(first.jwtSigningKey);
    expect(log).not.toContain(first.internalSecret);
  });

  it('lets the environment override the generated secrets', async () => {
    const config = loadConfig({ SECRETS_FILE: file, JWT_SIGNING_KEY: 'operator-chosen-key' });
    expect((await resolveSecrets(config, silentLogger([]))).jwtSigningKey).toBe('operator-chosen-key');
  });

  it('refuses the published development values outside the test environment', async () => {
    const published = 'development-only-jwt-signing-key-do-not-use-in-production';
    await expect(resolveSecrets(loadConfig({ SECRETS_FILE: file, JWT_SIGNING_KEY: published }), silentLogger([]))).rejects.toThrow(
      ConfigError,
    );
    const internal = 'development-only-internal-secret-do-not-use-in-production';
    await expect(resolveSecrets(loadConfig({ SECRETS_FILE: file, INTERNAL_SECRET: internal }), silentLogger([]))).rejects.toThrow(
      /INTERNAL_SECRET/,
    );
  });

  it('binds the gateway and the subgraphs to loopback unless told otherwise', () => {
    expect(loadConfig({}).bind).toEqual({ gateway: '127.0.0.1', subgraphs: '127.0.0.1' });
    expect(loadConfig({ BIND_ADDRESS: '0.0.0.0', SUBGRAPH_BIND_ADDRESS: '10.0.0.5' }).bind).toEqual({
      gateway: '0.0.0.0',
      subgraphs: '10.0.0.5',
    });
  });
});
