import { RegisterCollectorDocument, TricklePointsDocument } from '@perfanalysis/sdk';
import { clientFor, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { buildDashboard, horizontalOverflow, launchBrowser, openPage, PHONE, screenshot, type WatchedPage } from './browser.js';
import { collection } from '../pcc/pccCollection.js';
import { historyCsv, livePoint } from './metricsCsv.js';

jest.setTimeout(90_000);

/** The collector page: live charts over the subscription, history, percentiles, upload and export. */
describe('dashboard collector page', () => {
  let env: TestEnvironment;
  let browser: Browser;
  let base: string;
  let tenant: TestTenant;
  let collectorId: string;
  let apiKey: string;
  let opened: WatchedPage[] = [];

  const open = async (viewport?: { width: number; height: number }) => {
    const watched = await openPage(browser, base, viewport);
    opened.push(watched);
    return watched;
  };

  const logIn = async (page: Page, hash: string) => {
    await page.goto('/');
    await page.locator('#login-email').fill(tenant.admin.email);
    await page.locator('#login-password').fill(tenant.admin.password);
    await page.locator('#login-submit').click();
    await page.locator('#main h1').waitFor();
    await page.goto(`/${hash}`);
  };

  const chooseFile = (page: Page, name: string, content: string) =>
    page.locator('#upload-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });

  beforeAll(async () => {
    buildDashboard();
    env = await createTestEnvironment({
      env: { RATE_LIMIT_AUTH: '1000', RATE_LIMIT_API: '100000', RATE_LIMIT_UPLOAD: '1000', RATE_LIMIT_TRICKLE: '100000' },
    });
    base = new URL(env.gatewayUrl).origin;
    browser = await launchBrowser();
    tenant = await newTenant(env);
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'app-01', hostname: 'app-01.example.test', ip: '10.0.0.7', platform: 'linux' },
    });
    collectorId = registerCollector.collector.id;
    apiKey = registerCollector.apiKey;
  }, 120_000);

  afterEach(async () => {
    const problems = opened.flatMap((w) => [
      ...w.consoleErrors.map((e) => `console: ${e}`),
      ...w.foreignRequests.map((r) => `left 127.0.0.1: ${r}`),
    ]);
    await Promise.all(opened.map((w) => w.close()));
    opened = [];
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  it('uploads a CSV with progress, then shows it in the history charts and the percentiles', async () => {
    const { page } = await open();
    await logIn(page, `#/collectors/${collectorId}?range=24h`);
    await page.locator('#upload-form').waitFor();
    expect(await page.locator('#upload-machine').inputValue()).toBe('app-01');
    expect(await page.locator('#range-24h').isChecked()).toBe(true);

    await chooseFile(page, 'history.csv', historyCsv(120));
    await page.locator('#upload-submit').click();
    const result = page.locator('#upload-form .message-success');
    await result.waitFor();
    expect(await result.textContent()).toMatch(/Loaded 120 rows from .* to /);
    expect(await page.locator('#upload-progress').getAttribute('value')).toBe('100');

    // The charts and the table reload after the upload.
    const cpuChart = page.locator('figure.chart-band', { hasText: 'CPU' });
    await cpuChart.locator('path.line').first().waitFor({ state: 'attached' });
    await page.waitForFunction(() => {
      const chart = [...document.querySelectorAll('figure.chart-band')].find((f) => f.textContent?.startsWith('CPU'));
      return chart?.querySelector<HTMLElement>('.chart-empty')?.hidden === true;
    });
    expect(await page.locator('figure.chart-band').count()).toBe(4);
    const userRow = page.locator('#summary-table tr[data-metric="cpu_user"]');
    await userRow.waitFor();
    expect(await userRow.locator('td').last().textContent()).toBe('120');
    await screenshot(page, 'collector-history');

    // Choosing another range keeps it in the address, without reloading the page.
    await page.locator('label[for="range-7d"]').click();
    await page.waitForURL(/range=7d/);
    await page.locator('label[for="range-custom"]').click();
    await page.locator('#range-apply').click();
    await page.waitForURL(/range=custom&from=/);
  });

  it('uploads several files at once, CSV and pcc collections, under one progress bar', async () => {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'pcc-02', hostname: 'pcc-02.example.test' },
    });
    const { page } = await open();
    await logIn(page, `#/collectors/${registerCollector.collector.id}?range=24h`);
    await page.locator('#upload-form').waitFor();
    // Every state the one bar goes through, recorded in the page.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      const record = () =>
        seen.push(
          `${document.querySelector('#upload-progress')?.getAttribute('value') ?? ''}|${document.querySelector('#upload-progress-text')?.textContent ?? ''}`,
        );
      new MutationObserver(record).observe(document.querySelector('#upload-form')!, {
        subtree: true,
        attributes: true,
        childList: true,
        characterData: true,
      });
    });
    const start = Math.floor(Date.now() / 1000) - 3_600;
    const lines = collection(start - 600, 4).split('\n');
    lines[3] = '{"timestamp": "soon"}';
    await page.locator('#upload-file').setInputFiles([
      { name: 'capture.json', mimeType: 'application/json', buffer: Buffer.from(collection(start, 6)) },
      { name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(historyCsv(10, 60_000, (start - 1_800) * 1000)) },
      { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(lines.join('\n')) },
    ]);
    await page.locator('#upload-submit').click();
    const error = page.locator('#upload-form .message-error');
    await error.waitFor();
    expect(await error.locator('.message-title').textContent()).toBe('1 of 3 files were not stored.');
    const details = await error.locator('li').allTextContents();
    expect(details).toEqual([
      expect.stringMatching(/^broken\.json: .*Line 4/),
      'capture.json: loaded 5 rows.',
      'history.csv: loaded 10 rows.',
    ]);
    expect(await page.locator('#upload-progress').count()).toBe(1);
    expect(await page.locator('#upload-progress-text').textContent()).toBe('2 of 3 files stored.');
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const texts = seen.map((s) => s.split('|')[1]!);
    for (const n of [1, 2, 3]) expect(texts.some((t) => t.startsWith(`file ${n} of 3:`))).toBe(true);
    const values = seen
      .map((s) => s.split('|')[0]!)
      .filter((v) => v !== '')
      .map(Number);
    expect(values).toEqual([...values].sort((x, y) => x - y));
    // The stored files are in the charts' table: 5 points from the collection, 10 rows of CSV.
    const userRow = page.locator('#summary-table tr[data-metric="cpu_user"]');
    await page.waitForFunction(
      () => document.querySelector('#summary-table tr[data-metric="cpu_user"] td:last-child')?.textContent === '15',
    );
    expect(await userRow.locator('td').last().textContent()).toBe('15');
    await screenshot(page, 'upload-many');
  });

  it('shows the server’s typed upload errors plainly', async () => {
    const { page } = await open();
    await logIn(page, `#/collectors/${collectorId}?range=1h`);
    await page.locator('#upload-form').waitFor();

    await chooseFile(page, 'columns.csv', 'timestamp,cpu_user\n2026-01-01T00:00:00Z,1\n');
    await page.locator('#upload-submit').click();
    const error = page.locator('#upload-form .message-error');
    await error.waitFor();
    expect(await error.getAttribute('role')).toBe('alert');
    expect(await error.textContent()).toContain('Missing columns: cpu_system, cpu_idle');
    expect(await error.textContent()).toContain('Columns found: timestamp, cpu_user');

    const now = Date.now();
    const bad = `timestamp,cpu_user,cpu_system,cpu_idle\n${new Date(now - 120_000).toISOString()},1,2,97\n${new Date(now - 60_000).toISOString()},abc,2,97\n`;
    await chooseFile(page, 'value.csv', bad);
    await page.locator('#upload-submit').click();
    await page.waitForFunction(() => document.querySelector('#upload-form .message-error')?.textContent?.includes('abc'));
    expect(await error.textContent()).toMatch(/row 2, column “cpu_user”: value “abc”/);
    await screenshot(page, 'upload-error');
  });

  it('exports the range as CSV with the session’s token', async () => {
    const { page } = await open();
    await logIn(page, `#/collectors/${collectorId}?range=24h`);
    await page.locator('#export-csv').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^perf_app-01_.*\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toContain('cpu_user');
    expect(csv.length).toBeGreaterThanOrEqual(121); // the header and the uploaded rows
    await expect(page.locator('.page-collector > .message-box').textContent()).resolves.toContain('Saved perf_app-01_');
  });

  it('downloads a report of the range, rendered on the server', async () => {
    const { page } = await open();
    await logIn(page, `#/collectors/${collectorId}?range=24h`);
    const button = page.locator('#download-report');
    await button.waitFor();
    expect(await button.isDisabled()).toBe(false);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.html$/);
    expect(html).toContain('<svg');
    expect(html).toContain('app-01');
    await expect(page.locator('.page-collector > .message-success').textContent()).resolves.toMatch(
      /The report \(\d[\d,]* points\) is downloading/,
    );
  });

  it('draws live CPU and memory as an agent trickles points', async () => {
    const { page } = await open();
    await logIn(page, `#/collectors/${collectorId}`);
    const cpu = page.locator('figure.chart-live', { hasText: 'CPU (live)' });
    await cpu.waitFor();
    await page.locator('#live-status[data-status="connected"]').waitFor();
    const agent = clientFor(env, apiKey);
    const start = Date.now() - 20_000;
    for (let i = 0; i < 20; i++) {
      await agent.request(TricklePointsDocument, { points: [livePoint(new Date(start + i * 1000), i)] });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('figure.chart-live')?.dataset.points) >= 20);
    expect(await cpu.getAttribute('data-latest')).toBe(new Date(start + 19_000).toISOString());
    const memory = page.locator('figure.chart-live', { hasText: 'Memory (live)' });
    expect(Number(await memory.getAttribute('data-points'))).toBeGreaterThanOrEqual(20);
    expect(await cpu.locator('.chart-legend-value').first().textContent()).toBe('29 %');
    await screenshot(page, 'collector-live');
  });

  it('resumes the live chart after a dropped connection with `since`, leaving no gap', async () => {
    // A collector of its own, so only this test's points are on its chart.
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'app-02', hostname: 'app-02.example.test' },
    });
    const agent = clientFor(env, registerCollector.apiKey);
    const { page } = await open();
    const subscribes: (string | undefined)[] = [];
    let dropConnection: (() => Promise<void>) | undefined;
    await page.routeWebSocket(/\/graphql$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const parsed = JSON.parse(String(message)) as { type: string; payload?: { variables?: { since?: string } } };
        if (parsed.type === 'subscribe') subscribes.push(parsed.payload?.variables?.since);
        server.send(message);
      });
      server.onMessage((message) => ws.send(message));
      dropConnection = () => ws.close({ code: 1001, reason: 'the test drops the connection' });
    });
    await logIn(page, `#/collectors/${registerCollector.collector.id}`);
    await page.locator('#live-status[data-status="connected"]').waitFor();
    const start = Date.now() - 30_000;
    const send = async (from: number, to: number) => {
      for (let i = from; i < to; i++) await agent.request(TricklePointsDocument, { points: [livePoint(new Date(start + i * 1000), i)] });
    };
    const points = () => page.evaluate(() => Number(document.querySelector<HTMLElement>('figure.chart-live')?.dataset.points));
    const waitForPoints = (n: number) =>
      page.waitForFunction((count) => Number(document.querySelector<HTMLElement>('figure.chart-live')?.dataset.points) >= count, n);

    await send(0, 10);
    await waitForPoints(10);
    await dropConnection!();
    await page.locator('#live-status[data-status="reconnecting"]').waitFor();
    await send(10, 20); // stored while the browser is disconnected
    await page.locator('#live-status[data-status="connected"]').waitFor({ timeout: 20_000 });
    await send(20, 25);
    await waitForPoints(25);

    expect(subscribes.length).toBeGreaterThanOrEqual(2);
    const resumedWith = subscribes[subscribes.length - 1];
    expect(resumedWith).toBeDefined();
    expect(resumedWith).not.toBe(subscribes[0]);
    // Every point exactly once (the ten stored meanwhile were replayed), in one unbroken line.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await points()).toBe(25);
    const cpu = page.locator('figure.chart-live', { hasText: 'CPU (live)' });
    expect(await cpu.getAttribute('data-latest')).toBe(new Date(start + 24_000).toISOString());
    const d = await cpu.locator('path.line').first().getAttribute('d');
    expect(d?.match(/M/g)).toHaveLength(1);
  });

  it('fits a phone screen', async () => {
    const { page } = await open(PHONE);
    await logIn(page, `#/collectors/${collectorId}?range=24h`);
    await page.locator('#summary-table tr[data-metric]').first().waitFor();
    expect(await horizontalOverflow(page)).toEqual({ scroll: 0, elements: [] });
    await screenshot(page, 'collector-phone');
  });
});
