import { RegisterCollectorDocument, TricklePointsDocument } from '@perfanalysis/sdk';
import { clientFor, createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import type { Browser } from 'playwright-core';
import { buildDashboard, launchBrowser, openPage, type WatchedPage } from './browser.js';
import { livePoint } from './metricsCsv.js';

jest.setTimeout(90_000);

/** Access tokens living 6 s: the dashboard must renew them (rotating refresh token) unnoticed. */
describe('dashboard session upkeep', () => {
  let env: TestEnvironment;
  let browser: Browser;
  let base: string;
  let tenant: TestTenant;
  let watched: WatchedPage | undefined;

  beforeAll(async () => {
    buildDashboard();
    env = await createTestEnvironment({
      env: { ACCESS_TOKEN_TTL: '6s', RATE_LIMIT_AUTH: '1000', RATE_LIMIT_API: '100000', RATE_LIMIT_TRICKLE: '100000' },
    });
    base = new URL(env.gatewayUrl).origin;
    browser = await launchBrowser();
    tenant = await newTenant(env);
  }, 120_000);

  afterEach(async () => {
    const problems = watched ? [...watched.consoleErrors, ...watched.foreignRequests] : [];
    await watched?.close();
    watched = undefined;
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  it('refreshes the access token before it expires and keeps the pages and the live chart working', async () => {
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'live-01', hostname: 'live-01.example.test' },
    });
    watched = await openPage(browser, base);
    const { page } = watched;
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.postData()?.includes('RefreshSession')) refreshes.push(request.url());
    });
    await page.goto('/');
    await page.locator('#login-email').fill(tenant.admin.email);
    await page.locator('#login-password').fill(tenant.admin.password);
    await page.locator('#login-submit').click();
    await page.locator('#collectors-table').waitFor();
    const firstToken = await page.evaluate(() => JSON.parse(sessionStorage.getItem('perfanalysis.session')!).accessToken as string);

    await page.goto(`/#/collectors/${registerCollector.collector.id}`);
    await page.locator('#live-status[data-status="connected"]').waitFor();
    await page.waitForTimeout(14_000); // two lifetimes of the first token

    expect(refreshes.length).toBeGreaterThanOrEqual(2);
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('perfanalysis.session')!).accessToken as string);
    expect(token).not.toBe(firstToken);
    // Queries still answer (the history reloads every 15 s in live mode) and the live chart still gains points.
    const agent = clientFor(env, registerCollector.apiKey);
    const start = Date.now() - 5_000;
    for (let i = 0; i < 5; i++) await agent.request(TricklePointsDocument, { points: [livePoint(new Date(start + i * 1000), i)] });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('figure.chart-live')?.dataset.points) >= 5, undefined, {
      timeout: 20_000,
    });
    expect(await page.locator('.live-charts .message-error').count()).toBe(0);
    await page.goto('/#/');
    await page.locator('#collectors-table tr', { hasText: 'live-01' }).waitFor();
    expect(page.url()).not.toContain('login');
  });
});
