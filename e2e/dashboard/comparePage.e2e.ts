import { newTenant, type TestEnvironment, type TestTenant } from '@perfanalysis/testenv';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { closeWatchedPages, logInPage, openPage, screenshot, startDashboardPlatform, type WatchedPage } from './browser.js';
import { copyPoints, realisticValues, registerMachine, schemaOf, seededRandom, type TestMachine } from '../metrics/metricData.js';

jest.setTimeout(90_000);

const HOUR = 3_600_000;
const T0 = Math.floor((Date.now() - 30 * HOUR) / HOUR) * HOUR;

/** A Date as an <input type="datetime-local"> value (the browser runs in this process's zone). */
function local(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The compare page: a before/after and a fleet rendered on the server and downloaded. */
describe('dashboard compare page', () => {
  let env: TestEnvironment;
  let browser: Browser;
  let base: string;
  let tenant: TestTenant;
  let machines: TestMachine[];
  let opened: WatchedPage[] = [];

  const openCompare = async (): Promise<Page> => {
    const watched = await openPage(browser, base);
    opened.push(watched);
    const { page } = watched;
    await logInPage(page, tenant.admin);
    await page.locator('a.nav-link', { hasText: 'Compare' }).click();
    await page
      .locator('#compare-collectors input[type="checkbox"]')
      .nth(machines.length - 1)
      .waitFor();
    return page;
  };

  beforeAll(async () => {
    ({ env, base, browser } = await startDashboardPlatform());
    tenant = await newTenant(env);
    machines = [];
    for (const [i, name] of ['cmp-a', 'cmp-b', 'cmp-c', 'cmp-d'].entries()) {
      const machine = await registerMachine(tenant, name);
      const random = seededRandom(30 + i);
      await copyPoints(env.runtime.db.pool, schemaOf(tenant), machine.id, {
        fromMs: T0,
        count: 720,
        stepMs: 10_000,
        values: (n) => realisticValues(n, random),
      });
      machines.push(machine);
    }
  }, 120_000);

  afterEach(async () => {
    const problems = await closeWatchedPages(opened);
    opened = [];
    expect(problems).toEqual([]);
  });
  afterAll(() => Promise.all([browser?.close(), env?.stop()]));

  it('compares two collectors over one window and downloads the HTML', async () => {
    const page = await openCompare();
    await page.locator(`#compare-collectors input[data-machine-id="cmp-a"]`).check();
    await page.locator(`#compare-collectors input[data-machine-id="cmp-b"]`).check();
    await page.locator('#compare-first-from').fill(local(T0));
    await page.locator('#compare-first-to').fill(local(T0 + 2 * HOUR));
    await page.locator('#compare-second-from').fill('');
    await page.locator('#compare-second-to').fill('');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#compare-submit').click()]);
    expect(download.suggestedFilename()).toMatch(/^comparison_before-after_cmp-a_.*\.html$/);
    const html = readFileSync((await download.path())!, 'utf8');
    expect(html).toContain('Before/after — cmp-a vs cmp-b');
    expect(html).toContain('data-table="mean"');
    await expect(page.locator('.page-compare .message-success').textContent()).resolves.toMatch(
      /The comparison \(1,440 points\) is downloading/,
    );
    await screenshot(page, 'compare-before-after');
  });

  it('compares the fleet over one window as a PDF', async () => {
    const page = await openCompare();
    await page.locator('#compare-kind').selectOption('FLEET');
    for (const box of await page.locator('#compare-collectors input[type="checkbox"]').all()) await box.check();
    await page.locator('#compare-first-from').fill(local(T0));
    await page.locator('#compare-first-to').fill(local(T0 + 2 * HOUR));
    await page.locator('#compare-format').selectOption('PDF');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#compare-submit').click()]);
    expect(download.suggestedFilename()).toMatch(/^comparison_fleet_.*\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', (await download.path())!, '-'], { encoding: 'utf8' });
    expect(text).toContain('Fleet comparison — 4 collectors');
    for (const m of machines) expect(text).toContain(m.machineId);
  });

  it('says what to change before asking: one collector needs two windows', async () => {
    const page = await openCompare();
    await page.locator(`#compare-collectors input[data-machine-id="cmp-a"]`).check();
    await page.locator('#compare-second-from').fill('');
    await page.locator('#compare-second-to').fill('');
    await page.locator('#compare-submit').click();
    await expect(page.locator('.page-compare .message-error').textContent()).resolves.toContain('fill in the second');
  });
});
