import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, type CliDeps } from '../src/cli.js';
import type { ConfigDefaults } from '../src/config.js';
import { AuthRejectedError } from '../src/errors/AuthRejectedError.js';
import { silentLogger } from '../src/logger.js';
import { createTransport, registerTransport } from '../src/transport/transports.js';
import { FakeTransport } from './helpers/fakeTransport.js';
import { fixtureProc, tempDir } from './helpers/fixtureProc.js';
import { manualClock } from './helpers/manualClock.js';

const defaults: ConfigDefaults = { machineId: () => 'cli-host', uid: 1000, home: tempDir('home') };

interface Captured {
  code: number;
  stdout: string;
  logs: Record<string, unknown>[];
}

async function cli(argv: string[], env: Record<string, string>, sequence = 'disk-appear'): Promise<Captured> {
  const proc = fixtureProc(sequence);
  const time = manualClock();
  let stdout = '';
  let stderr = '';
  const deps: CliDeps = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    clock: time.clock,
    sleep: time.sleep(() => proc.next()),
    defaults,
  };
  try {
    const code = await runCli(argv, { PCC_PROC_ROOT: proc.root, ...env }, deps);
    const logs =
      stderr.trim() === ''
        ? []
        : stderr
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { code, stdout, logs };
  } finally {
    proc.remove();
  }
}

describe('perfagent CLI', () => {
  // First: later tests replace the trickle transport with a fake.
  it('ships with the network transports registered (channel, trickle over HTTP, upload)', async () => {
    const settings = { server: 'http://127.0.0.1:9', apiKey: 'k', machineId: 'm', log: silentLogger };
    // The CLI module imports the built-in transports, as the collectors register themselves.
    expect(createTransport('trickle', settings).name).toBe('trickle');
    expect(createTransport('upload', settings).name).toBe('upload');
    const channel = createTransport('channel', settings);
    expect(channel.name).toBe('channel');
    await channel.close?.();
  });

  it('--help documents every variable and the exit codes, exit 0', async () => {
    const { code, stdout } = await cli(['--help'], {});
    expect(code).toBe(0);
    for (const name of [
      'PCC_DURATION',
      'PCC_FREQUENCY',
      'PCC_MODE',
      'PCC_TRANSPORT',
      'PCC_APIKEY',
      'PCC_SERVER',
      'PCC_COLLECTION',
      'PCC_PROC_ROOT',
      'PCC_MACHINE_ID',
      'PCC_SPOOL_DIR',
      'PCC_SPOOL_MAX_MB',
    ]) {
      expect(stdout).toContain(name);
    }
    expect(stdout).toMatch(/Exit codes:[\s\S]*2 {2}configuration error[\s\S]*3 {2}the server rejected the API key/);
  });

  it('exits 2 on a configuration error, naming the variable in a JSON log line', async () => {
    const { code, logs } = await cli([], { PCC_FREQUENCY: 'often' });
    expect(code).toBe(2);
    expect(logs.at(-1)).toMatchObject({ level: 'error', setting: 'PCC_FREQUENCY', msg: expect.stringContaining('PCC_FREQUENCY') });
  });

  it('runs local mode to the end of the duration and exits 0', async () => {
    const out = tempDir('cli-local');
    const { code, logs } = await cli(['--duration', '3', '--out', out], {});
    expect(code).toBe(0);
    const csv = readdirSync(out).find((f) => f.endsWith('.csv'))!;
    expect(readFileSync(join(out, csv), 'utf8').trimEnd().split('\n')).toHaveLength(4);
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['perfagent starting', 'local mode finished']));
    expect(logs.every((l) => typeof l.time === 'string' && l.service === 'perfagent')).toBe(true);
  });

  it('exits 3 with a clear message when the server rejects the API key, and never logs the key', async () => {
    const transport = new FakeTransport();
    transport.failWith = new AuthRejectedError('UNAUTHENTICATED: unknown API key');
    registerTransport('channel', () => transport);
    const env = {
      PCC_MODE: 'trickle',
      PCC_APIKEY: 'pk_secret_value',
      PCC_SERVER: 'http://127.0.0.1:9',
      PCC_SPOOL_DIR: tempDir('cli-spool'),
    };
    const { code, logs } = await cli([], env);
    expect(code).toBe(3);
    expect(String(logs.at(-1)?.msg)).toMatch(/UNAUTHENTICATED: unknown API key; check PCC_APIKEY/);
    expect(JSON.stringify(logs)).not.toContain('pk_secret_value');
  });
});
