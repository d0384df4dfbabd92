import { readFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { DeviceFilterOptions } from './collectors/deviceFilter.js';
import { ConfigError } from './errors/ConfigError.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';

export type AgentMode = 'local' | 'trickle' | 'upload';
export const AGENT_MODES: readonly AgentMode[] = ['local', 'trickle', 'upload'];

/** Commands on files instead of sampling: `convert FILE`, `import FILE…`, `upload FILE…`. */
export type FileCommandName = 'convert' | 'import' | 'upload';
export const FILE_COMMANDS: readonly FileCommandName[] = ['convert', 'import', 'upload'];

export interface FileCommand {
  readonly name: FileCommandName;
  readonly files: readonly string[];
}

/** How trickle mode reaches the gateway: the persistent WebSocket channel, or one HTTP request per batch. */
export type TrickleTransport = 'ws' | 'http';
export const TRICKLE_TRANSPORTS: readonly TrickleTransport[] = ['ws', 'http'];

/** The agent's settings, validated. Every one comes from a CLI flag or else a PCC_* variable. */
export interface AgentConfig {
  /** @default 'local' */
  readonly mode: AgentMode;
  /** Trickle mode's transport (docs/agent-channel.md). @default 'ws' */
  readonly transport: TrickleTransport;
  /** Run length in ms; 0 runs until SIGINT/SIGTERM. Upload mode needs one. @default 0 */
  readonly durationMs: number;
  /** Sampling period in ms. @default 1000 */
  readonly frequencyMs: number;
  /** Bearer key for trickle/upload (required there). */
  readonly apiKey?: string;
  /** Base URL of the gateway for trickle/upload (required there). */
  readonly server?: string;
  /** Directory of local-mode files. @default '.' */
  readonly collectionDir: string;
  /** @default '/proc' */
  readonly procRoot: string;
  /** @default contents of /etc/machine-id, else the hostname */
  readonly machineId: string;
  /** @default /var/lib/perfagent/spool as root, else $XDG_STATE_HOME/perfagent/spool */
  readonly spoolDir: string;
  /** @default 100 MiB */
  readonly spoolMaxBytes: number;
  /** @default {} (DEFAULT_DISK_EXCLUDE) */
  readonly disk: DeviceFilterOptions;
  /** @default {} (DEFAULT_NET_EXCLUDE) */
  readonly net: DeviceFilterOptions;
  /** @default 'info' */
  readonly logLevel: LogLevel;
  /** The machine id as set (flag or variable), undefined when it is this host's default. */
  readonly machineIdSet?: string;
  /** A command on files (`perfagent convert FILE`), instead of a sampling mode. */
  readonly command?: FileCommand;
}

export type Env = Readonly<Record<string, string | undefined>>;

/** What the defaults depend on, injectable so tests do not read this machine. */
export interface ConfigDefaults {
  machineId(): string;
  uid: number;
  home: string;
}

export type LoadedConfig =
  | {
      readonly kind: 'run';
      readonly config: AgentConfig;
      /** Settings accepted with a guess, to log once. */ readonly warnings: readonly string[];
    }
  | { readonly kind: 'help' }
  | { readonly kind: 'version' };

interface SettingSpec {
  readonly env?: string;
  readonly flag: string;
  readonly value: string;
  readonly help: string;
  readonly short?: string;
}

/** The one table of settings: parsing, `--help` and the README all follow it. */
export const SETTINGS = {
  mode: { env: 'PCC_MODE', flag: 'mode', value: 'local|trickle|upload', help: 'What to do with the samples (default local).' },
  transport: {
    env: 'PCC_TRANSPORT',
    flag: 'transport',
    value: 'ws|http',
    help: 'Trickle over one persistent WebSocket (default ws) or one HTTP request per batch (http).',
  },
  duration: {
    env: 'PCC_DURATION',
    flag: 'duration',
    value: 'SECONDS',
    help: 'Run length: 3600, 90s, 15m, 2h, 1d. Unset or 0: until stopped (upload mode requires one).',
  },
  frequency: { env: 'PCC_FREQUENCY', flag: 'frequency', value: 'SECONDS', help: 'Sampling period, 0.1 to 3600 (default 1).' },
  apiKey: {
    env: 'PCC_APIKEY',
    flag: 'api-key',
    value: 'KEY',
    help: 'API key of this collector (trickle/upload). Prefer the variable: flags show in ps.',
  },
  server: { env: 'PCC_SERVER', flag: 'server', value: 'URL', help: 'Gateway base URL, http(s)://… (trickle/upload).' },
  collection: {
    env: 'PCC_COLLECTION',
    flag: 'out',
    value: 'DIR',
    help: 'Directory of local-mode CSV and JSON-lines files (default .), or one file (.csv, .json …) as pcc took it.',
  },
  procRoot: { env: 'PCC_PROC_ROOT', flag: 'proc-root', value: 'DIR', help: 'Where /proc is mounted (default /proc).' },
  machineId: {
    env: 'PCC_MACHINE_ID',
    flag: 'machine-id',
    value: 'ID',
    help: 'Machine id sent with every point (default /etc/machine-id, else hostname).',
  },
  spoolDir: {
    env: 'PCC_SPOOL_DIR',
    flag: 'spool-dir',
    value: 'DIR',
    help: 'Disk spool for outages (default /var/lib/perfagent/spool as root, else ~/.local/state/perfagent/spool).',
  },
  spoolMaxMb: {
    env: 'PCC_SPOOL_MAX_MB',
    flag: 'spool-max-mb',
    value: 'MB',
    help: 'Spool bound; past it the oldest points are dropped and counted (default 100).',
  },
  diskInclude: {
    env: 'PCC_DISK_INCLUDE',
    flag: 'disk-include',
    value: 'REGEX',
    help: 'Only disks matching this (disables the default exclude).',
  },
  diskExclude: {
    env: 'PCC_DISK_EXCLUDE',
    flag: 'disk-exclude',
    value: 'REGEX',
    help: 'Skip disks matching this (default: partitions, loop, ram, zram, dm, md, sr).',
  },
  netInclude: {
    env: 'PCC_NET_INCLUDE',
    flag: 'net-include',
    value: 'REGEX',
    help: 'Only interfaces matching this (disables the default exclude).',
  },
  netExclude: { env: 'PCC_NET_EXCLUDE', flag: 'net-exclude', value: 'REGEX', help: 'Skip interfaces matching this (default ^lo$).' },
  logLevel: {
    env: 'PCC_LOG_LEVEL',
    flag: 'log-level',
    value: 'debug|info|warn|error',
    help: 'Least severe log line written to stderr (default info).',
  },
} as const satisfies Record<string, SettingSpec>;

type SettingName = keyof typeof SETTINGS;

const MIB = 1024 * 1024;

/** Resolves flags over variables over defaults. Throws ConfigError naming the flag or variable at fault. */
export function loadConfig(argv: readonly string[], env: Env, defaults: ConfigDefaults = systemDefaults()): LoadedConfig {
  const { flags, positionals } = parseFlags(argv);
  if (flags.help === true) return { kind: 'help' };
  if (flags.version === true) return { kind: 'version' };
  const get = (name: SettingName): Raw | undefined => lookup(name, flags, env);
  const mode = oneOf(get('mode'), AGENT_MODES) ?? 'local';
  const durationMs = durationOf(get('duration')) ?? 0;
  const frequencyMs = frequencyOf(get('frequency')) ?? 1000;
  const warnings: string[] = [];
  const config: AgentConfig = {
    mode,
    transport: oneOf(get('transport'), TRICKLE_TRANSPORTS) ?? 'ws',
    durationMs,
    frequencyMs,
    apiKey: get('apiKey')?.value,
    server: urlOf(withScheme(get('server'), warnings)),
    collectionDir: get('collection')?.value ?? '.',
    procRoot: get('procRoot')?.value ?? '/proc',
    machineId: get('machineId')?.value ?? defaults.machineId(),
    spoolDir: get('spoolDir')?.value ?? defaultSpoolDir(env, defaults),
    spoolMaxBytes: Math.round((positiveOf(get('spoolMaxMb'), 1, 1_000_000) ?? 100) * MIB),
    disk: { include: regexOf(get('diskInclude')), exclude: regexOf(get('diskExclude')) },
    net: { include: regexOf(get('netInclude')), exclude: regexOf(get('netExclude')) },
    logLevel: oneOf(get('logLevel'), LOG_LEVELS) ?? 'info',
    machineIdSet: get('machineId')?.value,
    command: commandOf(positionals),
  };
  checkConsistency(config, get);
  return { kind: 'run', config, warnings };
}

/** A setting's text and where it came from (`--frequency` or `PCC_FREQUENCY`), for messages. */
interface Raw {
  readonly value: string;
  readonly source: string;
}

type Flags = Record<string, string | boolean | undefined>;

function parseFlags(argv: readonly string[]): { flags: Flags; positionals: string[] } {
  const options = Object.fromEntries(Object.values(SETTINGS).map((s) => [s.flag, { type: 'string' as const }]));
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, collection: { type: 'string' }, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
      strict: true,
      allowPositionals: true,
    });
    return { flags: values as Flags, positionals };
  } catch (error) {
    throw new ConfigError('command line', `${(error as Error).message}; see --help`);
  }
}

/** `convert FILE`, `import FILE…` or `upload FILE…`; no words at all is a sampling mode. */
function commandOf(positionals: readonly string[]): FileCommand | undefined {
  const [word, ...files] = positionals;
  if (word === undefined) return undefined;
  if (!(FILE_COMMANDS as readonly string[]).includes(word))
    throw new ConfigError('command line', `unknown command "${word}": expected ${FILE_COMMANDS.join('|')} FILE…, or only options`);
  if (files.length === 0) throw new ConfigError('command line', `${word} needs a file: perfagent ${word} FILE`);
  if (word === 'convert' && files.length > 1) throw new ConfigError('command line', 'convert takes one file (its CSV goes to stdout)');
  return { name: word as FileCommandName, files };
}

function lookup(name: SettingName, flags: Flags, env: Env): Raw | undefined {
  const spec: SettingSpec = SETTINGS[name];
  // --collection is accepted as an alias of --out (the variable is PCC_COLLECTION).
  const flag = flags[spec.flag] ?? (name === 'collection' ? flags.collection : undefined);
  if (typeof flag === 'string') return nonEmpty(flag, `--${spec.flag}`);
  const variable = spec.env === undefined ? undefined : env[spec.env];
  return variable === undefined || spec.env === undefined ? undefined : nonEmpty(variable, spec.env);
}

/** An empty or blank value counts as unset, as in most shells' `VAR= cmd` usage. */
function nonEmpty(text: string, source: string): Raw | undefined {
  const value = text.trim();
  return value === '' ? undefined : { value, source };
}

function oneOf<T extends string>(raw: Raw | undefined, allowed: readonly T[]): T | undefined {
  if (!raw) return undefined;
  if (!(allowed as readonly string[]).includes(raw.value))
    throw new ConfigError(raw.source, `expected one of ${allowed.join('|')}, got "${raw.value}"`);
  return raw.value as T;
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `3600`, `3600s`, `90m`, `2h`, `1d`, `1.5`: a bare number is seconds, as the older agent read it. */
function durationOf(raw: Raw | undefined): number | undefined {
  if (!raw) return undefined;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(raw.value);
  if (!match) throw new ConfigError(raw.source, `expected seconds or a duration like 90s, 15m, 2h; got "${raw.value}"`);
  return Math.round(Number(match[1]) * UNIT_MS[match[2] ?? 's']!);
}

function frequencyOf(raw: Raw | undefined): number | undefined {
  const ms = durationOf(raw);
  if (ms === undefined) return undefined;
  if (ms < 100 || ms > 3_600_000) throw new ConfigError(raw!.source, `expected 0.1 to 3600 seconds, got "${raw!.value}"`);
  return ms;
}

function positiveOf(raw: Raw | undefined, min: number, max: number): number | undefined {
  if (!raw) return undefined;
  const value = /^\d+(\.\d+)?$/.test(raw.value) ? Number(raw.value) : Number.NaN;
  if (!(value >= min && value <= max)) throw new ConfigError(raw.source, `expected a number from ${min} to ${max}, got "${raw.value}"`);
  return value;
}

/** pcc took `PCC_SERVER=host:port` without a scheme: http is assumed, with a warning (docs/pcc-compatibility.md). */
function withScheme(raw: Raw | undefined, warnings: string[]): Raw | undefined {
  if (!raw || /^[a-z][a-z0-9+.-]*:\/\//i.test(raw.value) || !/^[^\s/:]+(:\d+)?(\/.*)?$/.test(raw.value)) return raw;
  warnings.push(`${raw.source}: "${raw.value}" has no scheme; using http://${raw.value}`);
  return { ...raw, value: `http://${raw.value}` };
}

function urlOf(raw: Raw | undefined): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw.value);
  } catch {
    throw new ConfigError(raw.source, `not a URL: "${raw.value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ConfigError(raw.source, `expected an http(s) URL, got ${url.protocol}`);
  return raw.value.replace(/\/+$/, '');
}

function regexOf(raw: Raw | undefined): RegExp | undefined {
  if (!raw) return undefined;
  try {
    return new RegExp(raw.value);
  } catch (error) {
    throw new ConfigError(raw.source, `not a regular expression: ${(error as Error).message}`);
  }
}

function checkConsistency(config: AgentConfig, get: (name: SettingName) => Raw | undefined): void {
  const need = (name: 'apiKey' | 'server'): void => {
    if (get(name)) return;
    const spec = SETTINGS[name];
    const when = config.command ? `for perfagent ${config.command.name}` : `when PCC_MODE=${config.mode}`;
    throw new ConfigError(spec.env, `required ${when} (or --${spec.flag})`);
  };
  if (config.command) {
    if (config.command.name === 'convert') return;
    need('server');
    need('apiKey');
    return;
  }
  if (config.mode !== 'local') {
    need('server');
    need('apiKey');
  }
  if (config.mode === 'upload' && config.durationMs === 0) {
    throw new ConfigError(SETTINGS.duration.env, 'upload mode collects for a set time, then uploads: give PCC_DURATION (or --duration)');
  }
  if (config.durationMs > 0 && config.durationMs < config.frequencyMs) {
    throw new ConfigError(get('duration')?.source ?? SETTINGS.duration.env, 'shorter than one sampling period: a point needs two reads');
  }
}

function defaultSpoolDir(env: Env, defaults: ConfigDefaults): string {
  if (defaults.uid === 0) return '/var/lib/perfagent/spool';
  const state = env.XDG_STATE_HOME?.trim() || join(defaults.home, '.local', 'state');
  return join(state, 'perfagent', 'spool');
}

/** The config as a log line shows it: regexes as their source, the API key only as set/unset. */
export function describeConfig(config: AgentConfig): Record<string, unknown> {
  const filter = (f: DeviceFilterOptions): Record<string, string | undefined> => ({
    include: f.include?.source,
    exclude: f.exclude?.source,
  });
  return { ...config, apiKey: config.apiKey === undefined ? 'unset' : 'set', disk: filter(config.disk), net: filter(config.net) };
}

export function systemDefaults(): ConfigDefaults {
  return { machineId: readMachineId, uid: process.getuid?.() ?? -1, home: homedir() };
}

/** systemd's /etc/machine-id (stable across reboots and IP changes), else the hostname. */
export function readMachineId(): string {
  try {
    const id = readFileSync('/etc/machine-id', 'utf8').trim();
    if (id !== '') return id;
  } catch {
    // Containers and non-systemd hosts often have none.
  }
  return hostname();
}
