import type { ApolloServerPlugin } from '@apollo/server';
import { SDK_OPERATION_NAMES } from '@perfanalysis/sdk';
import { Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { IDENTITY_HEADER, verifyIdentity } from '../auth/internalIdentity.js';
import { UnauthenticatedError } from '../errors/UnauthenticatedError.js';
import type { Runtime } from '../runtime.js';
import { sendJsonError } from './sendJsonError.js';

/** One service's Prometheus registry and the GraphQL instruments every service shares. */
export interface ServiceMetrics {
  readonly registry: Registry;
  readonly requests: Counter<'operation' | 'type'>;
  readonly duration: Histogram<'operation' | 'type'>;
  readonly errors: Counter<'code'>;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations by name',
      labelNames: ['operation', 'type'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'GraphQL operation latency',
      labelNames: ['operation', 'type'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors by extensions.code',
      labelNames: ['code'],
      registers: [registry],
    }),
  };
}

/**
 * The `operation` label: an SDK operation's name, else `other` (docs/security.md "/metrics").
 * A subgraph sees the gateway's `<name>__<subgraph>__<n>` and is labelled by `<name>`.
 */
export function operationLabel(operationName: string | null | undefined): string {
  if (!operationName) return 'anonymous';
  const name = operationName.replace(/__[A-Za-z0-9_]+__\d+$/, '');
  return SDK_OPERATION_NAMES.has(name) ? name : 'other';
}

/** Counts one operation, its latency since `started` (process.hrtime.bigint()) and its errors by code. */
export function recordOperation(
  metrics: ServiceMetrics,
  operation: { readonly name: string | null | undefined; readonly type: string },
  started: bigint,
  errors: readonly { readonly extensions?: Record<string, unknown> }[] | undefined,
): void {
  const labels = { operation: operationLabel(operation.name), type: operation.type };
  metrics.requests.inc(labels);
  metrics.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
  for (const error of errors ?? []) metrics.errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
}

/** Counts every operation, its latency and its errors by code. */
export function metricsPlugin(metrics: ServiceMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ operationName, operation, errors }) {
          recordOperation(metrics, { name: operationName, type: operation?.operation ?? 'unknown' }, started, errors);
        },
      };
    },
  };
}

/** Who may read `/metrics`: holders of `METRICS_TOKEN`, and processes holding the internal secret. */
interface MetricsAccess {
  readonly token: string | undefined;
  readonly internalSecret: string;
}

function sameText(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function mayRead(access: MetricsAccess, authorization: string | undefined, identity: string | string[] | undefined): boolean {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (bearer !== undefined && access.token !== undefined && sameText(bearer, access.token)) return true;
  if (typeof identity !== 'string') return false;
  try {
    verifyIdentity(identity, access.internalSecret);
    return true;
  } catch {
    return false;
  }
}

export function metricsRouter(metrics: ServiceMetrics, runtime: Pick<Runtime, 'config' | 'secrets'>): Router {
  const access: MetricsAccess = { token: runtime.config.auth.metricsToken, internalSecret: runtime.secrets.internalSecret };
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (!mayRead(access, req.headers.authorization, req.headers[IDENTITY_HEADER])) {
      res.set('WWW-Authenticate', 'Bearer');
      return sendJsonError(res, new UnauthenticatedError('/metrics needs Authorization: Bearer <METRICS_TOKEN>.'));
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
