import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/** Debian's Chromium, never a downloaded browser (DESIGN section 6). */
export { CHROMIUM_PATH };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

/** Everything a page did that a user would call a problem: console errors and foreign requests. */
export type PageWatch = { consoleErrors: string[]; foreignRequests: string[] };

export function watchPage(page: Page, allowedOrigin: string): PageWatch {
  const watch: PageWatch = { consoleErrors: [], foreignRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.consoleErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== allowedOrigin) watch.foreignRequests.push(url);
  });
  return watch;
}

/**
 * The first screen draws the cost chart (plain SVG) and the other charts' summaries; the charts
 * panel (the same cost chart plus the recharts charts) loads on the first interaction. This
 * clicks an empty corner and waits for it: a recharts line is drawn only by the panel.
 */
export async function loadInteractiveCharts(page: Page): Promise<void> {
  await page.locator('.cost-chart svg path').first().waitFor();
  await page.mouse.click(2, 2);
  await page.locator('.recharts-line').first().waitFor();
}
