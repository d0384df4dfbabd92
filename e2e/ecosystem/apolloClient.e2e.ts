import { documentText, LivePointsDocument, UploadMetricsDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { recentCsv } from '../ingest/uploadFiles.js';
import { instants, pointAt, registerCollector, trickle, type TestCollector } from '../live/liveWorld.js';

/** One line the probe process printed. */
interface ProbeLine {
  readonly kind: 'live' | 'live-error' | 'upload';
  readonly data?: Record<string, unknown> | null;
  readonly error?: string | null;
  readonly message?: string;
}

/** The probe process and every line it reported so far. */
interface Probe {
  readonly lines: ProbeLine[];
  until(predicate: (lines: ProbeLine[]) => boolean, timeoutMs?: number): Promise<ProbeLine[]>;
  stop(): Promise<void>;
}

function startProbe(config: Record<string, unknown>): Probe {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [path.join(__dirname, 'apolloClientProbe.mjs')], {
    env: { ...process.env, PROBE_CONFIG: JSON.stringify(config) },
  });
  const lines: ProbeLine[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => lines.push(JSON.parse(line) as ProbeLine));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    lines,
    async until(predicate, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(lines)) {
        if (child.exitCode !== null) throw new Error(`probe exited ${child.exitCode}: ${stderr}`);
        if (Date.now() > deadline) throw new Error(`probe timed out; lines ${JSON.stringify(lines)}; stderr ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return lines;
    },
    async stop() {
      child.stdin.end();
      // A probe that does not leave when asked must not keep the test run alive.
      const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

const livePoints = (lines: ProbeLine[]) =>
  lines.filter((l) => l.kind === 'live' && l.data).map((l) => (l.data!.livePoints as { memUsedMb: number }).memUsedMb);
const trickled = (lines: ProbeLine[]) => livePoints(lines).filter((memUsedMb) => memUsedMb < 1000);

describe('the ecosystem clients work against the gateway unmodified', () => {
  let env: TestEnvironment;
  let tenant: TestTenant;
  let collector: TestCollector;
  let probe: Probe | undefined;

  beforeAll(async () => {
    env = await createTestEnvironment();
    tenant = await newTenant(env);
    collector = await registerCollector(tenant, 'apollo-01');
  });
  afterEach(() => probe?.stop());
  afterAll(() => env?.stop());

  it('Apollo Client 4 (GraphQLWsLink) receives live points, and UploadHttpLink uploads a CSV', async () => {
    const times = instants(6, 120_000);
    await trickle(
      env,
      collector,
      times.slice(0, 3).map((t, i) => pointAt(t, i + 1)),
    );
    probe = startProbe({
      httpUrl: env.gatewayUrl,
      wsUrl: env.gatewayUrl.replace(/^http/, 'ws'),
      token: tenant.session.accessToken,
      liveDocument: documentText(LivePointsDocument),
      liveVariables: { collectorIds: [collector.id], since: new Date(times[0]! - 1).toISOString() },
      uploadDocument: documentText(UploadMetricsDocument),
      machineId: 'apollo-01',
      csv: recentCsv('apollo-01', 20),
    });

    // Replayed points first; then points trickled while the subscription is open arrive live.
    await probe.until((lines) => livePoints(lines).length >= 3);
    await trickle(
      env,
      collector,
      times.slice(3).map((t, i) => pointAt(t, i + 4)),
    );
    // Uploaded rows (memUsedMb 1000…) are history, not live: they show up only if the replay read them.
    const lines = await probe.until((l) => trickled(l).length >= 6 && l.some((x) => x.kind === 'upload'));
    expect(trickled(lines)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lines.filter((l) => l.kind === 'live-error' || (l.kind === 'live' && l.error))).toEqual([]);
    const live = lines.find((l) => l.kind === 'live')!.data!.livePoints as { collector: { id: string; hostname: string } };
    expect(live.collector).toMatchObject({ id: collector.id, hostname: collector.hostname });

    const upload = lines.find((l) => l.kind === 'upload')!;
    expect(upload.error).toBeNull();
    expect(upload.data!.uploadMetrics).toMatchObject({ rowsProcessed: 20, duplicatesSkipped: 0, machines: ['apollo-01'] });
    const { rows } = await env.runtime.db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "tenant_${tenant.slug}".metric_points WHERE collector_id = $1`,
      [collector.id],
    );
    // Six trickled + twenty uploaded (the CSV's instants are a minute older than the trickled ones' and distinct).
    expect(rows[0]!.n).toBe(26);
  });

  it('a second tenant subscribing with Apollo Client sees none of the first tenant’s points', async () => {
    const other = await newTenant(env);
    const [t] = instants(1, 90_000);
    probe = startProbe({
      httpUrl: env.gatewayUrl,
      wsUrl: env.gatewayUrl.replace(/^http/, 'ws'),
      token: other.session.accessToken,
      liveDocument: documentText(LivePointsDocument),
      liveVariables: { collectorIds: [collector.id], since: new Date(t! - 600_000).toISOString() },
      uploadDocument: documentText(UploadMetricsDocument),
      machineId: 'apollo-01',
      csv: recentCsv('apollo-01', 2),
    });
    await trickle(env, collector, [pointAt(t!, 99)]);
    // The upload names a machine the second tenant has not registered: a typed error, nothing stored there.
    const lines = await probe.until((l) => l.some((x) => x.kind === 'upload') && l.some((x) => x.kind !== 'upload'));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(livePoints(lines)).toEqual([]);
    expect(lines.find((l) => l.kind !== 'upload')).toMatchObject({ data: null, error: expect.stringMatching(/no collector/i) });
    expect(lines.find((l) => l.kind === 'upload')).toMatchObject({ data: null, error: expect.stringMatching(/not an active collector/) });
  });
});
