import type { GraphQLFormattedError } from 'graphql';
import type { Client, ExecutionResult } from 'graphql-ws';

export interface ResumableVariables {
  since?: string | null;
  [name: string]: unknown;
}

export interface ResumeOptions<TData> {
  readonly client: Pick<Client, 'subscribe'>;
  readonly query: string;
  readonly variables: ResumableVariables;
  /**
   * Where to resume after this event when the server does not say (`extensions.resumeFrom`
   * wins): usually the point's timestamp.
   */
  readonly timestampOf: (data: TData) => string | undefined;
  readonly onData: (data: TData) => void;
  /** GraphQL errors from the server (e.g. FORBIDDEN): the subscription stops. Retryable ones are resumed instead. */
  readonly onErrors: (errors: readonly GraphQLFormattedError[]) => void;
  /** Delay before re-subscribing after the stream broke. @default 2000 */
  readonly resubscribeDelayMs?: number;
  /**
   * The server ended the subscription as UNAUTHENTICATED (the connection's token expired):
   * renew the credentials and reconnect; resolving true re-subscribes from where it ended.
   */
  readonly renew?: () => Promise<boolean>;
}

function isGraphQLErrorList(value: unknown): value is GraphQLFormattedError[] {
  return Array.isArray(value) && value.every((e) => typeof (e as { message?: unknown })?.message === 'string');
}

/** The UNAUTHENTICATED error among `errors`, if any. */
function unauthenticated(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError | undefined {
  return errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/** The resume position an event carries: `extensions.resumeFrom`, else the data's timestamp. */
export function resumePosition<TData>(
  result: ExecutionResult<TData, Record<string, unknown>>,
  timestampOf: (data: TData) => string | undefined,
): string | undefined {
  const fromServer = result.extensions?.resumeFrom;
  if (typeof fromServer === 'string' && fromServer) return fromServer;
  return result.data ? timestampOf(result.data) : undefined;
}

/**
 * A subscription that survives reconnections without a gap: every event moves
 * `variables.since` to its resume position. graphql-ws re-sends this same payload object when
 * it re-subscribes after a reconnect, and a broken stream is re-subscribed here with it, so
 * the server always replays from the last point received. Returns the unsubscribe function.
 */
export function subscribeWithResume<TData>(options: ResumeOptions<TData>): () => void {
  const payload = { query: options.query, variables: { ...options.variables } };
  let stopped = false;
  let unsubscribe: () => void = () => {};
  let retry: ReturnType<typeof setTimeout> | undefined;

  const start = (): void => {
    if (stopped) return;
    unsubscribe = options.client.subscribe<TData>(payload, {
      next: (result: ExecutionResult<TData, Record<string, unknown>>) => {
        if (result.errors?.length) options.onErrors(result.errors as unknown as readonly GraphQLFormattedError[]);
        const position = resumePosition(result, options.timestampOf);
        if (position) payload.variables.since = position;
        if (result.data) options.onData(result.data);
      },
      error: (error: unknown) => {
        if (stopped) return;
        if (isGraphQLErrorList(error)) {
          const expired = unauthenticated(error);
          if (expired && options.renew) {
            const resumeFrom = expired.extensions?.resumeFrom;
            if (typeof resumeFrom === 'string' && resumeFrom) payload.variables.since = resumeFrom;
            void options.renew().then(
              (renewed) => (renewed ? start() : options.onErrors(error)),
              () => options.onErrors(error),
            );
            return;
          }
          // A view the server ended as retryable (a metrics process gone, Redis down too long) is
          // resumed from its resumeFrom, as the README's "Live subscriptions" tells every client to.
          if (!error.every((e) => e.extensions?.retryable === true)) {
            options.onErrors(error);
            return;
          }
          const resumeFrom = error.find((e) => typeof e.extensions?.resumeFrom === 'string')?.extensions?.resumeFrom;
          if (typeof resumeFrom === 'string' && resumeFrom) payload.variables.since = resumeFrom;
        }
        retry = setTimeout(start, options.resubscribeDelayMs ?? 2_000);
      },
      complete: () => {},
    });
  };
  start();
  return () => {
    stopped = true;
    clearTimeout(retry);
    unsubscribe();
  };
}
