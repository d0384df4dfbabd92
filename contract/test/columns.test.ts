import { groupOf, METRIC_COLUMNS, METRIC_UNITS } from '@perfanalysis/contract';

describe('metric columns', () => {
  it('lists the 27 columns of docs/metrics.md once each', () => {
    expect(METRIC_COLUMNS).toHaveLength(27);
    expect(new Set(METRIC_COLUMNS).size).toBe(27);
  });

  it('gives each column its unit and group', () => {
    expect(METRIC_UNITS.cpu_user).toBe('%');
    expect(METRIC_UNITS.mem_used_mb).toBe('MB');
    expect(METRIC_UNITS.net_rx_mb).toBe('MB/s');
    expect(METRIC_UNITS.disk_read_ops).toBe('ops/s');
    expect(groupOf('load_5min')).toBe('load');
  });
});
