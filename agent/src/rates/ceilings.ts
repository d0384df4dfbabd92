/**
 * Fastest believable rates, per second. They exist only to reject a "delta" that is really a
 * reset or a misread wrap (a 64-bit wrap misread would claim exabytes); they sit far above
 * any single host's hardware so a real measurement never trips them.
 */
export const MAX_PER_SECOND = {
  /** 1 TiB/s: beyond 8 × 800 GbE or any NVMe array in one host. */
  bytes: 2 ** 40,
  /** The same 1 TiB/s in 512-byte sectors. */
  sectors: 2 ** 31,
  /** 2^31 ≈ 2.1 G packets/s: above 400 GbE line rate at minimum frame size. */
  packets: 2 ** 31,
  /** 2^27 ≈ 134 M I/O operations/s. */
  ops: 2 ** 27,
  /** io_ticks grows by at most 1000 ms per second; twice that absorbs read skew. */
  busyMs: 2000,
} as const;

export const SECTOR_BYTES = 512;
export const MIB = 1024 * 1024;
