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
  readonly sentAt: number;
  refusal?: string;
}

/** A refusal's message (`error`, or `next` with errors): parsed only then. */
function refusalOf(text: string): string | undefined {
  if (!text.includes('"errors"') && !text.includes('"type":"error"')) return undefined;
  const message = JSON.parse(text) as { payload?: { errors?: { message: string }[] } | { message: string }[] };
  const errors = Array.isArray(message.payload) ? message.payload : message.payload?.errors;
  return errors?.[0]?.message ?? 'refused';
}

/** `{"id":"<36-character uuid>","type":"…"` — the gateway's graphql-ws messages to an agent. */
const ID_FROM = '{"id":"'.length;
const ID_TO = ID_FROM + 36;

/**
 * The agent channel as the agent speaks it (graphql-ws over `ws`, the same frames:
 * agentFrames.ts), without graphql-ws's client machinery per point: an acknowledgement is read
 * by its id and type (JSON parsed only for a refusal), and one sweep a second times out the
 * points not acknowledged within ACK_TIMEOUT_MS instead of a timer per point.
 */
export async function channelAgent(server: string, apiKey: string, c: number): Promise<SimulatedAgent> {
  const socket = new WebSocket(`${server.replace(/^http/, 'ws')}/graphql`, GRAPHQL_TRANSPORT_WS_PROTOCOL, { skipUTF8Validation: true });
  const encode: PointEncoder = channelSubscribe(fleetValues(c));
  const waiting = new Map<string, Waiting>();
  const failAll = (why: string) => {
    for (const w of waiting.values()) w.reject(new Error(why));
    waiting.clear();
  };
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [id, w] of waiting)
      if (now - w.sentAt > ACK_TIMEOUT_MS) {
        waiting.delete(id);
        w.reject(new Error(`no acknowledgement within ${ACK_TIMEOUT_MS} ms`));
      }
  }, 1_000);
  sweep.unref();
  const acknowledged = new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('close', (code, reason) => reject(new Error(`channel closed (${code} ${reason.toString()})`)));
    socket.once('open', () => socket.send(channelInit(apiKey)));
    socket.on('message', (data) => {
      const text = data.toString();
      if (text.startsWith('{"type":')) {
        if (text.startsWith('{"type":"connection_ack"')) return resolve();
        // graphql-ws's client answers the server's pings; the gateway's keep-alive is ws-level (answered by ws).
        if (text.startsWith('{"type":"ping"')) socket.send('{"type":"pong"}');
        return;
      }
      const id = text.slice(ID_FROM, ID_TO);
      const w = waiting.get(id);
      if (!w) return;
      w.refusal ??= refusalOf(text);
      if (text.startsWith('"type":"next"', ID_TO + 2)) return;
      waiting.delete(id);
      if (w.refusal !== undefined) w.reject(new Error(w.refusal));
      else w.resolve();
    });
  });
  socket.on('close', (code) => {
    clearInterval(sweep);
    failAll(`channel closed (${code})`);
  });
  socket.on('error', () => undefined);
  await acknowledged;
  return {
    send: (t) =>
      new Promise<void>((resolve, reject) => {
        const id = randomUUID();
        waiting.set(id, { resolve, reject, sentAt: Date.now() });
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
