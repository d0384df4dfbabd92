import type { KeyValueStore } from './KeyValueStore.js';
import { gcraStep, type RateSpend } from './rateBudget.js';

interface Entry {
  value: string;
  expiresAt: number;
}

/** In-process store; expired entries are dropped when read and swept periodically. */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000).unref();

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  async get(key: string): Promise<string | undefined> {
    return this.live(key)?.value;
  }

  async set(key: string, value: string, ttlMs: number): Promise<void> {
    this.entries.set(key, { value, expiresAt: Date.now() + ttlMs });
  }

  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    if (this.live(key)) return false;
    await this.set(key, value, ttlMs);
    return true;
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async increment(key: string, windowMs: number, by = 1): Promise<{ count: number; resetInMs: number }> {
    const entry = this.live(key) ?? { value: '0', expiresAt: Date.now() + windowMs };
    entry.value = String(Number(entry.value) + by);
    this.entries.set(key, entry);
    return { count: Number(entry.value), resetInMs: entry.expiresAt - Date.now() };
  }

  async spendRate(key: string, max: number, windowMs: number): Promise<RateSpend> {
    const now = Date.now();
    const stored = this.live(key);
    const { tat, ...spend } = gcraStep(stored ? Number(stored.value) : undefined, now, max, windowMs);
    if (tat !== undefined) this.entries.set(key, { value: String(tat), expiresAt: tat });
    return spend;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.entries.clear();
  }

  private sweep(): void {
    for (const key of this.entries.keys()) this.live(key);
  }
}
