import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './browser';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import { evaluateModel } from '../../src/core/evaluate';
import { modelFromDocument } from '../../src/scenario/document-model';
import { formatMoney } from '../../src/ui/format';
import { Dec } from '../../src/core/decimal';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The default scenario's results in USD, unrounded, from the engine the page runs. */
const USD = evaluateModel(modelFromDocument(inputsFromPreset(DEFAULT_PRESET).doc));

/** Each strategy's row of the headline table: per month, per 1M tokens, NPV of cost. */
async function headlineRows(page: Page): Promise<string[][]> {
  return page
    .locator('.result-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
}

/** What the headline must show in `currency` after converting the USD scenario at `rate`. */
function expectedRows(rate: string, currency: string): string[][] {
  const money = (v: string) => formatMoney(new Dec(v).mul(rate).toFixed(), currency, 'en-US');
  return USD.strategies.map((s) => [
    money(s.runRate.total),
    s.costPerMTokens === null ? '–' : money(s.costPerMTokens),
    money(s.timeline.npv),
  ]);
}

/** Opens "Change currency…" and converts, by keyboard only: Tab between fields, Enter to submit. */
async function convertByKeyboard(
  page: Page,
  code: string,
  rate: string,
  stated: { asOf: string; source: string },
) {
  const open = page.getByRole('button', { name: 'Change currency…' });
  await open.focus();
  await page.keyboard.press('Enter');
  const select = page.getByRole('combobox', { name: 'New currency' });
  await expect.poll(() => select.evaluate((el) => el === document.activeElement)).toBe(true);
  // Typing a closed select's first letters chooses the option ("JPY (Japanese Yen)").
  await page.keyboard.type(code);
  expect(await select.inputValue()).toBe(code);
  await page.keyboard.press('Tab');
  await page.keyboard.type(rate);
  await page.keyboard.press('Tab');
  await page.keyboard.type(stated.asOf);
  await page.keyboard.press('Tab');
  await page.keyboard.type(stated.source);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.locator('.currency-report').textContent(), { timeout: 10_000 })
    .toContain(`Converted 13 amounts from USD to ${code} at ${rate}`);
  // The report takes the focus, so a keyboard user hears what happened.
  expect(await page.evaluate(() => document.activeElement?.className)).toBe('currency-report');
}

describe('currency in Chromium', () => {
  it('converts the default scenario to EUR by keyboard; the headline is the USD one times the rate, to the cent; the link keeps it', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    const page = await context.newPage();
    const watch = watchPage(page, new URL(baseUrl).origin);
    await page.goto(baseUrl);
    const usdRows = expectedRows('1', 'USD');
    await expect.poll(() => headlineRows(page)).toEqual(usdRows);

    await convertByKeyboard(page, 'EUR', '0.92', {
      asOf: '2026-07-31',
      source: 'ECB euro reference rate',
    });
    const eurRows = expectedRows('0.92', 'EUR');
    await expect.poll(() => headlineRows(page)).toEqual(eurRows);
    // Read off the page alone: each EUR figure is its USD figure times 0.92, within the two
    // roundings to the cent.
    usdRows.forEach((row, i) =>
      row.forEach((usd, j) => {
        const eur = eurRows[i]?.[j] ?? '';
        if (usd === '–') return;
        const gap = Math.abs(amount(eur) - amount(usd) * 0.92);
        expect(gap).toBeLessThanOrEqual(0.005 * 0.92 + 0.005 + 1e-9);
      }),
    );
    expect(await page.locator('.verdict-main').textContent()).toMatch(/by €[\d,]+\.\d\d a month/);
    expect(await page.getByRole('textbox', { name: 'Engineer cost' }).inputValue()).toBe('220,800');

    // The address is a share link for what is on screen: reloading it brings the EUR scenario back.
    await page.waitForTimeout(1_000);
    await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toMatch(/^#s1\./);
    const link = page.url();
    const other = await context.newPage();
    const otherWatch = watchPage(other, new URL(baseUrl).origin);
    await other.goto(link);
    await expect.poll(() => headlineRows(other)).toEqual(eurRows);
    expect(await other.locator('.currency-now').textContent()).toBe(
      'Every amount is in EUR (Euro).',
    );
    await expect
      .poll(() => other.getByRole('textbox', { name: 'Rate from USD' }).inputValue())
      .toBe('0.92');
    expect(await other.getByRole('textbox', { name: 'Rate as of' }).inputValue()).toBe(
      '2026-07-31',
    );
    expect(await other.getByRole('textbox', { name: 'Rate source' }).inputValue()).toBe(
      'ECB euro reference rate',
    );
    await other.reload();
    await expect.poll(() => headlineRows(other)).toEqual(eurRows);

    // Undo (Ctrl+Z) restores the USD scenario on the first page.
    await page.locator('body').press('Control+z');
    await expect.poll(() => headlineRows(page)).toEqual(usdRows);

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(otherWatch.consoleErrors).toEqual([]);
    await context.close();
  });

  it('in JPY every amount shows in whole yen', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'en-US',
    });
    const page = await context.newPage();
    const watch = watchPage(page, new URL(baseUrl).origin);
    await page.goto(baseUrl);
    await convertByKeyboard(page, 'JPY', '150', { asOf: '2026-07-31', source: 'BoJ' });
    const rows = expectedRows('150', 'JPY');
    await expect.poll(() => headlineRows(page)).toEqual(rows);
    for (const cell of rows.flat()) expect(cell).toMatch(/^(¥[\d,]+|–)$/);
    expect(await page.locator('.verdict-main').textContent()).toMatch(/by ¥[\d,]+ a month/);
    expect(await page.locator('.verdict-facts').textContent()).toMatch(/NPV of savings-?¥[\d,]+/);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });
});

/** "€13,299.18" -> 13299.18 (display text, for a tolerance check only). */
function amount(text: string): number {
  return Number(text.replace(/[^\d.-]/g, ''));
}
