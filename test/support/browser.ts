import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import type { LocalStack } from '../../functions/local/server.js';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../functions/demo/data.js';
import { startSuiteStack } from './local-stack.js';

export const WEB_DIST = join(import.meta.dirname, '..', '..', 'web', 'dist');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_INSTALL = 'sudo apt-get install -y chromium';

/**
 * Debian's chromium driven by playwright-core (never a downloaded browser). Missing chromium is a
 * failure with the install command, not a skip: the browser tests are part of the suite.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium không có tại / not found at ${CHROMIUM_PATH}. Cài đặt / install: ${CHROMIUM_INSTALL}`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Signs in through the sign-in page and waits until the app has left it with a confirmed session
 * (also when another user was signed in before, whose name is still on screen until then).
 */
export async function signInAs(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await useStackClock(page, baseUrl);
  await page.goto(`${baseUrl}/sign-in`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.waitForSelector('[data-testid=who]');
}

/** Signs in as `email` and opens `path`, waiting until the page's first API calls have settled. */
export async function visitAs(web: WebSuite, email: string, path: string): Promise<void> {
  await signInAs(web.page, web.stack.url, email);
  await web.page.goto(`${web.stack.url}${path}`);
  await web.page.waitForLoadState('networkidle');
}

/** Follows the side navigation's entry `name`; at phone width the navigation is folded into the menu button, opened first. */
export async function openFromNav(page: Page, name: string): Promise<void> {
  const menu = page.locator('[aria-controls=main-nav]');
  if (await menu.isVisible()) await menu.click();
  await page.click(`nav.sidenav >> text=${name}`);
}

/**
 * Fills a form's fields in the order given, one `selector: value` entry a field: a `<select>` gets
 * the option with that value, any other field the text. `within` is the page or a part of it.
 */
export async function fill(within: Page | Locator, fields: Record<string, string>): Promise<void> {
  for (const [selector, value] of Object.entries(fields)) {
    const field = within.locator(selector);
    if (await field.evaluate((el) => el.tagName === 'SELECT')) await field.selectOption(value);
    else await field.fill(value);
  }
}

/**
 * What `npm start` runs (demo seed, local issuer, built web app), on the suite's DynamoDB Local and
 * S3-compatible server, in a table and bucket of its own. The web app must be built first.
 */
export async function startWebStack(name: string, opts: { now?: () => Date } = {}): Promise<LocalStack> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('web/dist is missing: run `npx vite build` (npm test does it first)');
  const stack = await startSuiteStack({
    sesEndpoint: inject('sesEndpoint'),
    tableName: name,
    archiveBucket: name,
    webDist: WEB_DIST,
    ...(opts.now ? { now: opts.now } : {}),
  });
  if (opts.now) stackClocks.set(stack.url, opts.now);
  return stack;
}

/** Stacks started with a fixed server clock, by URL: their browser pages must share that day. */
const stackClocks = new Map<string, () => Date>();
const clockedContexts = new WeakSet<object>();

/**
 * A stack with a fixed server clock (`now`) and a browser on the real date disagree about "today"
 * (a signing date the browser proposes is "after today" for the server). The browser's clock starts
 * at the server's time and runs on from there (Playwright's clock; timers keep firing).
 */
export async function useStackClock(page: Page, baseUrl: string): Promise<void> {
  const now = stackClocks.get(baseUrl);
  const context = page.context();
  if (!now || clockedContexts.has(context)) return;
  clockedContexts.add(context);
  await context.clock.install({ time: now() });
}

/** What a browser test file shares: its stack, one Chromium, and the page its tests walk through. */
export type WebSuite = { stack: LocalStack; browser: Browser; page: Page };

/**
 * Starts a stack (`startWebStack`) and Chromium with one page before the file's tests and closes
 * both after them. The fields are filled once the hook has run: read them inside tests and hooks,
 * never at the top of the file. A file's own set-up (seeding, signing in) goes in a `beforeAll` of
 * its own after this call: hooks run in the order they are declared.
 */
export function webSuite(name: string, opts: { now?: () => Date; page?: BrowserContextOptions } = {}): WebSuite {
  const suite = {} as WebSuite;
  beforeAll(async () => {
    suite.stack = await startWebStack(name, opts.now ? { now: opts.now } : {});
    suite.browser = await launchBrowser();
    suite.page = await suite.browser.newPage(opts.page);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.stack?.stop();
  });
  return suite;
}
