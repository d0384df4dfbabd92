/**
 * The fleet part's helper processes: `fleet-agents` (a share of the N agents, each sending what
 * the agent's own transport sends, one point a second) and `dashboards` (graphql-ws live views).
 * Each runs in its own process so none shares an event loop with another or with the runner.
 */
import http from 'node:http';
import type { Client } from 'graphql-ws';
import { channelAgent, httpAgent, type SimulatedAgent } from './fleetSimulator.js';
import { LatencyHistogram } from './latencyHistogram.js';
import { liveSocket } from './liveSocket.js';

export type FleetTransport = 'ws' | 'http';

export type ToFleetRole =
  | { kind: 'agents'; url: string; keys: string[]; transport: FleetTransport; first: number; total: number }
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

/** Sends due within this much of their slot go out in the same timer turn. */
const TICK_MS = 5;

/**
 * A share of the fleet: agents `first … first + keys.length - 1` of `total`, each sending the
 * real agent's messages (fleetSimulator.ts), agent c at c/total of every second.
 */
export function fleetAgents(): void {
  let agents: SimulatedAgent[] = [];
  let first = 0;
  let total = 0;
  const pool = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  process.on('message', async (message: ToFleetRole) => {
    if (message.kind === 'agents') {
      const server = new URL(message.url).origin;
      ({ first, total } = message);
      let failed = 0;
      // Opened in waves of 100, each agent's first point (an old timestamp) proving it reaches the server.
      for (let i = 0; i < message.keys.length; i += 100) {
        const wave = await Promise.all(
          message.keys.slice(i, i + 100).map(async (apiKey, j) => {
            const c = first + i + j;
            const agent =
              message.transport === 'ws'
                ? await channelAgent(server, apiKey, c).catch(() => undefined)
                : httpAgent(server, apiKey, c, pool);
            const warm = await agent?.send(Date.now() - 3_600_000 - c).then(
              () => true,
              () => false,
            );
            if (!warm) failed += 1;
            return agent ?? { send: () => Promise.reject(new Error('channel not open')), close: () => undefined };
          }),
        );
        agents.push(...wave);
      }
      send({ kind: 'opened', open: agents.length - failed, failed });
    } else if (message.kind === 'send') {
      const ack = new LatencyHistogram();
      const acked: number[] = [];
      let errors = 0;
      let firstError = '';
      const inFlight: Promise<void>[] = [];
      const count = agents.length;
      const started = Date.now();
      const slot = (s: number, i: number) => started + s * 1000 + ((first + i) * 1000) / total;
      for (let s = 0; s < message.seconds; s++) {
        for (let i = 0; i < count; ) {
          const wait = slot(s, i) - Date.now();
          if (wait > TICK_MS) {
            await pause(wait);
            continue;
          }
          // Every agent whose slot is due (or within a tick) sends now.
          const t = Date.now();
          for (; i < count && slot(s, i) - t <= TICK_MS; i++) {
            const c = first + i;
            inFlight.push(
              agents[i]!.send(t).then(
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
      }
      await Promise.all(inFlight);
      send({ kind: 'sent', acked, ack: ack.toPairs(), errors, firstError });
    } else if (message.kind === 'close') {
      agents.forEach((a) => a.close());
      agents = [];
      pool.destroy();
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
