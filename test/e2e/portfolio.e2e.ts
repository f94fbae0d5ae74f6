import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, watchPage } from './browser';
import { evaluateScenario } from '../../src/index';
import type { ScenarioResult } from '../../src/index';
import { Dec } from '../../src/core/decimal';
import { workloadAssignments } from '../../src/core/workload-assignments';
import type { ScenarioDoc } from '../../src/scenario/document';
import { decodeScenarioLink, encodeScenarioLink } from '../../src/scenario/link-codec';
import { scaleScenario } from '../../bench/scale-scenario';
import { findPreset } from '../../src/scenario/presets';
import { validateScenario } from '../../src/scenario/validate-scenario';
import { formatMoney, formatShare, formatTokens } from '../../src/ui/format';

/**
 * Issue 5 end to end in Chromium against the production build: a three-workload portfolio built
 * from the empty scenario by keyboard and mouse, three strategies (all to an API, all to a
 * self-hosted deployment, a hybrid), a matrix row that does not add up, and the comparison on
 * screen checked against the engine run in node on the scenario the page holds.
 */
const LOCALE = 'en-US';
const WORKLOADS = [
  { name: 'Support', volume: '40000000', shown: '40,000,000' },
  { name: 'Coding', volume: '120000000', shown: '120,000,000' },
  { name: 'Documents', volume: '15000000', shown: '15,000,000' },
] as const;
const STRATEGIES = ['Baseline', 'All self-hosted', 'Hybrid'] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});
// Closed here too, so a failed test does not leave its page running.
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

const money = (amount: string) => formatMoney(amount, 'USD', LOCALE);

/**
 * `expect.poll` with room for lazy chunks: choosing a preset, the catalogs and the comparison
 * each load on demand, behind the first interaction's preloads, on a machine shared with others.
 */
const eventually = <T>(value: () => T | Promise<T>) => expect.poll(value, { timeout: 10_000 });

/** Replaces a text field's content the way a person does: focus, select all, type. */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type(text);
}

/** The scenario the page holds (its last valid inputs), read from the share link in the address bar. */
function scenarioInAddressBar(page: Page): ScenarioDoc | null {
  const preset = findPreset('empty');
  const fallback = preset && validateScenario(preset.scenario);
  if (!fallback?.ok) throw new Error('the empty preset is missing or invalid');
  const decoded = decodeScenarioLink(new URL(page.url()).hash, fallback.document);
  return decoded.kind === 'ok' ? decoded.doc : null;
}

/** What matters of a scenario for this test: names, volumes and every strategy's routes. */
function portfolioOf(doc: ScenarioDoc | null) {
  if (!doc) return null;
  const workload = new Map(doc.workloads.map((w) => [w.id, w.name]));
  const option = new Map(doc.options.map((o) => [o.id, o.name]));
  return {
    workloads: doc.workloads.map((w) => [w.name, w.tokensPerDay]),
    options: doc.options.map((o) => [o.kind, o.name]),
    strategies: doc.strategies.map((s) => ({
      name: s.name,
      routes: s.routes
        .map((r) => `${workload.get(r.workloadId)} → ${option.get(r.optionId)}: ${r.share}`)
        .sort(),
    })),
  };
}

/** The rows of a table as text: the row header, then each cell. */
async function tableRows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) =>
          (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
        ),
      ),
    );
}

describe('a portfolio built from the empty scenario in Chromium', () => {
  it('builds three workloads, two options and three strategies by keyboard and mouse, and compares them as the engine does', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: LOCALE,
    });
    contexts.push(context);
    const page = await context.newPage();
    const watch = watchPage(page, new URL(baseUrl).origin);
    await page.goto(baseUrl);
    await page.locator('.verdict-main').first().waitFor();

    // 1. The empty scenario, chosen by keyboard: it is the last entry of the Scenario menu.
    const scenario = page.getByRole('combobox', { name: 'Scenario', exact: true });
    await scenario.focus();
    await page.keyboard.press('End');
    await eventually(() => scenario.inputValue()).toBe('empty');
    const portfolio = page.getByRole('group', { name: 'Portfolio' });
    // The editor opens by itself for a scenario without exactly one workload.
    await eventually(() => portfolio.getByRole('heading', { name: 'Workloads (0)' }).count()).toBe(
      1,
    );
    expect(await portfolio.textContent()).toContain('No workload yet: add the first.');

    // 2. Three workloads, each named by keyboard and given its own volume.
    const volume = page.getByRole('textbox', { name: 'Volume', exact: true });
    for (const [i, w] of WORKLOADS.entries()) {
      await portfolio.getByRole('button', { name: 'Add workload' }).click();
      const name = portfolio.getByRole('textbox', { name: `Name of workload ${i + 1}` });
      await eventually(() => name.inputValue()).toBe(`Workload ${i + 1}`);
      await typeInto(page, name, w.name);
      await page.keyboard.press('Tab');
      await portfolio.getByRole('button', { name: `Edit figures of ${w.name}` }).click();
      if (i > 0) {
        const chooser = page.getByRole('combobox', { name: 'Workload', exact: true });
        await eventually(() =>
          chooser.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
        ).toBe(w.name);
      }
      await typeInto(page, volume, w.volume);
      await page.keyboard.press('Tab');
      await eventually(() => volume.inputValue()).toBe(w.shown);
    }
    // The list shows each volume beside its name.
    const workloadItems = portfolio
      .getByRole('region', { name: 'Workloads (3)' })
      .getByRole('listitem');
    expect(await workloadItems.allTextContents()).toEqual(
      WORKLOADS.map((w) => expect.stringContaining(`${w.shown} tokens/day`)),
    );

    // 3. An API option priced from the catalog, and a self-hosted one from a catalog profile.
    await portfolio.getByRole('button', { name: 'Add API option' }).click();
    const apiModel = page.getByRole('combobox', { name: 'API model' });
    await apiModel.click();
    await apiModel.selectOption('gpt-5');
    const apiName = portfolio.getByRole('textbox', { name: 'Name of option 1' });
    await eventually(() => apiName.inputValue()).toBe('GPT-5 (OpenAI API)');
    const api = await apiName.inputValue();
    expect(
      await page.getByRole('textbox', { name: 'Output price', exact: true }).inputValue(),
    ).toBe('10');

    await portfolio.getByRole('button', { name: 'Add self-hosted option' }).click();
    const profile = page.getByRole('combobox', { name: 'Model and GPU' });
    await profile.click();
    await profile.selectOption('llama-3.3-70b-fp8-h100x2');
    const selfName = portfolio.getByRole('textbox', { name: 'Name of option 2' });
    await eventually(() => selfName.inputValue()).toMatch(/^Llama 3\.3 70B on H100.* x2$/);
    const self = await selfName.inputValue();
    expect(
      await page.getByRole('textbox', { name: 'GPUs per replica', exact: true }).inputValue(),
    ).toBe('2');

    // 4. The baseline: every workload to the API. Until then nothing is routed, and it says so.
    const strategies = portfolio.getByRole('region', { name: /^Strategies \(\d+\)$/ });
    const matrixStatus = strategies.getByRole('status');
    expect(await matrixStatus.textContent()).toBe(
      "Each workload's shares must total 100%: Support totals 0%; Coding totals 0%; Documents totals 0%.",
    );
    const quick = strategies.getByRole('group', { name: 'Quick routing' });
    const allTo = quick.getByRole('combobox', { name: 'All traffic to' });
    expect(await allTo.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe(api);
    await quick.getByRole('button', { name: 'Route all' }).click();
    await eventually(() => matrixStatus.count()).toBe(0);
    const cell = (workload: string, option: string) =>
      strategies.getByRole('textbox', { name: `${workload} on ${option}, percent` });
    for (const w of WORKLOADS) {
      expect(await cell(w.name, api).inputValue()).toBe('100');
      expect(await cell(w.name, self).inputValue()).toBe('');
    }

    // A second strategy, a copy of the baseline, renamed by keyboard and routed to self-hosting.
    await strategies.getByRole('button', { name: 'Add strategy (a copy of Baseline)' }).click();
    const strategyName = strategies.getByRole('textbox', { name: 'Name of this strategy' });
    await eventually(() => strategyName.inputValue()).toBe('Baseline (copy)');
    await typeInto(page, strategyName, STRATEGIES[1]);
    await page.keyboard.press('Tab');
    await allTo.selectOption({ label: self });
    await quick.getByRole('button', { name: 'Route all' }).click();
    await eventually(() => cell('Coding', self).inputValue()).toBe('100');
    expect(await cell('Coding', api).inputValue()).toBe('');

    // A third: a copy of the second with 10% of every workload sent to the API.
    await strategies
      .getByRole('button', { name: `Add strategy (a copy of ${STRATEGIES[1]})` })
      .click();
    await eventually(() => strategyName.inputValue()).toBe(`${STRATEGIES[1]} (copy)`);
    await typeInto(page, strategyName, STRATEGIES[2]);
    await page.keyboard.press('Tab');
    const hybridPercent = quick.getByRole('textbox', { name: 'Hybrid: send' });
    expect(await hybridPercent.inputValue()).toBe('10');
    expect(
      await quick
        .getByRole('combobox', { name: '% of every workload to' })
        .evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
    ).toBe(api);
    await quick.getByRole('button', { name: 'Apply hybrid' }).click();
    for (const w of WORKLOADS) {
      await eventually(() => cell(w.name, api).inputValue()).toBe('10');
      expect(await cell(w.name, self).inputValue()).toBe('90');
    }

    // The strategy select, by keyboard: the baseline still sends everything to the API.
    const strategySelect = strategies.getByRole('combobox', { name: 'Strategy to edit' });
    expect(
      await strategySelect.evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.text)),
    ).toEqual(['Baseline (baseline)', STRATEGIES[1], STRATEGIES[2]]);
    await strategySelect.focus();
    await page.keyboard.press('Home');
    await eventually(() => strategyName.inputValue()).toBe('Baseline');
    expect(await cell('Coding', api).inputValue()).toBe('100');
    await page.keyboard.press('ArrowDown');
    await eventually(() => strategyName.inputValue()).toBe(STRATEGIES[1]);
    await page.keyboard.press('ArrowDown');
    await eventually(() => strategyName.inputValue()).toBe(STRATEGIES[2]);

    // One cell typed wrong: Coding then totals 70%, and the message names it and its total.
    await typeInto(page, cell('Coding', self), '60');
    await page.keyboard.press('Tab');
    await eventually(() => matrixStatus.textContent()).toBe(
      "Each workload's shares must total 100%: Coding totals 70%.",
    );
    const codingRow = strategies.getByRole('row', { name: /^Coding/ });
    expect(await codingRow.getByRole('cell').last().textContent()).toBe('70% ≠ 100%');
    // The results keep the last valid inputs meanwhile, and say so.
    const results = page.getByRole('region', { name: 'Results', exact: true });
    await eventually(() => results.getByRole('status').textContent()).toBe(
      'Showing the last valid inputs: fix the field marked in red to update.',
    );
    // Fixed by keyboard.
    await typeInto(page, cell('Coding', self), '90');
    await page.keyboard.press('Tab');
    await eventually(() => matrixStatus.count()).toBe(0);
    await eventually(() => results.getByRole('status').count()).toBe(0);
    expect(await codingRow.getByRole('cell').last().textContent()).toBe('100%');

    // 5. The comparison, against the engine run in node on the scenario the page holds.
    const expected = {
      workloads: WORKLOADS.map((w) => [w.name, w.volume]),
      options: [
        ['api', api],
        ['selfHost', self],
      ],
      strategies: [
        { name: STRATEGIES[0], routes: WORKLOADS.map((w) => `${w.name} → ${api}: 1`).sort() },
        { name: STRATEGIES[1], routes: WORKLOADS.map((w) => `${w.name} → ${self}: 1`).sort() },
        {
          name: STRATEGIES[2],
          routes: WORKLOADS.flatMap((w) => [
            `${w.name} → ${api}: 0.1`,
            `${w.name} → ${self}: 0.9`,
          ]).sort(),
        },
      ],
    };
    // The address bar follows the scenario after a debounce.
    let doc: ScenarioDoc | null = null;
    await eventually(() => portfolioOf((doc = scenarioInAddressBar(page)))).toEqual(expected);
    const evaluated = evaluateScenario(doc);
    const validated = validateScenario(doc);
    if (!evaluated.ok || !validated.ok) {
      throw new Error(
        `the scenario in the link does not evaluate: ${JSON.stringify(evaluated.ok ? validated : evaluated)}`,
      );
    }
    const result: ScenarioResult = evaluated.result;

    const comparison = page.getByRole('region', { name: 'Strategies compared' });
    await comparison.waitFor();
    await eventually(() => comparison.getByText('Showing the last valid inputs').count()).toBe(0);
    const strategyTable = comparison.getByRole('table', {
      name: "Strategies at today's volume, against the baseline",
    });
    const strategyRows = await tableRows(strategyTable);
    expect(strategyRows.map((row) => row.slice(0, 4))).toEqual(
      result.strategies.map((s, i) => [
        i === 0 ? `${s.name} baseline` : s.name,
        money(s.runRate.total),
        s.costPerMTokens === null ? 'no tokens' : money(s.costPerMTokens),
        money(s.timeline.npv),
      ]),
    );
    expect(result.strategies.map((s) => s.name)).toEqual([...STRATEGIES]);
    // Against the baseline: the savings a month, to the cent.
    expect(strategyRows.slice(1).map((row) => row[4])).toEqual(
      result.strategies.slice(1).map((s) => money(s.vsBaseline?.runRateSavings ?? 'NaN')),
    );
    // Break-even volumes against the baseline, and the self-hosted pools each strategy runs.
    expect(strategyRows.slice(1).map((row) => row[7])).toEqual(
      result.strategies.slice(1).map((s) => {
        const be = s.vsBaseline?.breakEven;
        const crossings = s.vsBaseline?.crossings.length ?? 0;
        const note = crossings > 1 ? ` (the costs cross ${crossings} times)` : '';
        return `${be?.kind === 'at' ? `${formatTokens(be.tokensPerDay, LOCALE)} tokens/day` : be?.kind}${note}`;
      }),
    );
    expect(strategyRows.map((row) => row.at(-1))).toEqual(
      result.strategies.map((s) =>
        s.capacity.length === 0
          ? 'none (API only)'
          : s.capacity
              .map(
                (c) =>
                  `${self}: ${c.gpus} GPU${c.gpus === 1 ? '' : 's'} at ${formatShare(c.utilization, LOCALE)} utilization`,
              )
              .join(' '),
      ),
    );
    expect(result.strategies.map((s) => s.capacity.length)).toEqual([0, 1, 1]);
    // The headline's table says the same.
    const headlineRows = await tableRows(
      page.getByRole('table', { name: "Per strategy, at today's volume" }),
    );
    expect(headlineRows.map((row) => row.slice(0, 2))).toEqual(
      result.strategies.map((s) => [s.name, money(s.runRate.total)]),
    );
    const cheapest = result.strategies.reduce((best, s) =>
      new Dec(s.runRate.total).lessThan(best.runRate.total) ? s : best,
    );
    expect(await comparison.getByText(/^3 strategies compared/).textContent()).toContain(
      `3 strategies compared with the baseline “Baseline”. Cheapest today: “${cheapest.name}” at ${money(cheapest.runRate.total)} a month`,
    );

    // Which option serves each workload, and at what cost per 1M tokens.
    const assignments = workloadAssignments(validated.scenario, result);
    const assignmentRows = await tableRows(
      comparison.getByRole('table', {
        name: 'Which option serves each workload, and its cost per 1M tokens',
      }),
    );
    expect(assignmentRows).toEqual(
      assignments.map((row, i) => [
        `${WORKLOADS[i]?.name} ${WORKLOADS[i]?.shown} tokens/day`,
        `${api} ${money(row.strategies[0]?.costPerMTokens ?? 'NaN')} per 1M${row.strategies[0]?.lowest ? ' lowest' : ''}`,
        `${self} ${money(row.strategies[1]?.costPerMTokens ?? 'NaN')} per 1M${row.strategies[1]?.lowest ? ' lowest' : ''}`,
        `${self}: 90.0% ${api}: 10.0% ${money(row.strategies[2]?.costPerMTokens ?? 'NaN')} per 1M${row.strategies[2]?.lowest ? ' lowest' : ''}`,
      ]),
    );

    // No strategy runs two self-hosted deployments: nothing is fragmented.
    const fragmentation = comparison.getByRole('region', { name: 'The cost of fragmentation' });
    await eventually(() => fragmentation.getAttribute('aria-busy')).toBe('false');
    expect(await fragmentation.textContent()).toContain(
      'No strategy runs two or more self-hosted deployments, so nothing is fragmented: there is nothing to pool.',
    );

    // 6. Undo (Ctrl+Z, outside a text field) takes back the fix: Coding totals 70% again; redo
    // restores it.
    await comparison.getByRole('heading', { name: 'Strategies compared' }).click();
    await page.keyboard.press('Control+z');
    await eventually(() => cell('Coding', self).inputValue()).toBe('60');
    expect(await matrixStatus.textContent()).toBe(
      "Each workload's shares must total 100%: Coding totals 70%.",
    );
    await page.keyboard.press('Control+Shift+z');
    await eventually(() => cell('Coding', self).inputValue()).toBe('90');
    await eventually(() => matrixStatus.count()).toBe(0);

    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('a large portfolio: sections out of view skip the ticks of a drag, then show the last value', async () => {
    const baseUrl = inject('baseUrl');
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: LOCALE,
    });
    contexts.push(context);
    const page = await context.newPage();
    const watch = watchPage(page, new URL(baseUrl).origin);
    const opened = validateScenario(scaleScenario({ workloadCount: 20, strategyCount: 6 }));
    if (!opened.ok) throw new Error('the scale scenario is invalid');
    await page.goto(`${baseUrl}#${encodeScenarioLink(opened.document)}`);
    await page.locator('.verdict-main').first().waitFor();
    // The volume of the first workload, moved by ten quick key presses.
    const slider = page.getByRole('slider', { name: 'Volume slider' });
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    const moved = await page.getByRole('textbox', { name: 'Volume', exact: true }).inputValue();
    expect(moved).not.toBe('2,000,000');

    // The address bar holds the moved scenario (once the drag pauses); the engine's answer for it
    // is what every section must show, including those that were out of view during the drag.
    await eventually(() => scenarioInAddressBar(page)?.workloads[0]?.tokensPerDay).toBe(
      moved.replace(/,/g, ''),
    );
    const evaluated = evaluateScenario(scenarioInAddressBar(page));
    if (!evaluated.ok) throw new Error('the scenario in the address bar is invalid');
    const { result } = evaluated;
    const comparison = page.getByRole('region', { name: 'Strategies compared' });
    const strategyTable = comparison.getByRole('table', {
      name: "Strategies at today's volume, against the baseline",
    });
    const expected = result.strategies.map((s) => [
      money(s.runRate.total),
      s.costPerMTokens === null ? 'no tokens' : money(s.costPerMTokens),
      money(s.timeline.npv),
    ]);
    const shownRows = async () => (await tableRows(strategyTable)).map((row) => row.slice(1, 4));
    // Still out of view: caught up once the drag paused.
    expect(await comparison.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(900);
    await eventually(shownRows).toEqual(expected);
    await comparison.scrollIntoViewIfNeeded();
    expect(await shownRows()).toEqual(expected);
    // The last verdict of the headline (below the fold of the results column) and its NPV.
    const last = result.strategies[result.strategies.length - 1];
    const verdict = page.locator('.verdict').last();
    await verdict.scrollIntoViewIfNeeded();
    await eventually(() => verdict.textContent()).toContain(
      money(last?.vsBaseline?.npvSavings ?? ''),
    );
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });
});
