import type { Client, Sink } from 'graphql-ws';
import { subscribeWithResume } from '../src/subscribeWithResume.js';

interface Point {
  livePoints: { timestamp: string; cpuUser: number };
}

/** Records each subscribe call's payload as the server would receive it (serialised then). */
function fakeClient() {
  const subscriptions: { payload: { query: string; variables: Record<string, unknown> }; sink: Sink<unknown>; disposed: boolean }[] = [];
  const client: Pick<Client, 'subscribe'> = {
    subscribe: (payload, sink) => {
      const entry = { payload: payload as never, sink: sink as Sink<unknown>, disposed: false };
      subscriptions.push(entry);
      return () => {
        entry.disposed = true;
      };
    },
  };
  return { client, subscriptions };
}

const point = (timestamp: string): { data: Point } => ({ data: { livePoints: { timestamp, cpuUser: 1 } } });

describe('subscribeWithResume', () => {
  afterEach(() => jest.useRealTimers());

  it('moves `since` to each received point, so graphql-ws re-subscribes after a reconnect from there', () => {
    const { client, subscriptions } = fakeClient();
    const got: string[] = [];
    subscribeWithResume<Point>({
      client,
      query: 'subscription { livePoints { timestamp } }',
      variables: { collectorIds: ['c1'], since: '2026-11-22T11:55:00.000Z' },
      timestampOf: (d) => d.livePoints.timestamp,
      onData: (d) => got.push(d.livePoints.timestamp),
      onErrors: () => {},
    });
    const [sub] = subscriptions;
    expect(sub!.payload.variables).toEqual({ collectorIds: ['c1'], since: '2026-11-22T11:55:00.000Z' });
    sub!.sink.next(point('2026-11-22T12:00:01.000Z'));
    sub!.sink.next(point('2026-11-22T12:00:02.000Z'));
    // graphql-ws keeps this payload object and sends it again on every reconnection.
    expect(JSON.parse(JSON.stringify(sub!.payload)).variables.since).toBe('2026-11-22T12:00:02.000Z');
    expect(got).toEqual(['2026-11-22T12:00:01.000Z', '2026-11-22T12:00:02.000Z']);
  });

  it('prefers the resume position the server puts in `extensions.resumeFrom`', () => {
    const { client, subscriptions } = fakeClient();
    subscribeWithResume<Point>({
      client,
      query: 's',
      variables: {},
      timestampOf: (d) => d.livePoints.timestamp,
      onData: () => {},
      onErrors: () => {},
    });
    subscriptions[0]!.sink.next({ ...point('2026-11-22T12:00:01.000Z'), extensions: { resumeFrom: '2026-11-22T12:00:01.000Z#7' } });
    expect(subscriptions[0]!.payload.variables.since).toBe('2026-11-22T12:00:01.000Z#7');
  });

  it('re-subscribes with the last timestamp after the stream breaks', async () => {
    jest.useFakeTimers();
    const { client, subscriptions } = fakeClient();
    subscribeWithResume<Point>({
      client,
      query: 'subscription',
      variables: { since: 'start' },
      timestampOf: (d) => d.livePoints.timestamp,
      onData: () => {},
      onErrors: () => {},
      resubscribeDelayMs: 1000,
    });
    subscriptions[0]!.sink.next(point('2026-11-22T12:00:05.000Z'));
    subscriptions[0]!.sink.error(new Error('socket closed: 4401'));
    expect(subscriptions).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(1000);
    expect(subscriptions).toHaveLength(2);
    expect(subscriptions[1]!.payload.variables.since).toBe('2026-11-22T12:00:05.000Z');
  });

  it('stops on GraphQL errors (e.g. FORBIDDEN) and reports them', async () => {
    jest.useFakeTimers();
    const { client, subscriptions } = fakeClient();
    const errors = jest.fn();
    subscribeWithResume<Point>({ client, query: 's', variables: {}, timestampOf: () => undefined, onData: () => {}, onErrors: errors });
    subscriptions[0]!.sink.error([{ message: 'Not your collector.', extensions: { code: 'FORBIDDEN' } }]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(subscriptions).toHaveLength(1);
    expect(errors).toHaveBeenCalledWith([expect.objectContaining({ message: 'Not your collector.' })]);
  });

  it('resumes from resumeFrom when the server ends the view as retryable (the metrics process died)', async () => {
    jest.useFakeTimers();
    const { client, subscriptions } = fakeClient();
    const errors = jest.fn();
    subscribeWithResume<Point>({
      client,
      query: 's',
      variables: { since: 'start' },
      timestampOf: (d) => d.livePoints.timestamp,
      onData: () => {},
      onErrors: errors,
      resubscribeDelayMs: 1000,
    });
    subscriptions[0]!.sink.next(point('2026-11-22T12:00:05.000Z'));
    subscriptions[0]!.sink.error([
      {
        message: 'Live delivery was interrupted.',
        extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, resumeFrom: '2026-11-22T12:00:06.000Z' },
      },
    ]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(subscriptions).toHaveLength(2);
    expect(subscriptions[1]!.payload.variables.since).toBe('2026-11-22T12:00:06.000Z');
    expect(errors).not.toHaveBeenCalled();
  });

  it('unsubscribes for good', async () => {
    jest.useFakeTimers();
    const { client, subscriptions } = fakeClient();
    const stop = subscribeWithResume<Point>({
      client,
      query: 's',
      variables: {},
      timestampOf: () => undefined,
      onData: () => {},
      onErrors: () => {},
    });
    stop();
    expect(subscriptions[0]!.disposed).toBe(true);
    subscriptions[0]!.sink.error(new Error('closed'));
    await jest.advanceTimersByTimeAsync(10_000);
    expect(subscriptions).toHaveLength(1);
  });
});

describe('subscribeWithResume and expiring tokens', () => {
  it('renews the credentials and re-subscribes from the resume position the error carries', async () => {
    const { client, subscriptions } = fakeClient();
    const errors = jest.fn();
    const renew = jest.fn(async () => true);
    subscribeWithResume<Point>({
      client,
      query: 's',
      variables: { since: 'a' },
      timestampOf: () => undefined,
      onData: () => {},
      onErrors: errors,
      renew,
    });
    subscriptions[0]!.sink.error([{ message: 'The token has expired.', extensions: { code: 'UNAUTHENTICATED', resumeFrom: 'b' } }]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(renew).toHaveBeenCalledTimes(1);
    expect(subscriptions).toHaveLength(2);
    expect(subscriptions[1]!.payload.variables.since).toBe('b');
    expect(errors).not.toHaveBeenCalled();
  });

  it('reports the error when the session cannot be renewed', async () => {
    const { client, subscriptions } = fakeClient();
    const errors = jest.fn();
    subscribeWithResume<Point>({
      client,
      query: 's',
      variables: {},
      timestampOf: () => undefined,
      onData: () => {},
      onErrors: errors,
      renew: async () => false,
    });
    subscriptions[0]!.sink.error([{ message: 'Session closed.', extensions: { code: 'UNAUTHENTICATED' } }]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(subscriptions).toHaveLength(1);
    expect(errors).toHaveBeenCalledWith([expect.objectContaining({ message: 'Session closed.' })]);
  });
});
