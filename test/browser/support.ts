/** Headless Debian Chromium for the desk tests, launched the way this machine allows, and signed-in tabs. */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium)
  console.warn(`Browser tests skipped: ${CHROMIUM} is missing (apt-get install chromium to run them).`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser context signed in with `token`, so no test leans on another's session. */
export async function signedIn(browser: Browser, url: string, token: string, width = 1440): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 1000 } });
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.fill('#token', token);
  // The page has a password form above the token's: submit the token's own form.
  await page.press('#token', 'Enter');
  // Editors land on their submissions, everyone else on the queue.
  await page.waitForURL((u) => u.href === `${url}/desk` || u.href === `${url}/desk/mine`);
  return page;
}
