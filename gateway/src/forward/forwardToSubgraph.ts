import {
  AppError,
  BadRequestError,
  IDENTITY_HEADER,
  type Logger,
  PayloadTooLargeError,
  type RequestIdentity,
  RequestTimeoutError,
  sendJsonError,
  ServiceUnavailableError,
  signIdentity,
} from '@perfanalysis/platform';
import type { Request, Response } from 'express';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Transform, type TransformCallback } from 'node:stream';

/** Request headers a subgraph may see; credentials never pass, only the signed identity. */
const FORWARDED_REQUEST_HEADERS = [
  'content-type',
  'content-length',
  'accept',
  'accept-encoding',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'user-agent',
];
/** Response headers passed back to the client. */
const FORWARDED_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'content-encoding',
  'vary',
  'content-disposition',
  'cache-control',
  'retry-after',
];

export interface ForwardOptions {
  readonly target: URL;
  readonly identity: RequestIdentity;
  readonly secret: string;
  readonly logger: Logger;
  /** The body is cut off (413) past this many bytes. */
  readonly maxBytes: number;
  /** A sender silent for this long gets 408 REQUEST_TIMEOUT and nothing is committed. @default 30000 */
  readonly idleTimeoutMs?: number;
  /** A body not complete after this long gets 408 REQUEST_TIMEOUT and nothing is committed. @default 600000 */
  readonly totalTimeoutMs?: number;
}

function pick(headers: IncomingHttpHeaders, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

/** The body is larger than the forwarded route accepts. */
const tooLarge = () => new PayloadTooLargeError('The request body is larger than the upload limit.');

class ByteLimit extends Transform {
  private seen = 0;
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.max) callback(tooLarge());
    else callback(null, chunk);
  }
}

/**
 * Streams a request to a subgraph and its answer back, without buffering either body: how
 * uploads (GraphQL multipart) and the REST compatibility endpoints reach the metrics service.
 * The client's credentials are replaced by the gateway-signed identity.
 */
export function forwardToSubgraph(req: Request, res: Response, options: ForwardOptions): void {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > options.maxBytes) return sendJsonError(res, tooLarge());
  const upstream = httpRequest(options.target, {
    method: req.method,
    headers: { ...pick(req.headers, FORWARDED_REQUEST_HEADERS), [IDENTITY_HEADER]: signIdentity(options.identity, options.secret) },
  });
  const limit = new ByteLimit(options.maxBytes);
  /** A stream failed: its own typed error (the byte limit's PAYLOAD_TOO_LARGE), else what that stream failing means. */
  const fail = (meaning: AppError) => (error: Error) => {
    options.logger.warn({ err: error.message, target: options.target.pathname }, 'forwarding failed');
    upstream.destroy();
    sendJsonError(res, error instanceof AppError ? error : meaning);
  };
  // A slow sender holds a socket and a subgraph request: past either time-out the upstream request
  // is aborted before its body completed (the subgraph commits nothing), and the client is told.
  const timedOut = (why: string) => {
    if (req.complete) return;
    options.logger.warn({ target: options.target.pathname, why }, 'request body timed out');
    req.unpipe(limit);
    limit.unpipe(upstream);
    upstream.removeAllListeners('error').on('error', () => undefined);
    upstream.destroy();
    if (res.headersSent) return void req.destroy();
    res.setHeader('Connection', 'close');
    res.once('finish', () => req.destroy());
    sendJsonError(res, new RequestTimeoutError(`The request body did not arrive in time (${why}); send it again.`));
  };
  req.setTimeout(options.idleTimeoutMs ?? 30_000, () => timedOut('sender idle'));
  const total = setTimeout(() => timedOut('total time-out'), options.totalTimeoutMs ?? 600_000);
  total.unref();
  req.once('end', () => clearTimeout(total));
  res.once('close', () => clearTimeout(total));
  // Once the body is in, the socket is quiet while the subgraph works (a 1 M-row upload's insert and rollups
  // can take minutes): the idle timer is for stalled senders only, so it must not reset the connection then.
  req.once('end', () => req.setTimeout(0));
  req.on('error', fail(new BadRequestError('The request body broke off or stalled.')));
  limit.on('error', fail(tooLarge()));
  upstream.on('error', fail(new ServiceUnavailableError('The metrics service is unavailable; retry shortly.')));
  upstream.on('response', (answer) => {
    res.writeHead(answer.statusCode ?? 502, pick(answer.headers, FORWARDED_RESPONSE_HEADERS));
    answer.pipe(res);
  });
  req.pipe(limit).pipe(upstream);
}
