import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, loadInteractiveCharts, watchPage } from './browser';
import type { PageWatch } from './browser';
import { parseCsvObjects } from '../scenario/csv-parse';
import { evaluateScenario } from '../../src/index';
import { roundHalfAwayFromZero } from '../../src/scenario/files/csv-export';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openPage(): Promise<{ page: Page; watch: PageWatch }> {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const watch = watchPage(page, new URL(baseUrl).origin);
  await page.goto(baseUrl);
  await page.locator('.verdict-main').first().waitFor();
  return { page, watch };
}

async function openFilesDialog(page: Page) {
  await page.getByRole('button', { name: 'Files and exports' }).click();
  const dialog = page.getByRole('dialog', { name: 'Files and exports' });
  await dialog.waitFor();
  return dialog;
}

/** Clicks a button that downloads a file; returns the file's name and bytes. */
async function download(page: Page, click: () => Promise<void>) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

const cents = (v: string) => roundHalfAwayFromZero(v, 2);

describe('files and exports in Chromium', () => {
  it('a saved scenario file opens again (file picker and drag and drop) with the same numbers', async () => {
    const { page, watch } = await openPage();
    const verdict = await page.locator('.verdict-main').first().textContent();
    const dialog = await openFilesDialog(page);
    const saved = await download(page, () =>
      dialog.getByRole('button', { name: 'Save scenario file (.json)' }).click(),
    );
    expect(saved.name).toMatch(/\.json$/);
    const text = saved.bytes.toString('utf8');
    const json = JSON.parse(text) as { format: string; version: number };
    expect(json.format).toBe('llm-tco-scenario');
    expect(json.version).toBe(1);
    expect(text).toContain('\n  "format"');

    // Change the scenario, then open the file: the numbers come back.
    const volume = page.getByRole('textbox', { name: 'Volume' });
    await volume.fill('999000000');
    await volume.blur();
    await expect.poll(() => page.locator('.verdict-main').first().textContent()).not.toBe(verdict);
    await dialog.getByLabel('Open a scenario file…').setInputFiles({
      name: saved.name,
      mimeType: 'application/json',
      buffer: saved.bytes,
    });
    await expect.poll(() => page.locator('.verdict-main').first().textContent()).toBe(verdict);
    expect(await volume.inputValue()).toBe('150,000,000');

    // Drag and drop, with one invalid field: opened, the field reset and named.
    await volume.fill('5');
    await volume.blur();
    const broken = text.replace('"inputShare": "0.8"', '"inputShare": "1.5"');
    expect(broken).not.toBe(text);
    await dropFile(page, 'broken.json', broken);
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('The file “broken.json” was opened with some values reset');
    expect(await page.getByRole('alert').first().textContent()).toContain(
      'workloads[0].inputShare',
    );
    expect(await volume.inputValue()).toBe('150,000,000');

    // A file that is not a scenario leaves the screen as it was.
    await volume.fill('222000000');
    await volume.blur();
    await dropFile(page, 'notes.json', '{ "hello": ');
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toMatch(
        /The file “notes\.json” could not be opened\. The file is not valid JSON.*unchanged/,
      );
    expect(await volume.inputValue()).toBe('222,000,000');
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.context().close();
  });

  it('the CSV exports parse back to the same numbers as the engine', async () => {
    const { page, watch } = await openPage();
    const dialog = await openFilesDialog(page);
    const scenarioFile = await download(page, () =>
      dialog.getByRole('button', { name: 'Save scenario file (.json)' }).click(),
    );
    const evaluated = evaluateScenario(JSON.parse(scenarioFile.bytes.toString('utf8')));
    if (!evaluated.ok) throw new Error('the saved scenario does not validate');
    const strategies = evaluated.result.strategies;

    const runRate = await download(page, () =>
      dialog.getByRole('button', { name: 'Run-rate breakdown (.csv)' }).click(),
    );
    expect(runRate.name).toMatch(/\.csv$/);
    const runRateText = runRate.bytes.toString('utf8').replace(/^\uFEFF/, '');
    expect(runRateText.endsWith('\r\n')).toBe(true);
    const rows = parseCsvObjects(runRateText).filter((r) => r.row_type === 'strategy');
    expect(rows.map((r) => r.strategy_id)).toEqual(strategies.map((s) => s.id));
    rows.forEach((row, i) => {
      const s = strategies[i]!;
      expect(row.monthly_total_USD).toBe(cents(s.runRate.total));
      expect(row.monthly_gpu_USD).toBe(cents(s.runRate.gpu));
      expect(row.monthly_engineering_USD).toBe(cents(s.runRate.engineering));
      expect(Number(row.monthly_total_USD)).toBeCloseTo(Number(s.runRate.total), 2);
    });
    // The same figure the page shows, to the cent.
    const shown = await page.locator('.result-table tbody tr').first().textContent();
    expect(shown?.replace(/,/g, '')).toContain(cents(strategies[0]!.runRate.total));

    const timeline = await download(page, () =>
      dialog.getByRole('button', { name: 'Monthly timeline per strategy (.csv)' }).click(),
    );
    const months = parseCsvObjects(timeline.bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(months).toHaveLength(strategies.reduce((n, s) => n + s.timeline.months.length, 0));
    for (const s of strategies) {
      const own = months.filter((m) => m.strategy_id === s.id);
      own.forEach((m, i) => {
        const expected = s.timeline.months[i]!;
        expect(m.month).toBe(String(expected.month));
        expect(m.opex_USD).toBe(cents(expected.opex));
        expect(m.cumulative_cost_USD).toBe(cents(expected.cumulative));
      });
    }
    expect(watch.consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('each chart saves as a PNG, and print shows the memo', async () => {
    const { page, watch } = await openPage();
    await loadInteractiveCharts(page);
    const buttons = page.getByRole('button', { name: /as a PNG image/ });
    await expect.poll(() => buttons.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const png = await download(page, () => buttons.nth(i).click());
      expect(png.name).toMatch(/\.png$/);
      expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
      const width = png.bytes.readUInt32BE(16);
      const height = png.bytes.readUInt32BE(20);
      expect(width).toBeGreaterThan(600);
      expect(height).toBeGreaterThan(300);
      // A drawn chart, not an empty canvas: a blank PNG of this size compresses to a few KB.
      expect(png.bytes.length).toBeGreaterThan(15_000);
    }

    // Printing: the memo (assumptions with sources, formulas) appears, the inputs do not.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const memo = page.getByRole('region', { name: 'Printed memo' });
    await memo.waitFor();
    expect(await memo.isVisible()).toBe(true);
    const memoText = (await memo.textContent()) ?? '';
    expect(memoText).toContain('Assumptions and their sources');
    expect(memoText).toMatch(/Catalog, as of 2026-/);
    expect(memoText).toContain('#s1.');
    expect(await page.locator('.inputs-column').isVisible()).toBe(false);
    expect(await page.locator('.toolbar').isVisible()).toBe(false);
    expect(await page.getByRole('region', { name: 'Formulas' }).isVisible()).toBe(true);
    await page.screenshot({ path: '.tmp/print-preview.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => memo.count()).toBe(0);
    expect(watch.consoleErrors).toEqual([]);
    await page.context().close();
  });
});

/** Drops a file on the page the way the browser does when a file is dragged from the desktop. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ({ name, text }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type: 'application/json' }));
      for (const type of ['dragenter', 'dragover', 'drop']) {
        document.body.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    },
    { name, text },
  );
}
