#!/usr/bin/env node
import { CollectionValueError } from '@perfanalysis/contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { realSleep, systemClock, type Clock, type Sleep } from './clock.js';
import { describeConfig, loadConfig, systemDefaults, type AgentConfig, type ConfigDefaults, type Env } from './config.js';
import { createSampler } from './createSampler.js';
import { ConfigError } from './errors/ConfigError.js';
import { FatalError } from './errors/FatalError.js';
import { EXIT, helpText } from './help.js';
import { runLocal } from './local/runLocal.js';
import { createLogger, type Logger, type LogLevel } from './logger.js';
import { runFileCommand } from './modes/runFileCommand.js';
import { runTrickle } from './modes/runTrickle.js';
import { runUpload } from './modes/runUpload.js';
import { createShipper } from './shipper/createShipper.js';
import { openSpool } from './spool/openSpool.js';
import './transport/builtinTransports.js';
import { createTransport } from './transport/transports.js';

/** Everything `runCli` touches outside its arguments, injectable for tests. */
export interface CliDeps {
  /** @default process.stdout.write */
  readonly stdout?: (text: string) => void;
  /** Log sink. @default process.stderr.write */
  readonly stderr?: (text: string) => void;
  readonly signal?: AbortSignal;
  /** @default systemClock */
  readonly clock?: Clock;
  /** @default realSleep */
  readonly sleep?: Sleep;
  /** @default systemDefaults() */
  readonly defaults?: ConfigDefaults;
}

/** Runs the agent; resolves with the process exit code (see EXIT / --help). */
export async function runCli(argv: readonly string[], env: Env, deps: CliDeps = {}): Promise<number> {
  const stdout = deps.stdout ?? ((text: string) => void process.stdout.write(text));
  let log = logger(deps, 'info');
  try {
    const loaded = loadConfig(argv, env, deps.defaults ?? systemDefaults());
    if (loaded.kind === 'help') return print(stdout, helpText());
    if (loaded.kind === 'version') return print(stdout, `${version()}\n`);
    log = logger(deps, loaded.config.logLevel);
    for (const warning of loaded.warnings) log.warn(warning);
    const { command } = loaded.config;
    if (command) await runFileCommand(command, loaded.config, { stdout, sleep: deps.sleep ?? realSleep, log });
    else await runMode(loaded.config, deps, log);
    return EXIT.ok;
  } catch (error) {
    return exitCodeFor(error, log);
  }
}

async function runMode(config: AgentConfig, deps: CliDeps, log: Logger): Promise<void> {
  log.info('perfagent starting', { version: version(), config: describeConfig(config) });
  const clock = deps.clock ?? systemClock;
  const sleep = deps.sleep ?? realSleep;
  const sampler = createSampler({ procRoot: config.procRoot, clock, disk: config.disk, net: config.net });
  const timing = { frequencyMs: config.frequencyMs, durationMs: config.durationMs, clock, sleep, signal: deps.signal, log };
  if (config.mode === 'local') {
    await runLocal({ ...timing, sampler, outDir: config.collectionDir, machineId: config.machineId });
    return;
  }
  const name = config.mode === 'trickle' && config.transport === 'ws' ? 'channel' : config.mode;
  const transport = createTransport(name, { server: config.server!, apiKey: config.apiKey!, machineId: config.machineId, log });
  const spool = openSpool({ dir: config.spoolDir, maxBytes: config.spoolMaxBytes, log });
  try {
    if (config.mode === 'upload') {
      await runUpload({ ...timing, sampler, spool, transport });
    } else {
      const shipper = createShipper({ transport, spool, sleep, log });
      const result = await runTrickle({ ...timing, sampler, shipper });
      log.info('trickle finished', { points: result.points, drained: result.drained, ...shipper.stats() });
    }
  } finally {
    spool.close();
    await transport.close?.();
  }
}

function exitCodeFor(error: unknown, log: Logger): number {
  if (error instanceof ConfigError) {
    log.error(`configuration error: ${error.message}`, { setting: error.setting, hint: 'perfagent --help' });
    return EXIT.config;
  }
  if (error instanceof CollectionValueError) {
    log.error(`not a readable pcc collection: ${error.message}`, { ...error.details });
    return EXIT.invalidInput;
  }
  if (error instanceof FatalError) {
    log.error(error.message, { error: error.name, exitCode: error.exitCode });
    return error.exitCode;
  }
  log.error('perfagent failed', { error });
  return EXIT.failure;
}

function logger(deps: CliDeps, level: LogLevel): Logger {
  return createLogger({ level, write: deps.stderr });
}

function print(stdout: (text: string) => void, text: string): number {
  stdout(text);
  return EXIT.ok;
}

function version(): string {
  try {
    // dist/cli.js and src/cli.ts both sit one level below package.json.
    const pkg: unknown = JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8'));
    const v = (pkg as { version?: unknown }).version;
    return typeof v === 'string' ? v : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Stops cleanly on the first SIGINT/SIGTERM (spool flushed, files closed); a second one forces exit. */
function main(): void {
  const controller = new AbortController();
  const onSignal = (): void => {
    if (controller.signal.aborted) process.exit(EXIT.failure);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  void runCli(process.argv.slice(2), process.env, { signal: controller.signal }).then((code) => {
    process.exitCode = code;
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  });
}

if (require.main === module) main();
