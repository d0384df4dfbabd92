import { TtlCache } from '../cache/TtlCache.js';
import type { KeyValueStore } from '../kv/KeyValueStore.js';
import type { PubSub, Unsubscribe } from '../pubsub/PubSub.js';
import { revocationKeys } from './revocation.js';

/** Channel on which a closed session's id is announced, so every cache forgets it at once. */
export const SESSION_CLOSED_CHANNEL = 'session-closed';

/** How long "this session exists and is open" is reused when no announcement arrives (docs/security.md "Sessions"). */
const SESSION_FRESHNESS_MS = 10_000;

/**
 * Asks the sessions' owner (identity's read module, `sessionIsLive`) whether a session has an
 * unrevoked, unexpired refresh token; platform sits below identity and takes it as a port.
 */
export type SessionLookup = (sessionId: string) => Promise<boolean>;

/**
 * Whether an access token's session (refresh-token family) is live: it exists, has an
 * unrevoked, unexpired token, and carries no revocation mark. The owner's answer is cached
 * per session and dropped when a close is announced over pub/sub (or pub/sub comes back
 * after an outage, when announcements may have been lost).
 */
export class SessionCache {
  private readonly rows = new TtlCache<boolean>(SESSION_FRESHNESS_MS);
  private listening: Promise<Unsubscribe> | undefined;
  private stopStatus: (() => void) | undefined;

  constructor(
    private readonly lookup: SessionLookup,
    private readonly kv: KeyValueStore,
    private readonly pubsub: PubSub,
  ) {}

  async isLive(sessionId: string): Promise<boolean> {
    this.listening ??= this.listen();
    await this.listening;
    if (await this.kv.get(revocationKeys.session(sessionId))) return false;
    return this.rows.get(sessionId, () => this.lookup(sessionId));
  }

  async close(): Promise<void> {
    this.stopStatus?.();
    const unsubscribe = await this.listening?.catch(() => undefined);
    await unsubscribe?.();
  }

  private listen(): Promise<Unsubscribe> {
    this.stopStatus = this.pubsub.onStatus?.((status) => status === 'up' && this.rows.clear());
    return this.pubsub.subscribe(SESSION_CLOSED_CHANNEL, (sessionId) => this.rows.delete(sessionId));
  }
}

/** Tells every SessionCache that `sessionId` is closed (after its rows and revocation mark are written). */
export function announceSessionClosed(pubsub: PubSub, sessionId: string): Promise<void> {
  return pubsub.publish(SESSION_CLOSED_CHANNEL, sessionId);
}
