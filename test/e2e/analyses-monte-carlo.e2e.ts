import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, loadInteractiveCharts, watchPage } from './browser';
import { Dec } from '../../src/core/decimal';
import { describeInput, parseInputRef } from '../../src/core/input-refs';
import { prepareMonteCarlo, runPreparedMonteCarlo } from '../../src/core/monte-carlo';
import { summariseMonteCarlo } from '../../src/core/monte-carlo-summary';
import type { MonteCarloSummary } from '../../src/core/monte-carlo-summary';
import { findPreset } from '../../src/scenario/presets';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { encodeScenarioLink } from '../../src/scenario/link-codec';
import type { UncertaintyRangeDoc } from '../../src/scenario/document';
import { formatMoney } from '../../src/ui/format';
import { formatBreakEven, inputName } from '../../src/ui/analyses/analysis-format';
import { formatProbability } from '../../src/ui/analyses/uncertainty-text';

/**
 * Uncertainty (issue 6 item 3) in Chromium against the production build: 10,000 samples of the
 * default scenario with the bench's four ranges, set through the panel, run in the worker; the
 * probability and the P50 shown equal the core's in node for the same scenario and seed; typing
 * while it runs causes no long task; Cancel stops it and says so; the address (a share link with
 * the ranges and seed) reproduces the same numbers after a reload.
 */
const require = createRequire(import.meta.url);
const LOCALE = 'en-US';
const SAMPLES = 10_000;

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
  url = inject('baseUrl'),
  options: { colorScheme?: 'light' | 'dark'; bypassCSP?: boolean } = {},
) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: LOCALE,
    ...options,
  });
  contexts.push(context);
  const page = await context.newPage();
  const watch = watchPage(page, new URL(inject('baseUrl')).origin);
  await page.goto(url);
  return { page, watch };
}

/** The analyses load when their place scrolls into view; the uncertainty panel is among them. */
async function showUncertainty(page: Page): Promise<Locator> {
  await page.locator('.analyses-slot').scrollIntoViewIfNeeded();
  const panel = page.locator('.analyses-uncertainty');
  await panel.locator('h2').waitFor({ timeout: 20_000 });
  // The sensitivity starts on its own; let it finish so the runs measured here are alone.
  await page.locator('.analysis-runner').waitFor({ timeout: 30_000 });
  return panel;
}

const DEFAULT = (() => {
  const v = validateScenario(findPreset('default')?.scenario);
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v;
})();

/** The bench's ranges: GPU hour, volume, target utilization, API output price. */
const RANGES: UncertaintyRangeDoc[] = [
  { input: 'option/llama-70b-h100/gpu.hourlyPerGpu', low: '2', likely: '3.2', high: '5' },
  {
    input: 'workload/support/tokensPerDay',
    low: '80000000',
    likely: '150000000',
    high: '300000000',
  },
  { input: 'option/llama-70b-h100/targetUtilization', low: '0.4', likely: '0.6', high: '0.8' },
  { input: 'option/gpt-5/outputPerM', low: '6', likely: '10', high: '12' },
];

function nameOf(key: string): string {
  const ref = parseInputRef(key);
  const input = ref.ok ? describeInput(DEFAULT.scenario, ref.ref) : null;
  if (!input) throw new Error(`no input ${key}`);
  return inputName(input.label, input.ownerName);
}

/** Adds a range through the picker and types its three values, as a person would. */
async function addRange(panel: Locator, range: UncertaintyRangeDoc): Promise<void> {
  await panel.getByRole('combobox', { name: 'Input to give a range' }).selectOption(range.input);
  await panel.getByRole('button', { name: 'Add range' }).click();
  const name = nameOf(range.input);
  for (const [word, value] of [
    ['Low', range.low],
    ['Likely', range.likely],
    ['High', range.high],
  ] as const) {
    await panel.getByRole('textbox', { name: `${word}: ${name}` }).fill(value);
  }
}

/** What the core gives in node for the default scenario, these ranges and this seed. */
function expectedSummary(seed: number): MonteCarloSummary {
  const ranges = RANGES.map((r) => {
    const ref = parseInputRef(r.input);
    if (!ref.ok) throw new Error(ref.error);
    return { ref: ref.ref, low: new Dec(r.low), likely: new Dec(r.likely), high: new Dec(r.high) };
  });
  const prepared = prepareMonteCarlo(DEFAULT.scenario, 'self-hosted', ranges);
  if (!prepared.ok) throw new Error(prepared.error);
  return summariseMonteCarlo(
    runPreparedMonteCarlo(prepared.prepared, { seed, start: 0, count: SAMPLES }),
  );
}

/** The probability and the P50 of savings as the panel shows them. */
async function shownNumbers(panel: Locator) {
  const probability = await panel.locator('.mc-probability-value').textContent();
  const p50 = await panel
    .locator('.mc-percentiles tbody tr')
    .nth(1)
    .locator('td')
    .first()
    .textContent();
  const p50BreakEven = await panel
    .locator('.mc-percentiles tbody tr')
    .nth(1)
    .locator('td')
    .nth(1)
    .textContent();
  return { probability, p50, p50BreakEven };
}

async function startLongTaskLog(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}

const longTasks = (page: Page) =>
  page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);

const eventually = <T>(value: () => T | Promise<T>, timeout = 20_000) =>
  expect.poll(value, { timeout });

describe('uncertainty in Chromium', () => {
  it('runs 10,000 samples in the worker: the numbers shown equal the core in node, and a reload reproduces them', async () => {
    const { page, watch } = await open();
    const panel = await showUncertainty(page);
    for (const range of RANGES) await addRange(panel, range);
    const seed = Number(await panel.getByRole('textbox', { name: 'Seed' }).inputValue());
    expect(Number.isInteger(seed)).toBe(true);
    expect(await panel.getByRole('alert').count()).toBe(0);

    const run = panel.getByRole('button', { name: 'Run 10,000 samples' });
    await run.click();
    await panel.locator('.mc-results[data-stale="false"]').waitFor({ timeout: 30_000 });
    expect(await panel.getAttribute('data-status')).toBe('done');
    expect(await panel.locator('.mc-runner').getAttribute('data-runner')).toBe('worker');

    const expected = expectedSummary(seed);
    const shown = await shownNumbers(panel);
    expect(shown.probability).toBe(
      formatProbability(expected.cheaper.count, expected.samples, LOCALE),
    );
    expect(shown.p50).toBe(formatMoney(expected.savings!.p50, 'USD', LOCALE));
    expect(shown.p50BreakEven).toBe(formatBreakEven(expected.breakEven.p50!, LOCALE));
    expect(await panel.locator('.mc-probability').textContent()).toContain(
      `(${expected.cheaper.count.toLocaleString(LOCALE)})`,
    );
    expect(
      await panel.getByRole('img', { name: /^Monthly savings of .* over 10,000 samples$/ }).count(),
    ).toBe(1);

    // The address is a share link with the ranges and the seed: a reload runs the same samples.
    await eventually(() => new URL(page.url()).hash).toMatch(/^#s1\./);
    const link = page.url();
    const { page: again, watch: watchAgain } = await open(link);
    const reopened = await showUncertainty(again);
    expect(await reopened.getByRole('textbox', { name: 'Seed' }).inputValue()).toBe(String(seed));
    await reopened.getByRole('button', { name: 'Run 10,000 samples' }).click();
    await reopened.locator('.mc-results[data-stale="false"]').waitFor({ timeout: 30_000 });
    expect(await shownNumbers(reopened)).toEqual(shown);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    expect(watchAgain.consoleErrors).toEqual([]);
  });

  it('takes typing without a long task while it runs, marks the result out of date, and Cancel stops it', async () => {
    const { page, watch } = await open();
    // The interactive charts load on the first interaction: done before measuring.
    await loadInteractiveCharts(page);
    const panel = await showUncertainty(page);
    for (const range of RANGES) await addRange(panel, range);
    const progress = panel.locator('.analysis-progress-text');
    const done = () =>
      progress
        .textContent()
        .then((t) => Number(t?.match(/^Computing: ([\d,]+) of/)?.[1]?.replace(/,/g, '')));

    await startLongTaskLog(page);
    await panel.getByRole('button', { name: 'Run 10,000 samples' }).click();
    await eventually(done).toBeGreaterThan(0);
    const before = await done();
    // Typing in a field while the worker draws samples: here the high end of the volume range,
    // every key written to the scenario (and validated, and the address bar updated).
    const high = panel.getByRole('textbox', { name: `High: ${nameOf(RANGES[1]!.input)}` });
    await high.focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('320000000', { delay: 50 });
    await high.blur();
    expect(await high.inputValue()).toBe('320,000,000');
    expect(await done()).toBeGreaterThan(before);
    expect(await longTasks(page)).toEqual([]);
    await panel.locator('.mc-results').waitFor({ timeout: 30_000 });
    // The run answered the ranges before the typing: it is marked out of date.
    expect(await panel.locator('.mc-results').getAttribute('data-stale')).toBe('true');
    expect(await panel.getByText('Out of date').isVisible()).toBe(true);
    expect(await longTasks(page)).toEqual([]);

    // Cancel: the progress stops where it was, and the panel says so.
    await panel.getByRole('button', { name: 'Run 10,000 samples' }).click();
    await eventually(done).toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Cancel' }).click();
    const status = panel.locator('.analysis-status-line');
    await eventually(() => status.textContent()).toMatch(
      /^The uncertainty run was cancelled after [\d,]+ of 10,000 samples\.$/,
    );
    const said = await status.textContent();
    await page.waitForTimeout(1_000);
    expect(await status.textContent()).toBe(said);
    expect(await progress.count()).toBe(0);
    expect(
      await panel.getByRole('button', { name: 'Run the uncertainty run again' }).isVisible(),
    ).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('has no accessibility violations in the panel with results, current and out of date (axe-core, contrast included), light and dark', async () => {
    const linked = validateScenario({
      ...DEFAULT.document,
      analysis: { swing: '0.2', uncertainty: { seed: '5', samples: '1000', ranges: RANGES } },
    });
    if (!linked.ok) throw new Error(JSON.stringify(linked.errors));
    const fragment = `#${encodeScenarioLink(linked.document)}`;
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page } = await open(inject('baseUrl') + fragment, { colorScheme, bypassCSP: true });
      const panel = await showUncertainty(page);
      await panel.getByRole('button', { name: 'Run 1,000 samples' }).click();
      await panel.locator('.mc-results[data-stale="false"]').waitFor({ timeout: 30_000 });
      await page.evaluate(() =>
        document
          .querySelectorAll('.analyses-uncertainty details')
          .forEach((d) => ((d as HTMLDetailsElement).open = true)),
      );
      await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const audit = () =>
        page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (
                  ctx: Element,
                ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
              };
            }
          ).axe;
          const section = document.querySelector('.analyses-uncertainty');
          if (!section) return ['no uncertainty section'];
          const result = await axe.run(section);
          return result.violations.map(
            (v) =>
              `${v.id}: ${v.nodes
                .slice(0, 3)
                .map((n) => n.target.join(' '))
                .join(', ')}`,
          );
        });
      expect(await audit(), colorScheme).toEqual([]);
      // Out of date (a range changed) and with a field's message showing.
      await panel.getByRole('textbox', { name: `Low: ${nameOf(RANGES[3]!.input)}` }).fill('11');
      await panel.locator('.mc-stale').waitFor();
      await panel.getByRole('alert').waitFor();
      expect(await audit(), `${colorScheme}, out of date`).toEqual([]);
    }
  });
});
