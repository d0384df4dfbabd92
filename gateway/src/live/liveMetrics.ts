import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** What the gateway exports about live subscriptions (on its `/metrics`). */
export interface LiveMetrics {
  readonly connections: Gauge;
  readonly subscriptions: Gauge;
  readonly upstreams: Gauge;
  readonly delivered: Counter;
  readonly dropped: Counter;
  readonly processing: Histogram;
}

export function createLiveMetrics(registry: Registry): LiveMetrics {
  const registers = [registry];
  return {
    connections: new Gauge({ name: 'subscription_connections_open', help: 'graphql-ws connections open on this gateway', registers }),
    subscriptions: new Gauge({ name: 'subscriptions_open', help: 'Client subscriptions open on this gateway', registers }),
    upstreams: new Gauge({
      name: 'subscription_upstreams_open',
      help: 'Subscriptions this gateway holds towards subgraphs (identical client subscriptions share one)',
      registers,
    }),
    delivered: new Counter({ name: 'subscription_events_delivered_total', help: 'Subscription events handed to clients', registers }),
    dropped: new Counter({
      name: 'subscription_events_dropped_total',
      help: "Subscription events dropped from a slow client's full buffer (oldest first)",
      registers,
    }),
    processing: new Histogram({
      name: 'subscription_event_processing_seconds',
      help: 'From an upstream event to its payload ready for the clients (fields of other subgraphs included)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers,
    }),
  };
}
