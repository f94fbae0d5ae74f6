// Regenerates docs/screenshots/: the production build in Debian's Chromium at desktop (1280 px)
// and phone (390 px) width, light and dark. Run `npm run build` first.
//
//   node scripts/screenshots.mjs
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const OUT = 'docs/screenshots';
const SHOTS = [
  { name: 'desktop-light', width: 1280, height: 900, scheme: 'light' },
  { name: 'desktop-dark', width: 1280, height: 900, scheme: 'dark' },
  { name: 'phone-light', width: 390, height: 844, scheme: 'light' },
  { name: 'phone-dark', width: 390, height: 844, scheme: 'dark' },
  {
    name: 'phone-charts-dark',
    width: 390,
    height: 844,
    scheme: 'dark',
    scrollTo: '.charts-section',
  },
  {
    name: 'desktop-charts-light',
    width: 1280,
    height: 900,
    scheme: 'light',
    scrollTo: '.charts-section',
  },
  // Issue 4 and 5 views: a portfolio with its comparison, the embed, a toolbar dialog.
  {
    name: 'desktop-portfolio-light',
    width: 1280,
    height: 900,
    scheme: 'light',
    preset: 'portfolio-2026',
    scrollTo: '.comparison',
  },
  {
    name: 'phone-portfolio-dark',
    width: 390,
    height: 844,
    scheme: 'dark',
    preset: 'portfolio-2026',
    scrollTo: '.routing',
  },
  { name: 'embed-light', width: 720, height: 900, scheme: 'light', query: '?embed=1' },
  { name: 'embed-dark-locked', width: 720, height: 700, scheme: 'dark', query: '?embed=1&lock=1' },
  {
    name: 'desktop-share-dialog-dark',
    width: 1280,
    height: 900,
    scheme: 'dark',
    dialog: 'Share and embed',
  },
  {
    name: 'phone-files-dialog-light',
    width: 390,
    height: 844,
    scheme: 'light',
    dialog: 'Files and exports',
  },
  // Issue 6: the analyses below the charts, and the claim audit dialog.
  {
    name: 'desktop-analyses-light',
    width: 1280,
    height: 900,
    scheme: 'light',
    scrollTo: '.analyses-slot',
    waitFor: '.analyses figure svg',
  },
  {
    name: 'phone-analyses-dark',
    width: 390,
    height: 844,
    scheme: 'dark',
    scrollTo: '.analyses-slot',
    waitFor: '.analyses figure svg',
  },
  {
    name: 'desktop-audit-dialog-light',
    width: 1280,
    height: 900,
    scheme: 'light',
    dialog: 'Audit a published table',
  },
];

await mkdir(OUT, { recursive: true });
const server = await startServer({ dir: 'dist', port: 0 });
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
try {
  for (const shot of SHOTS) {
    const context = await browser.newContext({
      viewport: { width: shot.width, height: shot.height },
      colorScheme: shot.scheme,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.goto(server.url + (shot.query ?? ''));
    // The interactive charts load on the first interaction (the first screen draws plain SVG).
    await page.locator('.cost-chart svg path').first().waitFor();
    await page.mouse.click(2, 2);
    await page.locator('.charts-section .chart-head').first().waitFor();
    if (shot.preset) {
      await page.getByRole('combobox', { name: 'Scenario' }).selectOption(shot.preset);
      await page.locator('.comparison').first().waitFor();
    }
    if (shot.dialog) {
      await page.getByRole('button', { name: shot.dialog }).click();
      await page.getByRole('dialog', { name: shot.dialog }).waitFor();
    }
    if (shot.scrollTo) {
      await page.locator(shot.scrollTo).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    }
    if (shot.waitFor) {
      // Drawn once scrolled into view (and computed in a worker): wait, then align again.
      await page.locator(shot.waitFor).first().waitFor({ timeout: 30_000 });
      await page.locator(shot.scrollTo).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    }
    await page.screenshot({ path: `${OUT}/${shot.name}.png` });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    console.log(
      `${OUT}/${shot.name}.png${overflow > 0 ? ` (horizontal overflow ${overflow}px!)` : ''}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
