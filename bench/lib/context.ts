import { type BenchPlatform, type BenchTenant, newBenchTenant, startBenchPlatform } from './benchPlatform.js';
import type { ResultRow } from './stats.js';

/** What every part shares: one platform and one tenant, started on first use. */
export class BenchContext {
  private platformStarted?: Promise<BenchPlatform>;
  private tenantMade?: Promise<BenchTenant>;
  private readonly cache = new Map<string, Promise<unknown>>();
  /** Lines printed under the table: load conditions, what a figure means, what holds it back. */
  readonly notes: string[] = [];

  platform(): Promise<BenchPlatform> {
    this.platformStarted ??= startBenchPlatform();
    return this.platformStarted;
  }

  async tenant(): Promise<BenchTenant> {
    this.tenantMade ??= this.platform().then(newBenchTenant);
    return this.tenantMade;
  }

  /** A value several parts need (e.g. the week of points behind series and export), made once. */
  once<T>(key: string, make: () => Promise<T>): Promise<T> {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as Promise<T>;
  }

  async stop(): Promise<void> {
    if (this.platformStarted) await (await this.platformStarted.catch(() => undefined))?.stop();
  }
}

/** One benchmark of the table. */
export interface BenchPart {
  readonly name: string;
  readonly figure: string;
  run(ctx: BenchContext): Promise<ResultRow[]>;
}
