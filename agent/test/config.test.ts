import { loadConfig, type AgentConfig, type ConfigDefaults, type Env } from '../src/config.js';
import { ConfigError } from '../src/errors/ConfigError.js';

const defaults: ConfigDefaults = { machineId: () => 'machine-from-etc', uid: 1000, home: '/home/ops' };

function config(env: Env = {}, argv: string[] = []): AgentConfig {
  const loaded = loadConfig(argv, env, defaults);
  if (loaded.kind !== 'run') throw new Error(`expected a run config, got ${loaded.kind}`);
  return loaded.config;
}

function problem(env: Env, argv: string[] = []): ConfigError {
  try {
    loadConfig(argv, env, defaults);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('takes PCC_SERVER=host:port as pcc did: http assumed, with one warning', () => {
    const loaded = loadConfig([], { PCC_SERVER: 'pcd.example.com:8080' }, defaults);
    expect(loaded).toMatchObject({ kind: 'run', config: { server: 'http://pcd.example.com:8080' } });
    expect(loaded.kind === 'run' && loaded.warnings).toEqual([expect.stringMatching(/PCC_SERVER.*no scheme/)]);
    const explicit = loadConfig([], { PCC_SERVER: 'https://pa.example.com' }, defaults);
    expect(explicit.kind === 'run' && explicit.warnings).toEqual([]);
  });

  it('has working defaults with nothing set', () => {
    expect(config()).toEqual({
      mode: 'local',
      transport: 'ws',
      durationMs: 0,
      frequencyMs: 1000,
      apiKey: undefined,
      server: undefined,
      collectionDir: '.',
      procRoot: '/proc',
      machineId: 'machine-from-etc',
      spoolDir: '/home/ops/.local/state/perfagent/spool',
      spoolMaxBytes: 100 * 1024 * 1024,
      disk: { include: undefined, exclude: undefined },
      net: { include: undefined, exclude: undefined },
      logLevel: 'info',
    });
  });

  it('reads the older agent variables and the new ones', () => {
    const c = config({
      PCC_MODE: 'trickle',
      PCC_DURATION: '3600',
      PCC_FREQUENCY: '0.5',
      PCC_APIKEY: 'pk_abc',
      PCC_SERVER: 'https://pa.example.com/',
      PCC_COLLECTION: '/data',
      PCC_PROC_ROOT: '/host/proc',
      PCC_MACHINE_ID: 'web-01',
      PCC_SPOOL_DIR: '/var/spool/pa',
      PCC_SPOOL_MAX_MB: '5',
      PCC_DISK_INCLUDE: '^nvme',
      PCC_NET_EXCLUDE: '^(lo|docker.*)$',
      PCC_LOG_LEVEL: 'debug',
      PCC_TRANSPORT: 'http',
    });
    expect(c).toMatchObject({
      mode: 'trickle',
      transport: 'http',
      durationMs: 3_600_000,
      frequencyMs: 500,
      apiKey: 'pk_abc',
      server: 'https://pa.example.com',
      collectionDir: '/data',
      procRoot: '/host/proc',
      machineId: 'web-01',
      spoolDir: '/var/spool/pa',
      spoolMaxBytes: 5 * 1024 * 1024,
      logLevel: 'debug',
    });
    expect(c.disk.include?.test('nvme0n1')).toBe(true);
    expect(c.net.exclude?.test('docker0')).toBe(true);
  });

  it('accepts durations with units', () => {
    expect(config({ PCC_DURATION: '90s' }).durationMs).toBe(90_000);
    expect(config({ PCC_DURATION: '15m' }).durationMs).toBe(900_000);
    expect(config({ PCC_DURATION: '1d' }).durationMs).toBe(86_400_000);
  });

  it('lets flags win over variables, with --out and --collection for the output directory', () => {
    const c = config({ PCC_FREQUENCY: '5', PCC_COLLECTION: '/env' }, ['--frequency', '2', '--out=/flag']);
    expect(c).toMatchObject({ frequencyMs: 2000, collectionDir: '/flag' });
    expect(config({}, ['--collection', '/alias']).collectionDir).toBe('/alias');
  });

  it('treats an empty variable as unset, and an unparseable one as an error naming it', () => {
    expect(config({ PCC_FREQUENCY: '' }).frequencyMs).toBe(1000);
    expect(problem({ PCC_FREQUENCY: 'fast' })).toMatchObject({ setting: 'PCC_FREQUENCY', exitCode: 2 });
    expect(problem({ PCC_FREQUENCY: 'fast' }).message).toMatch(/^PCC_FREQUENCY: .*"fast"/);
    expect(problem({}, ['--frequency', 'fast']).setting).toBe('--frequency');
  });

  it.each([
    ['PCC_MODE', 'stream', /local\|trickle\|upload/],
    ['PCC_DURATION', '-5', /seconds/],
    ['PCC_FREQUENCY', '0.01', /0\.1 to 3600/],
    ['PCC_SPOOL_MAX_MB', '0', /from 1/],
    ['PCC_SPOOL_MAX_MB', 'lots', /from 1/],
    ['PCC_SERVER', 'not a url', /not a URL/],
    ['PCC_SERVER', 'ftp://x', /http\(s\)/],
    ['PCC_DISK_EXCLUDE', '(', /regular expression/],
    ['PCC_LOG_LEVEL', 'loud', /debug\|info\|warn\|error/],
  ])('rejects %s=%s', (variable, value, message) => {
    const error = problem({ [variable]: value });
    expect(error.setting).toBe(variable);
    expect(error.message).toMatch(message);
  });

  it('requires the server and key for trickle and upload, naming the variable', () => {
    expect(problem({ PCC_MODE: 'trickle', PCC_APIKEY: 'k' })).toMatchObject({ setting: 'PCC_SERVER' });
    expect(problem({ PCC_MODE: 'trickle', PCC_SERVER: 'http://x' }).message).toMatch(
      /PCC_APIKEY: required when PCC_MODE=trickle \(or --api-key\)/,
    );
  });

  it('requires a duration for upload, and a duration of at least one period', () => {
    const upload = { PCC_MODE: 'upload', PCC_APIKEY: 'k', PCC_SERVER: 'http://x' };
    expect(problem(upload).setting).toBe('PCC_DURATION');
    expect(config({ ...upload, PCC_DURATION: '60' }).durationMs).toBe(60_000);
    expect(problem({ PCC_DURATION: '1', PCC_FREQUENCY: '5' }).message).toMatch(/two reads/);
  });

  it('rejects unknown flags and stray arguments', () => {
    expect(problem({}, ['--frequncy', '1']).message).toMatch(/--frequncy.*--help/);
    expect(problem({}, ['local']).setting).toBe('command line');
  });

  it('answers --help and --version before validating anything', () => {
    expect(loadConfig(['--help'], { PCC_FREQUENCY: 'fast' }, defaults)).toEqual({ kind: 'help' });
    expect(loadConfig(['-h'], {}, defaults)).toEqual({ kind: 'help' });
    expect(loadConfig(['--version'], {}, defaults)).toEqual({ kind: 'version' });
  });

  it('spools under /var/lib as root and under XDG_STATE_HOME otherwise', () => {
    expect(loadConfig([], {}, { ...defaults, uid: 0 })).toMatchObject({ config: { spoolDir: '/var/lib/perfagent/spool' } });
    expect(config({ XDG_STATE_HOME: '/state' }).spoolDir).toBe('/state/perfagent/spool');
  });
});
