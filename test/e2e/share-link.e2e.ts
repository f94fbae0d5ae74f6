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

describe('share links in Chromium', () => {
  it('the address bar follows the scenario, and the link reproduces it in a fresh browser', async () => {
    const baseUrl = inject('baseUrl');
    const first = await browser.newContext();
    const page = await first.newPage();
    await page.goto(baseUrl);
    const entries = await page.evaluate(() => history.length);
    const volume = page.getByRole('textbox', { name: 'Volume' });
    await volume.fill('321000000');
    await volume.blur();
    const output = page.getByRole('textbox', { name: 'Output price' });
    await output.fill('7.5');
    await output.blur();
    // The fragment is written with replaceState, debounced (400 ms): no history entry per change.
    // Wait until it has settled on the last edit before reading it.
    await page.waitForTimeout(1_000);
    await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toMatch(/^#s1\./);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    const link = page.url();
    const verdict = await page.locator('.verdict-main').textContent();
    const facts = await page.locator('.verdict-facts').textContent();
    expect(link.length).toBeLessThan(baseUrl.length + 600);

    const second = await browser.newContext();
    const other = await second.newPage();
    const watch = watchPage(other, new URL(baseUrl).origin);
    await other.goto(link);
    await expect.poll(() => other.locator('.verdict-main').textContent()).toBe(verdict);
    expect(await other.locator('.verdict-facts').textContent()).toBe(facts);
    expect(await other.getByRole('textbox', { name: 'Volume' }).inputValue()).toBe('321,000,000');
    // The sources travel too: the unchanged input price still cites the catalog.
    const inputPrice = other.locator('.field', {
      has: other.getByRole('textbox', { name: 'Input price', exact: true }),
    });
    await expect
      .poll(() => inputPrice.locator('summary').textContent())
      .toBe('catalog, as of 2026-07-24');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await first.close();
    await second.close();
  });

  it('a damaged link says what was wrong and opens the default scenario', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext();
    const page = await context.newPage();
    const watch = watchPage(page, new URL(baseUrl).origin);
    await page.goto(`${baseUrl}#s1.AAAA-damaged`);
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/could not be opened.*damaged/);
    expect(await page.locator('.verdict-main').textContent()).toContain(
      'GPT-5 API is cheaper today',
    );
    await page.goto(`${baseUrl}#s9.abc`);
    await page.reload();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/newer version/);
    expect(watch.consoleErrors).toEqual([]);
    await context.close();
  });
});

describe('a link pasted into an open page', () => {
  it('opens the linked scenario, or keeps the one on screen when the link is bad', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(baseUrl);
    const volume = page.getByRole('textbox', { name: 'Volume' });
    await volume.fill('777000000');
    await volume.blur();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#s1\./);
    const link = page.url();
    // Another scenario on screen, then the link pasted into the address bar.
    await page.getByRole('combobox', { name: 'Scenario' }).selectOption('takeover-2026-100m');
    await expect.poll(() => volume.inputValue()).toBe('100,000,000');
    // The address bar has caught up with the preset by the time a person pastes a link.
    await expect.poll(() => page.url()).not.toBe(link);
    await page.evaluate((hash) => {
      window.location.hash = hash;
    }, new URL(link).hash);
    await expect.poll(() => volume.inputValue()).toBe('777,000,000');
    // A bad link pasted in keeps the scenario on screen and says so.
    await page.evaluate(() => {
      window.location.hash = '#s1.broken';
    });
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(/on screen is unchanged/);
    expect(await volume.inputValue()).toBe('777,000,000');
    await context.close();
  });
});
