import type { Config } from '../config/config.js';
import { ConfigError } from '../config/env.js';
import type { Logger } from '../logging/logger.js';
import { type GeneratedSecrets, loadOrCreateSecrets } from './generatedSecrets.js';

/** The secrets a service needs, whichever source served them. */
export interface Secrets {
  readonly jwtSigningKey: string;
  readonly internalSecret: string;
  readonly databaseUrl: string | undefined;
  readonly sentryDsn: string | undefined;
}

/** Reads one named secret; `undefined` when the source does not hold it. */
export interface SecretReader {
  readonly source: string;
  get(name: string): Promise<string | undefined>;
}

/** Fixed fallbacks for the test environment only; any other start refuses them (docs/security.md). */
export const DEVELOPMENT_SECRETS = {
  jwtSigningKey: 'development-only-jwt-signing-key-do-not-use-in-production',
  internalSecret: 'development-only-internal-secret-do-not-use-in-production',
} as const;

export async function createKeyVaultReader(vaultUrl: string): Promise<SecretReader> {
  const { SecretClient } = await import('@azure/keyvault-secrets');
  const { DefaultAzureCredential } = await import('@azure/identity');
  const client = new SecretClient(vaultUrl, new DefaultAzureCredential());
  return {
    source: 'azure-key-vault',
    async get(name) {
      try {
        return (await client.getSecret(name)).value ?? undefined;
      } catch (error) {
        if ((error as { statusCode?: number }).statusCode === 404) return undefined;
        throw error;
      }
    },
  };
}

/** Where a secret nobody configured comes from: fixed in tests, generated and kept otherwise. */
async function fallbacks(config: Config): Promise<{ source: string; secrets: GeneratedSecrets }> {
  if (config.nodeEnv === 'test') return { source: 'development-default', secrets: DEVELOPMENT_SECRETS };
  return { source: 'generated-file', secrets: await loadOrCreateSecrets(config.auth.secretsFile) };
}

/** The published development values sign nothing outside tests: anyone could mint tokens. */
function refuseDevelopmentValues(config: Config, secrets: Pick<Secrets, 'jwtSigningKey' | 'internalSecret'>): void {
  if (config.nodeEnv === 'test') return;
  if (secrets.jwtSigningKey === DEVELOPMENT_SECRETS.jwtSigningKey) {
    throw new ConfigError('JWT_SIGNING_KEY', 'is the published development key: unset it (a random one is generated) or set your own');
  }
  if (secrets.internalSecret === DEVELOPMENT_SECRETS.internalSecret) {
    throw new ConfigError('INTERNAL_SECRET', 'is the published development secret: unset it (a random one is generated) or set your own');
  }
}

/**
 * Each secret comes from Key Vault when a vault is configured and holds it, else from the
 * environment, else (signing key and internal secret only) from the generated secrets file.
 * One log line per secret names the source, never the value.
 */
export async function resolveSecrets(config: Config, logger: Logger, vault?: SecretReader): Promise<Secrets> {
  const reader = vault ?? (config.azureKeyVaultUrl ? await createKeyVaultReader(config.azureKeyVaultUrl) : undefined);
  let fallback: Promise<{ source: string; secrets: GeneratedSecrets }> | undefined;
  const pick = async (vaultName: string, envValue: string | undefined, generated?: keyof GeneratedSecrets) => {
    const fromVault = reader ? await reader.get(vaultName) : undefined;
    let [value, source] =
      fromVault !== undefined ? [fromVault, reader!.source] : [envValue, envValue === undefined ? 'unset' : 'environment'];
    if (value === undefined && generated) {
      const { source: where, secrets } = await (fallback ??= fallbacks(config));
      [value, source] = [secrets[generated], where];
    }
    logger.info({ secret: vaultName, source }, 'secret resolved');
    return value;
  };
  const jwtSigningKey = (await pick('jwt-signing-key', config.auth.jwtSigningKey, 'jwtSigningKey'))!;
  const internalSecret = (await pick('internal-secret', config.auth.internalSecret, 'internalSecret'))!;
  refuseDevelopmentValues(config, { jwtSigningKey, internalSecret });
  return {
    jwtSigningKey,
    internalSecret,
    databaseUrl: await pick('database-url', config.database.url),
    sentryDsn: await pick('sentry-dsn', config.sentryDsn),
  };
}
