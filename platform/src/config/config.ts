import path from 'node:path';
import { boolOr, ConfigError, durationOr, type Env, intOr, oneOf, optionalString, portListOr, stringOr, urlOr } from './env.js';

export const SERVICE_NAMES = ['identity', 'tenancy', 'collectors', 'metrics', 'reports', 'alerts'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Failed logins against one account slow further attempts down; never a lock (docs/security.md "Login throttling"). */
export interface LoginThrottleConfig {
  /** Failures within the window before attempts must wait. @default 5 */
  readonly freeFailures: number;
  /** The first wait; each further failure doubles it. @default 1 s */
  readonly backoffBaseMs: number;
  /** The longest wait, so the owner is never locked out. @default 5 minutes */
  readonly backoffMaxMs: number;
  /** Failures are counted over this window (from the first). @default 1 hour */
  readonly failureWindowMs: number;
  /** How long an address that logged in to the account is "known" (not held back by others' failures). @default 30 days */
  readonly knownAddressTtlMs: number;
}

/** Every setting of the platform, read once from the environment. */
export interface Config {
  /** @default 'development' */
  readonly nodeEnv: 'development' | 'production' | 'test';
  /** @default 'info' */
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  readonly database: {
    /** Unset means: start the embedded PostgreSQL owned by the project. */
    readonly url: string | undefined;
    /** A streaming replica of `url`; series and summaries read there. @default undefined */
    readonly replicaUrl: string | undefined;
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
    /** `REDIS_URL` names a seed node of a Redis Cluster. @default false */
    readonly cluster: boolean;
  };
  readonly ports: Readonly<Record<ServiceName | 'gateway', number>>;
  /** Interfaces to listen on (docs/security.md "Defaults"). */
  readonly bind: {
    /** The gateway, the one public entry. @default '127.0.0.1' */
    readonly gateway: string;
    /** Every subgraph: only the gateway talks to them. @default '127.0.0.1' */
    readonly subgraphs: string;
  };
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
    /** Where secrets generated on first start are kept (mode 0600). @default next to the embedded data: './.data/secrets.json' */
    readonly secretsFile: string;
    /** Bearer token `/metrics` answers to; unset: only callers holding the internal secret. */
    readonly metricsToken: string | undefined;
    /** Per-account login back-off (docs/security.md "Login throttling"). */
    readonly loginThrottle: LoginThrottleConfig;
    /** How long an invitation to a tenant can be accepted (docs/tenancy.md "Invitations"). @default 7 days */
    readonly invitationTtlMs: number;
  };
  readonly limits: {
    /** Requests per minute; 0 turns that limit off. @default 5 / 60 / 60 / 120 */
    readonly authPerMinute: number;
    readonly apiPerMinute: number;
    readonly uploadPerMinute: number;
    /** Upload bytes per minute per caller, so a folder of captures passes but not a flood; 0 turns it off. @default 1 GiB */
    readonly uploadBytesPerMinute: number;
    readonly tricklePerMinute: number;
    /** @default 100 MB */
    readonly uploadMaxBytes: number;
    /** @default 1,000,000 */
    readonly uploadMaxRows: number;
    /** Oldest timestamp an upload may carry. @default 30 days */
    readonly uploadMaxAgeMs: number;
    /** How far in the future a timestamp may be. @default 5 minutes */
    readonly futureSkewMs: number;
    /** graphql-ws connection attempts per minute (per user, key, else IP). @default 30 */
    readonly wsConnectPerMinute: number;
    /** Messages per second one graphql-ws connection may send before it is closed (1008). @default 20 */
    readonly wsMessagesPerSecond: number;
    /** Largest graphql-ws message; larger closes the socket (1009). @default 256 KiB */
    readonly wsMaxMessageBytes: number;
    /** Deepest selection (fragments flattened). @default 10 */
    readonly maxDepth: number;
    /** Aliases per operation. @default 15 */
    readonly maxAliases: number;
    /** Root fields per operation. @default 10 */
    readonly maxRootFields: number;
    /** Lexical tokens per document. @default 2000 */
    readonly maxTokens: number;
    /** Directives per operation. @default 50 */
    readonly maxDirectives: number;
    /** graphql-armor cost (object 2, scalar 1, ×1.5 per level). @default 5000 */
    readonly maxCost: number;
    /** JSON body of a non-multipart request. @default 1 MiB */
    readonly requestMaxBytes: number;
    /** An upload or REST body whose sender stays silent this long is refused (408). @default 30 s */
    readonly uploadIdleTimeoutMs: number;
    /** An upload or REST body not complete after this long is refused (408). @default 10 minutes */
    readonly uploadTotalTimeoutMs: number;
    /** Trust X-Forwarded-For from these proxy addresses (comma-separated IPs); empty: the peer address is the client. */
    readonly trustedProxies: readonly string[];
    /** Strict-Transport-Security max-age; 0 sends no HSTS header (only enable behind HTTPS). @default 0 */
    readonly hstsMaxAgeSeconds: number;
    /**
     * How long the gateway keeps an idle client connection open. Longer than a load balancer's
     * idle timeout (60 s on most), so the client side closes first and never sends a request on a
     * socket the gateway is closing (docs/limits.md "Connections"). @default 65 s
     */
    readonly httpKeepAliveMs: number;
  };
  readonly ingest: {
    /**
     * How long the first trickle batch of a tenant waits for others to share its transaction
     * (group commit, docs/ingest.md); 0: only batches arriving in the same event-loop turn. @default 5
     */
    readonly groupCommitMs: number;
    /** Most points one group commit carries; the rest wait for the next. @default 20,000 */
    readonly groupMaxPoints: number;
    /**
     * How long the gateway gathers plain trickles (HTTP fast path and agent channel) into one
     * batch to the metrics subgraph (docs/ingest.md); 0: only those of one event-loop turn. @default 5
     */
    readonly forwardGatherMs: number;
    /**
     * How often the metrics service folds points past the rollup watermark into the minute and
     * hour rollups (docs/ingest.md, "Rollups"); reads are complete whatever the lag. @default 10 s
     */
    readonly rollupEveryMs: number;
  };
  readonly live: {
    /** Events buffered per subscriber at the gateway; beyond, the oldest are dropped. @default 1000 */
    readonly clientBuffer: number;
    /**
     * How long the gateway gathers a subscriber's events before writing them in one go (one
     * system call per subscriber and window, docs/live.md "Back-pressure"); 0: at once. @default 50
     */
    readonly flushMs: number;
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
  readonly alerts: {
    /** Run the evaluator, silence sweep and webhook dispatcher in this process (off: API only). @default true */
    readonly workers: boolean;
    /** Webhook targets may resolve to loopback/private/link-local addresses (tests, on-prem receivers). @default false */
    readonly webhookAllowPrivate: boolean;
    /** Ports a webhook target may use besides 80 and 443 (ignored when private targets are allowed). @default none */
    readonly webhookPorts: readonly number[];
    /** How often the collector-silent sweep and the webhook dispatcher run. @default 1 s */
    readonly sweepMs: number;
    /** How often the evaluator looks for new rules and collectors to follow. @default 5 s */
    readonly refreshMs: number;
    /** Timeout of one webhook request. @default 5 s */
    readonly webhookTimeoutMs: number;
    /** Attempts per webhook delivery before it is marked failed. @default 8 */
    readonly webhookMaxAttempts: number;
    /** Back-off before the second attempt; doubles per attempt (capped at 1 h). @default 2 s */
    readonly webhookBackoffMs: number;
    /** How far back stored points are evaluated when no evaluator heard them live (restart, Redis outage). @default 10 minutes */
    readonly catchUpMs: number;
  };
  /** Report schedules and the archive (docs/report-schedules.md). */
  readonly reports: {
    /** Run the schedule runner and the archive purge in this process (off: API only). @default true */
    readonly scheduler: boolean;
    /** How often the runner looks for due schedules and runs. @default 15 s */
    readonly schedulerTickMs: number;
    /** Attempts of one run (render, then delivery) before it is marked FAILED. @default 5 */
    readonly runMaxAttempts: number;
    /** Back-off before the second attempt of a run; doubles per attempt (capped at 1 h). @default 1 minute */
    readonly runBackoffMs: number;
    /** How long archived documents are kept; the purge deletes older ones. @default 90 days */
    readonly archiveRetentionMs: number;
    /** How long a download link of an archived document works (e-mail and webhook links included). @default 7 days */
    readonly archiveLinkTtlMs: number;
    /** Base URL of the gateway as recipients reach it, for links in e-mails and webhooks. @default http://127.0.0.1:<GATEWAY_PORT> */
    readonly publicUrl: string;
  };
  /** Outgoing e-mail (report delivery). Unset host and URL: no e-mail is sent, schedules with recipients fail their delivery. */
  readonly mail: {
    /** `smtp://user:pass@host:587` or `smtps://…:465`; wins over the separate settings below. */
    readonly smtpUrl: string | undefined;
    readonly host: string | undefined;
    /** @default 587 */
    readonly port: number;
    /** TLS from the first byte (port 465); false: STARTTLS when the server offers it. @default false */
    readonly secure: boolean;
    /** Refuse to send unless the connection is upgraded with STARTTLS. @default false */
    readonly requireTls: boolean;
    /** Check the server's certificate. @default true */
    readonly tlsRejectUnauthorized: boolean;
    readonly user: string | undefined;
    /** A secret. */
    readonly pass: string | undefined;
    /** @default 'PerfAnalysis <reports@localhost>' */
    readonly from: string;
    /** Documents up to this size are attached; larger ones are linked. @default 10 MiB */
    readonly attachMaxBytes: number;
    /** Timeout of one SMTP connection step. @default 30 s */
    readonly timeoutMs: number;
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
  const embeddedDir = stringOr(env, 'EMBEDDED_PG_DIR', './.data/postgres');
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development');
  const ports = {
    gateway: port(env, 'GATEWAY_PORT', 4000),
    identity: port(env, 'IDENTITY_PORT', 4001),
    tenancy: port(env, 'TENANCY_PORT', 4002),
    collectors: port(env, 'COLLECTORS_PORT', 4003),
    metrics: port(env, 'METRICS_PORT', 4004),
    reports: port(env, 'REPORTS_PORT', 4005),
    alerts: port(env, 'ALERTS_PORT', 4006),
  };
  const subgraphUrl = (name: ServiceName): string =>
    urlOr(env, `${name.toUpperCase()}_URL`, `http://127.0.0.1:${ports[name]}/graphql`, ['http:', 'https:'])!;
  const config: Config = {
    nodeEnv,
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    database: {
      url: urlOr(env, 'DATABASE_URL', undefined, ['postgres:', 'postgresql:']),
      replicaUrl: urlOr(env, 'DATABASE_REPLICA_URL', undefined, ['postgres:', 'postgresql:']),
      embeddedDir,
      embeddedPort: port(env, 'EMBEDDED_PG_PORT', 54329),
      poolSize: intOr(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    },
    redis: {
      url: urlOr(env, 'REDIS_URL', undefined, ['redis:', 'rediss:']),
      prefix: stringOr(env, 'REDIS_PREFIX', 'pa:'),
      cluster: boolOr(env, 'REDIS_CLUSTER', false),
    },
    ports,
    bind: {
      gateway: stringOr(env, 'BIND_ADDRESS', '127.0.0.1'),
      subgraphs: stringOr(env, 'SUBGRAPH_BIND_ADDRESS', '127.0.0.1'),
    },
    subgraphUrls: {
      identity: subgraphUrl('identity'),
      tenancy: subgraphUrl('tenancy'),
      collectors: subgraphUrl('collectors'),
      metrics: subgraphUrl('metrics'),
      reports: subgraphUrl('reports'),
      alerts: subgraphUrl('alerts'),
    },
    auth: {
      jwtSigningKey: optionalString(env, 'JWT_SIGNING_KEY'),
      jwtKeyId: stringOr(env, 'JWT_KEY_ID', 'k1'),
      jwtPreviousKeys: optionalString(env, 'JWT_PREVIOUS_KEYS'),
      accessTokenTtlMs: durationOr(env, 'ACCESS_TOKEN_TTL', 15 * 60_000),
      refreshTokenTtlMs: durationOr(env, 'REFRESH_TOKEN_TTL', 7 * 86_400_000),
      internalSecret: optionalString(env, 'INTERNAL_SECRET'),
      apiKeyGraceMs: durationOr(env, 'API_KEY_GRACE', 86_400_000),
      secretsFile: stringOr(env, 'SECRETS_FILE', path.join(path.dirname(embeddedDir), 'secrets.json')),
      metricsToken: optionalString(env, 'METRICS_TOKEN'),
      loginThrottle: {
        freeFailures: intOr(env, 'LOGIN_FREE_FAILURES', 5, 1),
        backoffBaseMs: durationOr(env, 'LOGIN_BACKOFF_BASE', 1_000),
        backoffMaxMs: durationOr(env, 'LOGIN_BACKOFF_MAX', 5 * 60_000),
        failureWindowMs: durationOr(env, 'LOGIN_FAILURE_WINDOW', 3_600_000),
        knownAddressTtlMs: durationOr(env, 'LOGIN_KNOWN_ADDRESS_TTL', 30 * 86_400_000),
      },
      invitationTtlMs: durationOr(env, 'INVITATION_TTL', 7 * 86_400_000),
    },
    limits: {
      authPerMinute: intOr(env, 'RATE_LIMIT_AUTH', 5, 0),
      apiPerMinute: intOr(env, 'RATE_LIMIT_API', 60, 0),
      uploadPerMinute: intOr(env, 'RATE_LIMIT_UPLOAD', 60, 0),
      uploadBytesPerMinute: intOr(env, 'RATE_LIMIT_UPLOAD_BYTES', 1024 * 1024 * 1024, 0),
      tricklePerMinute: intOr(env, 'RATE_LIMIT_TRICKLE', 120, 0),
      uploadMaxBytes: intOr(env, 'UPLOAD_MAX_BYTES', 100 * 1024 * 1024, 1),
      uploadMaxRows: intOr(env, 'UPLOAD_MAX_ROWS', 1_000_000, 1),
      uploadMaxAgeMs: durationOr(env, 'UPLOAD_MAX_AGE', 30 * 86_400_000),
      futureSkewMs: durationOr(env, 'FUTURE_SKEW', 5 * 60_000),
      wsConnectPerMinute: intOr(env, 'RATE_LIMIT_WS_CONNECT', 30, 0),
      wsMessagesPerSecond: intOr(env, 'LIVE_MAX_MESSAGES_PER_SECOND', 20, 1),
      wsMaxMessageBytes: intOr(env, 'LIVE_MAX_MESSAGE_BYTES', 256 * 1024, 1024),
      maxDepth: intOr(env, 'GRAPHQL_MAX_DEPTH', 10, 1),
      maxAliases: intOr(env, 'GRAPHQL_MAX_ALIASES', 15, 0),
      maxRootFields: intOr(env, 'GRAPHQL_MAX_ROOT_FIELDS', 10, 1),
      maxTokens: intOr(env, 'GRAPHQL_MAX_TOKENS', 2_000, 10),
      maxDirectives: intOr(env, 'GRAPHQL_MAX_DIRECTIVES', 50, 0),
      maxCost: intOr(env, 'GRAPHQL_MAX_COST', 5_000, 1),
      requestMaxBytes: intOr(env, 'REQUEST_MAX_BYTES', 1024 * 1024, 1024),
      uploadIdleTimeoutMs: durationOr(env, 'UPLOAD_IDLE_TIMEOUT', 30_000),
      uploadTotalTimeoutMs: durationOr(env, 'UPLOAD_TOTAL_TIMEOUT', 10 * 60_000),
      trustedProxies: (optionalString(env, 'TRUSTED_PROXIES') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      hstsMaxAgeSeconds: intOr(env, 'HSTS_MAX_AGE', 0, 0),
      httpKeepAliveMs: durationOr(env, 'HTTP_KEEP_ALIVE', 65_000),
    },
    ingest: {
      groupCommitMs: intOr(env, 'INGEST_GROUP_COMMIT_MS', 5, 0, 1_000),
      forwardGatherMs: intOr(env, 'INGEST_FORWARD_GATHER_MS', 5, 0, 1_000),
      groupMaxPoints: intOr(env, 'INGEST_GROUP_MAX_POINTS', 20_000, 1, 1_000_000),
      rollupEveryMs: durationOr(env, 'INGEST_ROLLUP_EVERY', 10_000),
    },
    live: {
      clientBuffer: intOr(env, 'LIVE_CLIENT_BUFFER', 1_000, 1, 1_000_000),
      flushMs: intOr(env, 'LIVE_FLUSH_MS', 50, 0, 1_000),
      replayMaxAgeMs: durationOr(env, 'LIVE_REPLAY_MAX_AGE', 86_400_000),
      replayMaxPoints: intOr(env, 'LIVE_REPLAY_MAX_POINTS', 100_000, 1),
      outageGraceMs: durationOr(env, 'LIVE_OUTAGE_GRACE', 10_000),
      entityCacheMs: durationOr(env, 'LIVE_ENTITY_CACHE', 5_000),
      reauthMs: durationOr(env, 'LIVE_REAUTH', 10_000),
    },
    alerts: {
      workers: boolOr(env, 'ALERTS_WORKERS', true),
      webhookAllowPrivate: boolOr(env, 'ALERTS_WEBHOOK_ALLOW_PRIVATE', false),
      webhookPorts: portListOr(env, 'ALERTS_WEBHOOK_PORTS', []),
      sweepMs: durationOr(env, 'ALERTS_SWEEP', 1_000),
      refreshMs: durationOr(env, 'ALERTS_REFRESH', 5_000),
      webhookTimeoutMs: durationOr(env, 'ALERTS_WEBHOOK_TIMEOUT', 5_000),
      webhookMaxAttempts: intOr(env, 'ALERTS_WEBHOOK_MAX_ATTEMPTS', 8, 1, 100),
      webhookBackoffMs: durationOr(env, 'ALERTS_WEBHOOK_BACKOFF', 2_000),
      catchUpMs: durationOr(env, 'ALERTS_CATCH_UP', 10 * 60_000),
    },
    reports: {
      scheduler: boolOr(env, 'REPORT_SCHEDULER', true),
      schedulerTickMs: durationOr(env, 'REPORT_SCHEDULER_TICK', 15_000),
      runMaxAttempts: intOr(env, 'REPORT_RUN_MAX_ATTEMPTS', 5, 1, 100),
      runBackoffMs: durationOr(env, 'REPORT_RUN_BACKOFF', 60_000),
      archiveRetentionMs: durationOr(env, 'REPORT_ARCHIVE_RETENTION', 90 * 86_400_000),
      archiveLinkTtlMs: durationOr(env, 'REPORT_ARCHIVE_LINK_TTL', 7 * 86_400_000),
      publicUrl: urlOr(env, 'PUBLIC_URL', `http://127.0.0.1:${ports.gateway}`, ['http:', 'https:'])!.replace(/\/+$/, ''),
    },
    mail: {
      smtpUrl: urlOr(env, 'SMTP_URL', undefined, ['smtp:', 'smtps:']),
      host: optionalString(env, 'SMTP_HOST'),
      port: port(env, 'SMTP_PORT', 587),
      secure: boolOr(env, 'SMTP_SECURE', false),
      requireTls: boolOr(env, 'SMTP_REQUIRE_TLS', false),
      tlsRejectUnauthorized: boolOr(env, 'SMTP_TLS_REJECT_UNAUTHORIZED', true),
      user: optionalString(env, 'SMTP_USER'),
      pass: optionalString(env, 'SMTP_PASS'),
      from: stringOr(env, 'MAIL_FROM', 'PerfAnalysis <reports@localhost>'),
      attachMaxBytes: intOr(env, 'MAIL_ATTACH_MAX_BYTES', 10 * 1024 * 1024, 0),
      timeoutMs: durationOr(env, 'SMTP_TIMEOUT', 30_000),
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
