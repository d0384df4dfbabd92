import { CreateReportScheduleDocument, RunReportScheduleDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildDashboard, launchBrowser, openPage, screenshot, logInPage, type WatchedPage } from '../dashboard/browser.js';
import { copyPoints, realisticValues, registerMachine, schemaOf, seededRandom } from '../metrics/metricData.js';
import { startRunner } from './scheduleRunners.js';

const HOUR = 3_600_000;

/** The dashboard's report gallery lists what a schedule archived and downloads it (Chromium). */
describe('report gallery in the dashboard', () => {
  let env: TestEnvironment;
  let browser: Browser;
  let tenant: TestTenant;
  let watched: WatchedPage | undefined;

  beforeAll(async () => {
    buildDashboard();
    env = await createTestEnvironment({ env: { REPORT_SCHEDULER: 'false', RATE_LIMIT_AUTH: '1000', RATE_LIMIT_API: '100000' } });
    browser = await launchBrowser();
    tenant = await newTenant(env);
    const machine = await registerMachine(tenant, 'app-01');
    const random = seededRandom(11);
    const from = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
    await copyPoints(env.runtime.db.pool, schemaOf(tenant), machine.id, {
      fromMs: from,
      count: 3_600,
      values: (i) => realisticValues(i, random),
    });
    const { createReportSchedule } = await tenant.client.request(CreateReportScheduleDocument, {
      input: {
        name: 'App servers, hourly',
        cron: '5 * * * *',
        window: 'PREVIOUS_HOUR',
        format: 'HTML',
        collectorIds: [machine.id],
        paused: true,
      },
    });
    await tenant.client.request(RunReportScheduleDocument, { id: createReportSchedule.id });
    const runner = await startRunner(env);
    await runner.once(new Date());
    await runner.stop();
  }, 180_000);

  afterAll(async () => {
    await watched?.close();
    await browser?.close();
    await env?.stop();
  });

  it('lists the archived report with who, what and when, and downloads it', async () => {
    watched = await openPage(browser, new URL(env.gatewayUrl).origin);
    const { page } = watched;
    await logInPage(page, tenant.admin);
    await page.locator('a.nav-link', { hasText: 'Report archive' }).click();
    const row = page.locator('#archive-table tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    for (const part of ['App servers, hourly', 'app-01', 'HTML', tenant.admin.email]) expect(text).toContain(part);
    expect(await page.locator('#archive-empty').isHidden()).toBe(true);
    await screenshot(page, 'report-archive');
    const [download] = await Promise.all([page.waitForEvent('download'), row.locator('[data-action="download"]').click()]);
    expect(download.suggestedFilename()).toMatch(/^report_app-01_.*\.html$/);
    const file = await download.path();
    expect(fs.readFileSync(file, 'utf8')).toContain('app-01.test (app-01)');
    expect(watched.consoleErrors).toEqual([]);
  });
});
