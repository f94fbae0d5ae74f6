import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchChromium, watchPage } from './browser';
import type { PageWatch } from './browser';

/**
 * The three toolbar dialogs (share and embed, files and exports, saved scenarios) in Chromium
 * against the production build: saved scenarios end to end across a reload, axe-core with each
 * dialog open in light and dark, keyboard only, and phone width (with screenshots in
 * .tmp/dialog-shots/, not committed, to look at).
 */
const require = createRequire(import.meta.url);
const SHOTS = '.tmp/dialog-shots';
// Saved scenarios last: the tests go on to use it while it is still open.
const DIALOGS = [
  'Share and embed',
  'Files and exports',
  'Audit a published table',
  'Saved scenarios',
] as const;
type DialogName = (typeof DIALOGS)[number];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});
// Closed here too, so a failed test does not leave its pages running into the next one.
const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

async function newContext(
  options: { viewport?: { width: number; height: number }; bypassCSP?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.viewport ?? DESKTOP,
    colorScheme: 'light',
    bypassCSP: options.bypassCSP ?? false,
  });
  contexts.push(context);
  return context;
}

/** A new page of the context on the calculator, its headline shown. */
async function openPage(
  context: BrowserContext,
  path = '',
): Promise<{ page: Page; watch: PageWatch }> {
  const baseUrl = inject('baseUrl');
  const page = await context.newPage();
  const watch = watchPage(page, new URL(baseUrl).origin);
  await page.goto(new URL(path, baseUrl).href);
  await page.locator('.verdict-main').first().waitFor();
  return { page, watch };
}

async function openDialog(page: Page, name: DialogName): Promise<Locator> {
  await page.getByRole('button', { name, exact: true }).click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  return dialog;
}

async function closeDialog(page: Page, name: DialogName): Promise<void> {
  const dialog = page.getByRole('dialog', { name });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await expect.poll(() => dialog.count()).toBe(0);
}

/** Switches to dark with the toolbar's toggle (not the system setting). */
async function turnDark(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
  await expect
    .poll(() => page.evaluate(() => document.documentElement.getAttribute('data-theme')))
    .toBe('dark');
}

const verdict = (page: Page) => page.locator('.verdict-main').first().textContent();

async function setVolume(page: Page, value: string): Promise<void> {
  const volume = page.getByRole('textbox', { name: 'Volume' });
  const before = await verdict(page);
  await volume.fill(value);
  await volume.blur();
  await expect.poll(() => verdict(page)).not.toBe(before);
}

/** Saves the scenario on screen under `name` (the Saved scenarios dialog must be open). */
async function saveAs(dialog: Locator, name: string): Promise<void> {
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await dialog.getByRole('button', { name: 'Save current scenario' }).click();
  await expect
    .poll(() => dialog.locator('.saved-status').textContent())
    .toContain(`Saved “${name}”.`);
}

const savedNames = (dialog: Locator) =>
  dialog.getByRole('list', { name: 'Saved scenarios' }).locator('.saved-name').allTextContents();
const actionsFor = (dialog: Locator, name: string) =>
  dialog.getByRole('group', { name: `Actions for ${name}`, exact: true });

/** Two saved scenarios (150M and 400M tokens/day), for the views that need a list. */
async function seedTwoSaved(page: Page): Promise<void> {
  const dialog = await openDialog(page, 'Saved scenarios');
  await saveAs(dialog, 'Baseline 150M');
  await setVolume(page, '400000000');
  await saveAs(dialog, 'Heavy 400M');
  await closeDialog(page, 'Saved scenarios');
}

type AxeViolation = { id: string; impact: string; help: string; targets: string[] };
/** Every axe finding, whatever its impact, to be read after the run. */
const axeFindings: Record<string, AxeViolation[]> = {};

async function runAxe(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  }
  // Disclosures inside the dialogs are checked open too.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document) => Promise<{
            violations: {
              id: string;
              impact: string;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  axeFindings[label] = violations;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(', ')}`);
}

/** "$14,455.63", "+$20,759.38", "-$0.27" as a whole number of cents. */
const cents = (money: string) =>
  Math.round(Number(money.replace(/[$,+]/g, '').replace('−', '-')) * 100);

/** How far the page scrolls sideways (0: not at all). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the toolbar dialogs in Chromium', () => {
  it('saves scenarios, keeps them across a reload, opens, renames, duplicates, deletes (with undo) and compares them', async () => {
    const context = await newContext();
    const first = await openPage(context);
    const volume = first.page.getByRole('textbox', { name: 'Volume' });
    const dialog = await openDialog(first.page, 'Saved scenarios');
    expect(await dialog.textContent()).toContain('No saved scenarios yet.');

    await saveAs(dialog, 'Baseline 150M');
    const baselineVerdict = await verdict(first.page);
    expect(await volume.inputValue()).toBe('150,000,000');
    await setVolume(first.page, '400000000');
    const heavyVerdict = await verdict(first.page);
    expect(heavyVerdict).not.toBe(baselineVerdict);
    await saveAs(dialog, 'Heavy 400M');
    expect(await savedNames(dialog)).toEqual(['Heavy 400M', 'Baseline 150M']);

    // A new page of the same browser profile: the list is read back from localStorage.
    const second = await openPage(context);
    const page = second.page;
    const volume2 = page.getByRole('textbox', { name: 'Volume' });
    await setVolume(page, '777000000');
    const saved = await openDialog(page, 'Saved scenarios');
    expect(await savedNames(saved)).toEqual(['Heavy 400M', 'Baseline 150M']);

    // Opening a saved scenario brings back its inputs and its headline.
    await actionsFor(saved, 'Baseline 150M').getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => volume2.inputValue()).toBe('150,000,000');
    await expect.poll(() => verdict(page)).toBe(baselineVerdict);
    expect(await saved.locator('.saved-status').textContent()).toContain('Opened “Baseline 150M”');
    await actionsFor(saved, 'Heavy 400M').getByRole('button', { name: 'Open' }).click();
    await expect.poll(() => volume2.inputValue()).toBe('400,000,000');
    await expect.poll(() => verdict(page)).toBe(heavyVerdict);

    // Rename in place, by keyboard: the field takes focus with the name selected; Enter keeps it.
    await actionsFor(saved, 'Baseline 150M').getByRole('button', { name: 'Rename' }).click();
    const renameField = saved.getByRole('textbox', { name: 'New name for Baseline 150M' });
    await expect.poll(() => renameField.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Baseline renamed');
    await page.keyboard.press('Enter');
    await expect.poll(() => savedNames(saved)).toEqual(['Heavy 400M', 'Baseline renamed']);
    // Focus goes back to the Rename button, not to the top of the page.
    await expect
      .poll(() =>
        actionsFor(saved, 'Baseline renamed')
          .getByRole('button', { name: 'Rename' })
          .evaluate((el) => el === document.activeElement),
      )
      .toBe(true);

    // Duplicate, then delete the copy and undo the delete.
    await actionsFor(saved, 'Heavy 400M').getByRole('button', { name: 'Duplicate' }).click();
    await expect
      .poll(() => savedNames(saved))
      .toEqual(expect.arrayContaining(['Heavy 400M', 'Heavy 400M (copy)', 'Baseline renamed']));
    expect(await savedNames(saved)).toHaveLength(3);
    await actionsFor(saved, 'Heavy 400M (copy)').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => savedNames(saved)).toHaveLength(2);
    expect(await savedNames(saved)).not.toContain('Heavy 400M (copy)');
    const undo = saved.getByRole('button', { name: 'Undo delete' });
    expect(await saved.locator('.saved-status').textContent()).toContain(
      'Deleted “Heavy 400M (copy)”.',
    );
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
    await undo.click();
    await expect.poll(() => savedNames(saved)).toHaveLength(3);
    expect(await savedNames(saved)).toContain('Heavy 400M (copy)');
    expect(await saved.locator('.saved-status').textContent()).toContain(
      'Restored “Heavy 400M (copy)”.',
    );

    // The list as stored is what the page shows.
    const stored = await page.evaluate(() => localStorage.getItem('llm-tco.saved.v1'));
    const names = (JSON.parse(stored ?? '{}') as { entries?: { name: string }[] }).entries?.map(
      (e) => e.name,
    );
    expect(names?.sort()).toEqual(['Baseline renamed', 'Heavy 400M', 'Heavy 400M (copy)']);

    // Compare two: the Volume input is marked as differing, and the results differ.
    await saved.getByRole('checkbox', { name: 'Choose Baseline renamed for comparison' }).check();
    await saved
      .getByRole('checkbox', { name: 'Choose Heavy 400M for comparison', exact: true })
      .check();
    expect(await saved.textContent()).toContain('2 of 2 chosen');
    await saved.getByRole('button', { name: 'Compare', exact: true }).click();
    const comparison = saved.getByRole('region', { name: 'Comparison' });
    await comparison.waitFor();
    expect(await comparison.textContent()).toContain('A: Baseline renamed');
    const inputs = comparison.getByRole('region', { name: 'Inputs of A and B' });
    const volumeRow = inputs.locator('tr', {
      has: page.locator('th[scope="row"]', { hasText: /^Volume/ }),
    });
    expect(await volumeRow.count()).toBe(1);
    expect(await volumeRow.getAttribute('class')).toContain('differs');
    expect(await volumeRow.locator('th').textContent()).toContain('differs');
    const volumeCells = await volumeRow.locator('td').allTextContents();
    expect(volumeCells.join(' | ')).toMatch(/150,000,000.*\|.*400,000,000/);
    const results = comparison.getByRole('region', { name: 'Results of A and B' });
    const runRate = results.locator('tr', { hasText: 'Run-rate, per month' }).first();
    const [a, b, difference] = await runRate.locator('td').allTextContents();
    expect(difference).toMatch(/^[+−-]\$[\d,]+\.\d{2}$/);
    expect(cents(difference!)).not.toBe(0);
    // B − A is taken exactly, then rounded: one cent off the difference of the rounded cells.
    expect(Math.abs(cents(difference!) - (cents(b!) - cents(a!)))).toBeLessThanOrEqual(1);
    expect(await runRate.getAttribute('class')).toContain('differs');
    expect(await comparison.getByRole('status').textContent()).toMatch(
      /^[1-9]\d* of \d+ inputs differ\.$/,
    );

    for (const { watch } of [first, second]) {
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    }
  });

  it('has no serious or critical accessibility violations with each dialog open, light and dark, and in the embed', async () => {
    const context = await newContext({ bypassCSP: true });
    const { page, watch } = await openPage(context);
    // Seeding leaves Volume changed, so its "reset to" button is on screen too, as it is for
    // anyone who has saved a second scenario.
    await seedTwoSaved(page);
    const problems: Record<string, string[]> = {};
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark') await turnDark(page);
      for (const name of DIALOGS) {
        await openDialog(page, name);
        problems[`${name}, ${theme}`] = await runAxe(page, `${name}, ${theme}`);
      }
      // The comparison view, inside the saved scenarios dialog (still open).
      const saved = page.getByRole('dialog', { name: 'Saved scenarios' });
      await actionsFor(saved, 'Baseline 150M')
        .getByRole('button', { name: 'Compare with current' })
        .click();
      await saved.getByRole('region', { name: 'Comparison' }).waitFor();
      problems[`comparison, ${theme}`] = await runAxe(page, `comparison, ${theme}`);
      await saved.getByRole('button', { name: 'Close comparison' }).click();
      await closeDialog(page, 'Saved scenarios');
    }
    for (const theme of ['light', 'dark'] as const) {
      const embed = await openPage(
        context,
        `?embed=1&panels=headline,cost,sliders,math&theme=${theme}`,
      );
      await embed.page.getByRole('slider').first().waitFor();
      problems[`embed, ${theme}`] = await runAxe(embed.page, `embed, ${theme}`);
      expect(embed.watch.consoleErrors).toEqual([]);
      expect(embed.watch.foreignRequests).toEqual([]);
    }
    await writeFile(`${SHOTS}/axe-findings.json`, JSON.stringify(axeFindings, null, 2));
    expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((k) => [k, []])));
    expect(watch.consoleErrors).toEqual([]);
  });

  it('opens and closes each dialog by keyboard alone, focus going in and coming back', async () => {
    const context = await newContext();
    const { page, watch } = await openPage(context);
    for (const name of ['Files and exports', 'Share and embed', 'Saved scenarios'] as const) {
      // From the start of the page, Tab until the dialog's button has focus.
      await page.reload();
      await page.locator('.verdict-main').first().waitFor();
      let presses = 0;
      while (
        (await page.evaluate(() => {
          const el = document.activeElement;
          return el instanceof HTMLButtonElement ? el.textContent : null;
        })) !== name
      ) {
        expect(presses++, `Tab presses to reach "${name}"`).toBeLessThan(40);
        await page.keyboard.press('Tab');
      }
      const button = page.getByRole('button', { name, exact: true });
      expect(await button.getAttribute('aria-expanded')).toBe('false');
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name });
      await dialog.waitFor();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      const focusInDialog = () => dialog.evaluate((el) => el.contains(document.activeElement));
      await expect.poll(focusInDialog).toBe(true);
      // Tab moves on inside the dialog, to its first control (Close).
      await page.keyboard.press('Tab');
      expect(await focusInDialog()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close');
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await button.getAttribute('aria-expanded')).toBe('false');
    }
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  it('fits a phone without sideways scrolling; screenshots at phone and desktop width, light and dark', async () => {
    // Collected, so one overflow does not hide the next (and every screenshot is taken).
    const overflows: Record<string, number> = {};
    for (const [size, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const context = await newContext({ viewport });
      const { page, watch } = await openPage(context);
      await seedTwoSaved(page);
      for (const theme of ['light', 'dark'] as const) {
        if (theme === 'dark') await turnDark(page);
        for (const name of DIALOGS) {
          const dialog = await openDialog(page, name);
          const file = name.toLowerCase().replace(/ /g, '-');
          await dialog.screenshot({ path: `${SHOTS}/${file}-${size}-${theme}.png` });
          if (size === 'phone') {
            overflows[`${name}, ${theme}`] = await sidewaysScroll(page);
            // The dialog as it sits on the screen, its top under the toolbar.
            await dialog.evaluate((el) => el.scrollIntoView({ block: 'start' }));
            await page.screenshot({ path: `${SHOTS}/viewport-${file}-${size}-${theme}.png` });
          }
        }
        const saved = page.getByRole('dialog', { name: 'Saved scenarios' });
        await saved.getByRole('checkbox', { name: 'Choose Baseline 150M for comparison' }).check();
        await saved.getByRole('checkbox', { name: 'Choose Heavy 400M for comparison' }).check();
        await saved.getByRole('button', { name: 'Compare', exact: true }).click();
        await saved.getByRole('region', { name: 'Comparison' }).waitFor();
        if (size === 'phone') overflows[`comparison, ${theme}`] = await sidewaysScroll(page);
        await saved.screenshot({ path: `${SHOTS}/comparison-${size}-${theme}.png` });
        // What the reader sees first: the top of the page with the dialog under the toolbar.
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `${SHOTS}/viewport-comparison-${size}-${theme}.png` });
        await closeDialog(page, 'Saved scenarios');
      }
      expect(watch.consoleErrors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
    }
    expect(overflows).toEqual(Object.fromEntries(Object.keys(overflows).map((k) => [k, 0])));
  });
});
