import type { LiveStatus } from '../../api/liveClient.js';
import { LiveLineChart } from '../../charts/liveLineChart.js';
import { h } from '../../dom/h.js';
import { MessageBox } from '../../dom/messageBox.js';
import { pointToSample } from './livePoint.js';
import type { MetricsApi } from './metricsApi.js';

export const LIVE_WINDOW_MS = 5 * 60_000;

const CPU_KEYS = [
  { key: 'cpuUser', label: 'User' },
  { key: 'cpuSystem', label: 'System' },
  { key: 'cpuIowait', label: 'I/O wait' },
  { key: 'cpuSteal', label: 'Steal' },
] as const;

const MEMORY_KEYS = [
  { key: 'memUsedMb', label: 'Used' },
  { key: 'memCachedMb', label: 'Cached' },
  { key: 'memBuffersMb', label: 'Buffers' },
  { key: 'swapUsedMb', label: 'Swap used' },
] as const;

const STATUS_TEXT: Record<LiveStatus, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Live',
  reconnecting: 'Reconnecting…',
};

/**
 * Live CPU and memory over the last five minutes, fed by the subscription. It starts with
 * `since` five minutes back (the server replays them), then resumes from the last point
 * after any reconnect.
 */
export class LiveCharts {
  readonly element: HTMLElement;
  readonly cpu = new LiveLineChart({ title: 'CPU (live)', unit: '%', series: CPU_KEYS, yMax: 100, windowMs: LIVE_WINDOW_MS });
  readonly memory = new LiveLineChart({
    title: 'Memory (live)',
    unit: 'MB',
    series: MEMORY_KEYS,
    yMaxKey: 'memTotalMb',
    windowMs: LIVE_WINDOW_MS,
  });
  private readonly status = h('span', { class: 'live-status', id: 'live-status', role: 'status' });
  private readonly message = new MessageBox();
  private unsubscribe: (() => void) | undefined;
  private readonly stopStatus: () => void;

  constructor(
    private readonly api: MetricsApi,
    onLiveStatus: (listener: (status: LiveStatus) => void) => () => void,
  ) {
    this.element = h(
      'section',
      { class: 'live-charts', 'aria-labelledby': 'live-title' },
      h('div', { class: 'section-header' }, h('h2', { id: 'live-title' }, 'Live'), this.status),
      this.message.element,
      h('div', { class: 'chart-grid' }, this.cpu.element, this.memory.element),
    );
    this.stopStatus = onLiveStatus((status) => {
      this.status.textContent = STATUS_TEXT[status];
      this.status.dataset.status = status;
    });
  }

  start(): void {
    if (!this.api.live) {
      this.message.show('info', 'Live data is not available from this server yet.');
      return;
    }
    const keys = [...CPU_KEYS.map((k) => k.key), ...MEMORY_KEYS.map((k) => k.key), 'memTotalMb'];
    const since = new Date(Date.now() - LIVE_WINDOW_MS).toISOString();
    this.unsubscribe = this.api.live(
      ['CPU', 'MEMORY'],
      since,
      (point) => {
        const sample = pointToSample(point, keys);
        if (!sample) return;
        this.cpu.push([sample]);
        this.memory.push([sample]);
      },
      (message) => this.message.show('error', message),
    );
  }

  destroy(): void {
    this.unsubscribe?.();
    this.stopStatus();
    this.cpu.destroy();
    this.memory.destroy();
  }
}
