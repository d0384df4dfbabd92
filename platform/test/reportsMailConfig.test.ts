import { ConfigError, loadConfig } from '@perfanalysis/platform';

describe('loadConfig: report schedules and mail', () => {
  it('falls back to the documented defaults', () => {
    const { reports, mail } = loadConfig({});
    expect(reports).toEqual({
      scheduler: true,
      schedulerTickMs: 15_000,
      runMaxAttempts: 5,
      runBackoffMs: 60_000,
      archiveRetentionMs: 90 * 86_400_000,
      archiveLinkTtlMs: 7 * 86_400_000,
      publicUrl: 'http://127.0.0.1:4000',
    });
    expect(mail).toEqual({
      smtpUrl: undefined,
      host: undefined,
      port: 587,
      secure: false,
      requireTls: false,
      tlsRejectUnauthorized: true,
      user: undefined,
      pass: undefined,
      from: 'PerfAnalysis <reports@localhost>',
      attachMaxBytes: 10 * 1024 * 1024,
      timeoutMs: 30_000,
    });
  });

  it('reads every variable', () => {
    const { reports, mail } = loadConfig({
      REPORT_SCHEDULER: 'false',
      REPORT_SCHEDULER_TICK: '5s',
      REPORT_RUN_MAX_ATTEMPTS: '3',
      REPORT_RUN_BACKOFF: '30s',
      REPORT_ARCHIVE_RETENTION: '30d',
      REPORT_ARCHIVE_LINK_TTL: '2d',
      PUBLIC_URL: 'https://perf.example.com/',
      SMTP_HOST: 'mail.example.com',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_REQUIRE_TLS: 'true',
      SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
      SMTP_USER: 'reports',
      SMTP_PASS: 'secret',
      MAIL_FROM: 'Reports <r@example.com>',
      MAIL_ATTACH_MAX_BYTES: '1000',
      SMTP_TIMEOUT: '10s',
    });
    expect(reports).toMatchObject({
      scheduler: false,
      schedulerTickMs: 5_000,
      runMaxAttempts: 3,
      runBackoffMs: 30_000,
      publicUrl: 'https://perf.example.com',
    });
    expect(reports.archiveRetentionMs).toBe(30 * 86_400_000);
    expect(reports.archiveLinkTtlMs).toBe(2 * 86_400_000);
    expect(mail).toMatchObject({ host: 'mail.example.com', port: 465, secure: true, requireTls: true, tlsRejectUnauthorized: false });
    expect(mail).toMatchObject({
      user: 'reports',
      pass: 'secret',
      from: 'Reports <r@example.com>',
      attachMaxBytes: 1000,
      timeoutMs: 10_000,
    });
  });

  it('refuses an SMTP_URL that is not smtp or smtps, without echoing it', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://user:pw@mail' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'not a url :pw' })).toThrow(/SMTP_URL: not a URL \(value not shown/);
    expect(loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.com:465' }).mail.smtpUrl).toBe('smtps://u:p@mail.example.com:465');
  });
});
