import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { encodeScenarioLink } from '../../src/scenario/link-codec';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { findPreset } from '../../src/scenario/presets';

/**
 * The embed as a wiki would show it: a page on another origin (a second localhost port) frames
 * the calculator in `<iframe sandbox="allow-scripts">`, where the embed's origin is opaque and
 * storage throws, and sizes the frame from the embed's height messages.
 */
let browser: Browser;
let host: Server;
let hostUrl: string;
let embedSrc = '';

const HOST_PAGE = (src: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Wiki page</title><link rel="icon" href="data:,"></head>
<body style="margin:0">
<h1>Budget request</h1>
<iframe id="calc" title="LLM cost calculator" src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"
  width="700" height="150" loading="lazy" sandbox="allow-scripts" style="border:0"></iframe>
<p id="after">After the embed.</p>
<script>
  window.heightMessages = [];
  addEventListener('message', (event) => {
    const frame = document.getElementById('calc');
    if (event.source !== frame.contentWindow) return;
    window.heightMessages.push(event.data);
    if (event.data && event.data.type === 'llm-tco:height') frame.style.height = event.data.height + 'px';
  });
</script>
</body></html>`;

beforeAll(async () => {
  browser = await launchChromium();
  host = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(HOST_PAGE(embedSrc));
  });
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await browser?.close();
  await new Promise((ok) => host?.close(ok));
});

const takeover = inputsFromPreset(findPreset('takeover-2026-100m')!);
const link = encodeScenarioLink(takeover.doc, takeover.origin.catalogRefs);

async function openHost(query: string): Promise<{ page: Page; frame: Frame; errors: string[] }> {
  const baseUrl = inject('baseUrl');
  embedSrc = `${baseUrl}${query}#${link}`;
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  // Console messages of every frame arrive here, including the sandboxed embed's.
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(hostUrl);
  const frame = await expect
    .poll(() => page.frames().find((f) => f.url().startsWith(baseUrl)), { timeout: 10_000 })
    .toBeTruthy()
    .then(() => page.frames().find((f) => f.url().startsWith(baseUrl)) as Frame);
  await frame.locator('.verdict-main').first().waitFor();
  return { page, frame, errors };
}

describe('the embed in a sandboxed iframe on another origin', () => {
  it('renders the linked scenario, reports its height, and survives blocked storage', async () => {
    const baseUrl = inject('baseUrl');
    // The same link on the standalone page, for the numbers to compare with.
    const standalone = await browser.newPage();
    await standalone.goto(`${baseUrl}#${link}`);
    const verdict = await standalone.locator('.verdict-main').first().textContent();
    await standalone.close();

    const { page, frame, errors } = await openHost('?embed=1&panels=headline,cost,sliders,math');
    expect(await frame.locator('.verdict-main').first().textContent()).toBe(verdict);
    // Storage really is blocked in there (STYLE pitfall 8), and the embed did not need it.
    expect(
      await frame.evaluate(() => {
        try {
          return typeof window.localStorage.length;
        } catch (error) {
          return (error as Error).name;
        }
      }),
    ).toBe('SecurityError');
    expect(await frame.evaluate(() => window.origin)).toBe('null');

    // Height messages: only the height, and the frame is sized by them.
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as never as { heightMessages: unknown[] }).heightMessages.length,
        ),
      )
      .toBeGreaterThan(0);
    await page.waitForTimeout(1_500);
    const messages = (await page.evaluate(
      () => (window as never as { heightMessages: unknown[] }).heightMessages,
    )) as { type: string; height: number }[];
    for (const m of messages) {
      expect(Object.keys(m).sort()).toEqual(['height', 'type']);
      expect(m.type).toBe('llm-tco:height');
      expect(Number.isInteger(m.height) && m.height > 0).toBe(true);
    }
    const last = messages.at(-1)!;
    const contentHeight = await frame.evaluate(() =>
      Math.ceil(document.querySelector('.embed')!.getBoundingClientRect().height),
    );
    expect(last.height).toBe(contentHeight);
    const frameHeight = await page.evaluate(
      () => document.getElementById('calc')!.getBoundingClientRect().height,
    );
    expect(Math.round(frameHeight)).toBe(last.height);
    // No feedback loop: once sized, the frame stops growing (STYLE pitfall 10).
    const settledCount = messages.length;
    await page.waitForTimeout(1_000);
    const later = await page.evaluate(
      () => (window as never as { heightMessages: unknown[] }).heightMessages.length,
    );
    expect(later).toBe(settledCount);
    expect(settledCount).toBeLessThan(10);

    // The frame follows the content both ways: taller when the math opens, back when it closes
    // (a viewport-relative height in the embed would keep it tall, or grow it for ever).
    const heightNow = () =>
      page.evaluate(() =>
        Math.round(document.getElementById('calc')!.getBoundingClientRect().height),
      );
    // The first interaction swaps the first screen's charts area for the charts panel (its
    // figures have a head; with only the cost panel shown, no chart-library drawing appears).
    await frame.locator('body').click({ position: { x: 2, y: 2 } });
    await frame.locator('.charts-section .chart-head').first().waitFor();
    await expect
      .poll(heightNow)
      .toBe(
        await frame.evaluate(() =>
          Math.ceil(document.querySelector('.embed')!.getBoundingClientRect().height),
        ),
      );
    const closed = await heightNow();
    const summary = frame.locator('.show-math > details > summary');
    await summary.click();
    await frame.locator('.show-math table').first().waitFor();
    await expect.poll(heightNow).toBeGreaterThan(closed + 100);
    await summary.click();
    await expect.poll(heightNow).toBe(closed);

    // A reader tries another volume; the numbers and the full-calculator link follow.
    const volume = frame.getByRole('textbox', { name: 'Volume' }).first();
    await volume.fill('2000000000');
    await volume.blur();
    await expect.poll(() => frame.locator('.verdict-main').first().textContent()).not.toBe(verdict);
    const open = frame.getByRole('link', { name: 'Open the full calculator' });
    expect(await open.getAttribute('target')).toBe('_blank');
    await expect
      .poll(async () => {
        const href = new URL((await open.getAttribute('href')) ?? '', baseUrl);
        return href.search === '' && href.hash.startsWith('#s1.') && href.hash !== `#${link}`;
      })
      .toBe(true);
    // The full calculator opened from that link shows what the reader had in the embed.
    const href = (await open.getAttribute('href'))!;
    const full = await browser.newPage();
    await full.goto(href);
    expect(await full.getByRole('textbox', { name: 'Volume' }).inputValue()).toBe('2,000,000,000');
    await full.close();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lock=1 shows the results without any input, and odd settings are explained', async () => {
    const { page, frame, errors } = await openHost('?embed=1&lock=1&panels=headline,cost,nope');
    await frame.locator('.cost-chart svg, .recharts-surface').first().waitFor();
    expect(await frame.getByRole('textbox').count()).toBe(0);
    expect(await frame.getByRole('slider').count()).toBe(0);
    expect(await frame.getByRole('status').first().textContent()).toContain(
      '"nope" is not a panel',
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
