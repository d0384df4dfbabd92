import { decodeRecord, openSpool } from '@perfanalysis/agent';
import { RegisterCollectorDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTcpSwitch } from './tcpSwitch.js';

const AGENT = path.resolve(__dirname, '../../agent/dist/cli.js');
const PERIOD_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A bound on waiting, not a measure: on a loaded machine each step may take long, never forever. */
const PATIENCE_MS = 60_000;

/** Polls `check` until it answers a truthy value. */
async function eventually<T>(check: () => Promise<T | false>, what: string): Promise<T> {
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`never happened within ${PATIENCE_MS} ms: ${what}`);
    await sleep(PERIOD_MS);
  }
}

/**
 * The sample times in the spool's segment files, read beside the running agent (which holds the
 * spool's lock; it appends whole lines). Records acknowledged earlier stay in a segment until it
 * is removed whole; nothing is acknowledged during the outage, so every line read then is pending.
 */
function spooled(dir: string): number[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n').slice(0, -1))
    .map((line) => decodeRecord(line)?.timestamp)
    .filter((t): t is number => t !== undefined);
}

function startAgent(env: Record<string, string>): { child: ChildProcess; exited: Promise<{ code: number | null; stderr: string }> } {
  const child = fork(AGENT, [], {
    env: { ...process.env, PCC_MODE: 'trickle', PCC_FREQUENCY: String(PERIOD_MS / 1000), PCC_LOG_LEVEL: 'info', ...env },
    stdio: 'pipe',
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return { child, exited };
}

describe('the agent trickling into the running platform', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
  });
  afterAll(() => env?.stop());

  async function stored(collectorId: string): Promise<number[]> {
    const { rows } = await env.runtime.db.pool.query<{ ts: Date }>(
      `SELECT ts FROM "tenant_${tenant.slug}".metric_points WHERE collector_id = $1 ORDER BY ts`,
      [collectorId],
    );
    return rows.map((r) => r.ts.getTime());
  }

  it('spools through a server outage and an agent restart, then stores every point once', async () => {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'agent-e2e', hostname: 'agent-e2e' },
    });
    const collectorId = registerCollector.collector.id;
    const tcp = await startTcpSwitch(new URL(env.gatewayUrl));
    const spoolDir = mkdtempSync(path.join(tmpdir(), 'pa-spool-'));
    const agentEnv = { PCC_SERVER: tcp.url, PCC_APIKEY: registerCollector.apiKey, PCC_MACHINE_ID: 'agent-e2e', PCC_SPOOL_DIR: spoolDir };
    // Each step waits for what it needs (points stored, records spooled), however slow the machine.
    let agent = startAgent(agentEnv);
    await eventually(async () => (await stored(collectorId)).length >= 3, 'the agent trickling');
    await tcp.down();
    const firstRun = await eventually(async () => {
      const records = spooled(spoolDir);
      return records.length >= 4 && records;
    }, 'the first agent spooling samples of the outage');
    agent.child.kill('SIGTERM');
    expect((await agent.exited).code).toBe(0);
    // The restarted agent replays the first one's spool and spools samples of its own behind it.
    const firstEnd = Math.max(...spooled(spoolDir));
    agent = startAgent(agentEnv);
    const bothRuns = await eventually(async () => {
      const records = spooled(spoolDir);
      return records.filter((t) => t > firstEnd).length >= 4 && records;
    }, 'the restarted agent spooling samples of the outage');
    await tcp.up();
    const lastSpooled = Math.max(...bothRuns);
    await eventually(async () => {
      const times = new Set(await stored(collectorId));
      return bothRuns.every((t) => times.has(t)) && [...times].some((t) => t > lastSpooled);
    }, 'every spooled point stored and the agent live again');
    agent.child.kill('SIGTERM');
    expect((await agent.exited).code).toBe(0);
    await tcp.close();

    // Nothing spooled twice (the restart replays the spool, it does not append it again), nothing of the first run lost.
    expect(new Set(bothRuns).size).toBe(bothRuns.length);
    expect(firstRun.every((t) => bothRuns.includes(t))).toBe(true);
    // Nothing dropped or torn, and whatever is left was sampled after the outage (the shutdown spools it).
    const spool = openSpool({ dir: spoolDir });
    try {
      expect(spool.stats()).toMatchObject({ dropped: 0, corrupt: 0 });
      expect(spool.peek(spool.size).every((p) => p.timestamp > lastSpooled)).toBe(true);
    } finally {
      spool.close();
    }
  });

  it('uploads a collection as one CSV through the multipart mutation in upload mode', async () => {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'agent-upload', hostname: 'agent-upload' },
    });
    const agent = startAgent({
      PCC_MODE: 'upload',
      PCC_DURATION: '2',
      PCC_SERVER: new URL(env.gatewayUrl).origin,
      PCC_APIKEY: registerCollector.apiKey,
      PCC_MACHINE_ID: 'agent-upload',
      PCC_SPOOL_DIR: mkdtempSync(path.join(tmpdir(), 'pa-spool-')),
    });
    const { code, stderr } = await agent.exited;
    expect(code).toBe(0);
    expect(stderr).toMatch(/upload stored/);
    expect((await stored(registerCollector.collector.id)).length).toBeGreaterThanOrEqual(4);
  });

  it('stops at once with exit code 3 and a clear message when the key is refused', async () => {
    const agent = startAgent({
      PCC_SERVER: new URL(env.gatewayUrl).origin,
      PCC_APIKEY: 'pa_0000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      PCC_MACHINE_ID: 'nobody',
      PCC_SPOOL_DIR: mkdtempSync(path.join(tmpdir(), 'pa-spool-')),
    });
    const { code, stderr } = await agent.exited;
    expect(code).toBe(3);
    expect(stderr).toMatch(/PCC_APIKEY/);
  });
});
