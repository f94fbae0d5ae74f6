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
  it('shows the default scenario computed by the engine, with no errors and no foreign requests', async () => {
    const baseUrl = inject('baseUrl');
    const page = await browser.newPage();
    const watch = watchPage(page, new URL(baseUrl).origin);
    await page.goto(baseUrl);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Self-host open-weight LLMs',
    );
    const total = page.getByRole('row', { name: /Total per month/ });
    await expect(total.textContent()).resolves.toMatch(/\$\d{1,3}(,\d{3})*\.\d{2}/);
    await expect(page.getByText(/Break-even: from [\d,]+ tokens\/day/).count()).resolves.toBe(1);
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
