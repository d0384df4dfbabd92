import { CreateAlertRuleDocument } from '@perfanalysis/sdk';
import { createTestEnvironment, newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import type { Browser } from 'playwright-core';
import { buildDashboard, launchBrowser, openPage, type WatchedPage } from '../dashboard/browser.js';
import { registerCollector, trickle, type TestCollector } from '../live/liveWorld.js';

jest.setTimeout(60_000);

/** "CPU above 90 %": the alert shows on the dashboard while it fires and leaves when it resolves. */
describe('firing alerts on the dashboard', () => {
  let env: TestEnvironment;
  let browser: Browser;
  let tenant: TestTenant;
  let web: TestCollector;
  let watched: WatchedPage | undefined;

  beforeAll(async () => {
    buildDashboard();
    env = await createTestEnvironment({ env: { RATE_LIMIT_AUTH: '1000', RATE_LIMIT_API: '100000' } });
    browser = await launchBrowser();
    tenant = await newTenant(env);
    web = await registerCollector(tenant, 'web-01');
  }, 120_000);

  afterAll(async () => {
    await watched?.close();
    await browser?.close();
    await env?.stop();
  });

  it('shows the firing alert within seconds and hides it once resolved', async () => {
    await tenant.client.request(CreateAlertRuleDocument, {
      input: {
        name: 'CPU above 90 %',
        metric: 'cpuUser',
        collectorIds: [web.id],
        kind: 'THRESHOLD',
        op: 'GT',
        threshold: 90,
        forSeconds: 2,
      },
    });
    watched = await openPage(browser, new URL(env.gatewayUrl).origin);
    const { page } = watched;
    await page.goto('/');
    await page.locator('#login-email').fill(tenant.admin.email);
    await page.locator('#login-password').fill(tenant.admin.password);
    await page.locator('#login-submit').click();
    await page.locator('#main h1').waitFor();
    expect(await page.locator('#firing-alerts').isHidden()).toBe(true);

    // The rule is picked up by the evaluator (pub/sub notice); the agent keeps sending until it fires.
    let at = Math.floor(Date.now() / 1000) * 1000 - 60_000;
    const item = page.locator('#firing-alerts li[data-status="FIRING"]');
    for (let i = 0; i < 40 && !(await item.isVisible()); i += 1) {
      await trickle(env, web, [{ timestamp: new Date((at += 1000)).toISOString(), cpuUser: 96, cpuSystem: 2 }]);
      await page.waitForTimeout(250);
    }
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain('CPU above 90 %');
    expect(await item.textContent()).toContain('web-01.example.test');

    await trickle(env, web, [{ timestamp: new Date((at += 1000)).toISOString(), cpuUser: 5, cpuSystem: 2 }]);
    await page.locator('#firing-alerts').waitFor({ state: 'hidden', timeout: 10_000 });
    expect(watched.consoleErrors).toEqual([]);
  });
});
