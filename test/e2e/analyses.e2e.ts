import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, loadInteractiveCharts, watchPage } from './browser';
import { Dec } from '../../src/core/decimal';
import { computeSensitivity } from '../../src/core/sensitivity';
import { findPreset } from '../../src/scenario/presets';
import { encodeScenarioLink } from '../../src/scenario/link-codec';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { capitalise, inputName } from '../../src/ui/analyses/analysis-format';
import { summarizeSensitivity } from '../../src/ui/analyses/sensitivity-text';
import { scaleScenario } from '../../bench/scale-scenario';

/**
 * Sensitivity and goal seek (issue 6 items 1 and 2) in Chromium against the production build:
 * the sensitivity runs in the worker and its tornado leads with the input the engine ranks first
 * in node; a goal-seek value applied makes the two monthly costs on screen equal to the cent;
 * the page takes typing without a long task while the worker works, and Cancel stops it; the
 * one-file build runs the worker from disk.
 */
const require = createRequire(import.meta.url);
const LOCALE = 'en-US';
const SINGLE_FILE = fileURLToPath(
  new URL('../../dist-single/llm-tco-calculator.html', import.meta.url),
);

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function open(
  fragment = '',
  options: { colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {},
) {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: LOCALE,
    ...options,
  });
  contexts.push(context);
  const page = await context.newPage();
  const watch = watchPage(page, new URL(baseUrl).origin);
  await page.goto(baseUrl + fragment);
  return { page, watch };
}

/** The analyses load when their place scrolls into view. */
async function showAnalyses(page: Page): Promise<void> {
  await page.locator('.analyses-slot').scrollIntoViewIfNeeded();
  await page.locator('.analyses h2').waitFor({ timeout: 20_000 });
}

function model(input: unknown) {
  const v = validateScenario(input);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v;
}

const DEFAULT = model(findPreset('default')?.scenario);
const eventually = <T>(value: () => T | Promise<T>, timeout = 15_000) =>
  expect.poll(value, { timeout });

/** The "Per month" cell of each strategy in the headline's table. */
const perMonth = (page: Page) =>
  page
    .locator('.result-table tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.querySelector('td')?.textContent ?? ''));

describe('sensitivity and goal seek in Chromium', () => {
  it('runs the sensitivity in the worker: the tornado leads with the input ranked first in node', async () => {
    const { page, watch } = await open();
    expect(page.workers()).toEqual([]);
    await showAnalyses(page);
    const runner = page.locator('.analysis-runner');
    await runner.waitFor({ timeout: 20_000 });
    expect(await runner.getAttribute('data-runner')).toBe('worker');
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([
      expect.stringMatching(/\/assets\/analysis-worker-[\w-]+\.js$/),
    ]);

    const expected = computeSensitivity(DEFAULT.scenario, 'self-hosted', new Dec('0.2'));
    if (!expected.ok) throw new Error(expected.error);
    const top = expected.result.rows[0]!;
    const chart = page.getByRole('img', {
      name: 'Which inputs move the monthly savings of Self-hosted Llama 3.3 70B most (−20% / +20%)',
    });
    const titles = await chart.locator('g > title').allTextContents();
    expect(titles).toHaveLength(15);
    expect(titles[0]).toMatch(new RegExp(`^${escape(inputName(top.label, top.ownerName))}: −20% `));
    expect(await page.locator('.analyses .chart-summary').textContent()).toBe(
      summarizeSensitivity(expected.result, 'savings', 'USD', LOCALE),
    );
    const firstRow = page.locator('.sensitivity-table tbody tr').first();
    expect(await firstRow.locator('th').textContent()).toBe(
      capitalise(top.label) + (top.ownerName === 'Settings' ? '' : top.ownerName),
    );
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('applies a goal-seek value: the two monthly costs on screen are equal to the cent', async () => {
    const { page, watch } = await open();
    await showAnalyses(page);
    const before = await perMonth(page);
    expect(before[0]).not.toBe(before[1]);
    await page
      .getByRole('combobox', { name: 'Input to change' })
      .selectOption({ value: 'input/option/gpt-5/outputPerM' });
    await page.getByRole('button', { name: 'Find the value' }).click();
    const result = page.getByRole('region', { name: /^Result:/ });
    await expect.poll(() => result.locator('h4').textContent()).toBe('Result: Exact');
    await result.getByRole('button', { name: 'Use this value' }).click();
    await eventually(async () => {
      const [baseline, strategy] = await perMonth(page);
      return baseline !== undefined && baseline === strategy;
    }).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Output price' }).inputValue()).toMatch(
      /^18\.57553/,
    );
    // One undo step takes it back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => perMonth(page)).toEqual(before);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('takes typing without a long task while the worker works, and Cancel stops it', async () => {
    // 50 workloads: the sensitivity re-costs 273 inputs, a few seconds of work in the worker.
    const big = model(
      scaleScenario({ workloadCount: 50, apiCount: 3, selfCount: 3, strategyCount: 2 }),
    );
    const { page, watch } = await open(`#${encodeScenarioLink(big.document)}`);
    // The interactive charts load on the first interaction: a large first render of their own,
    // done before measuring.
    await loadInteractiveCharts(page);
    await showAnalyses(page);
    const progress = page.locator('.analysis-progress-text');
    const swing = page.getByRole('textbox', { name: 'Swing, ± percent' });
    // Let the first run finish, then start a fresh one by changing the swing.
    await page.locator('.analysis-runner').waitFor({ timeout: 30_000 });
    await swing.fill('30');
    await progress.waitFor({ timeout: 10_000 });
    await eventually(async () =>
      Number((await progress.textContent())?.match(/(\d+) of/)?.[1]),
    ).toBeGreaterThan(0);

    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
      }).observe({ type: 'longtask' });
    });
    const doneBefore = Number((await progress.textContent())?.match(/(\d+) of/)?.[1]);
    // Typing in a field: every key is echoed at once; the run in progress keeps going (a new
    // one starts only once the edits settle).
    await swing.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('22.5', { delay: 60 });
    expect(await swing.inputValue()).toBe('22.5');
    const doneAfter = Number((await progress.textContent())?.match(/(\d+) of/)?.[1]);
    expect(doneAfter).toBeGreaterThan(doneBefore);
    await page.waitForTimeout(200);
    expect(
      await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks),
    ).toEqual([]);

    // Cancel: the progress stops where it was, and the page says so.
    // The edits have settled (400 ms): a run with the new swing starts; cancel it once it counts.
    await page.waitForTimeout(800);
    await eventually(async () => (await progress.textContent()) ?? '').toMatch(
      /^Computing: [1-9]\d* of 273 inputs$/,
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
    const status = page.locator('.analyses .analysis-status-line').first();
    await eventually(() => status.textContent()).toMatch(
      /^The sensitivity was cancelled after \d+ of 273 inputs\.$/,
    );
    const said = await status.textContent();
    await page.waitForTimeout(1_000);
    expect(await status.textContent()).toBe(said);
    expect(await progress.count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Run the sensitivity again' }).isVisible()).toBe(
      true,
    );
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('has no accessibility violations in the analyses (axe-core, contrast included), light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await open('', { colorScheme, bypassCSP: true });
      await showAnalyses(page);
      await page.locator('.analysis-runner').waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Find the value' }).click();
      await page.getByRole('region', { name: /^Result:/ }).waitFor();
      await page.evaluate(() =>
        document
          .querySelectorAll('.analyses details')
          .forEach((d) => ((d as HTMLDetailsElement).open = true)),
      );
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                ctx: Element,
              ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const section = document.querySelector('.analyses');
        if (!section) return ['no analyses section'];
        const result = await axe.run(section);
        return result.violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`,
        );
      });
      expect(violations, colorScheme).toEqual([]);
    }
  });

  it.skipIf(!existsSync(SINGLE_FILE))(
    'runs the worker in the one-file build opened from disk, requesting nothing',
    async () => {
      const context = await browser.newContext({ locale: LOCALE });
      contexts.push(context);
      const requests: string[] = [];
      context.on('request', (r) => {
        if (!r.url().startsWith('data:')) requests.push(r.url());
      });
      const page = await context.newPage();
      await page.goto(pathToFileURL(SINGLE_FILE).href);
      await showAnalyses(page);
      const runner = page.locator('.analysis-runner');
      await runner.waitFor({ timeout: 30_000 });
      expect(await runner.getAttribute('data-runner')).toBe('worker');
      expect(requests).toEqual([pathToFileURL(SINGLE_FILE).href]);
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
