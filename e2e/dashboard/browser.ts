import { createTestEnvironment, type TestEnvironment } from '@perfanalysis/testenv';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); a downloaded browser is never used. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve(__dirname, '../../test-artifacts');
const BUILD_SCRIPT = path.resolve(__dirname, '../../dashboard/build.mjs');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/**
 * Builds dashboard/public from the current sources, so the gateway of the test environment
 * serves what is being tested (the build writes atomically; parallel files are safe).
 */
export function buildDashboard(): void {
  execFileSync(process.execPath, [BUILD_SCRIPT], { stdio: 'pipe' });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A browser tab on the dashboard that records console errors and every request it makes. */
export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** console.error messages and uncaught exceptions. */
  readonly consoleErrors: string[];
  /** Every HTTP request and WebSocket the page opened. */
  readonly requests: string[];
  /** Requests to any host but 127.0.0.1 (refused). */
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl, acceptDownloads: true, serviceWorkers: 'block' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const foreignRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1') return route.continue();
    foreignRequests.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  page.on('websocket', (socket) => {
    requests.push(socket.url());
    if (new URL(socket.url()).hostname !== '127.0.0.1') foreignRequests.push(socket.url());
  });
  return { context, page, consoleErrors, requests, foreignRequests, close: () => context.close() };
}

/** Saves `test-artifacts/dashboard-<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `dashboard-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * What sticks out sideways: whether the document scrolls horizontally, and which visible
 * elements reach past the viewport's right edge (except inside their own scroll containers).
 */
export async function horizontalOverflow(page: Page): Promise<{ scroll: number; elements: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const clipped = (el: Element): boolean => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflowX = getComputedStyle(p).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll' || overflowX === 'hidden') return true;
      }
      return false;
    };
    const elements: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.right <= width + 1 || clipped(el)) continue;
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      elements.push(`${el.tagName.toLowerCase()}${id}${cls} (right ${Math.round(rect.right)} > ${width})`);
    }
    return { scroll: document.documentElement.scrollWidth - width, elements: elements.slice(0, 10) };
  });
}

/** The ids of the elements that receive focus on each Tab press, from the top of the page. */
export async function tabOrder(page: Page, presses: number): Promise<string[]> {
  // Move the sequential-focus starting point to the top of the document (blur alone keeps it).
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const ids: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    ids.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || ''));
  }
  return ids;
}

/** Logs `user` in on a fresh page and waits for the first signed-in page. */
export async function logInPage(page: Page, user: { readonly email: string; readonly password: string }): Promise<void> {
  await page.goto('/');
  await page.locator('#login-email').fill(user.email);
  await page.locator('#login-password').fill(user.password);
  await page.locator('#login-submit').click();
  await page.locator('#main h1').waitFor();
}

/** Closes the pages and returns what they did wrong: console errors and requests that left 127.0.0.1. */
export async function closeWatchedPages(pages: readonly WatchedPage[]): Promise<string[]> {
  const problems = pages.flatMap((w) => [
    ...w.consoleErrors.map((e) => `console: ${e}`),
    ...w.foreignRequests.map((r) => `left 127.0.0.1: ${r}`),
  ]);
  await Promise.all(pages.map((w) => w.close()));
  return problems;
}

/** Builds the dashboard, starts the platform (generous rate limits for one browser's bursts) and a browser. */
export async function startDashboardPlatform(): Promise<{ env: TestEnvironment; base: string; browser: Browser }> {
  buildDashboard();
  const env = await createTestEnvironment({ env: { RATE_LIMIT_AUTH: '1000', RATE_LIMIT_API: '100000' } });
  return { env, base: new URL(env.gatewayUrl).origin, browser: await launchBrowser() };
}
