/**
 * The runner's helper processes (the same bundle, forked with `--role=<name>`), so that clients
 * never share an event loop with what they measure:
 *  - `subscribers`: graphql-ws connections to the gateway, one subscription each;
 *  - `redis-subscribers`: ioredis connections, one SUBSCRIBE each (the fan-out baseline);
 *  - `ws-server` / `ws-clients`: a bare `ws` server and sockets to it (the idle-memory baseline);
 *  - `fleet-agents` / `dashboards`: the fleet part's agents and live views (fleetRoles.ts).
 */
import { documentText, LivePointsLeanDocument } from '@perfanalysis/sdk';
import { fork, type ChildProcess } from 'node:child_process';
import type { Client } from 'graphql-ws';
import { Redis } from 'ioredis';
import WebSocket, { WebSocketServer } from 'ws';
import { dashboards, type FromFleetRole, fleetAgents, type ToFleetRole } from './fleetRoles.js';
import { liveSocket } from './liveSocket.js';

export type RoleName = 'subscribers' | 'redis-subscribers' | 'ws-server' | 'ws-clients' | 'fleet-agents' | 'dashboards';

/** Messages to a role. `targets[i % targets.length]` is what connection `i` subscribes to. */
export type ToRole =
  | { kind: 'open'; url: string; token?: string; targets: string[]; count: number }
  | { kind: 'report' }
  | { kind: 'memory' }
  | { kind: 'close' }
  | ToFleetRole;

/** Receipts are flattened triples: [target index, sent-at stamp, received-at ms]. */
export type FromRole =
  | { kind: 'listening'; port: number }
  | { kind: 'opened'; open: number; failed: number }
  | { kind: 'report'; receipts: number[]; errors: number }
  | { kind: 'memory'; rss: number }
  | { kind: 'closed' }
  | FromFleetRole;

/** A forked role with a typed request/answer channel. */
export interface RoleProcess {
  readonly child: ChildProcess;
  send(message: ToRole): void;
  next<K extends FromRole['kind']>(kind: K, timeoutMs?: number): Promise<Extract<FromRole, { kind: K }>>;
  stop(): Promise<void>;
}

export function forkRole(role: RoleName, execArgv: string[] = []): RoleProcess {
  const child = fork(process.argv[1]!, [`--role=${role}`], {
    stdio: 'inherit',
    execArgv,
  });
  const inbox: FromRole[] = [];
  const waiters: (() => void)[] = [];
  child.on('message', (m: FromRole) => {
    inbox.push(m);
    waiters.splice(0).forEach((w) => w());
  });
  child.on('exit', () => waiters.splice(0).forEach((w) => w()));
  return {
    child,
    send: (message) => child.send(message),
    async next(kind, timeoutMs = 300_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const index = inbox.findIndex((m) => m.kind === kind);
        if (index >= 0) return inbox.splice(index, 1)[0] as never;
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`role ${role} exited (${child.exitCode ?? child.signalCode})`);
        if (Date.now() > until) throw new Error(`role ${role}: no '${kind}' within ${timeoutMs / 1000} s`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 1000).unref();
        });
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

const send = (message: FromRole) => process.send!(message);
const pause = (msValue: number) => new Promise((r) => setTimeout(r, msValue));

/** graphql-ws subscribers: each point's (collector, timestamp) and when it arrived. */
function subscribers(): void {
  const clients: Client[] = [];
  let receipts: number[] = [];
  let errors = 0;
  process.on('message', async (message: ToRole) => {
    if (message.kind === 'open') {
      const query = documentText(LivePointsLeanDocument);
      let failed = 0;
      for (let i = 0; i < message.count; i++) {
        const target = i % message.targets.length;
        const client = liveSocket(message.url, message.token, () => (failed += 1));
        clients.push(client);
        client.subscribe<{ livePoints: { timestamp: string; memUsedMb: number | null } }>(
          { query, variables: { collectorIds: [message.targets[target]!] } },
          {
            next: ({ data }) => {
              const now = Date.now();
              if (data) receipts.push(target, Date.parse(data.livePoints.timestamp), now);
            },
            error: () => (errors += 1),
            complete: () => undefined,
          },
        );
        // Connect in waves, as browsers would arrive, instead of one SYN flood.
        if (i % 200 === 199) await pause(50);
      }
      send({ kind: 'opened', open: clients.length, failed });
    } else if (message.kind === 'report') {
      send({ kind: 'report', receipts, errors });
      receipts = [];
    } else if (message.kind === 'close') {
      await Promise.all(clients.map((c) => c.dispose()));
      send({ kind: 'closed' });
    }
  });
}

/** ioredis subscribers: messages are `<target index>:<sent-at ms>`. */
function redisSubscribers(): void {
  const clients: Redis[] = [];
  let receipts: number[] = [];
  process.on('message', async (message: ToRole) => {
    if (message.kind === 'open') {
      let failed = 0;
      for (let i = 0; i < message.count; i++) {
        const redis = new Redis(message.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
        redis.on('error', () => undefined);
        redis.on('message', (_channel: string, text: string) => {
          const now = Date.now();
          const [target, sentAt] = text.split(':');
          receipts.push(Number(target), Number(sentAt), now);
        });
        clients.push(redis);
        try {
          await redis.connect();
          await redis.subscribe(message.targets[i % message.targets.length]!);
        } catch {
          failed += 1;
        }
      }
      send({ kind: 'opened', open: clients.length - failed, failed });
    } else if (message.kind === 'report') {
      send({ kind: 'report', receipts, errors: 0 });
      receipts = [];
    } else if (message.kind === 'close') {
      clients.forEach((c) => c.disconnect());
      send({ kind: 'closed' });
    }
  });
}

/** A bare `ws` server that keeps every socket open and does nothing else. */
function wsServer(): void {
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  server.on('connection', (socket) => socket.on('error', () => undefined));
  server.on('listening', () => send({ kind: 'listening', port: (server.address() as { port: number }).port }));
  process.on('message', (message: ToRole) => {
    if (message.kind === 'memory') send({ kind: 'memory', rss: process.memoryUsage().rss });
  });
}

/** Plain sockets to the bare server. */
function wsClients(): void {
  const sockets: WebSocket[] = [];
  process.on('message', async (message: ToRole) => {
    if (message.kind !== 'open') return;
    let failed = 0;
    const opened: Promise<void>[] = [];
    for (let i = 0; i < message.count; i++) {
      const socket = new WebSocket(message.url);
      sockets.push(socket);
      opened.push(
        new Promise<void>((resolve) => {
          socket.once('open', () => resolve());
          socket.once('error', () => ((failed += 1), resolve()));
        }),
      );
      if (i % 200 === 199) await pause(20);
    }
    await Promise.all(opened);
    send({ kind: 'opened', open: sockets.length - failed, failed });
  });
}

/** Runs this process's role when it was forked as one; false for the runner itself. */
export function runChildRole(): boolean {
  const role = process.argv.find((a) => a.startsWith('--role='))?.slice('--role='.length) as RoleName | undefined;
  if (!role) return false;
  const roles: Record<RoleName, () => void> = {
    subscribers,
    'redis-subscribers': redisSubscribers,
    'ws-server': wsServer,
    'ws-clients': wsClients,
    'fleet-agents': fleetAgents,
    dashboards,
  };
  roles[role]();
  return true;
}
