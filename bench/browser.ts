/**
 * Browser benchmarks (issue 3) against the production build in Debian's Chromium: bundle sizes,
 * whether the headline renders before the chart code, and what a slider move costs until the
 * chart is painted. Timings are medians/p95 on this machine, never assertions in the tests.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
// @ts-expect-error -- plain ESM script without type declarations
import { startServer } from '../scripts/serve.mjs';

export type BenchRow = { name: string; value: string; budget: string; ok: boolean | null };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Gzip sizes of the JS the first page load needs, and of all JS. */
export function bundleSizes(dist = 'dist'): BenchRow[] {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const initial = new Set(
    [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string),
  );
  let initialBytes = 0;
  let allBytes = 0;
  for (const file of readdirSync(join(dist, 'assets'))) {
    if (!file.endsWith('.js')) continue;
    const path = `assets/${file}`;
    const size = gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;
    allBytes += size;
    if (initial.has(path)) initialBytes += size;
  }
  if (statSync(join(dist, 'index.html')).size === 0) throw new Error('empty build');
  return [
    {
      name: `initial JS (${[...initial].length} file(s)), gzip`,
      value: kb(initialBytes),
      budget: '<= 110 KB',
      ok: initialBytes <= 110 * 1024,
    },
    { name: 'all JS, gzip', value: kb(allBytes), budget: '<= 260 KB', ok: allBytes <= 260 * 1024 },
  ];
}

const percentile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

export async function browserTimings(dist = 'dist', moves = 100): Promise<BenchRow[]> {
  const server = (await startServer({ dir: dist, port: 0 })) as {
    url: string;
    close: () => Promise<void>;
  };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const rows: BenchRow[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      const w = window as unknown as { __bench: { headline: number | null; longTasks: number[] } };
      w.__bench = { headline: null, longTasks: [] };
      new MutationObserver(() => {
        if (w.__bench.headline === null && document.querySelector('.verdict-main')) {
          w.__bench.headline = performance.now();
        }
      }).observe(document, { childList: true, subtree: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__bench.longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(server.url);
    await page.locator('.static-chart svg path').first().waitFor();
    const before = await page.evaluate(() => ({
      headline:
        (window as unknown as { __bench: { headline: number | null } }).__bench.headline ?? NaN,
      chartCode: performance
        .getEntriesByType('resource')
        .some((r) => r.name.includes('ChartsPanel')),
    }));
    await page.mouse.click(2, 2);
    await page.locator('.recharts-line').first().waitFor();
    rows.push({
      name: 'headline (and the plain-SVG main chart) before the chart library',
      value: `headline at ${before.headline.toFixed(0)} ms; chart library ${before.chartCode ? 'already loaded' : 'loaded only on the first interaction'}`,
      budget: 'headline first',
      ok: !before.chartCode,
    });

    // Slider moves by real key presses: each one re-evaluates the scenario, re-renders the
    // results and the charts. Measured in the page: from the input event to the end of the
    // frame that paints it (the next requestAnimationFrame callback, then a task after it).
    await page.evaluate(() => {
      const w = window as unknown as { __moves: number[]; __bench: { longTasks: number[] } };
      w.__moves = [];
      w.__bench.longTasks = [];
      const slider = document.querySelector(
        'input[aria-label="Volume slider"]',
      ) as HTMLInputElement;
      slider.addEventListener(
        'input',
        () => {
          const t0 = performance.now();
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => w.__moves.push(performance.now() - t0);
            channel.port2.postMessage(null);
          });
        },
        { capture: true },
      );
    });
    const slider = page.getByRole('slider', { name: 'Volume slider' });
    await slider.focus();
    // One move at a time: the next key press waits until the previous move has been painted, so
    // each figure is one move's own cost, not a queue behind earlier ones.
    for (let i = 0; i < moves; i++) {
      await page.keyboard.press(i < moves / 2 ? 'ArrowRight' : 'ArrowLeft');
      await page.waitForFunction(
        (n) => (window as unknown as { __moves: number[] }).__moves.length > n,
        i,
      );
    }
    const measured = await page.evaluate(() => {
      const w = window as unknown as { __moves: number[]; __bench: { longTasks: number[] } };
      return { moves: w.__moves, longTasks: w.__bench.longTasks };
    });
    const p50 = percentile(measured.moves, 0.5);
    const p95 = percentile(measured.moves, 0.95);
    rows.push({
      name: `slider input -> chart painted, ${measured.moves.length} moves`,
      value: `median ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
      budget: 'p95 <= 16 ms',
      ok: p95 <= 16,
    });
    const longest = Math.max(0, ...measured.longTasks);
    rows.push({
      name: 'long tasks while dragging',
      value: `${measured.longTasks.length} over 50 ms (longest ${longest.toFixed(0)} ms)`,
      budget: 'none over 50 ms',
      ok: measured.longTasks.length === 0,
    });
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}
