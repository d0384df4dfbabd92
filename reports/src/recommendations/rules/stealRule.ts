import { percentileAboveRule } from '../percentileAboveRule.js';

/** CPU steal: `cpu_steal` p95 above `stealP95Pct`. */
export const stealRule = percentileAboveRule({
  id: 'steal-high',
  description: 'CPU steal p95 above the threshold',
  metric: 'cpu_steal',
  label: 'CPU steal',
  unit: '%',
  threshold: 'stealP95Pct',
  severity: 'warning',
  title: 'CPU stolen by the hypervisor',
  advice: "Other guests on the same host take this VM's CPU time. Ask the provider for dedicated or larger instances, or move the VM.",
});
