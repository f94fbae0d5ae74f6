import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, loadInteractiveCharts } from './browser';
import { evaluateScenario } from '../../src/index';
import { encodeScenarioLink } from '../../src/scenario/link-codec';
import { findPreset } from '../../src/scenario/presets';
import { setAt } from '../../src/scenario/doc-path';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { formatMoney } from '../../src/ui/format';

// `npm run build:single`: the whole app in one HTML file, opened from disk with no server and no
// network. The global setup serves dist/ over http; this file opens dist-single/ by file:// and
// uses the served build only to compare numbers with.
const FILE = fileURLToPath(new URL('../../dist-single/llm-tco-calculator.html', import.meta.url));
const FILE_URL = pathToFileURL(FILE).href;

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(FILE)) {
    throw new Error(
      'dist-single/llm-tco-calculator.html is missing: run `npm run build:single` before the browser tests',
    );
  }
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Every request the context makes (data: URLs aside), console errors and uncaught errors. */
type Watch = { requests: string[]; errors: string[] };

async function openFile(
  fragment = '',
): Promise<{ page: Page; context: BrowserContext; watch: Watch }> {
  const context = await browser.newContext({
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
  });
  const watch: Watch = { requests: [], errors: [] };
  context.on('request', (request) => {
    if (!request.url().startsWith('data:')) watch.requests.push(request.url());
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') watch.errors.push(message.text());
  });
  page.on('pageerror', (error) => watch.errors.push(error.message));
  await page.goto(FILE_URL + fragment);
  return { page, context, watch };
}

const verdict = (page: Page) => page.locator('.verdict-main').textContent();
const facts = (page: Page) => page.locator('.verdict-facts').textContent();
const table = (page: Page) => page.locator('.result-table').textContent();

/** A preset with its volume changed, so the numbers on screen can only come from the link. */
function linkedScenario() {
  const preset = findPreset('takeover-2026-100m');
  if (!preset) throw new Error('preset takeover-2026-100m is gone: pick another one here');
  const validated = validateScenario(
    setAt(preset.scenario, ['workloads', 0, 'tokensPerDay'], '250000000'),
  );
  if (!validated.ok) throw new Error(JSON.stringify(validated.errors));
  const evaluated = evaluateScenario(validated.document);
  if (!evaluated.ok) throw new Error(JSON.stringify(evaluated.errors));
  const [baseline, other] = evaluated.result.strategies;
  const savings = other?.vsBaseline?.runRateSavings;
  if (!baseline || !other || savings === undefined) throw new Error('expected two strategies');
  const gap = savings.startsWith('-') ? savings.slice(1) : savings;
  return {
    fragment: `#${encodeScenarioLink(validated.document, preset.catalogRefs)}`,
    cheaperName: savings.startsWith('-') ? baseline.name : other.name,
    gap: formatMoney(gap, 'USD', 'en-US'),
    totals: evaluated.result.strategies.map((s) => formatMoney(s.runRate.total, 'USD', 'en-US')),
  };
}

describe('the single-file build, opened from disk in Chromium', () => {
  it('is one file whose scripts and styles are all inline', () => {
    const html = readFileSync(FILE, 'utf8');
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link[^>]*rel="?(stylesheet|modulepreload)/i);
    // One inline script, so exactly one `</script`: any other would end the script early.
    expect(html.match(/<\/script/gi)).toHaveLength(1);
  });

  it('opens on the default scenario, draws the interactive charts, and requests nothing but itself', async () => {
    const { page, context, watch } = await openFile();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'Self-host open-weight LLMs',
    );
    await expect(verdict(page)).resolves.toMatch(/is cheaper today by \$[\d,]+\.\d{2} a month/);
    await expect(facts(page)).resolves.toContain('244,236,640');
    // The charts library is inside the file, but still drawn only after the first interaction.
    await loadInteractiveCharts(page);
    await expect(page.locator('figure.chart').count()).resolves.toBe(3);
    await expect(
      page.locator('.cost-chart svg text', { hasText: 'break-even' }).textContent(),
    ).resolves.toBe('break-even 244M/day');
    // Other code the hosted build loads later comes from the file too: the catalog pickers
    // with the catalogs, and the maths tables.
    await expect
      .poll(() => page.getByRole('combobox', { name: 'API model' }).first().isEnabled())
      .toBe(true);
    await page.getByText('Every monthly cost line with its formula and numbers').click();
    await page.locator('.math-table').first().waitFor();

    expect(watch.requests).toEqual([FILE_URL]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });

  it('opens a share link with the same numbers as the core and the hosted build', async () => {
    const linked = linkedScenario();
    const { page, context, watch } = await openFile(linked.fragment);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Volume' }).inputValue())
      .toBe('250,000,000');
    const shown = await verdict(page);
    expect(shown).toContain(`${linked.cheaperName} is cheaper today by ${linked.gap} a month`);
    const shownTable = await table(page);
    for (const total of linked.totals) expect(shownTable).toContain(total);

    // The same link on the hosted build (dist/ over http) shows the same results.
    const hosted = await browser.newContext({ locale: 'en-US' });
    const other = await hosted.newPage();
    await other.goto(inject('baseUrl') + linked.fragment);
    await expect.poll(() => verdict(other)).toBe(shown);
    expect(await facts(other)).toBe(await facts(page));
    expect(await table(other)).toBe(shownTable);
    await hosted.close();

    await loadInteractiveCharts(page);
    expect(watch.requests).toEqual([FILE_URL]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
});
