import type { MetricValues } from '@perfanalysis/contract';
import type { MeminfoSnapshot } from '../collectors/meminfo.js';

const KB_PER_MB = 1024;

/**
 * Memory gauges in MB (MiB, as /proc's kB are KiB).
 * - mem_used_mb = MemTotal − MemAvailable: what procps `free` calls used since 3.3.10; the
 *   kernel's own estimate of memory not reclaimable without swapping.
 * - Kernels before 3.14 have no MemAvailable: mem_used_mb = MemTotal − MemFree − Buffers − Cached
 *   (the classic "used minus buffers/cache"), and mem_available_mb is left absent rather than
 *   invented.
 * - mem_cached_mb is the kernel's `Cached` (page cache, without SReclaimable).
 * - swap_used_mb = SwapTotal − SwapFree.
 */
export function memoryValues(m: MeminfoSnapshot): MetricValues {
  const mb = (kb: number): number => kb / KB_PER_MB;
  const values: MetricValues = { mem_total_mb: mb(m.memTotalKb), mem_free_mb: mb(m.memFreeKb) };
  const usedKb =
    m.memAvailableKb !== undefined ? m.memTotalKb - m.memAvailableKb : m.memTotalKb - m.memFreeKb - (m.buffersKb ?? 0) - (m.cachedKb ?? 0);
  values.mem_used_mb = mb(Math.max(0, usedKb));
  if (m.memAvailableKb !== undefined) values.mem_available_mb = mb(m.memAvailableKb);
  if (m.cachedKb !== undefined) values.mem_cached_mb = mb(m.cachedKb);
  if (m.buffersKb !== undefined) values.mem_buffers_mb = mb(m.buffersKb);
  if (m.swapTotalKb !== undefined) values.swap_total_mb = mb(m.swapTotalKb);
  if (m.swapTotalKb !== undefined && m.swapFreeKb !== undefined) values.swap_used_mb = mb(Math.max(0, m.swapTotalKb - m.swapFreeKb));
  return values;
}
