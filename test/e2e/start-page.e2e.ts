import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, loadInteractiveCharts, watchPage } from './browser';

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
    // The main chart is drawn on load, as plain SVG, without the chart library.
    await page.locator('.cost-chart svg path').first().waitFor();
    await expect(page.locator('.cost-chart').textContent()).resolves.toContain(
      'break-even 244M/day',
    );
    const chartCodeBefore = await page.evaluate(() =>
      performance.getEntriesByType('resource').some((r) => r.name.includes('ChartsPanel')),
    );
    expect(chartCodeBefore).toBe(false);
    // The first interaction brings the interactive charts.
    await loadInteractiveCharts(page);
    await expect(page.locator('figure').count()).resolves.toBe(3);
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
