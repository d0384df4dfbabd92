import { boolOr, ConfigError, durationOr, type Env, intOr, oneOf, optionalString, stringOr, urlOr } from './env.js';

export const SERVICE_NAMES = ['identity', 'tenancy', 'collectors', 'metrics', 'reports'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Every setting of the platform, read once from the environment. */
export interface Config {
  /** @default 'development' */
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** @default 'info' */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly database: {
    /** Unset means: start the embedded PostgreSQL owned by the project. */
    readonly url: string | undefined;
    /** @default './.data/postgres' */
    readonly embeddedDir: string;
    /** @default 54329 */
    readonly embeddedPort: number;
    /** @default 10 */
    readonly poolSize: number;
  };
  readonly redis: {
    /** Unset means: in-process pub/sub and key-value store (single process only). */
    readonly url: string | undefined;
    /** Every channel and key starts with this. @default 'pa:' */
    readonly prefix: string;
  };
  readonly ports: Readonly<Record<ServiceName | 'gateway', number>>;
  /** Where the gateway reaches each subgraph. @default http://127.0.0.1:<port>/graphql */
  readonly subgraphUrls: Readonly<Record<ServiceName, string>>;
  readonly auth: {
    /** HS256 signing key of access and refresh tokens (a secret: Key Vault capable). */
    readonly jwtSigningKey: string | undefined;
    /** @default 'k1' */
    readonly jwtKeyId: string;
    /** Earlier keys still accepted during rotation: `kid:key,kid:key`. */
    readonly jwtPreviousKeys: string | undefined;
    /** @default 15 minutes */
    readonly accessTokenTtlMs: number;
    /** @default 7 days */
    readonly refreshTokenTtlMs: number;
    /** Key of the HMAC the gateway signs forwarded identities with. */
    readonly internalSecret: string | undefined;
    /** How long a rotated API key keeps working. @default 24 hours */
    readonly apiKeyGraceMs: number;
  };
  readonly limits: {
    /** Requests per minute. @default 5 / 60 / 10 / 120 */
    readonly authPerMinute: number;
    readonly apiPerMinute: number;
    readonly uploadPerMinute: number;
    readonly tricklePerMinute: number;
    /** @default 100 MB */
    readonly uploadMaxBytes: number;
    /** @default 1,000,000 */
    readonly uploadMaxRows: number;
    /** Oldest timestamp an upload may carry. @default 30 days */
    readonly uploadMaxAgeMs: number;
    /** How far in the future a timestamp may be. @default 5 minutes */
    readonly futureSkewMs: number;
  };
  readonly live: {
    /** Events buffered per subscriber at the gateway; beyond, the oldest are dropped. @default 1000 */
    readonly clientBuffer: number;
    /** Oldest `since` a live subscription replays from. @default 24 hours */
    readonly replayMaxAgeMs: number;
    /** Most stored points one `since` replay sends. @default 100,000 */
    readonly replayMaxPoints: number;
    /** How long live views wait for a lost pub/sub connection before ending with a resumable error. @default 10 s */
    readonly outageGraceMs: number;
    /** How long fields of other subgraphs in live payloads are reused (per tenant and role). @default 5 s */
    readonly entityCacheMs: number;
    /** How often the gateway checks a graphql-ws connection's credentials again (logout, revocation, expiry). @default 10 s */
    readonly reauthMs: number;
  };
  readonly azureKeyVaultUrl: string | undefined;
  readonly sentryDsn: string | undefined;
  /** Origins allowed by CORS; empty means same-origin only. */
  readonly corsOrigins: readonly string[];
  /** Apollo Sandbox landing page; never in production. */
  readonly sandbox: boolean;
}

function port(env: Env, name: string, fallback: number): number {
  return intOr(env, name, fallback, 0, 65535);
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const ports = {
    gateway: port(env, 'GATEWAY_PORT', 4000),
    identity: port(env, 'IDENTITY_PORT', 4001),
    tenancy: port(env, 'TENANCY_PORT', 4002),
    collectors: port(env, 'COLLECTORS_PORT', 4003),
    metrics: port(env, 'METRICS_PORT', 4004),
    reports: port(env, 'REPORTS_PORT', 4005),
  };
  const subgraphUrl = (name: ServiceName): string =>
    urlOr(env, `${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`, ['http:', 'https:'])!;
  const config: Config = {
    nodeEnv,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    database: {
      url: urlOr(env, 'DATABASE_URL', undefined, ['postgres:', 'postgresql:']),
      embeddedDir: stringOr(env, 'EMBEDDED_PG_DIR', './.data/postgres'),
      embeddedPort: port(env, 'EMBEDDED_PG_PORT', 54329),
      poolSize: intOr(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    },
    redis: {
      url: urlOr(env, 'REDIS_URL', undefined, ['redis:', 'rediss:']),
      prefix: stringOr(env, 'REDIS_PREFIX', 'pa:'),
    },
    ports,
    subgraphUrls: {
      identity: subgraphUrl('identity'),
      tenancy: subgraphUrl('tenancy'),
      collectors: subgraphUrl('collectors'),
      metrics: subgraphUrl('metrics'),
      reports: subgraphUrl('reports'),
    },
    auth: {
      jwtSigningKey: optionalString(env, 'JWT_SIGNING_KEY'),
      jwtKeyId: stringOr(env, 'JWT_KEY_ID', 'k1'),
      jwtPreviousKeys: optionalString(env, 'JWT_PREVIOUS_KEYS'),
      accessTokenTtlMs: durationOr(env, 'ACCESS_TOKEN_TTL', 15 * 60_000),
      refreshTokenTtlMs: durationOr(env, 'REFRESH_TOKEN_TTL', 7 * 86_400_000),
      internalSecret: optionalString(env, 'INTERNAL_SECRET'),
      apiKeyGraceMs: durationOr(env, 'API_KEY_GRACE', 86_400_000),
    },
    limits: {
      authPerMinute: intOr(env, 'RATE_LIMIT_AUTH', 5, 1),
      apiPerMinute: intOr(env, 'RATE_LIMIT_API', 60, 1),
      uploadPerMinute: intOr(env, 'RATE_LIMIT_UPLOAD', 10, 1),
      tricklePerMinute: intOr(env, 'RATE_LIMIT_TRICKLE', 120, 1),
      uploadMaxBytes: intOr(env, 'UPLOAD_MAX_BYTES', 100 * 1024 * 1024, 1),
      uploadMaxRows: intOr(env, 'UPLOAD_MAX_ROWS', 1_000_000, 1),
      uploadMaxAgeMs: durationOr(env, 'UPLOAD_MAX_AGE', 30 * 86_400_000),
      futureSkewMs: durationOr(env, 'FUTURE_SKEW', 5 * 60_000),
    },
    live: {
      clientBuffer: intOr(env, 'LIVE_CLIENT_BUFFER', 1_000, 1, 1_000_000),
      replayMaxAgeMs: durationOr(env, 'LIVE_REPLAY_MAX_AGE', 86_400_000),
      replayMaxPoints: intOr(env, 'LIVE_REPLAY_MAX_POINTS', 100_000, 1),
      outageGraceMs: durationOr(env, 'LIVE_OUTAGE_GRACE', 10_000),
      entityCacheMs: durationOr(env, 'LIVE_ENTITY_CACHE', 5_000),
      reauthMs: durationOr(env, 'LIVE_REAUTH', 10_000),
    },
    azureKeyVaultUrl: urlOr(env, 'AZURE_KEY_VAULT_URL', undefined, ['https:']),
    sentryDsn: optionalString(env, 'SENTRY_DSN'),
    corsOrigins: (optionalString(env, 'CORS_ORIGINS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sandbox: boolOr(env, 'APOLLO_SANDBOX', nodeEnv === 'development') && nodeEnv !== 'production',
  };
  assertProductionReady(config);
  return config;
}

/** Production must not run on development fallbacks. */
function assertProductionReady(config: Config): void {
  if (config.nodeEnv !== 'production') return;
  if (!config.database.url) throw new ConfigError('DATABASE_URL', 'required in production');
  if (!config.redis.url) throw new ConfigError('REDIS_URL', 'required in production');
  if (!config.auth.internalSecret) throw new ConfigError('INTERNAL_SECRET', 'required in production');
  if (!config.auth.jwtSigningKey && !config.azureKeyVaultUrl) {
    throw new ConfigError('JWT_SIGNING_KEY', 'required in production (or AZURE_KEY_VAULT_URL)');
  }
}
