import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
