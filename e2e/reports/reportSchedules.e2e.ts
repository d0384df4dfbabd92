import {
  CreateAlertWebhookDocument,
  CreateReportScheduleDocument,
  createClient,
  DeleteReportScheduleDocument,
  type GraphQLClient,
  type GraphQLRequestError,
  ReportArchiveDocument,
  ReportArchiveDownloadDocument,
  type ReportScheduleInput,
  ReportRunsDocument,
  ReportSchedulesDocument,
  PauseReportScheduleDocument,
  RunReportScheduleDocument,
  UpdateReportScheduleDocument,
} from '@perfanalysis/sdk';
import { bindTenant } from '@perfanalysis/platform';
import { createTestEnvironment, joinTenant, logIn, newTenant, signUp, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { startReceiver, type Receiver } from '../alerts/alertsWorld.js';
import { copyPoints, realisticValues, registerMachine, schemaOf, seededRandom, type TestMachine } from '../metrics/metricData.js';
import { pdfText } from './pdfText.js';
import { archiveLinkKey, parseArchiveLink } from '../../subgraphs/reports/src/archive/archiveLink.js';
import { purgeArchive } from '../../subgraphs/reports/src/archive/purgeArchive.js';
import { startRunner, type TestRunner } from './scheduleRunners.js';
import { SMTP_PASS, SMTP_USER, type SmtpSink, startSmtpSink } from './smtpSink.js';

const HOUR = 3_600_000;
const SECRET = 'report-webhook-secret-0123456789';

/** The path of an absolute link (PUBLIC_URL is not the test gateway's address), fetched on the gateway. */
const fetchLink = (env: TestEnvironment, link: string) => fetch(new URL(new URL(link).pathname, env.gatewayUrl));

describe('report schedules: two runners, archive, e-mail and webhook delivery', () => {
  let env: TestEnvironment;
  let sink: SmtpSink;
  let receiver: Receiver;
  let tenant: TestTenant;
  let machines: TestMachine[];
  let analyst: GraphQLClient;
  let runners: TestRunner[];
  /** The next full hour: the hourly schedules' first instant; the hour before it holds the data. */
  let nextHour: number;

  beforeAll(async () => {
    sink = await startSmtpSink();
    receiver = await startReceiver(SECRET);
    env = await createTestEnvironment({
      env: {
        // The test's runners are the only ones, on the test's clock.
        REPORT_SCHEDULER: 'false',
        SMTP_URL: sink.url,
        MAIL_FROM: 'PerfAnalysis Reports <reports@perfanalysis.test>',
        REPORT_RUN_MAX_ATTEMPTS: '3',
        REPORT_RUN_BACKOFF: '2s',
        REPORT_ARCHIVE_RETENTION: '30d',
        PUBLIC_URL: 'https://perf.example.test',
        ALERTS_WEBHOOK_ALLOW_PRIVATE: 'true',
      },
    });
    tenant = await newTenant(env);
    nextHour = Math.ceil((Date.now() + 1) / HOUR) * HOUR;
    machines = [];
    for (const name of ['web-01', 'web-02', 'db-01']) {
      const machine = await registerMachine(tenant, name);
      const random = seededRandom(machines.length + 3);
      // The current hour (the cron runs' window at nextHour) and the one before (manual runs' window now).
      await copyPoints(env.runtime.db.pool, schemaOf(tenant), machine.id, {
        fromMs: nextHour - 2 * HOUR,
        count: 7_200,
        values: (i) => realisticValues(i, random),
      });
      machines.push(machine);
    }
    const user = await signUp(env);
    await joinTenant(env, tenant, user, 'ANALYST');
    analyst = createClient({ url: env.gatewayUrl, token: (await logIn(env, user, tenant.slug)).accessToken });
    runners = [await startRunner(env), await startRunner(env)];
  }, 240_000);

  afterAll(async () => {
    for (const runner of runners ?? []) await runner.stop();
    await env?.stop();
    await sink?.close();
    await receiver?.close();
  });

  const create = (input: Partial<ReportScheduleInput>, client = tenant.client) =>
    client
      .request(CreateReportScheduleDocument, {
        input: { name: 'hourly', cron: '0 * * * *', window: 'PREVIOUS_HOUR', collectorIds: [machines[0]!.id], ...input },
      })
      .then((r) => r.createReportSchedule);
  const runsOf = (scheduleId: string) => analyst.request(ReportRunsDocument, { scheduleId }).then((r) => r.reportRuns);
  const archiveOf = (scheduleId: string) => analyst.request(ReportArchiveDocument, { scheduleId }).then((r) => r.reportArchive);
  /** Both runners at once, as two replicas waking at the same instant, `times` over. */
  const race = async (now: number, times = 1) => {
    for (let i = 0; i < times; i++) await Promise.all(runners.map((runner) => runner.once(new Date(now))));
  };

  it('renders each due run exactly once across two runners, archives it, e-mails the PDFs and calls the signed webhook', async () => {
    const { createAlertWebhook } = await tenant.client.request(CreateAlertWebhookDocument, {
      input: { url: receiver.url, secret: SECRET },
    });
    const fleet = await create({
      name: 'Fleet, hourly',
      timeZone: 'Europe/Berlin',
      format: 'PDF',
      collectorIds: machines.map((m) => m.id),
      recipients: ['ops@example.test', 'lead@example.test'],
      webhookIds: [createAlertWebhook.webhook.id],
    });
    expect(fleet).toMatchObject({ kind: 'COLLECTOR', format: 'PDF', paused: false, createdBy: tenant.admin.email });
    expect(Date.parse(fleet.nextRunAt!)).toBe(nextHour);
    const single = await create({ name: 'db-01, HTML', format: 'HTML', collectorIds: [machines[2]!.id] });
    const paused = await create({ name: 'paused', paused: true });
    // Runs already queued when both runners wake: they contend for the same rows.
    for (let i = 0; i < 4; i++) {
      await tenant.client.request(RunReportScheduleDocument, { id: single.id });
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    await race(nextHour + 1_000, 3);

    const [fleetRuns, singleRuns] = [await runsOf(fleet.id), await runsOf(single.id)];
    expect(fleetRuns).toHaveLength(1);
    expect(singleRuns.map((r) => r.manual).sort()).toEqual([false, true, true, true, true]);
    for (const run of [...fleetRuns, ...singleRuns]) {
      expect(run).toMatchObject({ status: 'SUCCEEDED', attempts: 1, lastError: null, nextAttemptAt: null });
      expect(runners.map((r) => r.id)).toContain(run.renderedBy);
    }
    for (const run of [fleetRuns[0]!, singleRuns.find((r) => !r.manual)!]) {
      expect(Date.parse(run.scheduledFor)).toBe(nextHour);
      expect([Date.parse(run.from), Date.parse(run.to)]).toEqual([nextHour - HOUR, nextHour]);
    }
    expect(await runsOf(paused.id)).toEqual([]);

    // One document per collector and run: a second rendering would have archived a second copy.
    const archived = await archiveOf(fleet.id);
    expect(archived.map((a) => a.machineId).sort()).toEqual(['db-01', 'web-01', 'web-02']);
    for (const entry of archived) {
      expect(entry).toMatchObject({
        format: 'PDF',
        points: 3_600,
        runId: fleetRuns[0]!.id,
        createdBy: tenant.admin.email,
        scheduleName: 'Fleet, hourly',
      });
      expect(Date.parse(entry.expiresAt) - Date.parse(entry.createdAt)).toBe(30 * 24 * HOUR);
    }
    const singleArchive = await archiveOf(single.id);
    expect(singleArchive.map((a) => a.runId).sort()).toEqual(singleRuns.map((r) => r.id).sort());
    expect(singleArchive.every((a) => a.points === 3_600)).toBe(true);

    // One e-mail, to both recipients, with the three PDFs attached; a key figure read back from one.
    expect(sink.received).toHaveLength(1);
    const mail = sink.received[0]!;
    expect(mail.user).toBe(SMTP_USER);
    expect(mail.envelopeTo.sort()).toEqual(['lead@example.test', 'ops@example.test']);
    expect(mail.message.from?.address).toBe('reports@perfanalysis.test');
    expect(mail.message.subject).toContain('Fleet, hourly');
    expect(mail.message.attachments.map((a) => a.filename).sort()).toEqual(archived.map((a) => a.fileName).sort());
    const web02 = mail.message.attachments.find((a) => a.filename!.startsWith('report_web-02_'))!;
    expect(web02.mimeType).toBe('application/pdf');
    const text = pdfText(new Uint8Array(web02.content as ArrayBuffer));
    expect(text).toContain('web-02.test (web-02)');
    expect(text).toContain('3,600 samples');

    // One signed REPORT event; its links download the archived documents.
    const events = receiver.accepted('REPORT');
    expect(events).toHaveLength(1);
    expect(events[0]!.validSignature).toBe(true);
    const documents = events[0]!.json.documents as { url: string; fileName: string; bytes: number }[];
    expect(documents).toHaveLength(3);
    expect(documents[0]!.url.startsWith('https://perf.example.test/downloads/reports/')).toBe(true);
    const response = await fetchLink(env, documents[0]!.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect((await response.arrayBuffer()).byteLength).toBe(documents[0]!.bytes);
  }, 300_000);

  it('lists the archive for ANALYST with who/what/when and hands out a download link', async () => {
    const entries = await analyst.request(ReportArchiveDocument, {}).then((r) => r.reportArchive);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    const entry = entries.find((e) => e.format === 'HTML')!;
    const { reportArchiveDownload } = await analyst.request(ReportArchiveDownloadDocument, { id: entry.id });
    expect(reportArchiveDownload.downloadUrl).toMatch(/^\/downloads\/reports\/[A-Za-z0-9_-]{43}$/);
    const response = await fetch(new URL(reportArchiveDownload.downloadUrl, env.gatewayUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${entry.fileName}"`);
    const html = await response.text();
    expect(html).toContain('db-01.test (db-01)');
    expect(Buffer.byteLength(html)).toBe(entry.bytes);
  });

  it('retries a refused e-mail with back-off without rendering again, and links documents above the attachment limit', async () => {
    const busy = await startSmtpSink({ refuseFirst: 1 });
    const runner = await startRunner(env, (c) => ({ ...c, mail: { ...c.mail, smtpUrl: busy.url, attachMaxBytes: 1_000 } }));
    try {
      const schedule = await create({
        name: 'retried',
        format: 'HTML',
        collectorIds: [machines[1]!.id],
        recipients: ['ops@example.test'],
        paused: true,
      });
      const { runReportSchedule: queued } = await tenant.client.request(RunReportScheduleDocument, { id: schedule.id });
      expect(queued).toMatchObject({ status: 'PENDING', manual: true, attempts: 0 });
      const now = Date.now();
      await runner.once(new Date(now));
      const [first] = await runsOf(schedule.id);
      expect(first).toMatchObject({ status: 'DELIVERING', attempts: 1, renderedBy: runner.id });
      expect(first!.lastError).toMatch(/^e-mail: .*Try again later/);
      expect(Date.parse(first!.nextAttemptAt!) - now).toBe(2_000);
      // Not due yet: nothing happens.
      await runner.once(new Date(now + 1_000));
      expect((await runsOf(schedule.id))[0]).toMatchObject({ attempts: 1 });
      await runner.once(new Date(now + 2_000));
      expect((await runsOf(schedule.id))[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 2, lastError: null });
      expect(await archiveOf(schedule.id)).toHaveLength(1);
      expect(busy.refused).toBe(1);
      expect(busy.received).toHaveLength(1);
      const message = busy.received[0]!.message;
      expect(message.attachments).toEqual([]);
      const link = /https:\/\/perf\.example\.test\/downloads\/reports\/[A-Za-z0-9_-]{43}/.exec(message.text!)![0];
      expect(message.text).toContain('too large to attach');
      expect((await fetchLink(env, link)).status).toBe(200);
    } finally {
      await runner.stop();
      await busy.close();
    }
  }, 120_000);

  it('sends over TLS with the separate SMTP settings, refusing an unverifiable certificate unless told to accept it', async () => {
    const tlsSink = await startSmtpSink({ secure: true });
    const separate = { smtpUrl: undefined, host: '127.0.0.1', port: tlsSink.port, secure: true, user: SMTP_USER, pass: SMTP_PASS };
    const strict = await startRunner(env, (c) => ({ ...c, mail: { ...c.mail, ...separate, tlsRejectUnauthorized: true } }));
    const lenient = await startRunner(env, (c) => ({ ...c, mail: { ...c.mail, ...separate, tlsRejectUnauthorized: false } }));
    try {
      const schedule = await create({ name: 'over TLS', format: 'HTML', recipients: ['sec@example.test'], paused: true });
      await tenant.client.request(RunReportScheduleDocument, { id: schedule.id });
      const now = Date.now();
      await strict.once(new Date(now));
      const [refused] = await runsOf(schedule.id);
      expect(refused).toMatchObject({ status: 'DELIVERING', attempts: 1 });
      expect(refused!.lastError).toMatch(/^e-mail: .*certificate/i);
      expect(tlsSink.received).toEqual([]);
      expect(tlsSink.errors.join('\n')).toContain('TLS');
      await lenient.once(new Date(now + 2_000));
      expect((await runsOf(schedule.id))[0]).toMatchObject({ status: 'SUCCEEDED', attempts: 2 });
      expect(tlsSink.received).toHaveLength(1);
      expect(tlsSink.received[0]).toMatchObject({ secure: true, user: SMTP_USER, envelopeTo: ['sec@example.test'] });
    } finally {
      await strict.stop();
      await lenient.stop();
      await tlsSink.close();
    }
  }, 120_000);

  it('fails a run whose collector is gone after the configured attempts, keeping the error', async () => {
    const gone = await registerMachine(tenant, 'gone-01');
    const schedule = await create({ name: 'doomed', collectorIds: [gone.id], paused: true });
    await tenant.client.request(RunReportScheduleDocument, { id: schedule.id });
    await env.runtime.db.pool.query(`DELETE FROM "${schemaOf(tenant)}".collectors WHERE id = $1`, [gone.id]);
    const now = Date.now();
    for (const offset of [0, 2_000, 6_000]) await race(now + offset);
    const [run] = await runsOf(schedule.id);
    expect(run).toMatchObject({ status: 'FAILED', attempts: 3, nextAttemptAt: null, renderedBy: null });
    expect(run!.lastError).toBe(`render: collector ${gone.id} no longer exists`);
    expect(await archiveOf(schedule.id)).toEqual([]);
  }, 120_000);

  it('lists schedules for ANALYST but lets only ADMIN change them', async () => {
    const schedules = await analyst.request(ReportSchedulesDocument, {}).then((r) => r.reportSchedules);
    expect(schedules.map((s) => s.name)).toEqual(expect.arrayContaining(['Fleet, hourly', 'paused']));
    await expect(create({ name: 'not mine' }, analyst)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(analyst.request(RunReportScheduleDocument, { id: schedules[0]!.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses malformed schedules with BAD_USER_INPUT naming the field', async () => {
    const field = (input: Partial<ReportScheduleInput>) =>
      create(input).then(
        () => undefined,
        (error: GraphQLRequestError) => [error.code, error.errors[0]?.extensions?.field],
      );
    expect(await field({ cron: '0 25 * * *' })).toEqual(['BAD_USER_INPUT', 'cron']);
    expect(await field({ cron: '* * * * * *' })).toEqual(['BAD_USER_INPUT', 'cron']);
    expect(await field({ timeZone: 'Moon/Tranquility' })).toEqual(['BAD_USER_INPUT', 'timeZone']);
    expect(await field({ format: 'SVG' })).toEqual(['BAD_USER_INPUT', 'format']);
    expect(await field({ recipients: ['ops@example.test\r\nBcc: x@evil.test'] })).toEqual(['BAD_USER_INPUT', 'recipients']);
    expect(await field({ collectorIds: [] })).toEqual(['BAD_USER_INPUT', 'collectorIds']);
    expect(await field({ name: ' ' })).toEqual(['BAD_USER_INPUT', 'name']);
  });

  it('keeps a second tenant from listing, changing, running or downloading the first tenant’s schedules and archive', async () => {
    const other = await newTenant(env);
    const [victim] = await analyst.request(ReportSchedulesDocument, {}).then((r) => r.reportSchedules);
    const [entry] = await analyst.request(ReportArchiveDocument, {}).then((r) => r.reportArchive);
    const hisCollector = await registerMachine(other, 'his-01');
    const client = other.client;
    expect(await client.request(ReportSchedulesDocument, {}).then((r) => r.reportSchedules)).toEqual([]);
    expect(await client.request(ReportArchiveDocument, {}).then((r) => r.reportArchive)).toEqual([]);
    const notFound = { code: 'NOT_FOUND' };
    await expect(client.request(ReportRunsDocument, { scheduleId: victim!.id })).rejects.toMatchObject(notFound);
    await expect(client.request(UpdateReportScheduleDocument, { id: victim!.id, input: { name: 'mine now' } })).rejects.toMatchObject(
      notFound,
    );
    await expect(client.request(PauseReportScheduleDocument, { id: victim!.id })).rejects.toMatchObject(notFound);
    await expect(client.request(RunReportScheduleDocument, { id: victim!.id })).rejects.toMatchObject(notFound);
    await expect(client.request(DeleteReportScheduleDocument, { id: victim!.id })).rejects.toMatchObject(notFound);
    await expect(client.request(ReportArchiveDownloadDocument, { id: entry!.id })).rejects.toMatchObject(notFound);
    await expect(create({ collectorIds: [machines[0]!.id] }, client)).rejects.toMatchObject(notFound);
    expect(victim!.webhookIds).toHaveLength(1);
    await expect(create({ collectorIds: [hisCollector.id], webhookIds: victim!.webhookIds }, client)).rejects.toMatchObject(notFound);
    // The refused calls changed nothing.
    const after = await analyst.request(ReportSchedulesDocument, {}).then((r) => r.reportSchedules.find((s) => s.id === victim!.id));
    expect(after).toMatchObject({ name: victim!.name, paused: victim!.paused, updatedAt: victim!.updatedAt });
  });

  it('resolves a link by the tenant it names, links of the old {schema} shape too, and no other tenant’s entry through one', async () => {
    const other = await newTenant(env);
    const [entry] = await analyst.request(ReportArchiveDocument, {}).then((r) => r.reportArchive);
    const { reportArchiveDownload } = await analyst.request(ReportArchiveDownloadDocument, { id: entry!.id });
    const key = archiveLinkKey(reportArchiveDownload.downloadUrl.split('/').pop()!);
    const download = () => fetch(new URL(reportArchiveDownload.downloadUrl, env.gatewayUrl));
    expect(parseArchiveLink((await env.runtime.kv.get(key))!)).toEqual({ tenant: tenant.slug, archiveId: entry!.id });
    expect((await download()).status).toBe(200);
    // A link naming the second tenant finds nothing of the first's, though the id is the first's.
    await env.runtime.kv.set(key, JSON.stringify({ tenant: other.slug, archiveId: entry!.id }), 60_000);
    expect((await download()).status).toBe(404);
    // A link issued before the change (it stored the schema) still resolves until it expires…
    await env.runtime.kv.set(key, JSON.stringify({ schema: schemaOf(tenant), archiveId: entry!.id }), 60_000);
    const old = await download();
    expect(old.status).toBe(200);
    expect(old.headers.get('content-disposition')).toBe(`attachment; filename="${entry!.fileName}"`);
    // …and one of the second tenant's schema is no door into the first's archive either.
    await env.runtime.kv.set(key, JSON.stringify({ schema: schemaOf(other), archiveId: entry!.id }), 60_000);
    expect((await download()).status).toBe(404);
  });

  it('pauses, resumes, updates and deletes a schedule (ADMIN)', async () => {
    const schedule = await create({ name: 'lifecycle', cron: '30 6 * * *', window: 'PREVIOUS_DAY', timeZone: 'America/New_York' });
    const paused = await tenant.client.request(PauseReportScheduleDocument, { id: schedule.id }).then((r) => r.pauseReportSchedule);
    expect(paused).toMatchObject({ paused: true, nextRunAt: null });
    const resumed = await tenant.client
      .request(PauseReportScheduleDocument, { id: schedule.id, paused: false })
      .then((r) => r.pauseReportSchedule);
    expect(resumed.paused).toBe(false);
    expect(Date.parse(resumed.nextRunAt!)).toBeGreaterThan(Date.now());
    const updated = await tenant.client
      .request(UpdateReportScheduleDocument, {
        id: schedule.id,
        input: { cron: '0 7 * * 1', window: 'PREVIOUS_WEEK', recipients: ['a@example.test'] },
      })
      .then((r) => r.updateReportSchedule);
    expect(updated).toMatchObject({
      name: 'lifecycle',
      cron: '0 7 * * 1',
      window: 'PREVIOUS_WEEK',
      timeZone: 'America/New_York',
      recipients: ['a@example.test'],
    });
    // Mondays at 07:00 in New York.
    const next = new Date(updated.nextRunAt!);
    expect(
      new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', weekday: 'short', hour: 'numeric', hour12: false }).format(next),
    ).toBe('Mon, 07');
    await expect(
      tenant.client.request(UpdateReportScheduleDocument, { id: schedule.id, input: { timeZone: 'Nowhere/Land' } }),
    ).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await tenant.client.request(DeleteReportScheduleDocument, { id: schedule.id })).toEqual({ deleteReportSchedule: true });
    await expect(runsOf(schedule.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const { rows } = await env.runtime.db.pool.query<{ change: string; outcome: string }>(
      `SELECT details->>'change' AS change, outcome FROM public.audit_events
        WHERE action = 'REPORT_SCHEDULE' AND details->>'scheduleId' = $1 ORDER BY id`,
      [schedule.id],
    );
    expect(rows.map((r) => r.change)).toEqual(['CREATED', 'PAUSED', 'RESUMED', 'UPDATED', 'DELETED']);
    expect(rows.every((r) => r.outcome === 'SUCCESS')).toBe(true);
  });

  it('purges archived documents past the retention, and their links stop working', async () => {
    const [entry] = await analyst.request(ReportArchiveDocument, {}).then((r) => r.reportArchive);
    const { reportArchiveDownload } = await analyst.request(ReportArchiveDownloadDocument, { id: entry!.id });
    const purged = await purgeArchive(
      env.runtime,
      bindTenant(env.runtime.db.pool, tenant.slug),
      new Date(Date.parse(entry!.expiresAt) + 60 * HOUR),
    );
    expect(purged).toBeGreaterThanOrEqual(5);
    expect(await analyst.request(ReportArchiveDocument, {}).then((r) => r.reportArchive)).toEqual([]);
    expect((await fetch(new URL(reportArchiveDownload.downloadUrl, env.gatewayUrl))).status).toBe(404);
  });
});
