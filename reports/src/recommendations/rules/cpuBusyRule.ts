import { percentileAboveRule } from '../percentileAboveRule.js';

/** Sustained high CPU: CPU busy p95 above `cpuBusyP95Pct`. */
export const cpuBusyRule = percentileAboveRule({
  id: 'cpu-sustained-high',
  description: 'CPU busy (100 − idle − iowait) p95 above the threshold',
  metric: 'cpu_busy',
  label: 'CPU busy',
  unit: '%',
  threshold: 'cpuBusyP95Pct',
  severity: 'warning',
  title: 'Sustained high CPU',
  advice: 'The CPU has little room for bursts. Find the busiest processes over this window, spread the work, or add CPUs.',
});
