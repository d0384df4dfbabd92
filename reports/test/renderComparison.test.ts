import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { renderComparisonHtml, renderComparisonPdf, renderComparisonSvg } from '../src/index.js';
import { beforeAfterFixture, fleetFixture } from './support/comparisonFixtures.js';

function parseSvg(svg: string): Document {
  const document = new new JSDOM('').window.DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(document.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
  return document;
}

function pdfText(pdf: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'comparison-pdf-'));
  try {
    const file = path.join(dir, 'comparison.pdf');
    fs.writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('before/after comparison', () => {
  const comparison = beforeAfterFixture();
  const cpu = comparison.metrics.find((m) => m.key === 'cpu_busy')!;

  it('finds CPU busy higher, with an interval around the change that excludes 0', () => {
    expect(cpu.mean.verdict).toBe('higher');
    expect(cpu.mean.interval.low).toBeGreaterThan(0);
    expect(cpu.mean.interval.low).toBeLessThanOrEqual(cpu.mean.change);
    expect(cpu.mean.interval.high).toBeGreaterThanOrEqual(cpu.mean.change);
    expect(cpu.p95.verdict).toBe('higher');
  });

  it('renders HTML with both change tables, their verdicts and the distribution chart', () => {
    const html = renderComparisonHtml(comparison, Date.UTC(2025, 0, 7));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<table class="percentiles" data-table="mean">');
    expect(html).toContain('<table class="percentiles" data-table="p95">');
    expect(html).toMatch(/<td class="text">CPU busy<\/td>.*<td class="text">higher<\/td>/);
    expect(html).toContain('data-chart="distributions"');
    expect(html).toContain('1,000 resamples');
  });

  it('renders the distributions as a standalone SVG that parses, one row per metric', () => {
    const svg = renderComparisonSvg(comparison);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    const rows = parseSvg(svg).querySelectorAll('g[data-metric]');
    expect(rows).toHaveLength(comparison.metrics.length);
  });

  it('renders a PDF whose text holds the verdicts and the figures', async () => {
    const text = pdfText(await renderComparisonPdf(comparison, Date.UTC(2025, 0, 7)));
    expect(text).toContain('Before/after');
    expect(text).toContain('higher');
    expect(text).toContain('CPU busy');
    expect(text).toContain('Distributions');
  }, 60_000);
});

describe('fleet comparison', () => {
  const comparison = fleetFixture();

  it('ranks the busy machine first and names it as the CPU outlier', () => {
    const cpu = comparison.rankings.find((r) => r.key === 'cpu_busy')!;
    expect(cpu.members[0]!.name).toBe('vm-5');
    const outliers = comparison.outliers.find((o) => o.key === 'cpu_busy')!.outliers;
    expect(outliers.map((o) => [o.name, o.side])).toEqual([['vm-5', 'high']]);
  });

  it('renders HTML with the outliers, the heatmap and a ranked percentile table per metric', () => {
    const html = renderComparisonHtml(comparison);
    expect(html).toContain('vm-5: CPU busy p95');
    expect(html).toContain('data-chart="fleetHeatmap"');
    expect(html).toContain('<table class="percentiles" data-table="rank-cpu_busy">');
    for (const header of ['Rank', 'p95', 'p97.5', 'p99', 'p100']) expect(html).toContain(`<th scope="col">${header}</th>`);
  });

  it('renders the heatmap as a standalone SVG that parses: CPU and memory, a cell per collector and slice', () => {
    const document = parseSvg(renderComparisonSvg(comparison));
    for (const metric of ['cpu_busy', 'mem_used_pct']) {
      expect(document.querySelectorAll(`g[data-metric="${metric}"] rect`)).toHaveLength(6 * 48);
    }
  });

  it('renders a PDF naming the outlier and holding the ranking', async () => {
    const text = pdfText(await renderComparisonPdf(comparison, Date.UTC(2025, 0, 7)));
    expect(text).toContain('Fleet comparison');
    expect(text).toContain('vm-5: CPU busy p95');
    expect(text).toContain('Percentiles and ranking');
    expect(text).toContain('p97.5');
  }, 60_000);
});
