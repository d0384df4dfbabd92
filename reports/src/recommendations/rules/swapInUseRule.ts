import { percentileAboveRule } from '../percentileAboveRule.js';

/** Swap in use: `swap_used_mb` p95 above `swapUsedP95Mb`. */
export const swapInUseRule = percentileAboveRule({
  id: 'swap-in-use',
  description: 'Swap used p95 above the threshold',
  metric: 'swap_used_mb',
  label: 'Swap used',
  unit: 'MB',
  threshold: 'swapUsedP95Mb',
  severity: 'warning',
  title: 'Swap in use',
  advice:
    'Memory pressure pushed pages to swap. Check which processes grew, lower their footprint, or add memory; reads from swap stall the processes that need those pages.',
});
