import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateMetricPoints, renderReportHtml, REPORT_SECTIONS, type ReportAlert } from '../src/index.js';

/**
 * The HTML report as a person gets it: opened in headless Chromium (Debian's package, never
 * a downloaded browser), with every network request trapped. Leaves the screenshot, the
 * HTML and a PDF print in test-artifacts/ at the repository root.
 */
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const alerts: ReportAlert[] = [
  {
    name: 'CPU above 90 % for 1 minute',
    severity: 'critical',
    startedAt: '2025-01-06T04:20:00Z',
    endedAt: '2025-01-06T04:31:00Z',
    value: 96.2,
    summary: 'CPU busy 96.2 % on web-01',
  },
  { name: 'Swap in use', severity: 'warning', startedAt: '2025-01-06T14:25:00Z', value: 180, summary: 'Swap used 180 MB' },
];

describe('HTML report in Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const failedRequests: string[] = [];
  let html: string;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: install Debian's package (apt-get install -y chromium).`);
    }
    // A day at one second with 4 CPUs, 2 disks and 2 interfaces: the report users ask for.
    html = renderReportHtml({ machineId: 'web-01', hostname: 'web-01.example', points: generateMetricPoints({ seed: 6 }), alerts });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'report.html'), html);

    // Explicit timeouts: a wedged browser fails the suite in seconds, not at jest's limit.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('requestfailed', (request) => {
      if (!/^(data|about):/.test(request.url())) failedRequests.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    // Any request the page makes for something other than data: or about: is a leak.
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (/^(data|about):/.test(url)) return route.continue();
      requests.push(url);
      return route.abort('blockedbyclient');
    });
    await page.setContent(html, { waitUntil: 'load', timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads without console errors and without requesting anything', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
    expect(failedRequests).toEqual([]);
  });

  it('shows every section and every chart with a non-zero size', async () => {
    const sections = await page.$$eval('main > section', (nodes) => nodes.map((n) => n.id));
    expect(sections).toEqual([...REPORT_SECTIONS]);
    const boxes = await page.$$eval('figure.chart svg, #percentiles table, #alerts table', (nodes) =>
      nodes.map((n) => {
        const r = n.getBoundingClientRect();
        return { chart: n.closest('figure')?.getAttribute('data-chart') ?? n.closest('section')!.id, width: r.width, height: r.height };
      }),
    );
    expect(boxes.map((b) => b.chart)).toEqual([
      'cpu',
      'cpuCores',
      'memory',
      'diskThroughput',
      'diskOps',
      'diskUtilisation',
      'networkThroughput',
      'networkPackets',
      'networkErrors',
      'percentiles',
      'radar',
      'alerts',
    ]);
    for (const box of boxes) {
      expect(box.width).toBeGreaterThan(100);
      expect(box.height).toBeGreaterThan(50);
    }
    // Charts scale to the page instead of overflowing it.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('exposes each chart to assistive technology by its title', async () => {
    const names = await page.$$eval('figure.chart svg[role="img"]', (nodes) =>
      nodes.map((n) =>
        n
          .getAttribute('aria-labelledby')!
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' | '),
      ),
    );
    expect(names).toHaveLength(10);
    for (const name of names) expect(name).toMatch(/^\S.+ \| \S.{20,}/);
  });

  it('saves a screenshot and prints to A4, a section per page', async () => {
    await page.screenshot({ path: path.join(ARTIFACTS, 'report.png'), fullPage: true });
    expect(fs.statSync(path.join(ARTIFACTS, 'report.png')).size).toBeGreaterThan(50_000);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.$$eval('figure.chart svg', (nodes) => nodes.every((n) => n.getBoundingClientRect().width > 100));
    expect(printed).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'report.pdf'), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(REPORT_SECTIONS.length);
    await page.emulateMedia({ media: 'screen' });
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
