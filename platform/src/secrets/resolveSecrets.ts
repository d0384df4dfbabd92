import type { Config } from '../config/config.js';
import type { Logger } from '../logging/logger.js';

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

/** Development-only fallbacks, refused in production by the config module. */
const DEV_JWT_KEY = 'development-only-jwt-signing-key-do-not-use-in-production';
const DEV_INTERNAL_SECRET = 'development-only-internal-secret-do-not-use-in-production';

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

/**
 * Each secret comes from Key Vault when a vault is configured and holds it, else from the
 * environment. One log line per secret names the source, never the value.
 */
export async function resolveSecrets(config: Config, logger: Logger, vault?: SecretReader): Promise<Secrets> {
  const reader = vault ?? (config.azureKeyVaultUrl ? await createKeyVaultReader(config.azureKeyVaultUrl) : undefined);
  const pick = async (vaultName: string, envValue: string | undefined, devFallback?: string) => {
    const fromVault = reader ? await reader.get(vaultName) : undefined;
    const [value, source] =
      fromVault !== undefined
        ? [fromVault, reader!.source]
        : envValue !== undefined
          ? [envValue, 'environment']
          : [devFallback, devFallback === undefined ? 'unset' : 'development-default'];
    logger.info({ secret: vaultName, source }, 'secret resolved');
    return value;
  };
  return {
    jwtSigningKey: (await pick('jwt-signing-key', config.auth.jwtSigningKey, DEV_JWT_KEY))!,
    internalSecret: (await pick('internal-secret', config.auth.internalSecret, DEV_INTERNAL_SECRET))!,
    databaseUrl: await pick('database-url', config.database.url),
    sentryDsn: await pick('sentry-dsn', config.sentryDsn),
  };
}
