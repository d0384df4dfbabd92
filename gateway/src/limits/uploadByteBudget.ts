import type { KeyValueStore, Logger } from '@perfanalysis/platform';

const WINDOW_MS = 60_000;

/**
 * Upload bytes per caller per minute (RATE_LIMIT_UPLOAD_BYTES), next to the request count: many
 * small captures pass, a flood of large files does not. A request is charged its declared size
 * (the size limit when it declares none); a refused one is taken back. A failing store lets
 * the request through, as the request limits do.
 */
export class UploadByteBudget {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly maxBytes: number,
    private readonly logger: Logger,
  ) {}

  /** Seconds to wait when `bytes` more would exceed the budget, else undefined (and charged). */
  async charge(key: string, bytes: number): Promise<number | undefined> {
    if (this.maxBytes === 0 || bytes <= 0) return undefined;
    const budget = `uploadBytes:${key}`;
    try {
      const { count, resetInMs } = await this.kv.increment(budget, WINDOW_MS, bytes);
      if (count <= this.maxBytes || count === bytes) return undefined;
      await this.kv.increment(budget, WINDOW_MS, -bytes);
      return Math.max(1, Math.ceil(resetInMs / 1000));
    } catch (error) {
      this.logger.warn({ err: error }, 'upload byte budget unavailable; request let through');
      return undefined;
    }
  }
}
