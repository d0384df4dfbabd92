import { BadUserInputError, sendJsonError } from '@perfanalysis/platform';
import express, { type Request, type Response, Router } from 'express';
import type { createForwarder } from '../forward/subgraphRoutes.js';
import { pcdCredentialsOf } from './pcdCredentials.js';

/** What `GET /v1/version` reports: the pcd API this gateway speaks. */
export const PCD_API_VERSION = '1.0.0';

/** The metrics service's paths behind pcd's ingest routes. */
const FORWARDED = { '/v1/trickle': '/pcd/v1/trickle', '/v1/upload': '/pcd/v1/upload' } as const;

/**
 * pcd's HTTP API on the gateway, so a `pcc` pointed here works unchanged: ping and version
 * answered here, trickle and upload streamed to the metrics service (docs/pcc-compatibility.md).
 */
export function pcdRoutes(forwarder: ReturnType<typeof createForwarder>, metricsUrl: string): Router {
  const router = Router();
  router.get('/v1/ping', (_req: Request, res: Response) => void res.type('text/plain').send('pong'));
  router.post('/v1/ping', express.json({ limit: '4kb' }), (req: Request, res: Response) => {
    const origin = (req.body as { timestamp?: unknown } | undefined)?.timestamp;
    if (typeof origin !== 'number' || !Number.isFinite(origin))
      return sendJsonError(res, new BadUserInputError('Send `{"timestamp": <epoch seconds>}`.', { field: 'timestamp' }));
    res.json({ origintimestamp: origin, timestamp: Math.floor(Date.now() / 1000) });
  });
  router.get('/v1/version', (_req: Request, res: Response) => void res.json({ version: PCD_API_VERSION }));
  for (const [path, target] of Object.entries(FORWARDED)) {
    // The query string rides along (`?identifier=` names the machine of an ADMIN's upload).
    router.post(path, (req: Request, res: Response) => {
      const { search } = new URL(req.originalUrl, 'http://gateway');
      return forwarder(new URL(`${target}${search}`, metricsUrl), true, pcdCredentialsOf)(req, res);
    });
  }
  return router;
}
