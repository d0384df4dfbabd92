import { type Config, ServiceUnavailableError } from '@perfanalysis/platform';
import { createTransport } from 'nodemailer';

export type MailTransport = ReturnType<typeof createTransport>;

/**
 * An SMTP transport from the typed config (`SMTP_URL`, else `SMTP_HOST` and its companions;
 * docs/report-schedules.md). TLS: `secure` is TLS from the first byte (465); otherwise
 * STARTTLS is used when offered and required with `requireTls`. SERVICE_UNAVAILABLE when no
 * server is configured, so a schedule with recipients fails its delivery visibly in its runs.
 */
export function createMailTransport(mail: Config['mail']): MailTransport {
  if (!mail.smtpUrl && !mail.host) {
    throw new ServiceUnavailableError('No SMTP server is configured (SMTP_URL or SMTP_HOST): reports cannot be e-mailed.');
  }
  const timeouts = { connectionTimeout: mail.timeoutMs, greetingTimeout: mail.timeoutMs, socketTimeout: mail.timeoutMs };
  const tls = { rejectUnauthorized: mail.tlsRejectUnauthorized };
  if (mail.smtpUrl) return createTransport({ url: mail.smtpUrl, requireTLS: mail.requireTls, tls, ...timeouts });
  return createTransport({
    host: mail.host,
    port: mail.port,
    secure: mail.secure,
    requireTLS: mail.requireTls,
    tls,
    ...(mail.user && { auth: { user: mail.user, pass: mail.pass ?? '' } }),
    ...timeouts,
  });
}
