import type { AddressInfo } from 'node:net';
import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/** One message the sink accepted: the envelope as the server saw it and the parsed MIME message. */
export interface ReceivedMail {
  readonly envelopeTo: string[];
  readonly user: string | undefined;
  /** The connection was TLS. */
  readonly secure: boolean;
  readonly message: Email;
}

/** A real SMTP server in this process (the `smtp-server` package), requiring a login. */
export interface SmtpSink {
  /** `smtp://user:pass@127.0.0.1:<port>` (`smtps://` when secure), as SMTP_URL. */
  readonly url: string;
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Messages refused so far (see `refuseFirst`). */
  readonly refused: number;
  /** Connection errors the server reported (a client refusing the certificate). */
  readonly errors: string[];
  close(): Promise<void>;
}

export const SMTP_USER = 'reports';
export const SMTP_PASS = 'smtp-test-password';

/**
 * Starts the sink on a free port of 127.0.0.1 with AUTH PLAIN/LOGIN: plain SMTP, or with
 * `secure` TLS from the first byte on smtp-server's built-in self-signed certificate (which a
 * client checking certificates refuses). `refuseFirst` messages are answered 451 (temporary
 * failure) after their data, as a busy relay would.
 */
export async function startSmtpSink(options: { refuseFirst?: number; secure?: boolean } = {}): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  let refused = 0;
  const server = new SMTPServer({
    secure: options.secure ?? false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS) return callback(null, { user: auth.username });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refused < (options.refuseFirst ?? 0)) {
          refused += 1;
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        PostalMime.parse(Buffer.concat(chunks)).then(
          (message) => {
            received.push({
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
              user: session.user as string | undefined,
              secure: session.secure,
              message,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  const errors: string[] = [];
  server.on('error', (error: Error) => errors.push(error.message));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `${options.secure ? 'smtps' : 'smtp'}://${SMTP_USER}:${SMTP_PASS}@127.0.0.1:${port}`,
    port,
    received,
    get refused() {
      return refused;
    },
    errors,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
