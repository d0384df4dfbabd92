import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { GRAPHQL_TRANSPORT_WS_PROTOCOL } from 'graphql-ws';
import WebSocket from 'ws';
import { channelInit, channelSubscribe, type PointEncoder, trickleBody } from './agentFrames.js';

/** How one simulated agent sends a point: resolves when acknowledged, rejects with the server's message. */
export interface SimulatedAgent {
  send(timestampMs: number): Promise<void>;
  close(): void;
}

/** Agent `c`'s point values: its index in mem_used_mb, so a tenant-wide view can tell senders apart. */
export function fleetValues(c: number) {
  return { values: { cpu_user: 10, cpu_system: 5, mem_used_mb: c, mem_total_mb: 16_384 } };
}

/** As the agent's transports: an acknowledgement not in within this fails the point. */
const ACK_TIMEOUT_MS = 15_000;

interface Waiting {
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** `next` with data then `complete` is an acknowledgement; `error` or a `next` with errors is a refusal. */
interface ServerMessage {
  id?: string;
  type: string;
  payload?: { errors?: { message: string }[] } | { message: string }[];
}

/**
 * The agent channel as the agent speaks it (graphql-ws over `ws`, the same frames:
 * agentFrames.ts), without graphql-ws's client machinery per point.
 */
export async function channelAgent(server: string, apiKey: string, c: number): Promise<SimulatedAgent> {
  const socket = new WebSocket(`${server.replace(/^http/, 'ws')}/graphql`, GRAPHQL_TRANSPORT_WS_PROTOCOL);
  const encode: PointEncoder = channelSubscribe(fleetValues(c));
  const waiting = new Map<string, Waiting>();
  const refusals = new Map<string, string>();
  const failAll = (why: string) => {
    for (const [id, w] of waiting) {
      clearTimeout(w.timer);
      w.reject(new Error(why));
      waiting.delete(id);
    }
  };
  const acknowledged = new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('close', (code, reason) => reject(new Error(`channel closed (${code} ${reason.toString()})`)));
    socket.once('open', () => socket.send(channelInit(apiKey)));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as ServerMessage;
      if (message.type === 'connection_ack') return resolve();
      // graphql-ws's client answers the server's pings; the gateway's keep-alive is ws-level (answered by ws).
      if (message.type === 'ping') return socket.send('{"type":"pong"}');
      const w = message.id === undefined ? undefined : waiting.get(message.id);
      if (!w) return;
      const errors = Array.isArray(message.payload) ? message.payload : message.payload?.errors;
      if (errors?.length) refusals.set(message.id!, errors[0]!.message);
      if (message.type === 'next') return;
      waiting.delete(message.id!);
      clearTimeout(w.timer);
      const refusal = refusals.get(message.id!);
      refusals.delete(message.id!);
      if (refusal !== undefined) w.reject(new Error(refusal));
      else w.resolve();
    });
  });
  socket.on('close', (code) => failAll(`channel closed (${code})`));
  socket.on('error', () => undefined);
  await acknowledged;
  return {
    send: (t) =>
      new Promise<void>((resolve, reject) => {
        const id = randomUUID();
        const timer = setTimeout(() => {
          waiting.delete(id);
          reject(new Error(`no acknowledgement within ${ACK_TIMEOUT_MS} ms`));
        }, ACK_TIMEOUT_MS);
        waiting.set(id, { resolve, reject, timer });
        socket.send(encode(t, id));
      }),
    close: () => socket.close(1000),
  };
}

/**
 * One point per plain HTTP request, as the agent's trickle transport posts it (the SDK's headers
 * and body: agentFrames.ts), on a keep-alive agent shared by the process (like fetch's pool).
 */
export function httpAgent(server: string, apiKey: string, c: number, pool: http.Agent): SimulatedAgent {
  const url = new URL('/graphql', server);
  const encode = trickleBody(fleetValues(c));
  const authorization = `Bearer ${apiKey}`;
  return {
    send: (t) =>
      new Promise<void>((resolve, reject) => {
        const body = encode(t);
        const request = http.request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            agent: pool,
            timeout: ACK_TIMEOUT_MS,
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              authorization,
              'content-length': Buffer.byteLength(body),
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              // An acknowledgement has no `errors`; only a refusal is parsed for its message.
              if (response.statusCode === 200 && !text.includes('"errors"')) return resolve();
              let message = `HTTP ${response.statusCode}`;
              try {
                message = (JSON.parse(text) as { errors?: { message: string }[] }).errors?.[0]?.message ?? message;
              } catch {
                // not JSON: the status says it
              }
              reject(new Error(message));
            });
            response.on('error', reject);
          },
        );
        request.on('timeout', () => request.destroy(new Error(`no acknowledgement within ${ACK_TIMEOUT_MS} ms`)));
        request.on('error', reject);
        request.end(body);
      }),
    close: () => undefined,
  };
}
