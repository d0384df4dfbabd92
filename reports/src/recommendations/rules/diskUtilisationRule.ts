import { summarizeSeries } from '../../stats/summarizeSeries.js';
import { formatFigure } from '../../format/formatFigure.js';
import type { Recommendation, RecommendationRule } from '../recommendation.js';

const RULE_ID = 'disk-utilisation-high';

/**
 * Saturated disk: `disk_io_util` p95 of a device above `diskUtilP95Pct`. Per device when
 * the data has devices (one busy disk hides in an average), else on the aggregate column.
 */
export const diskUtilisationRule: RecommendationRule = {
  id: RULE_ID,
  description: 'Disk utilisation p95 of a device above the threshold',
  evaluate({ data, thresholds }) {
    const threshold = thresholds.diskUtilP95Pct;
    const candidates = data.devices.disk.length
      ? data.devices.disk.map((d) => ({ device: d.device as string | undefined, values: d.values.disk_io_util }))
      : [{ device: undefined, values: data.columns.disk_io_util }];
    const found: Recommendation[] = [];
    for (const { device, values } of candidates) {
      if (!values) continue;
      const p95 = summarizeSeries(values).p95;
      if (!(p95 > threshold)) continue;
      found.push({
        ruleId: RULE_ID,
        severity: 'warning',
        title: device ? `Disk ${device} saturated` : 'Disk saturated',
        finding: `Disk utilisation p95${device ? ` of ${device}` : ''} is ${formatFigure(p95, '%')} (threshold ${formatFigure(threshold, '%')}).`,
        advice:
          'Requests queue on this device. Spread the I/O, move hot data to faster storage, or reduce writes (logging, swap, temp files).',
        evidence: { metric: 'disk_io_util', statistic: 'p95', value: p95, threshold, unit: '%', ...(device ? { device } : {}) },
      });
    }
    return found;
  },
};
