/**
 * The fleet part's helper processes: `fleet-agents` (N agents, each the agent's own transport,
 * one point a second) and `dashboards` (graphql-ws live views). Each runs in its own process so
 * neither shares an event loop with the other or with the runner.
 */
import { createTransport, silentLogger, type Transport } from '@perfanalysis/agent';
import type { Client } from 'graphql-ws';
import { LatencyHistogram } from './latencyHistogram.js';
import { liveSocket } from './liveSocket.js';

export type FleetTransport = 'ws' | 'http';

export type ToFleetRole =
  | { kind: 'agents'; url: string; keys: string[]; transport: FleetTransport }
  | { kind: 'send'; seconds: number }
  | { kind: 'dashboards'; url: string; token: string; targets: string[]; wide: number; single: number }
  | { kind: 'reset' }
  | { kind: 'tally'; acked: number[]; collectors: number }
  | { kind: 'close' };

export type FromFleetRole =
  | { kind: 'opened'; open: number; failed: number }
  | { kind: 'sent'; acked: number[]; ack: number[]; errors: number; firstError: string }
  | {
      kind: 'tally';
      delivered: number;
      missingPoints: number;
      missingDeliveries: number;
      latency: number[];
      errors: number;
    }
  | { kind: 'closed' };

const send = (message: FromFleetRole) => process.send!(message);
const pause = (msValue: number) => new Promise((r) => setTimeout(r, msValue));

/** Agent `c`'s point at `t`: its index in mem_used_mb, so a tenant-wide view can tell senders apart. */
function pointOf(c: number, t: number) {
  return { timestamp: t, values: { cpu_user: 10, cpu_system: 5, mem_used_mb: c, mem_total_mb: 16_384 } };
}

/** N agents through the agent's transport (`channel` for ws, `trickle` for http). */
export function fleetAgents(): void {
  let transports: Transport[] = [];
  process.on('message', async (message: ToFleetRole) => {
    if (message.kind === 'agents') {
      const name = message.transport === 'ws' ? 'channel' : 'trickle';
      const server = new URL(message.url).origin;
      let failed = 0;
      // Opened in waves of 100, each agent's first point (an old timestamp) proving it reaches the server.
      for (let i = 0; i < message.keys.length; i += 100) {
        const wave = message.keys
          .slice(i, i + 100)
          .map((apiKey) => createTransport(name, { server, apiKey, machineId: 'bench', log: silentLogger }));
        transports.push(...wave);
        const warm = await Promise.allSettled(wave.map((t, j) => t.sendBatch([pointOf(i + j, Date.now() - 3_600_000 - i - j)])));
        failed += warm.filter((r) => r.status === 'rejected').length;
      }
      send({ kind: 'opened', open: transports.length - failed, failed });
    } else if (message.kind === 'send') {
      const ack = new LatencyHistogram();
      const acked: number[] = [];
      let errors = 0;
      let firstError = '';
      const inFlight: Promise<void>[] = [];
      const count = transports.length;
      const started = Date.now();
      for (let s = 0; s < message.seconds; s++) {
        for (let c = 0; c < count; c++) {
          const wait = started + s * 1000 + (c * 1000) / count - Date.now();
          if (wait > 1) await pause(wait);
          const t = Date.now();
          inFlight.push(
            transports[c]!.sendBatch([pointOf(c, t)]).then(
              () => {
                ack.add(Date.now() - t);
                acked.push(c, t);
              },
              (error: unknown) => {
                errors += 1;
                firstError ||= error instanceof Error ? error.message : String(error);
              },
            ),
          );
        }
      }
      await Promise.all(inFlight);
      send({ kind: 'sent', acked, ack: ack.toPairs(), errors, firstError });
    } else if (message.kind === 'close') {
      await Promise.all(transports.map((t) => t.close?.()));
      transports = [];
      send({ kind: 'closed' });
    }
  });
}

const DASHBOARD_QUERY = 'subscription FleetView($ids: [ID!]) { livePoints(collectorIds: $ids) { timestamp memUsedMb } }';

/** Live views: the first `wide` tenant-wide, then `single` on one collector each (targets in order). */
export function dashboards(): void {
  const clients: Client[] = [];
  let received = new Map<string, number>();
  let latency = new LatencyHistogram();
  let errors = 0;
  let wide = 0;
  let single = 0;
  process.on('message', async (message: ToFleetRole) => {
    if (message.kind === 'dashboards') {
      ({ wide, single } = message);
      let failed = 0;
      for (let i = 0; i < wide + single; i++) {
        const client = liveSocket(message.url, message.token, () => (failed += 1));
        clients.push(client);
        const variables = i < wide ? {} : { ids: [message.targets[(i - wide) % message.targets.length]!] };
        client.subscribe<{ livePoints: { timestamp: string; memUsedMb: number | null } }>(
          { query: DASHBOARD_QUERY, variables },
          {
            next: ({ data }) => {
              if (!data) return;
              const t = Date.parse(data.livePoints.timestamp);
              latency.add(Date.now() - t);
              const key = `${data.livePoints.memUsedMb}:${t}`;
              received.set(key, (received.get(key) ?? 0) + 1);
            },
            error: () => (errors += 1),
            complete: () => undefined,
          },
        );
        if (i % 50 === 49) await pause(50);
      }
      send({ kind: 'opened', open: clients.length - failed, failed });
    } else if (message.kind === 'reset') {
      received = new Map();
      latency = new LatencyHistogram();
      errors = 0;
    } else if (message.kind === 'tally') {
      // Views that should see agent c's points: every tenant-wide one, and the single views on c.
      const singles = new Array<number>(message.collectors).fill(0);
      for (let i = 0; i < single; i++) singles[i % message.collectors]! += 1;
      let missingPoints = 0;
      let missingDeliveries = 0;
      let delivered = 0;
      for (let i = 0; i < message.acked.length; i += 2) {
        const c = message.acked[i]!;
        const expected = wide + (singles[c] ?? 0);
        const got = Math.min(expected, received.get(`${c}:${message.acked[i + 1]}`) ?? 0);
        delivered += got;
        if (got < expected) {
          missingPoints += 1;
          missingDeliveries += expected - got;
        }
      }
      send({ kind: 'tally', delivered, missingPoints, missingDeliveries, latency: latency.toPairs(), errors });
    } else if (message.kind === 'close') {
      await Promise.all(clients.map((c) => c.dispose()));
      send({ kind: 'closed' });
    }
  });
}
