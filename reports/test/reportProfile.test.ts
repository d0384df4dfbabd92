import { capacityAxes, prepareReportData, profileMeta, recommend, renderReportHtml, type ReportProfile } from '../src/index.js';
import { constant, craftPoints, tail } from './support/craftedPoints.js';

const N = 200;
/** 20 of 200 samples at 85 % busy (p95 85 %), 1 MB/s received on eth0 throughout. */
const points = craftPoints(
  N,
  {
    cpu_user: tail(N, 20, 85, 20),
    cpu_system: constant(N, 0),
    cpu_iowait: constant(N, 0),
    cpu_idle: tail(N, 20, 15, 80),
  },
  { net: { eth0: { net_rx_mb: constant(N, 1), net_tx_mb: constant(N, 0) } } },
);

const withProfile = (profile: ReportProfile) => ({ machineId: 'm', points, ...profileMeta(profile) });
const ruleIds = (profile: ReportProfile) => {
  const input = withProfile(profile);
  return recommend(prepareReportData(input), input.thresholds).map((r) => r.ruleId);
};
const networkAxis = (profile: ReportProfile) => capacityAxes(prepareReportData(withProfile(profile))).find((a) => a.key === 'network');

describe('a report profile in the renderer', () => {
  it('splits into capacities and thresholds, dropping nulls', () => {
    expect(profileMeta({ cpuCount: 8, networkThroughputMbPerSec: 12.5, cpuBusyP95Pct: 90, memoryMb: undefined })).toEqual({
      capacities: { cpuCount: 8, networkThroughputMbPerSec: 12.5 },
      thresholds: { cpuBusyP95Pct: 90 },
    });
  });

  it('moves a recommendation with its threshold: CPU busy p95 85 % fires at the default 80, not at 90', () => {
    expect(ruleIds({})).toContain('cpu-sustained-high');
    expect(ruleIds({ cpuBusyP95Pct: 90 })).not.toContain('cpu-sustained-high');
    expect(ruleIds({ cpuBusyP95Pct: 84.9 })).toContain('cpu-sustained-high');
  });

  it('scales the radar by the profile’s capacity: 1 MB/s is 0.8 % of 1 Gbit/s, 10 % of 10 MB/s', () => {
    expect(networkAxis({})).toMatchObject({ capacity: 125, ratio: 1 / 125 });
    expect(networkAxis({ networkThroughputMbPerSec: 10 })).toMatchObject({ capacity: 10, ratio: 0.1 });
  });

  it('prints the thresholds and capacity of the profile in the HTML report', () => {
    const html = renderReportHtml(withProfile({ cpuBusyP95Pct: 70, networkThroughputMbPerSec: 10 }));
    expect(html).toContain('data-rule="cpu-sustained-high"');
    expect(html).toContain('(threshold 70 %)');
    expect(renderReportHtml(withProfile({ cpuBusyP95Pct: 90 }))).not.toContain('data-rule="cpu-sustained-high"');
  });
});
