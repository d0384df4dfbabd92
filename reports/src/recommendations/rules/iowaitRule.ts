import { percentileAboveRule } from '../percentileAboveRule.js';

/** High iowait: `cpu_iowait` p95 above `iowaitP95Pct`. */
export const iowaitRule = percentileAboveRule({
  id: 'iowait-high',
  description: 'CPU iowait p95 above the threshold',
  metric: 'cpu_iowait',
  label: 'CPU iowait',
  unit: '%',
  threshold: 'iowaitP95Pct',
  severity: 'warning',
  title: 'High I/O wait',
  advice:
    'Processes wait on storage. Compare with disk utilisation per device below; faster storage, caching or spreading I/O across devices helps.',
});
