import { JSDOM } from 'jsdom';
import { generateMetricPoints, REPORT_SECTIONS, renderReportHtml, type ReportInput } from '../src/index.js';
import { craftPoints, constant } from './support/craftedPoints.js';
import { SNAPSHOT_POINTS } from './support/fixtures.js';

const input: ReportInput = { machineId: 'snap-01', hostname: 'snapshot-host', points: SNAPSHOT_POINTS };
const html = renderReportHtml(input);
const page = new JSDOM(html).window.document;

describe('renderReportHtml', () => {
  it('has every section, in order, with a heading each', () => {
    expect([...page.querySelectorAll('main > section')].map((s) => s.id)).toEqual([...REPORT_SECTIONS]);
    for (const section of page.querySelectorAll('main > section')) expect(section.querySelector('h2')?.textContent).toBeTruthy();
    expect(page.querySelector('h1')?.textContent).toBe('Performance report — snapshot-host');
    expect(page.querySelector('header .meta')?.textContent).toContain('2025-01-06 08:00:00 UTC → 2025-01-06 09:59:50 UTC (2 h)');
  });

  it('draws the charts of each section', () => {
    const charts = (section: string): string[] =>
      [...page.querySelectorAll(`#${section} figure.chart`)].map((f) => f.getAttribute('data-chart')!);
    expect(charts('cpu')).toEqual(['cpu', 'cpuCores']);
    expect(charts('memory')).toEqual(['memory']);
    expect(charts('disk')).toEqual(['diskThroughput', 'diskOps', 'diskUtilisation']);
    expect(charts('network')).toEqual(['networkThroughput', 'networkPackets', 'networkErrors']);
    expect(charts('radar')).toEqual(['radar']);
    expect(page.querySelectorAll('#percentiles table tbody tr').length).toBeGreaterThan(20);
  });

  it('is self-contained: no script, no external URL, a CSP that forbids fetching', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face/i);
    expect(html).not.toMatch(/\s(src|srcset|action)=/i);
    for (const a of page.querySelectorAll('[href]')) expect(a.getAttribute('href')).toMatch(/^#/);
    expect(html.match(/https?:\/\/[^\s"')]+/g) ?? []).toEqual([]);
    expect(html).not.toMatch(/url\((?!#)/);
    const csp = page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toMatch(/^default-src 'none'/);
  });

  it('is fit to print: A4 pages, a section per page, charts never split', () => {
    const css = page.querySelector('style')!.textContent!;
    expect(css).toMatch(/@page\s*{\s*size: A4/);
    expect(css).toMatch(/@media print[\s\S]*section[^}]*break-before: page/);
    expect(css).toMatch(/figure\.chart[^{]*{[^}]*break-inside: avoid/);
  });

  it('has unique ids, and every aria reference resolves', () => {
    const ids = [...page.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const element of page.querySelectorAll('[aria-labelledby]')) {
      for (const ref of element.getAttribute('aria-labelledby')!.split(' ')) expect(page.getElementById(ref)).not.toBeNull();
    }
  });

  it('is deterministic', () => {
    expect(renderReportHtml(input)).toBe(html);
  });

  it('summarises key figures and headline findings', () => {
    const summary = page.querySelector('#summary')!.textContent!;
    expect(summary).toContain('CPU busy p95');
    expect(summary).toContain('Memory used p95');
    expect(summary).toMatch(/finding|No recommendation rule fired/);
  });

  it('prints only the sections asked for, in canonical order', () => {
    const only = new JSDOM(renderReportHtml({ ...input, sections: ['recommendations', 'cpu', 'cpu'] })).window.document;
    expect([...only.querySelectorAll('main > section')].map((s) => s.id)).toEqual(['cpu', 'recommendations']);
    expect([...only.querySelectorAll('nav a')].map((a) => a.getAttribute('href'))).toEqual(['#cpu', '#recommendations']);
  });

  it('says "no alerts" without alerts, and lists them (firing ones too) when given', () => {
    expect(page.querySelector('#alerts')!.textContent).toContain('No alerts in this window.');
    const withAlerts = new JSDOM(
      renderReportHtml({
        ...input,
        sections: ['alerts'],
        alerts: [
          { name: 'Disk full', severity: 'critical', startedAt: '2025-01-06T09:30:00Z', value: 97, summary: 'Disk 97 % full' },
          {
            name: 'CPU high',
            severity: 'warning',
            startedAt: Date.UTC(2025, 0, 6, 8, 10),
            endedAt: new Date(Date.UTC(2025, 0, 6, 8, 20)),
            value: 93.25,
            summary: 'CPU 93.25 % for 1 min',
          },
        ],
      }),
    ).window.document;
    const rows = [...withAlerts.querySelectorAll('#alerts tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).toEqual([
      ['warning', 'CPU high', '2025-01-06 08:10:00 UTC', '2025-01-06 08:20:00 UTC', '93.25', 'CPU 93.25 % for 1 min'],
      ['critical', 'Disk full', '2025-01-06 09:30:00 UTC', 'firing', '97', 'Disk 97 % full'],
    ]);
  });

  it('escapes everything that comes from the input', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const out = renderReportHtml({
      machineId: evil,
      hostname: `"${evil}`,
      points: craftPoints(10, { cpu_idle: constant(10, 50) }),
      alerts: [{ name: evil, severity: 'warning', startedAt: 0, value: 1, summary: `</table>${evil}` }],
    });
    expect(out).not.toContain('<img');
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('lists the recommendations with the figure that triggered each', () => {
    const points = craftPoints(100, { cpu_idle: constant(100, 5), cpu_iowait: constant(100, 0), cpu_user: constant(100, 95) });
    const doc = new JSDOM(renderReportHtml({ machineId: 'busy', points, sections: ['summary', 'recommendations'] })).window.document;
    const finding = doc.querySelector('#recommendations article[data-rule="cpu-sustained-high"] .finding');
    expect(finding?.textContent).toBe('CPU busy p95 is 95 % (threshold 80 %).');
    expect(doc.querySelector('#summary')!.textContent).toContain('Sustained high CPU');
    expect(doc.querySelector('#recommendations ul.rules')!.textContent).toContain('fired');
  });

  it('renders an empty window without failing', () => {
    const doc = new JSDOM(renderReportHtml({ machineId: 'none', points: [] })).window.document;
    expect(doc.querySelectorAll('main > section')).toHaveLength(REPORT_SECTIONS.length);
  });

  it('renders a day at one second under 1.5 MB', () => {
    const day = renderReportHtml({ machineId: 'day', points: generateMetricPoints({ seed: 3 }) });
    expect(Buffer.byteLength(day)).toBeLessThan(1.5 * 1024 * 1024);
  });
});
