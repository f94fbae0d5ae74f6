// `npm run lighthouse`: Lighthouse 12 (mobile preset, simulated throttling) on the production
// build served with compression, in Debian's Chromium, three runs; prints the medians against the
// budgets of issue 3. Run `npm run build` first.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const server = await startServer({ dir: 'dist', port: 0 });
const results = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM_PATH,
      chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    });
    try {
      const { lhr } = await lighthouse(server.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
      });
      const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const row = {
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        tbt: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
        lcp: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
        fcp: Math.round(lhr.audits['first-contentful-paint']?.numericValue ?? NaN),
        cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN).toFixed(3)),
      };
      const failing = Object.values(lhr.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'manual' &&
            a.scoreDisplayMode !== 'notApplicable',
        )
        .map((a) => a.id);
      console.log(
        `run ${run + 1}:`,
        JSON.stringify(row),
        failing.length ? `below 0.9: ${failing.join(', ')}` : '',
      );
      results.push(row);
    } finally {
      await chrome.kill();
    }
  }
} finally {
  await server.close();
}

const median = (key) => {
  const values = results.map((r) => r[key]).sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
};
const budgets = [
  ['performance', '>= 97', (v) => v >= 97],
  ['tbt', '<= 100 ms', (v) => v <= 100],
  ['accessibility', '100', (v) => v === 100],
  ['bestPractices', '100', (v) => v === 100],
  ['seo', '100', (v) => v === 100],
  ['lcp', 'reported', null],
  ['fcp', 'reported', null],
  ['cls', 'reported', null],
];
console.log(`\nLighthouse 12, mobile preset, median of ${results.length} runs:`);
let over = false;
for (const [key, budget, ok] of budgets) {
  const value = median(key);
  const flag = ok === null ? '    ' : ok(value) ? 'ok  ' : 'OVER';
  if (ok && !ok(value)) over = true;
  console.log(`${flag} ${key.padEnd(14)} ${String(value).padStart(6)}  [budget ${budget}]`);
}
if (over) process.exitCode = 1;
