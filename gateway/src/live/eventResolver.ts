import { operationFromDocument } from '@apollo/federation-internals';
import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
// Not re-exported by the package: the executor's own last step, shaping fetched data to the client's operation.
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import type { FetchNode, QueryPlan } from '@apollo/query-planner';
import type { Logger, RequestIdentity } from '@perfanalysis/platform';
import { Kind } from 'graphql';
import type { FormattedExecutionResult } from 'graphql-ws';
import type { PlannedSubscription, PlanSchemas } from './livePlanner.js';

type RequestContext = Parameters<typeof executeQueryPlan>[2];
type ProcessOptions = Parameters<GraphQLDataSource['process']>[0];
type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;
export type ResolvedEvent = Awaited<ReturnType<typeof executeQueryPlan>>;

/** The name under which an upstream event enters the plan (never a subgraph's name). */
const EVENT_SERVICE = '__live_event__';

/**
 * Resolves one upstream event into the client's payload. When the subgraph owning the root field
 * serves every field (no `rest` in the plan) and the event has data and no errors — nearly every
 * event — the data only needs shaping to the client's operation (aliases, fragments,
 * `__typename`, nullability): that is done with the executor's own shaping step and the
 * operation built once per view, not once per event as `executeQueryPlan` does (it rebuilt the
 * operation from the document each time: about 6 % of the gateway's CPU at 500 agents).
 * Anything else goes through the whole plan (`planEventResolver`).
 */
export function createEventResolver(
  plan: PlannedSubscription,
  schemas: PlanSchemas,
  /** The whole plan's resolver (`planEventResolver`) for the events shaping alone cannot serve. */
  byPlan: (event: FormattedExecutionResult) => Promise<ResolvedEvent>,
): (event: FormattedExecutionResult) => Promise<ResolvedEvent> {
  if (plan.rest || plan.primary.outputRewrites?.length) return byPlan;
  const shape = shapeOnlyResolver(plan, schemas);
  return (event) => {
    const data = event.data;
    if (event.errors?.length || !data || typeof data !== 'object') return byPlan(event);
    try {
      return Promise.resolve(shape(data as Record<string, unknown>));
    } catch {
      // The executor turns a shaping failure into the event's errors: the whole plan says it the same way.
      return byPlan(event);
    }
  };
}

/** The client's result of an event's data, shaped as the executor would (its operation built once). */
export function shapeOnlyResolver(plan: PlannedSubscription, schemas: PlanSchemas): (data: Record<string, unknown>) => ResolvedEvent {
  const { operationContext } = plan;
  const operation = operationFromDocument(
    schemas.apiSchema,
    { kind: Kind.DOCUMENT, definitions: [operationContext.operation, ...Object.values(operationContext.fragments)] },
    { validate: false },
  );
  // A subscription selects no introspection field (one root field, validated); `__typename` is shaped in place.
  const introspectionHandling = (): never => {
    throw new Error('introspection in a live event');
  };
  return (data) => {
    const { data: shaped } = computeResponse({ operation, variables: plan.variables, input: data, introspectionHandling });
    // Errors of value completion stay out of the payload, as executeQueryPlan keeps them out of `errors`.
    return { data: shaped };
  };
}

/**
 * Resolves one upstream event through the gateway's own executor:
 * the event stands in for the plan's primary fetch (a data source answering with it), the
 * plan's `rest` fetches fields of other subgraphs (`_entities`, batched per event by the
 * executor), and the executor shapes the result exactly as for a query (aliases, fragments,
 * `__typename`, nullability).
 */
export function planEventResolver(
  plan: PlannedSubscription,
  schemas: PlanSchemas,
  services: ServiceMap,
  identity: RequestIdentity,
  logger: Logger,
): (event: FormattedExecutionResult) => Promise<ResolvedEvent> {
  const primary: FetchNode = { ...plan.primary, serviceName: EVENT_SERVICE, operationKind: 'query' as FetchNode['operationKind'] };
  const queryPlan: QueryPlan = { kind: 'QueryPlan', node: { kind: 'Sequence', nodes: plan.rest ? [primary, plan.rest] : [primary] } };
  return (event) => {
    const eventSource: GraphQLDataSource = {
      process: async () => ({ data: event.data as SubgraphResponse['data'], errors: event.errors as SubgraphResponse['errors'] }),
    };
    const requestContext = {
      request: { query: plan.text, operationName: plan.operationName, variables: plan.variables },
      context: { identity },
      logger,
      cache: undefined,
      metrics: {},
      overallCachePolicy: undefined,
    } as unknown as RequestContext;
    return executeQueryPlan(
      queryPlan,
      { ...services, [EVENT_SERVICE]: eventSource },
      requestContext,
      plan.operationContext,
      schemas.supergraphSchema,
      schemas.apiSchema,
    );
  };
}

/**
 * A subgraph data source whose answers are reused for a short time, per tenant and role
 * (the scope): a live view asks for the same collector's hostname once per few seconds, not
 * once per point. Answers with errors are not kept; every caller gets its own copy (the
 * executor merges into what it receives).
 */
export class CachingDataSource implements GraphQLDataSource {
  constructor(
    private readonly inner: GraphQLDataSource,
    private readonly scope: string,
    private readonly cache: ResponseCache,
  ) {}

  async process(options: ProcessOptions): Promise<SubgraphResponse> {
    const key = `${this.scope}\n${options.request.query ?? ''}\n${JSON.stringify(options.request.variables ?? {})}`;
    const response = await this.cache.get(key, () => this.inner.process(options));
    return structuredClone(response);
  }
}

/**
 * Subgraph answers reused for `ttlMs`; concurrent identical requests share one. Between `ttlMs`
 * and twice that, the kept answer is still used while a fresh one is fetched in the background
 * (steady live views never wait for a refetch); older answers are never used.
 */
export class ResponseCache {
  private readonly entries = new Map<string, { at: number; value: Promise<SubgraphResponse>; refreshing: boolean }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  get(key: string, load: () => Promise<SubgraphResponse>): Promise<SubgraphResponse> {
    if (this.ttlMs <= 0) return load();
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    if (hit && now - hit.at < 2 * this.ttlMs) {
      if (!hit.refreshing) {
        hit.refreshing = true;
        const fresh = load();
        // Swapped in only once answered without errors; otherwise the old answer ages out.
        fresh.then(
          (response) =>
            !response.errors?.length &&
            this.entries.get(key) === hit &&
            this.entries.set(key, { at: Date.now(), value: fresh, refreshing: false }),
          () => undefined,
        );
      }
      return hit.value;
    }
    if (this.entries.size >= this.maxEntries) {
      for (const [k, entry] of this.entries) if (now - entry.at >= 2 * this.ttlMs) this.entries.delete(k);
      while (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    const value = load();
    const entry = { at: now, value, refreshing: false };
    this.entries.set(key, entry);
    const forget = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    value.then((response) => response.errors?.length && forget(), forget);
    return value;
  }
}
