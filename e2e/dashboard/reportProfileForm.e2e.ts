import { RegisterCollectorDocument, ReportProfileDocument } from '@perfanalysis/sdk';
import { joinTenant, newTenant, signUp, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import type { Browser } from 'playwright-core';
import { closeWatchedPages, logInPage, openPage, screenshot, startDashboardPlatform, type WatchedPage } from './browser.js';

jest.setTimeout(90_000);

/** The collector page's report profile form (docs/report-profiles.md): ADMINs only. */
describe('dashboard report profile form', () => {
  let env: TestEnvironment;
  let browser: Browser;
  let base: string;
  let tenant: TestTenant;
  let collectorId: string;
  let opened: WatchedPage[] = [];

  const open = async () => {
    const watched = await openPage(browser, base);
    opened.push(watched);
    return watched.page;
  };
  const stored = () => tenant.client.request(ReportProfileDocument, { collectorId }).then((r) => r.reportProfile);

  beforeAll(async () => {
    ({ env, base, browser } = await startDashboardPlatform());
    tenant = await newTenant(env);
    const { registerCollector } = await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'db-07', hostname: 'db-07.example.test' },
    });
    collectorId = registerCollector.collector.id;
  }, 120_000);

  afterEach(async () => {
    const problems = await closeWatchedPages(opened);
    opened = [];
    expect(problems).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await env?.stop();
  });

  it('lets an ADMIN save, shows a refused field, and resets to the defaults', async () => {
    const page = await open();
    await logInPage(page, tenant.admin);
    await page.goto(`/#/collectors/${collectorId}`);
    await page.locator('#profile-form').waitFor();
    await page.waitForFunction(() => document.querySelector('#profile-updated')?.textContent === 'All defaults.');
    expect(await page.locator('#profile-cpuBusyP95Pct').getAttribute('placeholder')).toBe('default: 80');

    await page.locator('#profile-cpuBusyP95Pct').fill('150');
    await page.locator('#profile-save').click();
    const error = page.locator('#profile-form .message-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('cpuBusyP95Pct must be at least 0 and at most 100 %');
    expect(await page.locator('#profile-cpuBusyP95Pct').getAttribute('aria-invalid')).toBe('true');
    expect((await stored()).updatedAt).toBeNull();

    await page.locator('#profile-cpuBusyP95Pct').fill('90');
    await page.locator('#profile-cpuCount').fill('16');
    await page.locator('#profile-save').click();
    await page.waitForFunction(() => document.querySelector('#profile-updated')?.textContent?.startsWith('Last set'));
    expect((await stored()).settings).toMatchObject({ cpuBusyP95Pct: 90, cpuCount: 16, memoryMb: null });
    expect(await page.locator('#profile-cpuBusyP95Pct').getAttribute('aria-invalid')).toBeNull();
    await screenshot(page, 'report-profile-form');

    await page.locator('#profile-reset').click();
    await page.waitForFunction(() => document.querySelector('#profile-updated')?.textContent === 'All defaults.');
    expect(await page.locator('#profile-cpuBusyP95Pct').inputValue()).toBe('');
    expect((await stored()).settings.cpuBusyP95Pct).toBeNull();
  });

  it('shows no form to an ANALYST', async () => {
    const analyst = await signUp(env);
    await joinTenant(env, tenant, analyst, 'ANALYST');
    const page = await open();
    await logInPage(page, analyst);
    await page.goto(`/#/collectors/${collectorId}`);
    await page.locator('#download-report').waitFor();
    expect(await page.locator('#profile-form').count()).toBe(0);
  });
});
