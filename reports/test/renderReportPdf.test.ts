import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateMetricPoints, prepareReportData, renderReportPdf, type ReportInput } from '../src/index.js';
import { formatFigure } from '../src/format/formatFigure.js';

/** Reads the PDF back with poppler (Debian's poppler-utils), as a reader's viewer would. */
function poppler(tool: 'pdfinfo' | 'pdftotext' | 'pdfimages', file: string, ...args: string[]): string {
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

describe('renderReportPdf', () => {
  const input: ReportInput = {
    machineId: 'web-01',
    hostname: 'web-01.example',
    points: generateMetricPoints({ seed: 6, count: 7_200 }),
    alerts: [{ name: 'CPU above 90 %', severity: 'critical', startedAt: '2025-01-06T00:30:00Z', value: 93.5, summary: 'CPU 93.5 %' }],
    generatedAt: '2025-01-07T00:00:00Z',
  };
  let dir: string;
  let file: string;
  let text: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
    file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, await renderReportPdf(input));
    text = poppler('pdftotext', file, '-layout');
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  let pages: number;

  it('is an A4 PDF, each of the 9 sections starting a page, none longer than two', () => {
    const info = poppler('pdfinfo', file);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(9);
    expect(pages).toBeLessThanOrEqual(18);
    expect(info).toMatch(/Title:\s+Performance report — web-01\.example/);
  });

  it('carries the key figures and the headings as selectable text', () => {
    const data = prepareReportData(input);
    for (const heading of ['Executive summary', 'CPU', 'Memory', 'Percentiles', 'Capacity', 'Recommendations', 'Alerts']) {
      expect(text).toContain(heading);
    }
    expect(text).toContain(`CPU busy p95`);
    expect(text).toContain(formatFigure(data.summaries.cpu_busy!.p95, '%'));
    expect(text).toContain(formatFigure(data.summaries.mem_used_mb!.p99, ''));
    expect(text).toContain('CPU above 90 %');
  });

  it('draws the charts as vectors: their titles and axis labels are text, and there is no image', () => {
    expect(text).toContain('CPU utilisation by mode');
    expect(text).toContain('CPU time (%)');
    // pdfimages lists embedded raster images after a two-line header: none here.
    expect(poppler('pdfimages', file, '-list').trim().split('\n')).toHaveLength(2);
  });

  it('says "page i of n" on every page', () => {
    expect(text).toContain(`page 1 of ${pages}`);
    expect(text).toContain(`page ${pages} of ${pages}`);
  });
});
