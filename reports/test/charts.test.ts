import { JSDOM } from 'jsdom';
import {
  CHART_NAMES,
  CHARTS,
  prepareReportData,
  renderChartSvg,
  renderCpuChart,
  renderDiskThroughputChart,
  type ChartName,
} from '../src/index.js';
import { craftPoints } from './support/craftedPoints.js';
import { SNAPSHOT_POINTS } from './support/fixtures.js';
import { expectSvgSnapshot } from './support/svgSnapshot.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const document = new JSDOM('<!doctype html>').window.document;
const data = prepareReportData({ machineId: 'snap-01', hostname: 'snapshot-host', points: SNAPSHOT_POINTS });

/** Parses a standalone SVG as XML; jsdom throws on anything not well-formed. */
function parseSvg(text: string): Document {
  return new JSDOM(text, { contentType: 'image/svg+xml' }).window.document;
}

describe.each(CHART_NAMES.map((name) => [name]))('chart %s', (name: ChartName) => {
  it('matches its snapshot', () => {
    expectSvgSnapshot(name, renderChartSvg(name, data, { document }));
  });

  it('is a standalone, well-formed SVG with its namespace', () => {
    const svg = renderChartSvg(name, data, { document });
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const parsed = parseSvg(svg);
    expect(parsed.documentElement.namespaceURI).toBe(SVG_NS);
    expect(parsed.documentElement.localName).toBe('svg');
  });

  it('is accessible: role img, labelled by its own title and description', () => {
    const svg = CHARTS[name].render(data, { document, idPrefix: `p-${name}` });
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    const title = svg.querySelector(`[id="${titleId}"]`);
    const desc = svg.querySelector(`[id="${descId}"]`);
    expect(title?.localName).toBe('title');
    expect(desc?.localName).toBe('desc');
    expect(svg.firstElementChild).toBe(title);
    expect(title!.textContent!.length).toBeGreaterThan(3);
    expect(desc!.textContent!.length).toBeGreaterThan(20);
    // Every id is derived from the prefix: two charts on a page never collide.
    for (const element of svg.querySelectorAll('[id]')) expect(element.id.startsWith(`p-${name}-`)).toBe(true);
  });

  it('is deterministic', () => {
    expect(renderChartSvg(name, data, { document })).toBe(renderChartSvg(name, data, { document }));
  });

  it('renders a "no data" chart rather than failing on an empty window', () => {
    const empty = prepareReportData({ machineId: 'empty', points: [] });
    const svg = parseSvg(renderChartSvg(name, empty, { document }));
    expect(svg.documentElement.getAttribute('role')).toBe('img');
  });
});

describe('time charts', () => {
  it('label the time axis in UTC with a 24-hour clock and the value axis with its unit', () => {
    const svg = renderCpuChart(data, { document });
    const ticks = [...svg.querySelectorAll('.axis-x .tick text')].map((t) => t.textContent);
    expect(ticks).toContain('09:00');
    expect(ticks.every((t) => /^(\d\d:\d\d|[A-Z][a-z]{2} \d\d)$/.test(t!))).toBe(true);
    expect(svg.textContent).toContain('Time (UTC)');
    expect(svg.textContent).toContain('CPU time (%)');
  });

  it('draw a day at one second with at most two points per pixel column per series', () => {
    const n = 86_400;
    const sda = Array.from({ length: n }, (_, i) => (i === 40_000 ? 480 : 10 + (i % 60)));
    const day = prepareReportData({
      machineId: 'day',
      points: craftPoints(n, {}, { disk: { sda: { disk_read_mb: sda, disk_write_mb: sda.map(() => 5) } } }),
    });
    const svg = renderDiskThroughputChart(day, { document, width: 800 });
    const paths = [...svg.querySelectorAll('path.series')];
    expect(paths).toHaveLength(2);
    const read = paths[0]!.getAttribute('d')!;
    const vertices = read.split(/[ML]/).length - 1;
    expect(vertices).toBeLessThanOrEqual(2 * 716 + 2);
    // The one-second spike to 480 MB/s is the top of the axis and is drawn at y = 0.
    expect(svg.querySelector('.axis-y')!.textContent).toContain('500');
    // A flat line at 5 MB/s needs two points, not thousands.
    expect(paths[1]!.getAttribute('d')!.split(/[ML]/).length - 1).toBe(2);
  });

  it('break lines where the collector was silent', () => {
    const points = craftPoints(100, { disk_read_mb: Array.from({ length: 100 }, (_, i) => i) }).filter((_, i) => i < 40 || i > 60);
    const svg = renderDiskThroughputChart(prepareReportData({ machineId: 'gap', points }), { document });
    const d = svg.querySelector('path.series')!.getAttribute('d')!;
    expect(d.match(/M/g)).toHaveLength(2);
  });
});
