import { type BatchedAnswer, MAX_BATCH_OPERATIONS, OPERATION_BATCH_PATH, TRICKLE_BATCH_MAX_BYTES } from '@perfanalysis/platform';
import { Agent, request } from 'node:http';

/** One operation's answer from the subgraph, as it would have answered it alone. */
export interface OperationAnswer {
  readonly status: number;
  readonly body: Buffer;
}

/** An idle kept-alive socket is closed after this (below Node's default server keep-alive of 5 s). */
const IDLE_SOCKET_MS = 4_000;

interface Waiter {
  readonly resolve: (answer: OperationAnswer) => void;
  readonly reject: (error: Error) => void;
}

interface Batch {
  readonly ops: string[];
  readonly waiters: Waiter[];
  bytes: number;
}

/**
 * Operations bound for one subgraph, gathered for `gatherMs` (0: one event-loop turn) into one
 * `POST /internal/operations` (platform/src/subgraph/operationBatch.ts): at a thousand agents a
 * request per trickle was most of the hop's cost on both sides, and agents sending once a second
 * each rarely meet in one turn. Each operation still gets its
 * own answer; a batch that fails, times out or answers out of shape fails every operation in it,
 * as a lost request failed its one trickle (the agents resend; storage keeps each point once).
 */
export class OperationBatcher {
  /**
   * `timeout` lets Node retire an idle socket before the subgraph's keep-alive timeout (it honours
   * the server's `Keep-Alive: timeout=` hint, less a second, only when the agent has a timeout).
   */
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 64, timeout: IDLE_SOCKET_MS });
  private readonly target: { readonly protocol: string; readonly hostname: string; readonly port: string; readonly path: string };
  private open: Batch | undefined;

  constructor(
    subgraphUrl: string,
    private readonly timeoutMs: number,
    private readonly gatherMs = 0,
  ) {
    const url = new URL(subgraphUrl);
    this.target = { protocol: url.protocol, hostname: url.hostname, port: url.port, path: OPERATION_BATCH_PATH };
  }

  /** `op` is one operation's JSON (`{"identity":…,"query":…,"variables":…}`). */
  send(op: string): Promise<OperationAnswer> {
    const bytes = Buffer.byteLength(op);
    if (this.open && this.open.bytes + bytes > TRICKLE_BATCH_MAX_BYTES) this.flush(this.open);
    let batch = this.open;
    if (!batch) {
      batch = this.open = { ops: [], waiters: [], bytes: 0 };
      const scheduled = batch;
      if (this.gatherMs > 0) setTimeout(() => this.flush(scheduled), this.gatherMs);
      else setImmediate(() => this.flush(scheduled));
    }
    batch.ops.push(op);
    batch.bytes += bytes;
    const answer = new Promise<OperationAnswer>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    if (batch.ops.length >= MAX_BATCH_OPERATIONS) this.flush(batch);
    return answer;
  }

  close(): void {
    this.agent.destroy();
  }

  private flush(batch: Batch): void {
    if (this.open === batch) this.open = undefined;
    if (batch.ops.length === 0 || batch.bytes < 0) return;
    batch.bytes = -1; // sent: a second flush of the same batch does nothing
    this.post(`[${batch.ops.join(',')}]`)
      .then(
        (answers) => {
          if (!Array.isArray(answers) || answers.length !== batch.waiters.length)
            throw new Error('metrics answered the batch out of shape');
          batch.waiters.forEach((w, i) => w.resolve({ status: answers[i]!.status, body: Buffer.from(answers[i]!.body) }));
        },
        (error: Error) => batch.waiters.forEach((w) => w.reject(error)),
      )
      .catch((error: Error) => batch.waiters.forEach((w) => w.reject(error)));
  }

  /**
   * A kept-alive socket the subgraph closed while idle resets the next request sent on it before
   * anything was read: that request never arrived, so it is sent once more, on a socket of its
   * own — not the pool's next idle one, which went idle with it and may be just as closed (two
   * in a row failed the batch: the fleet bench's SERVICE_UNAVAILABLE errors).
   */
  private post(body: string, retried = false): Promise<BatchedAnswer[]> {
    return new Promise((resolve, reject) => {
      const req = request({
        ...this.target,
        method: 'POST',
        agent: retried ? false : this.agent,
        timeout: this.timeoutMs,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      req.on('timeout', () => req.destroy(new Error('metrics answer timed out')));
      let answered = false;
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (!retried && !answered && req.reusedSocket && error.code === 'ECONNRESET') resolve(this.post(body, true));
        else reject(error);
      });
      req.on('response', (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            if (res.statusCode !== 200) throw new Error(`metrics refused the batch (${res.statusCode})`);
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as BatchedAnswer[]);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
      });
      req.end(body);
    });
  }
}
