/**
 * Typed readers over an environment map. "Unset" and "unparseable" are different answers:
 * unset falls back to the default, unparseable throws a ConfigError naming the variable.
 */
export type Env = Readonly<Record<string, string | undefined>>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

function raw(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function optionalString(env: Env, name: string): string | undefined {
  return raw(env, name);
}

export function stringOr(env: Env, name: string, fallback: string): string {
  return raw(env, name) ?? fallback;
}

export function intOr(env: Env, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!/^-?\d+$/.test(value)) throw new ConfigError(name, `expected an integer, got "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(name, `expected ${min}..${max}, got ${n}`);
  return n;
}

export function boolOr(env: Env, name: string, fallback: boolean): boolean {
  const value = raw(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(name, `expected true/false, got "${value}"`);
}

export function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `expected one of ${allowed.join('|')}, got "${value}"`);
  }
  return value as T;
}

/** A comma-separated list of TCP ports (1..65535); unset gives the fallback. */
export function portListOr(env: Env, name: string, fallback: readonly number[]): readonly number[] {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const n = Number(part);
      if (!/^\d+$/.test(part) || n < 1 || n > 65535) throw new ConfigError(name, `expected ports 1..65535, got "${part}"`);
      return n;
    });
}

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Durations like `15m`, `7d`, `500ms`, or a bare number of seconds. Returns milliseconds. */
export function durationOr(env: Env, name: string, fallbackMs: number): number {
  const value = raw(env, name);
  if (value === undefined) return fallbackMs;
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(value);
  if (!match) throw new ConfigError(name, `expected a duration like 30s, 15m, 7d; got "${value}"`);
  return Number(match[1]) * DURATION_UNITS[match[2] ?? 's']!;
}

export function urlOr(env: Env, name: string, fallback: string | undefined, protocols: readonly string[]): string | undefined {
  const value = raw(env, name);
  if (value === undefined) return fallback;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'not a URL (value not shown: it may hold a password)');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `expected a ${protocols.join(' or ')} URL, got ${parsed.protocol}`);
  }
  return value;
}
