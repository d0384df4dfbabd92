import { ConfigError, loadConfig } from '@perfanalysis/platform';

describe('loadConfig', () => {
  it('falls back to documented defaults when variables are unset', () => {
    const config = loadConfig({});
    expect(config.ports.gateway).toBe(4000);
    expect(config.database.url).toBeUndefined();
    expect(config.redis.prefix).toBe('pa:');
    expect(config.auth.accessTokenTtlMs).toBe(15 * 60_000);
    expect(config.auth.refreshTokenTtlMs).toBe(7 * 86_400_000);
    expect(config.limits).toMatchObject({
      authPerMinute: 5,
      apiPerMinute: 60,
      uploadPerMinute: 60,
      uploadBytesPerMinute: 1024 ** 3,
      tricklePerMinute: 120,
      httpKeepAliveMs: 65_000,
    });
    expect(config.subgraphUrls.metrics).toBe('http://127.0.0.1:4004/graphql');
    expect(config.sandbox).toBe(true);
  });

  it('treats empty as unset but names the variable that cannot be parsed', () => {
    expect(loadConfig({ GATEWAY_PORT: '' }).ports.gateway).toBe(4000);
    expect(() => loadConfig({ GATEWAY_PORT: 'four' })).toThrow(new ConfigError('GATEWAY_PORT', 'expected an integer, got "four"'));
    expect(() => loadConfig({ ACCESS_TOKEN_TTL: '15 minutes' })).toThrow(/ACCESS_TOKEN_TTL/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });

  it('reads durations with units', () => {
    expect(loadConfig({ ACCESS_TOKEN_TTL: '90s', REFRESH_TOKEN_TTL: '2d' }).auth).toMatchObject({
      accessTokenTtlMs: 90_000,
      refreshTokenTtlMs: 172_800_000,
    });
  });

  it('never echoes a database password in an error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u:hunter2@db/x' })).toThrow(/postgres/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url with :hunter2@' })).toThrow(/^DATABASE_URL: not a URL \(value not shown/);
  });

  it('refuses development fallbacks in production, naming what is missing', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', REDIS_URL: 'redis://r' })).toThrow(
      /INTERNAL_SECRET/,
    );
    const ok = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/x',
      REDIS_URL: 'redis://r',
      INTERNAL_SECRET: 's',
      JWT_SIGNING_KEY: 'k',
    });
    expect(ok.sandbox).toBe(false);
  });
});
