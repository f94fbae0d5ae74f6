import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, watchPage } from './browser';
import type { PageWatch } from './browser';
import { Dec } from '../../src/core/decimal';
import { evaluateScenario } from '../../src/index';
import { encodeScenarioLink } from '../../src/scenario/link-codec';
import { inputsFromPreset } from '../../src/state/inputs-from-preset';
import { DEFAULT_PRESET } from '../../src/scenario/presets';
import type { ScenarioDoc } from '../../src/scenario/document';
import { XLSX_WORKER_BLOCKED } from '../../src/platform/export/xlsx-file';
import { readXlsx } from '../scenario/xlsx-read';
import type { ReadWorkbook } from '../scenario/xlsx-read';

/**
 * The spreadsheet export from the production build in Chromium: the XLSX downloads, unzips
 * (fflate) into the four sheets, holds formulas (`<f>`) where the totals are, and its input
 * cells and the app's values in it match what the page shows and the engine computes.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(fragment = ''): Promise<{ page: Page; watch: PageWatch; csp: string }> {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const watch = watchPage(page, new URL(baseUrl).origin);
  const response = await page.goto(`${baseUrl}${fragment}`);
  await page.locator('.verdict-main').first().waitFor();
  return { page, watch, csp: response?.headers()['content-security-policy'] ?? '' };
}

async function openFilesDialog(page: Page) {
  await page.getByRole('button', { name: 'Files and exports' }).click();
  const dialog = page.getByRole('dialog', { name: 'Files and exports' });
  await dialog.waitFor();
  return dialog;
}

async function downloadXlsx(page: Page) {
  const dialog = await openFilesDialog(page);
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Spreadsheet (.xlsx)' }).click(),
  ]);
  const bytes = await readFile(await file.path());
  await expect
    .poll(() => dialog.getByRole('status').textContent())
    .toBe(`Saved ${file.suggestedFilename()}.`);
  return { name: file.suggestedFilename(), workbook: readXlsx(new Uint8Array(bytes)) };
}

/** The number in column C of the Inputs row for a field path. */
function inputValue(workbook: ReadWorkbook, path: string): number | null {
  const inputs = workbook.sheet('Inputs');
  for (const [at, cell] of inputs.cells) {
    if (at.startsWith('E') && cell.kind === 'text' && cell.text === path) {
      const value = inputs.cells.get(`C${at.slice(1)}`);
      return value?.kind === 'number' ? value.value : null;
    }
  }
  return null;
}

/** The app's values (column E) of the Run-rate sheet's "Total run-rate" lines, in order. */
function appTotals(workbook: ReadWorkbook): number[] {
  const sheet = workbook.sheet('Run-rate');
  const out: number[] = [];
  for (const [at, cell] of sheet.cells) {
    if (at.startsWith('B') && cell.kind === 'text' && cell.text === 'Total run-rate') {
      const row = at.slice(1);
      expect(sheet.cells.get(`C${row}`)?.kind).toBe('formula');
      const value = sheet.cells.get(`E${row}`);
      if (value?.kind === 'number') out.push(value.value);
    }
  }
  return out;
}

function formulaCount(workbook: ReadWorkbook, sheet: string): number {
  return (workbook.sheet(sheet).xml.match(/<f>/g) ?? []).length;
}

function engineTotals(doc: ScenarioDoc): number[] {
  const r = evaluateScenario(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.result.strategies.map((s) => Number(s.runRate.total));
}

describe('spreadsheet export in Chromium', () => {
  it('downloads an XLSX whose sheets, formulas, inputs and app values match the page', async () => {
    const { page, watch } = await openPage();
    const { name, workbook } = await downloadXlsx(page);
    expect(name).toBe('support-assistant-gpt-5-api-or-llama-3-3-70b-on-rented-h100s.xlsx');
    expect(workbook.sheets.map((s) => s.name)).toEqual(['About', 'Inputs', 'Run-rate', 'Timeline']);
    expect(workbook.parts['xl/workbook.xml']).toContain('fullCalcOnLoad="1"');
    expect(formulaCount(workbook, 'Run-rate')).toBeGreaterThan(30);
    expect(formulaCount(workbook, 'Timeline')).toBeGreaterThan(36 * 2 * 4);
    expect(workbook.sheet('Run-rate').xml).toMatch(
      /<f>MAX\(Inputs!\$C\$\d+,CEILING\(C\d+\/Inputs!\$C\$\d+,1\)\)<\/f>/,
    );
    expect(workbook.sheet('Timeline').xml).toMatch(/<f>SUM\(I\d+:I\d+\)<\/f>/);

    // The inputs are the page's: the volume field shows 150,000,000.
    expect(await page.getByRole('textbox', { name: 'Volume' }).inputValue()).toBe('150,000,000');
    expect(inputValue(workbook, 'workloads[0].tokensPerDay')).toBe(150_000_000);
    const doc = inputsFromPreset(DEFAULT_PRESET).doc;
    expect(inputValue(workbook, 'options[0].outputPerM')).toBe(
      Number(doc.options[0]?.kind === 'api' ? doc.options[0].outputPerM : NaN),
    );
    expect(appTotals(workbook)).toEqual(engineTotals(doc));

    // About: the scenario, the currency and a link back that opens this scenario.
    const about = workbook.sheet('About');
    expect(about.cells.get('B3')).toMatchObject({ text: doc.name });
    expect(about.cells.get('B6')).toMatchObject({ text: 'USD' });
    const link = about.cells.get('B5');
    expect(link?.kind === 'text' ? link.text : '').toBe(
      `${inject('baseUrl')}#${encodeScenarioLink(doc, inputsFromPreset(DEFAULT_PRESET).origin.catalogRefs)}`,
    );
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('follows an edited input: the Inputs cell and the totals are the new ones', async () => {
    const { page, watch } = await openPage();
    const volume = page.getByRole('textbox', { name: 'Volume' });
    const verdict = await page.locator('.verdict-main').first().textContent();
    await volume.fill('999000000');
    await volume.blur();
    await expect.poll(() => page.locator('.verdict-main').first().textContent()).not.toBe(verdict);
    const { workbook } = await downloadXlsx(page);
    expect(inputValue(workbook, 'workloads[0].tokensPerDay')).toBe(999_000_000);
    const doc = structuredClone(inputsFromPreset(DEFAULT_PRESET).doc);
    const w = doc.workloads[0];
    if (w) w.tokensPerDay = '999000000';
    const totals = appTotals(workbook);
    expect(totals).toEqual(engineTotals(doc));
    // Money cells carry the currency's format.
    const sheet = workbook.sheet('Run-rate');
    const total = [...sheet.cells].find(
      ([, c]) => c.kind === 'text' && c.text === 'Total run-rate',
    );
    const value = sheet.cells.get(`C${total?.[0].slice(1)}`);
    if (!value) throw new Error('no total');
    expect(workbook.formatOf(value)).toBe('#,##0.00');
    expect(new Dec(totals[0] ?? 0).greaterThan(0)).toBe(true);
    expect(watch.consoleErrors).toEqual([]);
  });

  it('a workbook too large for the page’s worker policy ends with a message, never a hang', async () => {
    // 12 strategies over 120 months: the Timeline sheet is far over fflate's 160 kB, which it
    // compresses in a Worker from a blob: address.
    const base = inputsFromPreset(DEFAULT_PRESET).doc;
    const doc: ScenarioDoc = structuredClone(base);
    doc.settings.horizonMonths = '120';
    const [api, self] = doc.options;
    const workload = doc.workloads[0];
    if (!api || !self || !workload) throw new Error('default scenario changed');
    doc.strategies = Array.from({ length: 12 }, (_, i) => ({
      id: `s${i}`,
      name: `Split ${i}`,
      routes: [
        {
          workloadId: workload.id,
          optionId: api.id,
          share: new Dec(i).div(11).toDecimalPlaces(6).toFixed(),
        },
        {
          workloadId: workload.id,
          optionId: self.id,
          share: new Dec(1).minus(new Dec(i).div(11).toDecimalPlaces(6)).toFixed(),
        },
      ],
    }));
    const { page, csp } = await openPage(`#${encodeScenarioLink(doc)}`);
    const dialog = await openFilesDialog(page);
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Spreadsheet (.xlsx)' }).click();
    const status = dialog.getByRole('status');
    await expect
      .poll(() => status.textContent(), { timeout: 20_000 })
      .toMatch(/^(Saved .*\.xlsx\.|The spreadsheet could not be written\. .*)$/);
    expect(Date.now() - started).toBeLessThan(20_000);
    const blobWorkers = /worker-src[^;]*blob:/.test(csp);
    if (blobWorkers) {
      expect(await status.textContent()).toMatch(/^Saved /);
    } else {
      // The policy this project's server sends (README, Hosting): no blob: workers.
      expect(await status.textContent()).toBe(
        `The spreadsheet could not be written. ${XLSX_WORKER_BLOCKED}`,
      );
      expect(downloads).toEqual([]);
    }
    expect(await dialog.getByRole('button', { name: 'Spreadsheet (.xlsx)' }).isEnabled()).toBe(
      true,
    );
  });
});
