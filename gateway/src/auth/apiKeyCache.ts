import { type ApiKeyChangedMessage, onApiKeyChanged, type PubSub, type TenantBinding, type ApiKeyScope } from '@perfanalysis/platform';

export interface ApiKeyRecord {
  readonly keyId: string;
  readonly keyHash: string;
  readonly collectorId: string;
  readonly scopes: readonly ApiKeyScope[];
  readonly tenant: TenantBinding;
  /** Key not revoked, its tenant and collector active. */
  readonly live: boolean;
  /** When the key stops (a rotated key's grace end), epoch ms; null: never. */
  readonly expiresAt: number | null;
}

/** Whether the key may be used now: live and not past its grace period. */
export function keyUsable(record: ApiKeyRecord, now = Date.now()): boolean {
  return record.live && (record.expiresAt === null || record.expiresAt > now);
}

/** What changed: the keys an announcement names, or everything (announcements may have been lost). */
export type KeyChange = ApiKeyChangedMessage | 'all';
export type KeyChangeListener = (change: KeyChange) => void;

/** How long a found key is kept while announcements are heard: only a backstop for writes made outside the services. */
const KEPT_MS = 60_000;
/** How long any other answer is kept: unknown prefixes, and everything while announcements are not heard. */
const UNHEARD_MS = 1_000;
/** setTimeout's longest delay; a later grace end is re-armed when the key is loaded again. */
const MAX_TIMER_MS = 2_147_483_647;

interface Entry {
  readonly value: Promise<ApiKeyRecord | null>;
  readonly expiresAt: number;
  record?: ApiKeyRecord | null;
  graceEnd?: NodeJS.Timeout;
}

/**
 * API-key lookups kept in process (docs/ingest.md "API keys at the gateway"): a found key for a
 * minute, dropped at once when a change of its keys is announced on `api-key-changed`
 * (docs/wire.md). While pub/sub is down nothing is kept longer than a second, and when it comes
 * back everything is dropped. Listeners hear every change, and a kept key's grace end, so open
 * agent channels are re-checked at that moment.
 */
export class ApiKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<KeyChangeListener>();
  /** Bumped by every change: a lookup that started before it is not kept (it may have read the old row). */
  private generation = 0;
  private heard = false;
  private stopListening: (() => Promise<void>) | undefined;
  private stopStatus: (() => void) | undefined;

  constructor(private readonly maxEntries = 20_000) {}

  /** Starts hearing announcements; until then (and while pub/sub is down) answers are kept a second only. */
  async listen(pubsub: PubSub): Promise<void> {
    this.stopStatus = pubsub.onStatus?.((status) => {
      this.heard = status === 'up';
      this.changed('all');
    });
    this.stopListening = await onApiKeyChanged(pubsub, (change) => this.changed(change));
    this.heard = true;
  }

  async close(): Promise<void> {
    this.stopStatus?.();
    await this.stopListening?.();
    for (const prefix of [...this.entries.keys()]) this.drop(prefix);
  }

  /** Told of every change (announced, pub/sub recovered, or a kept key's grace ended). */
  onChange(listener: KeyChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get(prefix: string, load: () => Promise<ApiKeyRecord | null>): Promise<ApiKeyRecord | null> {
    const now = Date.now();
    const hit = this.entries.get(prefix);
    if (hit && hit.expiresAt > now) return hit.value;
    if (hit) this.drop(prefix);
    if (this.entries.size >= this.maxEntries) this.evict(now);
    const started = this.generation;
    const value = load();
    const entry: Entry = { value, expiresAt: now + (this.heard ? KEPT_MS : UNHEARD_MS) };
    this.entries.set(prefix, entry);
    value.then(
      (record) => {
        if (this.entries.get(prefix) !== entry) return;
        if (this.generation !== started) return this.drop(prefix);
        this.keep(entry, record);
      },
      () => this.entries.get(prefix) === entry && this.drop(prefix),
    );
    return value;
  }

  private keep(entry: Entry, record: ApiKeyRecord | null): void {
    entry.record = record;
    // Unknown prefixes are kept briefly: a key imported later must work within a second.
    if (!record) (entry as { expiresAt: number }).expiresAt = Math.min(entry.expiresAt, Date.now() + UNHEARD_MS);
    if (record?.expiresAt != null && record.live) {
      const change = { tenantId: record.tenant.id, collectorId: record.collectorId };
      entry.graceEnd = setTimeout(() => this.notify(change), Math.min(Math.max(record.expiresAt - Date.now(), 0), MAX_TIMER_MS));
      entry.graceEnd.unref();
    }
  }

  private changed(change: KeyChange): void {
    this.generation += 1;
    for (const [prefix, entry] of [...this.entries]) {
      const record = entry.record;
      const named =
        change === 'all' ||
        record === undefined ||
        (record !== null && record.tenant.id === change.tenantId && (!change.collectorId || record.collectorId === change.collectorId));
      if (named) this.drop(prefix);
    }
    this.notify(change);
  }

  private notify(change: KeyChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private drop(prefix: string): void {
    clearTimeout(this.entries.get(prefix)?.graceEnd);
    this.entries.delete(prefix);
  }

  private evict(now: number): void {
    for (const [prefix, entry] of this.entries) if (entry.expiresAt <= now) this.drop(prefix);
    // Still full of fresh entries: drop the oldest inserted rather than grow without bound.
    while (this.entries.size >= this.maxEntries) this.drop(this.entries.keys().next().value!);
  }
}
