import {
  cpuBusyRule,
  DEFAULT_THRESHOLDS,
  diskUtilisationRule,
  iowaitRule,
  loadPerCoreRule,
  memoryHeadroomRule,
  networkErrorsRule,
  prepareReportData,
  recommend,
  RECOMMENDATION_RULES,
  stealRule,
  swapInUseRule,
  type RecommendationRule,
  type RecommendationThresholds,
} from '../src/index.js';
import { constant, craftPoints, tail, type CraftedColumns, type CraftedDevices } from './support/craftedPoints.js';

const N = 200;

function run(
  rule: RecommendationRule,
  columns: CraftedColumns,
  devices: CraftedDevices = {},
  thresholds: Partial<RecommendationThresholds> = {},
  capacities: { cpuCount?: number } = {},
) {
  const data = prepareReportData({ machineId: 'm', points: craftPoints(N, columns, devices), capacities });
  return rule.evaluate({ data, thresholds: { ...DEFAULT_THRESHOLDS, ...thresholds } });
}

/** CPU columns where busy (100 − idle − iowait) is `busy` for the first `high` samples. */
function cpu(high: number, busy: number, quiet = 20): CraftedColumns {
  const b = tail(N, high, busy, quiet);
  return {
    cpu_user: b.map((v) => v * 0.7),
    cpu_system: b.map((v) => v * 0.3),
    cpu_iowait: constant(N, 0),
    cpu_idle: b.map((v) => 100 - v),
  };
}

describe('cpu-sustained-high', () => {
  it('fires when CPU busy p95 is above 80 %, citing the p95', () => {
    // 20 of 200 samples (10 %) at 95 %: p95 is 95.
    const [finding, ...rest] = run(cpuBusyRule, cpu(20, 95));
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({
      ruleId: 'cpu-sustained-high',
      severity: 'warning',
      evidence: { metric: 'cpu_busy', statistic: 'p95', value: 95, threshold: 80, unit: '%' },
    });
    expect(finding!.finding).toBe('CPU busy p95 is 95 % (threshold 80 %).');
  });

  it('stays quiet on a short burst (under 5 % of the window)', () => {
    expect(run(cpuBusyRule, cpu(9, 100))).toEqual([]);
  });

  it('stays quiet exactly at the threshold and when CPU columns are missing', () => {
    expect(run(cpuBusyRule, cpu(N, 80))).toEqual([]);
    expect(run(cpuBusyRule, { mem_used_mb: constant(N, 1) })).toEqual([]);
  });

  it('counts iowait as idle time (it has its own rule)', () => {
    const columns = { cpu_idle: constant(N, 5), cpu_iowait: constant(N, 30), cpu_user: constant(N, 65) };
    expect(run(cpuBusyRule, columns)).toEqual([]);
  });

  it('falls back to user + system + steal when idle is absent', () => {
    const columns = { cpu_user: constant(N, 70), cpu_system: constant(N, 15), cpu_steal: constant(N, 1) };
    expect(run(cpuBusyRule, columns)[0]?.evidence.value).toBe(86);
  });

  it('follows its threshold', () => {
    expect(run(cpuBusyRule, cpu(N, 60), {}, { cpuBusyP95Pct: 50 })).toHaveLength(1);
  });
});

describe('swap-in-use', () => {
  it('fires when swap used p95 is above 0 MB', () => {
    const [finding] = run(swapInUseRule, { swap_used_mb: tail(N, 20, 512, 0).reverse() });
    expect(finding?.evidence).toMatchObject({ metric: 'swap_used_mb', value: 512, threshold: 0, unit: 'MB' });
    expect(finding?.finding).toBe('Swap used p95 is 512 MB (threshold 0 MB).');
  });

  it('stays quiet when swap is unused, used only briefly, or below a raised threshold', () => {
    expect(run(swapInUseRule, { swap_used_mb: constant(N, 0) })).toEqual([]);
    expect(run(swapInUseRule, { swap_used_mb: tail(N, 5, 900, 0) })).toEqual([]);
    expect(run(swapInUseRule, { swap_used_mb: constant(N, 40) }, {}, { swapUsedP95Mb: 64 })).toEqual([]);
    expect(run(swapInUseRule, { cpu_idle: constant(N, 50) })).toEqual([]);
  });
});

describe('iowait-high', () => {
  it('fires when iowait p95 is above 10 %', () => {
    const [finding] = run(iowaitRule, { cpu_iowait: tail(N, 30, 25, 2) });
    expect(finding?.evidence).toMatchObject({ metric: 'cpu_iowait', statistic: 'p95', value: 25, threshold: 10 });
  });

  it('stays quiet at 10 % or below, and without the column', () => {
    expect(run(iowaitRule, { cpu_iowait: constant(N, 10) })).toEqual([]);
    expect(run(iowaitRule, { cpu_idle: constant(N, 90) })).toEqual([]);
  });
});

describe('steal-high', () => {
  it('fires when steal p95 is above 5 %', () => {
    const [finding] = run(stealRule, { cpu_steal: tail(N, 40, 12.5, 0) });
    expect(finding?.evidence).toMatchObject({ metric: 'cpu_steal', value: 12.5, threshold: 5 });
    expect(finding?.finding).toBe('CPU steal p95 is 12.5 % (threshold 5 %).');
  });

  it('stays quiet on bare-metal-like steal', () => {
    expect(run(stealRule, { cpu_steal: constant(N, 0.3) })).toEqual([]);
  });
});

describe('memory-headroom-low', () => {
  it('fires when available memory p5 is below 10 % of total', () => {
    // 20 samples (10 %) with 512 MB of 16 GB available: p5 is 3.125 %.
    const columns = { mem_total_mb: constant(N, 16384), mem_available_mb: tail(N, 20, 512, 8000) };
    const [finding] = run(memoryHeadroomRule, columns);
    expect(finding).toMatchObject({
      severity: 'critical',
      evidence: { metric: 'mem_available_pct', statistic: 'p5', value: 3.125, threshold: 10, unit: '%' },
    });
    expect(finding?.finding).toBe('Available memory p5 is 3.13 % of total (threshold 10 %).');
  });

  it('stays quiet with headroom, with a single dip, or without mem_available', () => {
    expect(run(memoryHeadroomRule, { mem_total_mb: constant(N, 16384), mem_available_mb: constant(N, 4000) })).toEqual([]);
    expect(run(memoryHeadroomRule, { mem_total_mb: constant(N, 16384), mem_available_mb: tail(N, 5, 100, 4000) })).toEqual([]);
    expect(run(memoryHeadroomRule, { mem_total_mb: constant(N, 16384), mem_used_mb: constant(N, 16000) })).toEqual([]);
  });
});

describe('disk-utilisation-high', () => {
  it('fires per device, naming the busy one only', () => {
    const devices = {
      disk: {
        sda: { disk_io_util: constant(N, 20) },
        sdb: { disk_io_util: tail(N, 50, 97, 30) },
      },
    };
    const findings = run(diskUtilisationRule, { disk_io_util: constant(N, 60) }, devices);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ title: 'Disk sdb saturated', evidence: { device: 'sdb', value: 97, threshold: 80 } });
  });

  it('uses the aggregate column when there are no devices', () => {
    expect(run(diskUtilisationRule, { disk_io_util: constant(N, 85) })[0]?.evidence.device).toBeUndefined();
    expect(run(diskUtilisationRule, { disk_io_util: constant(N, 80) })).toEqual([]);
  });
});

describe('network-errors', () => {
  it('fires on any error, per interface, citing the count and the peak rate', () => {
    const rx = constant(N, 0);
    rx[100] = 3;
    rx[101] = 2;
    const devices = { net: { eth0: { net_rx_errors: constant(N, 0), net_tx_errors: constant(N, 0) }, eth1: { net_rx_errors: rx } } };
    const findings = run(networkErrorsRule, {}, devices);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      title: 'Errors on interface eth1',
      evidence: { device: 'eth1', statistic: 'total', value: 5, threshold: 0 },
    });
    expect(findings[0]?.finding).toBe('About 5 errors on eth1 over the window, peaking at 3 errors/s (threshold 0 errors).');
  });

  it('counts rates over the sampling interval (1 error/s for 10 s at 10 s intervals = 10 errors)', () => {
    const points = craftPoints(3, { net_tx_errors: [0, 1, 0] }, {}, 10_000);
    const data = prepareReportData({ machineId: 'm', points });
    expect(networkErrorsRule.evaluate({ data, thresholds: DEFAULT_THRESHOLDS })[0]?.evidence.value).toBe(10);
  });

  it('stays quiet with no errors, or with the columns absent', () => {
    expect(run(networkErrorsRule, { net_rx_errors: constant(N, 0), net_tx_errors: constant(N, 0) })).toEqual([]);
    expect(run(networkErrorsRule, { net_rx_mb: constant(N, 5) })).toEqual([]);
  });
});

describe('load-per-core-high', () => {
  it('fires when load_5min p95 per CPU is above 1, with the CPU count from the devices', () => {
    const cores = Object.fromEntries([0, 1].map((c) => [`cpu${c}`, { cpu_idle: constant(N, 50) }]));
    const [finding] = run(loadPerCoreRule, { load_5min: constant(N, 3) }, { cpu: cores });
    expect(finding?.evidence).toMatchObject({ metric: 'load_5min', value: 1.5, threshold: 1 });
    expect(finding?.finding).toBe('5-minute load p95 is 3 on 2 CPUs, 1.5 per CPU (threshold 1).');
  });

  it('uses the CPU count given in the capacities', () => {
    expect(run(loadPerCoreRule, { load_5min: constant(N, 3) }, {}, {}, { cpuCount: 8 })).toEqual([]);
    expect(run(loadPerCoreRule, { load_5min: constant(N, 9) }, {}, {}, { cpuCount: 8 })).toHaveLength(1);
  });

  it('stays quiet when the CPU count is unknown', () => {
    expect(run(loadPerCoreRule, { load_5min: constant(N, 50) })).toEqual([]);
  });
});

describe('recommend', () => {
  it('runs every rule, most severe first, and is quiet on a healthy machine', () => {
    const healthy = {
      ...cpu(N, 30),
      mem_total_mb: constant(N, 16384),
      mem_available_mb: constant(N, 9000),
      swap_used_mb: constant(N, 0),
      disk_io_util: constant(N, 10),
      net_rx_errors: constant(N, 0),
      load_5min: constant(N, 0.5),
    };
    const data = prepareReportData({ machineId: 'm', points: craftPoints(N, healthy) });
    expect(recommend(data)).toEqual([]);

    const sick = { ...healthy, ...cpu(N, 95), mem_available_mb: constant(N, 100), swap_used_mb: constant(N, 10) };
    const findings = recommend(prepareReportData({ machineId: 'm', points: craftPoints(N, sick) }));
    expect(findings.map((f) => f.ruleId)).toEqual(['memory-headroom-low', 'cpu-sustained-high', 'swap-in-use']);
  });

  it('takes threshold overrides', () => {
    const data = prepareReportData({ machineId: 'm', points: craftPoints(N, cpu(N, 70)) });
    expect(recommend(data, { cpuBusyP95Pct: 60 }).map((f) => f.ruleId)).toEqual(['cpu-sustained-high']);
  });

  it('has rules with distinct ids and descriptions', () => {
    expect(new Set(RECOMMENDATION_RULES.map((r) => r.id)).size).toBe(RECOMMENDATION_RULES.length);
    expect(RECOMMENDATION_RULES.every((r) => r.description.length > 10)).toBe(true);
  });
});
