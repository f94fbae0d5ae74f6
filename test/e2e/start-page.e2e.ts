import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, watchPage } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the production build in Chromium', () => {
  it('opens on the default scenario with its headline, break-even and chart, with no errors and no foreign requests', async () => {
    const baseUrl = inject('baseUrl');
    const page = await browser.newPage();
    const watch = watchPage(page, new URL(baseUrl).origin);
    await page.goto(baseUrl);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Self-host open-weight LLMs',
    );
    await expect(page.locator('.verdict-main').textContent()).resolves.toMatch(
      /is cheaper today by \$[\d,]+\.\d{2} a month/,
    );
    await expect(page.locator('.verdict-facts').textContent()).resolves.toContain('244,236,640');
    await page.locator('.recharts-line').first().waitFor();
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('works from a sub-path and redirects the sub-path without its trailing slash', async () => {
    const baseUrl = inject('baseUrl');
    const response = await fetch(new URL('assets', baseUrl), { redirect: 'manual' });
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('/assets/');
  });
});
