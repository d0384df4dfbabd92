import { RegisterCollectorDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTcpSwitch } from './tcpSwitch.js';

const AGENT = path.resolve(__dirname, '../../agent/dist/cli.js');
const PERIOD_MS = 250;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
    const gateway = new URL(env.gatewayUrl);
    const tcp = await startTcpSwitch(gateway);
    const agentEnv = {
      PCC_SERVER: tcp.url,
      PCC_APIKEY: registerCollector.apiKey,
      PCC_MACHINE_ID: 'agent-e2e',
      PCC_SPOOL_DIR: mkdtempSync(path.join(tmpdir(), 'pa-spool-')),
    };
    let agent = startAgent(agentEnv);
    await sleep(2_000);
    await tcp.down();
    const outageStart = Date.now();
    await sleep(1_500);
    agent.child.kill('SIGTERM');
    expect((await agent.exited).code).toBe(0);
    const restartedAt = Date.now();
    agent = startAgent(agentEnv);
    await sleep(1_500);
    const outageEnd = Date.now();
    await tcp.up();
    await sleep(3_000);
    agent.child.kill('SIGTERM');
    await agent.exited;
    await tcp.close();

    const times = await stored(registerCollector.collector.id);
    expect(new Set(times).size).toBe(times.length);
    // Sampled while the server was unreachable, before and after the agent restart: all arrived.
    const during = times.filter((t) => t > outageStart && t < outageEnd);
    const beforeRestart = during.filter((t) => t < restartedAt);
    const afterRestart = during.filter((t) => t > restartedAt);
    expect(beforeRestart.length).toBeGreaterThanOrEqual(Math.floor(1_500 / PERIOD_MS) - 2);
    expect(afterRestart.length).toBeGreaterThanOrEqual(Math.floor(1_000 / PERIOD_MS) - 2);
    // No hole longer than the restart itself (the agent primes one sample after starting).
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    const restartHoles = gaps.filter((g) => g > PERIOD_MS * 3);
    expect(restartHoles.length).toBeLessThanOrEqual(1);
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
