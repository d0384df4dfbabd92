import type { ReportData } from '../../data/prepareReportData.js';
import { formatFigure } from '../../format/formatFigure.js';
import type { Recommendation, RecommendationRule } from '../recommendation.js';
import { isFiniteNumber, min, NAN, round } from '../../builtins.js';

const RULE_ID = 'network-errors';

/**
 * Interface errors: rx + tx errors counted over the window above `networkErrorCount`, per
 * interface when the data has interfaces. The columns are rates (/s), so the count is
 * estimated as Σ rate × interval; the finding also cites the peak rate.
 */
export const networkErrorsRule: RecommendationRule = {
  id: RULE_ID,
  description: 'Interface errors (rx + tx) over the window above the threshold',
  evaluate({ data, thresholds }) {
    const threshold = thresholds.networkErrorCount;
    const candidates = data.devices.net.length
      ? data.devices.net.map((d) => ({ device: d.device as string | undefined, values: d.values }))
      : [{ device: undefined, values: data.columns }];
    const found: Recommendation[] = [];
    for (const { device, values } of candidates) {
      if (!values.net_rx_errors && !values.net_tx_errors) continue;
      const { total, peak } = countErrors(data, values.net_rx_errors, values.net_tx_errors);
      if (!(total > threshold)) continue;
      const where = device ? ` on ${device}` : '';
      found.push({
        ruleId: RULE_ID,
        severity: 'warning',
        title: device ? `Errors on interface ${device}` : 'Network interface errors',
        finding: `About ${formatFigure(round(total), 'errors')}${where} over the window, peaking at ${formatFigure(peak, 'errors/s')} (threshold ${formatFigure(threshold, 'errors')}).`,
        advice:
          'A healthy link has no errors. Check cabling, duplex/speed negotiation, the NIC driver and firmware, and the switch port counters.',
        evidence: { metric: 'net_errors', statistic: 'total', value: total, threshold, unit: 'errors', ...(device ? { device } : {}) },
      });
    }
    return found;
  },
};

function countErrors(data: ReportData, rx: Float64Array | undefined, tx: Float64Array | undefined): { total: number; peak: number } {
  const { time, intervalMs } = data;
  const firstGap = isFiniteNumber(intervalMs) ? intervalMs : 1000;
  let total = 0;
  let peak = 0;
  for (let i = 0; i < time.length; i++) {
    const r = rx?.[i] ?? NAN;
    const t = tx?.[i] ?? NAN;
    const rate = (isFiniteNumber(r) ? r : 0) + (isFiniteNumber(t) ? t : 0);
    if (rate <= 0) continue;
    // The rate describes the interval that ends at this sample; a gap longer than the
    // collector's usual one is not counted in full (it was silent, not erroring).
    const gap = i === 0 ? firstGap : min(time[i]! - time[i - 1]!, data.maxGapMs);
    total += rate * (gap / 1000);
    if (rate > peak) peak = rate;
  }
  return { total, peak };
}
