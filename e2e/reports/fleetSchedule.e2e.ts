import {
  CreateReportScheduleDocument,
  createClient,
  DeleteReportScheduleDocument,
  type GraphQLClient,
  ReportArchiveDocument,
  ReportArchiveDownloadDocument,
  ReportRunsDocument,
  ReportSchedulesDocument,
  RunReportScheduleDocument,
  UpdateReportScheduleDocument,
} from '@perfanalysis/sdk';
import { createTestEnvironment, joinTenant, logIn, newTenant, signUp, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildDashboard, launchBrowser, logInPage, openPage, screenshot, type WatchedPage } from '../dashboard/browser.js';
import { copyPoints, realisticValues, registerMachine, schemaOf, seededRandom, type TestMachine } from '../metrics/metricData.js';
import { pdfText } from './pdfText.js';
import { startRunner, type TestRunner } from './scheduleRunners.js';
import { type SmtpSink, startSmtpSink } from './smtpSink.js';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
/** A week at one point a minute: enough to rank three collectors without a million rows. */
const STEP = 60_000;
const POINTS = WEEK / STEP;
const MACHINES = ['web-01', 'web-02', 'db-01'];

/**
 * The "done when" of scheduled fleet comparisons (docs/report-schedules.md): a weekly FLEET
 * schedule of three collectors, two runners (replicas) racing for it, one comparison
 * rendered and archived, e-mailed as a PDF, and listed in the dashboard's report archive.
 */
describe('scheduled weekly fleet comparison: two runners, archive, e-mail, dashboard', () => {
  let env: TestEnvironment;
  let sink: SmtpSink;
  let browser: Browser;
  let watched: WatchedPage | undefined;
  let tenant: TestTenant;
  let analyst: GraphQLClient;
  let machines: TestMachine[];
  let runners: TestRunner[];
  let scheduleId: string;
  /** Monday 06:00 UTC, the schedule's first instant; the ISO week before its own holds the data. */
  let instant: number;

  beforeAll(async () => {
    buildDashboard();
    sink = await startSmtpSink();
    env = await createTestEnvironment({
      env: {
        REPORT_SCHEDULER: 'false',
        SMTP_URL: sink.url,
        PUBLIC_URL: 'https://perf.example.test',
        RATE_LIMIT_AUTH: '1000',
        RATE_LIMIT_API: '100000',
      },
    });
    browser = await launchBrowser();
    tenant = await newTenant(env);
    machines = [];
    for (const name of MACHINES) machines.push(await registerMachine(tenant, name));
    const { createReportSchedule } = await tenant.client.request(CreateReportScheduleDocument, {
      input: {
        name: 'Web and db, weekly fleet',
        kind: 'FLEET',
        cron: '0 6 * * 1',
        timeZone: 'UTC',
        window: 'PREVIOUS_WEEK',
        format: 'PDF',
        collectorIds: machines.map((m) => m.id),
        recipients: ['ops@example.test', 'capacity@example.test'],
      },
    });
    scheduleId = createReportSchedule.id;
    instant = Date.parse(createReportSchedule.nextRunAt!);
    const weekFrom = instant - 6 * HOUR - WEEK;
    for (const [i, machine] of machines.entries()) {
      const random = seededRandom(40 + i);
      await copyPoints(env.runtime.db.pool, schemaOf(tenant), machine.id, {
        fromMs: weekFrom,
        count: POINTS,
        stepMs: STEP,
        values: (p) => realisticValues(p, random),
      });
    }
    const user = await signUp(env);
    await joinTenant(env, tenant, user, 'ANALYST');
    analyst = createClient({ url: env.gatewayUrl, token: (await logIn(env, user, tenant.slug)).accessToken });
    runners = [await startRunner(env), await startRunner(env)];
  }, 240_000);

  afterAll(async () => {
    await watched?.close();
    for (const runner of runners ?? []) await runner.stop();
    await browser?.close();
    await env?.stop();
    await sink?.close();
  });

  const archive = (client: GraphQLClient = analyst) => client.request(ReportArchiveDocument, { scheduleId }).then((r) => r.reportArchive);

  it('renders the due comparison once across two racing runners, archives it and e-mails it as a PDF', async () => {
    // Both replicas wake at the same instant, three ticks over: the run is claimed once.
    for (let tick = 0; tick < 3; tick++) await Promise.all(runners.map((runner) => runner.once(new Date(instant + 1_000))));

    const runs = await analyst.request(ReportRunsDocument, { scheduleId }).then((r) => r.reportRuns);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 1, lastError: null, manual: false });
    expect(runners.map((r) => r.id)).toContain(runs[0]!.renderedBy);
    expect([Date.parse(runs[0]!.from), Date.parse(runs[0]!.to)]).toEqual([instant - 6 * HOUR - WEEK, instant - 6 * HOUR]);

    // One document for the whole fleet, naming every collector in the schedule's order.
    const entries = await archive();
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry).toMatchObject({
      kind: 'FLEET',
      format: 'PDF',
      collector: null,
      machineId: null,
      machineIds: MACHINES,
      points: 3 * POINTS,
      runId: runs[0]!.id,
      createdBy: tenant.admin.email,
      scheduleName: 'Web and db, weekly fleet',
    });
    expect(entry!.collectors.map((c) => c.id)).toEqual(machines.map((m) => m.id));
    expect(entry!.fileName).toMatch(/^comparison_fleet_web-01_.*\.pdf$/);

    // One message to both recipients, the comparison attached; its text read back from the PDF.
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.envelopeTo.sort()).toEqual(['capacity@example.test', 'ops@example.test']);
    expect(mail.message.subject).toBe(
      `Report: Web and db, weekly fleet (${new Date(instant - 6 * HOUR - WEEK).toISOString().slice(0, 10)})`,
    );
    expect(mail.message.text).toContain('fleet comparison of 3 (web-01, web-02, db-01)');
    expect(mail.message.attachments).toHaveLength(1);
    const [attachment] = mail.message.attachments;
    expect(attachment).toMatchObject({ filename: entry!.fileName, mimeType: 'application/pdf' });
    const pdf = new Uint8Array(attachment!.content as ArrayBuffer);
    expect(pdf.byteLength).toBe(entry!.bytes);
    const text = pdfText(pdf);
    expect(text).toContain('Fleet comparison');
    expect(text).toContain('3 collectors');
    for (const name of MACHINES) expect(text).toContain(name);
  }, 300_000);

  it('lists the fleet comparison in the dashboard’s report archive and downloads it (Chromium)', async () => {
    watched = await openPage(browser, new URL(env.gatewayUrl).origin);
    const { page } = watched;
    await logInPage(page, tenant.admin);
    await page.locator('a.nav-link', { hasText: 'Report archive' }).click();
    const row = page.locator('#archive-table tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    for (const part of ['Web and db, weekly fleet', 'Fleet of 3: web-01, web-02, db-01', 'PDF', tenant.admin.email]) {
      expect(text).toContain(part);
    }
    await screenshot(page, 'report-archive-fleet');
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-action="download"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^comparison_fleet_web-01_.*\.pdf$/);
    expect(pdfText(fs.readFileSync(await download.path()))).toContain('db-01');
    expect(watched.consoleErrors).toEqual([]);
  }, 120_000);

  it('keeps a second tenant from seeing, downloading or changing the fleet schedule and its archive entry', async () => {
    const other = await newTenant(env);
    const [entry] = await archive();
    const client = other.client;
    expect(await client.request(ReportSchedulesDocument, {}).then((r) => r.reportSchedules)).toEqual([]);
    expect(await client.request(ReportArchiveDocument, {}).then((r) => r.reportArchive)).toEqual([]);
    const notFound = { code: 'NOT_FOUND' };
    expect(await archive(client)).toEqual([]);
    await expect(client.request(ReportRunsDocument, { scheduleId })).rejects.toMatchObject(notFound);
    await expect(client.request(ReportArchiveDownloadDocument, { id: entry!.id })).rejects.toMatchObject(notFound);
    await expect(client.request(RunReportScheduleDocument, { id: scheduleId })).rejects.toMatchObject(notFound);
    await expect(
      client.request(UpdateReportScheduleDocument, { id: scheduleId, input: { recipients: ['thief@example.test'] } }),
    ).rejects.toMatchObject(notFound);
    await expect(client.request(DeleteReportScheduleDocument, { id: scheduleId })).rejects.toMatchObject(notFound);
    // Nor can it schedule a fleet of the first tenant's collectors to itself.
    await expect(
      client.request(CreateReportScheduleDocument, {
        input: { name: 'theirs', kind: 'FLEET', cron: '0 6 * * 1', window: 'PREVIOUS_WEEK', collectorIds: machines.map((m) => m.id) },
      }),
    ).rejects.toMatchObject(notFound);
    // The schedule is unchanged and its document still there for the owner.
    const [mine] = await analyst.request(ReportSchedulesDocument, {}).then((r) => r.reportSchedules);
    expect(mine).toMatchObject({ id: scheduleId, kind: 'FLEET', recipients: ['ops@example.test', 'capacity@example.test'] });
    expect(await archive()).toHaveLength(1);
  });
});
