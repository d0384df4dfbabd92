import type { MetricValues } from '@perfanalysis/contract';
import type { LoadavgSnapshot } from '../collectors/loadavg.js';

export function loadValues(l: LoadavgSnapshot): MetricValues {
  return { load_1min: l.load1, load_5min: l.load5, load_15min: l.load15 };
}
