import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The secrets a single-machine start generates for itself (docs/security.md "Generated secrets"). */
export interface GeneratedSecrets {
  readonly jwtSigningKey: string;
  readonly internalSecret: string;
}

function fresh(): GeneratedSecrets {
  return { jwtSigningKey: randomBytes(48).toString('base64url'), internalSecret: randomBytes(48).toString('base64url') };
}

async function read(file: string): Promise<GeneratedSecrets> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<GeneratedSecrets>;
  if (typeof parsed.jwtSigningKey !== 'string' || typeof parsed.internalSecret !== 'string') {
    throw new Error(`${file} is not a secrets file of this platform: move it away to generate new secrets`);
  }
  return { jwtSigningKey: parsed.jwtSigningKey, internalSecret: parsed.internalSecret };
}

/**
 * Reads the secrets file, creating it with random secrets on first start. Created with
 * mode 0600 and `wx`, so of processes starting together exactly one writes and all read it.
 */
export async function loadOrCreateSecrets(file: string): Promise<GeneratedSecrets> {
  try {
    return await read(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, `${JSON.stringify(fresh())}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return read(file);
}
