import {
  ReportDocument,
  ReportProfileDocument,
  type ReportProfileInput,
  ResetReportProfileDocument,
  SetReportProfileDocument,
} from '@perfanalysis/sdk';
import { type ReportFixture, startReportFixture } from './reportFixture.js';

const MINUTE = 60_000;
/** Ten minutes at one second, from a minute boundary an hour ago. */
const T0 = Math.floor((Date.now() - 60 * MINUTE) / MINUTE) * MINUTE;
const SECONDS = 600;
const window = { from: new Date(T0).toISOString(), to: new Date(T0 + SECONDS * 1000).toISOString() };

describe('report profiles through the gateway (docs/report-profiles.md)', () => {
  let fx: ReportFixture;

  // CPU busy (user + system) of these realistic minutes stays between 35 % and 55 %.
  beforeAll(async () => {
    fx = await startReportFixture({ machineId: 'app-01', seed: 11, fromMs: T0, seconds: SECONDS });
  }, 120_000);
  afterAll(() => fx?.env.stop());

  const profile = (client = fx.analyst, collectorId = fx.machine.id) =>
    client.request(ReportProfileDocument, { collectorId }).then((r) => r.reportProfile);
  const setProfile = (input: ReportProfileInput, client = fx.tenant.client, collectorId = fx.machine.id) =>
    client.request(SetReportProfileDocument, { collectorId, input }).then((r) => r.setReportProfile);
  const resetProfile = (client = fx.tenant.client, collectorId = fx.machine.id) =>
    client.request(ResetReportProfileDocument, { collectorId }).then((r) => r.resetReportProfile);
  const report = async (format: 'HTML' | 'PDF' = 'HTML') => {
    const { report: answer } = await fx.analyst.request(ReportDocument, { collectorId: fx.machine.id, ...window, format });
    return { ...answer, body: await (await fetch(new URL(answer.downloadUrl, fx.env.gatewayUrl))).text() };
  };

  it('starts with every default, and a report without the CPU finding', async () => {
    const start = await profile();
    expect(start.updatedAt).toBeNull();
    expect(Object.values(start.settings).filter((v) => typeof v === 'number')).toEqual([]);
    const plain = await report();
    expect(plain.recommendations.join('\n')).not.toContain('CPU busy p95');
    expect(plain.body).not.toContain('data-rule="cpu-sustained-high"');
    expect(plain.body).toContain('network: 125 MB/s per interface and direction (assumed)');
  });

  it('an ADMIN’s profile moves the report: a CPU threshold of 20 % fires, the network capacity rescales the radar', async () => {
    const set = await setProfile({ cpuBusyP95Pct: 20, networkThroughputMbPerSec: 12.5, cpuCount: 4, memoryMb: null });
    expect(set.settings).toMatchObject({ cpuBusyP95Pct: 20, networkThroughputMbPerSec: 12.5, cpuCount: 4, memoryMb: null });
    expect(set.updatedAt).not.toBeNull();
    expect(await profile()).toEqual(set);

    const html = await report();
    expect(html.recommendations.join('\n')).toMatch(/CPU busy p95 is [\d.]+ % \(threshold 20 %\)/);
    expect(html.body).toContain('data-rule="cpu-sustained-high"');
    expect(html.body).toContain('network: 12.5 MB/s per interface and direction (given)');
    expect(html.body).toContain('load: 4 CPUs');
    const pdf = await report('PDF');
    expect(pdf.recommendations).toEqual(html.recommendations);
    const { rows } = await fx.env.runtime.db.pool.query(
      `SELECT actor, outcome, details FROM public.audit_events WHERE action = 'REPORT_PROFILE' AND tenant_id = $1`,
      [fx.tenant.id],
    );
    expect(rows).toEqual([
      {
        actor: fx.tenant.admin.userId,
        outcome: 'SUCCESS',
        details: { collectorId: fx.machine.id, settings: { cpuBusyP95Pct: 20, networkThroughputMbPerSec: 12.5, cpuCount: 4 } },
      },
    ]);
  });

  it('reset brings every default back, and the finding goes', async () => {
    const reset = await resetProfile();
    expect(reset.updatedAt).toBeNull();
    expect(reset.settings.cpuBusyP95Pct).toBeNull();
    expect((await report()).recommendations.join('\n')).not.toContain('CPU busy p95');
  });

  it('refuses a bad value with BAD_USER_INPUT naming the field, and keeps the stored profile', async () => {
    await setProfile({ stealP95Pct: 7 });
    const refusals: [ReportProfileInput, string][] = [
      [{ cpuBusyP95Pct: 150 }, 'input.cpuBusyP95Pct'],
      [{ memoryMb: 0 }, 'input.memoryMb'],
      [{ diskThroughputMbPerSec: -5 }, 'input.diskThroughputMbPerSec'],
      [{ networkThroughputMbPerSec: 1e9 }, 'input.networkThroughputMbPerSec'],
      [{ loadPerCoreP95: 0 }, 'input.loadPerCoreP95'],
    ];
    for (const [input, field] of refusals) {
      await expect(setProfile(input)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', errors: [{ extensions: { field } }] });
    }
    expect((await profile()).settings.stealP95Pct).toBe(7);
  });

  it('needs ADMIN to change and ANALYST to read: ANALYST and VIEWER may not set or reset, VIEWER may not read', async () => {
    for (const client of [fx.analyst, fx.viewer]) {
      await expect(setProfile({ cpuBusyP95Pct: 1 }, client)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(resetProfile(client)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(profile(fx.viewer)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await profile()).settings.cpuBusyP95Pct).toBeNull();
  });

  it('another tenant can neither read, set nor reset this collector’s profile: NOT_FOUND, as for an unknown id', async () => {
    await expect(profile(fx.other.client)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(setProfile({ cpuBusyP95Pct: 1 }, fx.other.client)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(resetProfile(fx.other.client)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(profile(fx.analyst, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await profile()).settings.stealP95Pct).toBe(7);
  });
});
