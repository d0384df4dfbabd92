import { describeError } from '../../api/describeError.js';
import { BandChart } from '../../charts/bandChart.js';
import { toBands } from '../../charts/seriesBands.js';
import { h } from '../../dom/h.js';
import { MessageBox } from '../../dom/messageBox.js';
import type { MetricGroupName, MetricsApi, RangeArgs } from './metricsApi.js';

interface ChartSpec {
  readonly group: MetricGroupName;
  readonly title: string;
  /** The metrics drawn, in legend order (snake_case or camelCase, as the server names them). */
  readonly metrics: readonly string[];
}

export const HISTORY_CHARTS: Record<'cpu' | 'memory' | 'disk' | 'network', ChartSpec> = {
  cpu: { group: 'CPU', title: 'CPU', metrics: ['cpu_user', 'cpu_system', 'cpu_iowait', 'cpu_steal'] },
  memory: { group: 'MEMORY', title: 'Memory', metrics: ['mem_used_mb', 'mem_cached_mb', 'mem_buffers_mb', 'swap_used_mb'] },
  disk: { group: 'DISK', title: 'Disk throughput', metrics: ['disk_read_mb', 'disk_write_mb'] },
  network: { group: 'NETWORK', title: 'Network throughput', metrics: ['net_rx_mb', 'net_tx_mb'] },
};

/** A metric name in either spelling matches: `disk_read_mb` and `diskReadMb` are the same. */
function normalise(name: string): string {
  return name.replace(/_/g, '').toLowerCase();
}

/** Bucketed min/avg/max charts of some metric groups, each from one `series` query. */
export class HistoryCharts {
  readonly element: HTMLElement;
  private readonly charts: { spec: ChartSpec; chart: BandChart }[];
  private readonly message = new MessageBox();
  private generation = 0;

  constructor(
    private readonly api: MetricsApi,
    specs: readonly ChartSpec[],
    title: string,
  ) {
    this.charts = specs.map((spec) => ({ spec, chart: new BandChart({ title: spec.title }) }));
    this.element = h(
      'section',
      { class: 'history-charts', 'aria-label': title },
      h('h2', null, title),
      this.message.element,
      h('div', { class: 'chart-grid' }, ...this.charts.map((c) => c.chart.element)),
    );
  }

  async load(range: RangeArgs): Promise<void> {
    const series = this.api.series?.bind(this.api);
    if (!series) {
      this.message.show('info', 'Historical series are not available from this server yet.');
      return;
    }
    const generation = ++this.generation;
    const buckets = Math.max(60, Math.min(500, Math.floor((this.element.clientWidth || 800) / 2)));
    const results = await Promise.allSettled(this.charts.map(({ spec }) => series(spec.group, range, buckets)));
    if (generation !== this.generation) return; // a newer range was asked for meanwhile
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) {
      const { title, details } = describeError(failure.reason);
      this.message.show('error', title, details);
    } else this.message.clear();
    results.forEach((result, i) => {
      if (result.status !== 'fulfilled') return;
      const { spec, chart } = this.charts[i]!;
      const wanted = new Set(spec.metrics.map(normalise));
      const names = result.value.metrics.map((m) => m.metric).filter((name) => wanted.has(normalise(name)));
      const order = spec.metrics.map(normalise);
      names.sort((a, b) => order.indexOf(normalise(a)) - order.indexOf(normalise(b)));
      chart.update(toBands(result.value, names), range.from, range.to);
    });
  }

  destroy(): void {
    this.generation++;
    for (const { chart } of this.charts) chart.destroy();
  }
}
