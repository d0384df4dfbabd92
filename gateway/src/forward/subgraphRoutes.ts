import { BadRequestError, type Logger, RateLimitedError, type Runtime, sendJsonError } from '@perfanalysis/platform';
import { type NextFunction, type Request, type Response, Router } from 'express';
import type { Authenticator, PresentedCredentials } from '../auth/authenticateRequest.js';
import { authenticationRefusal } from '../auth/authenticationRefusal.js';
import { credentialsOf } from '../credentials.js';
import type { GatewayRateLimiter } from '../limits/GatewayRateLimiter.js';
import { bucketOfPath, rateLimitKey } from '../limits/rateLimitRules.js';
import { UploadByteBudget } from '../limits/uploadByteBudget.js';
import { forwardToSubgraph } from './forwardToSubgraph.js';

/** What a forwarded request reads off the request to authenticate it. */
export type CredentialReader = (req: Request, trustedProxies: readonly string[]) => PresentedCredentials;

export interface ForwarderOptions {
  readonly runtime: Runtime;
  readonly authenticator: Authenticator;
  readonly logger: Logger;
  readonly rateLimiter?: GatewayRateLimiter;
}

/**
 * A handler that authenticates a request, charges its rate-limit bucket and streams it to
 * `target` with the gateway-signed identity (how uploads, the REST API and pcd's routes reach a subgraph).
 */
export function createForwarder({ runtime, authenticator, logger, rateLimiter }: ForwarderOptions) {
  const { limits } = runtime.config;
  const bytes = new UploadByteBudget(runtime.kv, limits.uploadBytesPerMinute, logger);
  return (target: URL, multipartIsUpload: boolean, credentials: CredentialReader = credentialsOf) =>
    async (req: Request, res: Response) => {
      let identity;
      try {
        identity = await authenticator.authenticate(credentials(req, limits.trustedProxies));
      } catch (error) {
        return sendJsonError(res, authenticationRefusal(error));
      }
      const bucket = bucketOfPath(req.path, Boolean(req.is('multipart/form-data')) && multipartIsUpload);
      const declared = Number(req.headers['content-length'] ?? limits.uploadMaxBytes) || limits.uploadMaxBytes;
      const retryAfter =
        (await rateLimiter?.check(bucket, rateLimitKey(identity))) ??
        (bucket === 'upload' ? await bytes.charge(rateLimitKey(identity), declared) : undefined);
      if (retryAfter !== undefined) return sendJsonError(res, new RateLimitedError(retryAfter));
      forwardToSubgraph(req, res, {
        target,
        identity,
        secret: runtime.secrets.internalSecret,
        logger,
        // A trickle is a JSON body like /graphql's; an upload gets the file limit plus room for
        // the multipart envelope (operations, map, part headers).
        maxBytes: bucket === 'trickle' ? limits.requestMaxBytes : limits.uploadMaxBytes + 65_536,
        idleTimeoutMs: limits.uploadIdleTimeoutMs,
        totalTimeoutMs: limits.uploadTotalTimeoutMs,
      });
    };
}

/**
 * Requests the gateway streams to a subgraph instead of planning them: GraphQL multipart
 * uploads on /graphql and the REST compatibility API under /api (metrics), and the rendered
 * report downloads under /downloads/reports (reports; the link's token is the capability).
 */
export function subgraphRoutes(
  runtime: Runtime,
  authenticator: Authenticator,
  metricsUrl: string,
  logger: Logger,
  reportsUrl: string = runtime.config.subgraphUrls.reports,
  rateLimiter?: GatewayRateLimiter,
): Router {
  const router = Router();
  const metrics = new URL(metricsUrl);
  const reports = new URL(reportsUrl);
  const forwarder = createForwarder({ runtime, authenticator, logger, rateLimiter });
  const forward = (path: string, base: URL = metrics) => forwarder(new URL(path, base), base === metrics);
  router.post('/graphql', (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('multipart/form-data')) return next();
    // Apollo's CSRF rule for multipart: a simple cross-site form cannot set this header.
    if (!req.headers['apollo-require-preflight'] && !req.headers['x-apollo-operation-name']) {
      return sendJsonError(res, new BadRequestError('Multipart requests must carry the header `apollo-require-preflight: true`.'));
    }
    return forward(metrics.pathname)(req, res);
  });
  router.all(/^\/api\/.*/, (req, res) => forward(req.originalUrl)(req, res));
  router.get(/^\/downloads\/reports\/[^/]+$/, (req, res) => forward(req.originalUrl, reports)(req, res));
  return router;
}
