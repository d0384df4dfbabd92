import { MeDocument, ProvisionTenantDocument, RegisterCollectorDocument } from '@perfanalysis/sdk';
import {
  clientFor,
  createTestEnvironment,
  joinTenant,
  newTenant,
  signUp,
  type TestEnvironment,
  type TestTenant,
  type TestUser,
} from '@perfanalysis/testenv';
import type { Browser, Page } from 'playwright-core';
import {
  buildDashboard,
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  tabOrder,
  type WatchedPage,
} from './browser.js';

jest.setTimeout(60_000);

/** The dashboard in Debian's Chromium against the whole platform (real PostgreSQL and Redis). */
describe('dashboard in the browser', () => {
  let env: TestEnvironment;
  let browser: Browser;
  let base: string;
  let tenant: TestTenant;
  let opened: WatchedPage[] = [];

  const open = async (viewport: { width: number; height: number } = DESKTOP) => {
    const watched = await openPage(browser, base, viewport);
    opened.push(watched);
    return watched;
  };

  const logIn = async (page: Page, user: TestUser) => {
    await page.goto('/');
    await page.locator('#login-email').fill(user.email);
    await page.locator('#login-password').fill(user.password);
    await page.locator('#login-submit').click();
    await page.locator('#main h1').waitFor();
  };

  beforeAll(async () => {
    buildDashboard();
    env = await createTestEnvironment({ env: { RATE_LIMIT_AUTH: '1000', RATE_LIMIT_API: '100000' } });
    base = new URL(env.gatewayUrl).origin;
    browser = await launchBrowser();
    tenant = await newTenant(env);
    await tenant.client.request(RegisterCollectorDocument, {
      input: { machineId: 'web-01', hostname: 'web-01.example.test', site: 'Paris' },
    });
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

  it('is served at / with its security policy, beside the API', async () => {
    const page = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<script src="/app.js" defer></script>');
    expect((await fetch(`${base}/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/healthz`)).headers.get('content-type')).toMatch(/json/);
    const deepLink = await fetch(`${base}/collectors/anything`, { headers: { accept: 'text/html' } });
    expect(await deepLink.text()).toContain('PerfAnalysis');
  });

  it('logs in with the keyboard alone, showing a wrong password plainly, then lists the collectors', async () => {
    const { page } = await open();
    await page.goto('/');
    await page.waitForURL(/#\/login/);
    expect(await tabOrder(page, 3)).toEqual(['login-email', 'login-password', 'login-submit']);

    await page.locator('#login-email').focus();
    await page.keyboard.type(tenant.admin.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Wrong e-mail or password.');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-password');

    await page.keyboard.type(tenant.admin.password);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('login-submit');
    await page.keyboard.press('Enter');

    const row = page.locator('#collectors-table tr[data-collector-id]', { hasText: 'web-01' });
    await row.waitFor();
    expect(await row.locator('.status-badge').textContent()).toBe('Never seen');
    expect(await row.locator('td[data-label="Last seen"]').textContent()).toBe('never');
    expect(await page.locator('.nav').textContent()).toContain('Manage collectors');
    await screenshot(page, 'collectors');
  });

  it('lets an ADMIN register a collector and shows its API key exactly once', async () => {
    const { page } = await open();
    await logIn(page, tenant.admin);
    await page.getByRole('link', { name: 'Manage collectors' }).click();
    await page.locator('#register-machine-id').fill('db-01');
    await page.locator('#register-hostname').fill('db-01.example.test');
    await page.locator('#register-site').fill('Lyon');
    await page.locator('#register-submit').click();

    const panel = page.locator('#api-key-panel');
    await panel.waitFor();
    expect(await panel.textContent()).toMatch(/shown once/);
    const key = await page.locator('#api-key-value').inputValue();
    expect(key.length).toBeGreaterThanOrEqual(40);
    await page.locator('#api-key-copy').click();
    await expect(panel.getByRole('status').textContent()).resolves.toBe('Copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
    await screenshot(page, 'admin-key');

    // The key authenticates as that collector.
    const asCollector = await fetch(
      `${base}/api/v1/performance/export?format=csv&start_date=2026-01-01T00:00:00Z&end_date=2026-01-02T00:00:00Z`,
      {
        headers: { authorization: `Bearer ${key}` },
      },
    );
    expect(asCollector.status).toBe(200);

    await page.locator('#api-key-dismiss').click();
    expect(await page.content()).not.toContain(key);
    await page.reload();
    await page.locator('#admin-collectors-table tr[data-machine-id="db-01"]').waitFor();
    expect(await page.content()).not.toContain(key);

    // Rotating shows a new key once; revoking and deactivating ask first.
    const row = page.locator('#admin-collectors-table tr[data-machine-id="db-01"]');
    await row.locator('[data-action="rotate"]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Rotate key' }).click();
    await panel.waitFor();
    const rotated = await page.locator('#api-key-value').inputValue();
    expect(rotated).not.toBe(key);
    expect(await panel.textContent()).toMatch(/previous key keeps working until/);
    await page.locator('#api-key-dismiss').click();

    await row.locator('[data-action="revoke"]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke keys' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Every key of db-01 is revoked');

    await row.locator('[data-action="toggle-active"]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.locator('#admin-collectors-table tr[data-machine-id="db-01"] .status-inactive').waitFor();
  });

  it('lets an ADMIN invite by e-mail, the invitee accept, and the ADMIN change and remove the role', async () => {
    const colleague = await signUp(env);
    const { page } = await open();
    await logIn(page, tenant.admin);
    await page.getByRole('link', { name: 'Users & roles' }).click();
    await page.locator('#grant-email').fill(colleague.email);
    await page.locator('#grant-role').selectOption('ANALYST');
    await page.locator('#grant-submit').click();
    await page.locator(`#invitations-table tr[data-email="${colleague.email}"]`).waitFor();
    expect(await page.locator(`#members-table tr[data-email="${colleague.email}"]`).count()).toBe(0);

    // The invitee, in a browser of their own: no tenant yet, then the invitation, accepted.
    const { page: invitee } = await open();
    await logIn(invitee, colleague);
    await expect(invitee.locator('#main h1').textContent()).resolves.toBe('No tenant yet');
    await invitee.getByRole('link', { name: 'Open your invitations' }).click();
    await invitee.locator(`#my-invitations-table tr[data-tenant="${tenant.slug}"] [data-action="accept"]`).click();
    await invitee.locator('#collectors-table').waitFor();

    await page.reload();
    const row = page.locator(`#members-table tr[data-email="${colleague.email}"]`);
    await row.waitFor();
    expect(await row.locator('select').inputValue()).toBe('ANALYST');
    expect(await page.locator(`#invitations-table tr[data-email="${colleague.email}"]`).count()).toBe(0);

    await row.locator('select').selectOption('VIEWER');
    await row.locator('[data-action="change-role"]').click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('is now VIEWER');
    expect(await page.locator(`#members-table tr[data-email="${colleague.email}"] select`).inputValue()).toBe('VIEWER');
    await screenshot(page, 'admin-users');

    await page.locator(`#members-table tr[data-email="${colleague.email}"] [data-action="revoke"]`).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.locator(`#members-table tr[data-email="${colleague.email}"]`).waitFor({ state: 'detached' });
  });

  it('lets an ADMIN revoke a pending invitation', async () => {
    const { page } = await open();
    await logIn(page, tenant.admin);
    await page.getByRole('link', { name: 'Users & roles' }).click();
    await page.locator('#grant-email').fill('not-yet-registered@example.test');
    await page.locator('#grant-submit').click();
    const row = page.locator('#invitations-table tr[data-email="not-yet-registered@example.test"]');
    await row.locator('[data-action="revoke-invitation"]').click();
    await row.waitFor({ state: 'detached' });
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('revoked');
  });

  it('hides the ADMIN pages from a VIEWER (and the server refuses them anyway)', async () => {
    const viewer = await signUp(env);
    await joinTenant(env, tenant, viewer, 'VIEWER');
    const { page } = await open();
    await logIn(page, viewer);
    await page.locator('#collectors-table').waitFor();
    expect(await page.locator('.nav').textContent()).not.toContain('Manage');
    expect(await page.locator('.empty-state .button').count()).toBe(0);
    await page.goto('/#/admin/users');
    await expect(page.locator('#main h1').textContent()).resolves.toBe('Not allowed');
  });

  it('switches tenant and shows that tenant’s collectors', async () => {
    const slug = `t_other_${Date.now().toString(36)}`;
    await clientFor(env, tenant.session.accessToken).request(ProvisionTenantDocument, { input: { slug, name: 'Other Org' } });
    const { page } = await open();
    await logIn(page, tenant.admin);
    const select = page.locator('#tenant-select');
    await select.waitFor();
    await select.selectOption(slug);
    await expect(page.locator('.empty-state').textContent()).resolves.toContain('No collectors yet.');
    expect(await page.locator('#tenant-select').inputValue()).toBe(slug);
    // And back.
    await page.locator('#tenant-select').selectOption(tenant.slug);
    await page.locator('#collectors-table tr', { hasText: 'web-01' }).waitFor();
  });

  it('has no horizontal overflow at 1280×800 and 390×844 on any page', async () => {
    for (const [name, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { page } = await open(viewport);
      await page.goto('/');
      await page.locator('#login-email').waitFor();
      expect({ page: 'login', ...(await horizontalOverflow(page)) }).toEqual({ page: 'login', scroll: 0, elements: [] });
      if (name === 'phone') await screenshot(page, 'login-phone');
      await logIn(page, tenant.admin);
      for (const route of ['#/', '#/admin/collectors', '#/admin/users']) {
        await page.goto(`/${route}`);
        await page.locator('#main table tbody tr').first().waitFor();
        expect({ page: route, ...(await horizontalOverflow(page)) }).toEqual({ page: route, scroll: 0, elements: [] });
      }
      await page.goto('/#/');
      await page.locator('#collectors-table tbody tr').first().waitFor();
      await screenshot(page, `collectors-${name}`);
    }
  });

  it('logs out: the session is gone from the tab and the server', async () => {
    const { page } = await open();
    await logIn(page, tenant.admin);
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('perfanalysis.session') ?? '{}').accessToken as string);
    expect(token).toBeTruthy();
    await page.locator('#logout').click();
    await page.locator('#login-email').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('perfanalysis.session'))).toBeNull();
    await expect(clientFor(env, token).request(MeDocument)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
