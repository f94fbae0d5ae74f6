import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loadInteractiveCharts, watchPage } from './browser';

const require = createRequire(import.meta.url);
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(options: { bypassCSP?: boolean } = {}) {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const watch = watchPage(page, new URL(baseUrl).origin);
  await page.goto(baseUrl);
  await loadInteractiveCharts(page);
  return { page, watch, context };
}

const verdict = (page: Page) => page.locator('.verdict-main').textContent();
const facts = (page: Page) => page.locator('.verdict-facts').textContent();
const breakEvenLabel = (page: Page) =>
  page.locator('.cost-chart svg text', { hasText: 'break-even' }).textContent();

describe('the calculator in Chromium', () => {
  it('updates the headline, break-even and chart when volume and prices change', async () => {
    const { page, watch, context } = await open();
    expect(await verdict(page)).toContain('GPT-5 API is cheaper today');
    expect(await breakEvenLabel(page)).toBe('break-even 244M/day');

    const volume = page.getByRole('textbox', { name: 'Volume' });
    await volume.fill('400000000');
    await volume.blur();
    await expect
      .poll(() => verdict(page))
      .toMatch(/Self-hosted Llama 3\.3 70B is cheaper today by/);
    expect(await facts(page)).toContain('244,236,640');

    // Halving the API's output price moves the break-even up.
    const output = page.getByRole('textbox', { name: 'Output price' });
    await output.fill('5');
    await output.blur();
    await expect.poll(() => facts(page)).not.toContain('244,236,640');
    const moved = await facts(page);
    expect(await breakEvenLabel(page)).not.toBe('break-even 244M/day');

    // A bad value names the problem and keeps the last valid results on screen.
    await output.fill('-1');
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(
      /Output price must be at least 0/,
    );
    expect(await page.locator('.stale-note').textContent()).toContain('last valid inputs');
    expect(await facts(page)).toBe(moved);

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('can be operated by keyboard alone: every control is reachable, sliders move, undo works', async () => {
    const { page, watch, context } = await open();
    const controls = await page.evaluate(
      () =>
        [...document.querySelectorAll('input, select, button, summary, [tabindex]')].filter(
          (el) => {
            const e = el as HTMLElement & { disabled?: boolean };
            return !e.disabled && e.tabIndex >= 0 && e.offsetParent !== null;
          },
        ).length,
    );
    // Tab through the page and count distinct focused controls.
    const seen = new Set<string>();
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const all = [...document.querySelectorAll('*')];
        return `${el.tagName}#${all.indexOf(el)}`;
      });
      if (id) seen.add(id);
    }
    expect(seen.size).toBeGreaterThanOrEqual(controls);

    // Move the volume slider with the arrow keys: the text field and headline follow.
    const slider = page.getByRole('slider', { name: 'Volume slider' });
    await slider.focus();
    const before = await page.getByRole('textbox', { name: 'Volume' }).inputValue();
    for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowRight');
    const after = await page.getByRole('textbox', { name: 'Volume' }).inputValue();
    expect(after).not.toBe(before);

    // Undo (Ctrl+Z) steps back; redo (Ctrl+Shift+Z) re-applies.
    await page.keyboard.press('Control+z');
    expect(await page.getByRole('textbox', { name: 'Volume' }).inputValue()).not.toBe(after);
    await page.keyboard.press('Control+Shift+z');
    expect(await page.getByRole('textbox', { name: 'Volume' }).inputValue()).toBe(after);

    // A select is operable by keyboard: load a published table.
    const presets = page.getByRole('combobox', { name: 'Scenario' });
    await presets.focus();
    await presets.selectOption({ label: 'Published table: 100M tokens/day (AI Magicx, 2026)' });
    await expect.poll(() => verdict(page)).toContain('$51,000.00');

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await context.close();
  });

  it('has no serious or critical accessibility violations (axe-core), light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const baseUrl = inject('baseUrl');
      const context = await browser.newContext({
        bypassCSP: true,
        colorScheme,
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await loadInteractiveCharts(page);
      // Open every disclosure so their contents are checked too.
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      );
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (ctx: Document) => Promise<{
                violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
              }>;
            };
          }
        ).axe;
        const result = await axe.run(document);
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          );
      });
      expect(violations, colorScheme).toEqual([]);
      await context.close();
    }
  });
});
