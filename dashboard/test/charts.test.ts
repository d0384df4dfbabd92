import { BandChart } from '../src/charts/bandChart.js';
import { LiveLineChart } from '../src/charts/liveLineChart.js';
import { toBands } from '../src/charts/seriesBands.js';
import { h } from '../src/dom/h.js';
import { installDom } from './domEnvironment.js';

/** The D3 charts in a jsdom document: the same code the browser runs, checked for its output. */
describe('charts in a DOM', () => {
  let dom: ReturnType<typeof installDom>;
  beforeAll(() => {
    dom = installDom();
  });
  afterAll(() => dom.restore());

  it('a live chart appends samples within its window and breaks the line at gaps', async () => {
    const chart = new LiveLineChart({ title: 'CPU', unit: '%', series: [{ key: 'cpu', label: 'User' }], yMax: 100, windowMs: 60_000 });
    document.body.append(chart.element);
    const t0 = Date.parse('2026-11-22T12:00:00Z');
    chart.push([0, 1, 2].map((i) => ({ t: t0 + i * 1000, values: { cpu: 10 + i } })));
    chart.push([
      { t: t0 + 30_000, values: { cpu: 50 } },
      { t: t0 + 31_000, values: { cpu: 55 } },
    ]);
    // After a pause, one sample a second again from 100 s to 120 s.
    chart.push(Array.from({ length: 21 }, (_, i) => ({ t: t0 + 100_000 + i * 1000, values: { cpu: 40 + i } })));
    expect(chart.element.dataset.points).toBe('22'); // the 60 s window, plus the one sample before its edge (31 s)
    expect(chart.element.dataset.latest).toBe(new Date(t0 + 120_000).toISOString());
    expect(chart.element.querySelector('.chart-legend-value')?.textContent).toBe('60 %');
    await new Promise((resolve) => setTimeout(resolve, 60)); // an animation frame or two
    const d = chart.element.querySelector('path.line')!.getAttribute('d') ?? '';
    expect(d.match(/M/g)).toHaveLength(2); // two segments: the pause broke the line
    expect(chart.element.querySelector('svg')!.getAttribute('aria-label')).toBe('CPU');
    chart.destroy();
    expect(chart.element.isConnected).toBe(false);
  });

  it('a band chart draws min–max bands and the average line, and says when there is no data', async () => {
    const chart = new BandChart({ title: 'Disk' });
    document.body.append(chart.element);
    const series = {
      bucketSeconds: 60,
      timestamps: ['2026-11-22T12:00:00Z', '2026-11-22T12:01:00Z', '2026-11-22T12:02:00Z'],
      metrics: [{ metric: 'disk_read_mb', unit: 'MB/s', min: [1, 2, null], avg: [2, 3, null], max: [3, 4, null] }],
    };
    chart.update(toBands(series), new Date('2026-11-22T12:00:00Z'), new Date('2026-11-22T12:03:00Z'));
    expect(chart.element.querySelectorAll('g.series')).toHaveLength(1);
    expect(chart.element.querySelector('path.band')!.getAttribute('d')).toMatch(/^M/);
    expect(chart.element.querySelector('path.line')!.getAttribute('d')).toMatch(/^M/);
    expect(chart.element.querySelector('.chart-legend')!.textContent).toContain('Read');
    expect(chart.element.querySelector<HTMLElement>('.chart-empty')!.hidden).toBe(true);
    chart.update([], new Date('2026-11-22T12:00:00Z'), new Date('2026-11-22T12:03:00Z'));
    expect(chart.element.querySelectorAll('g.series')).toHaveLength(0);
    expect(chart.element.querySelector<HTMLElement>('.chart-empty')!.hidden).toBe(false);
    chart.destroy();
  });

  it('h() sets text as text, never as markup', async () => {
    const clicks: string[] = [];
    const el = h(
      'button',
      { type: 'button', disabled: false, 'data-x': 1, onclick: () => clicks.push('x') },
      '<img src=x onerror=alert(1)>',
    );
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(el.hasAttribute('disabled')).toBe(false);
    expect(el.getAttribute('data-x')).toBe('1');
    el.click();
    expect(clicks).toEqual(['x']);
  });
});
